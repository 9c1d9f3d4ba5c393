// Added to Vitest's setupFiles by the Vite plugin: profiling on, the matcher registered, and the
// worker's profile (cumulative: counters live for the worker's life) written for the reporter.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { afterAll, expect } from "vitest";
import { enableProfile, schemaMatchers, schemaProfile } from "stable-schema/profile";

enableProfile();
expect.extend(schemaMatchers);

afterAll(() => {
  const dir = process.env.STABLE_SCHEMA_PROFILE_DIR;
  if (dir) writeFileSync(path.join(dir, `${process.pid}-${threadId}.json`), JSON.stringify(schemaProfile()));
});
