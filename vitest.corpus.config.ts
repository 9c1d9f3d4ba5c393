// `npm run test:corpus`: lints pinned real npm packages (downloaded once into a cache outside the repo,
// see bench/corpus.mjs) with the built plugin. Slow, so it is kept out of the default `vitest run`.
import { defineConfig } from "vitest/config";

const TEN_MINUTES = 10 * 60 * 1000;

export default defineConfig({
  test: {
    include: ["tests/corpus/**/*.test.ts"],
    testTimeout: TEN_MINUTES,
    hookTimeout: TEN_MINUTES,
    // One file, one worker: the timings printed are for a single thread.
    fileParallelism: false,
  },
});
