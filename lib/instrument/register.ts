// `node --import eslint-plugin-stable-schema/register app.js` (after a TypeScript loader:
// `node --import tsx --import eslint-plugin-stable-schema/register app.ts`): registers the
// instrumenting load hooks and reports the profile at exit, on a signal and to a JSON file.
//
//   STABLE_SCHEMA_PROFILE=report.json   also write the profile as JSON (at exit and on the signal)
//   STABLE_SCHEMA_PROFILE_SIGNAL=SIGUSR2 the signal that prints and writes it (`none`: no handler)
//   STABLE_SCHEMA_PROFILE_QUIET=1        do not print the table at exit
//   STABLE_SCHEMA_PROFILE_DEPS=1         instrument node_modules too
import { createRequire, register } from "node:module";
import { installReporting } from "./report.js";
import type { HooksData } from "./hooks.js";

const require = createRequire(import.meta.url);

function resolveRuntime(): HooksData["runtime"] {
  try {
    return { module: import.meta.resolve("stable-schema/profile"), commonjs: require.resolve("stable-schema/profile") };
  } catch {
    throw new Error("eslint-plugin-stable-schema/register: the runtime package is needed for the counters: npm i stable-schema");
  }
}

const runtime = resolveRuntime();
register<HooksData>("./hooks.js", import.meta.url, {
  data: { runtime, dependencies: process.env.STABLE_SCHEMA_PROFILE_DEPS === "1" },
});
await installReporting(runtime.module);
