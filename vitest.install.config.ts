// `npm run test:install`: packs both packages and installs the tarballs into fresh temporary projects
// from the npm registry (ESLint 9.0 / 9.x / 10.x, TypeScript 5.0 / 5.9 / 6.0 / 7, Jest), as users do.
// Slow and networked, so it is kept out of the default `vitest run`; .ci/run runs it.
import { defineConfig } from "vitest/config";

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export default defineConfig({
  test: {
    include: ["tests/install/**/*.test.ts"],
    testTimeout: FIFTEEN_MINUTES,
    hookTimeout: FIFTEEN_MINUTES,
    fileParallelism: false,
  },
});
