// One measurement for bench/profile.mjs: the example app's request loop (serveRequests), warmed up,
// then timed by process CPU time. Prints µs per loop iteration.
import { pathToFileURL } from "node:url";

const [entry, iterations = "400", warmup = "200"] = process.argv.slice(2);
const app = await import(pathToFileURL(entry).href);
for (let i = 0; i < Number(warmup); i++) app.serveRequests();
const start = process.cpuUsage();
for (let i = 0; i < Number(iterations); i++) app.serveRequests();
const used = process.cpuUsage(start);
console.log(JSON.stringify({ usPerLoop: (used.user + used.system) / Number(iterations) }));
