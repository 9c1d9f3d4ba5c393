// `eslint-plugin-stable-schema/vite`: the profiler's transform as a Vite (and Vitest) plugin.
//
//   // vitest.config.ts
//   import stableSchemaProfile from "eslint-plugin-stable-schema/vite";
//   import { SchemaProfileReporter } from "eslint-plugin-stable-schema/vitest";
//   export default defineConfig({ plugins: [stableSchemaProfile()], test: { reporters: ["default", new SchemaProfileReporter()] } });
//
// Runs after Vite's own transforms (enforce: "post"), so it sees JavaScript; site lines are mapped
// back through the combined source map. Under Vitest it also adds a setup file that registers the
// `toRebuildSchemas` matcher and hands each worker's profile to the reporter.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { instrument } from "./transform.js";

export interface SchemaProfilePluginOptions {
  /** Instrument modules under node_modules too (default false). */
  dependencies?: boolean;
  /** Which modules to instrument (default: every JavaScript/TypeScript module of the project). */
  include?: (id: string) => boolean;
  /** Only in this mode (`vite --mode profile`); default: always when the plugin is listed. */
  mode?: string;
}

const SCRIPT = /\.(?:[cm]?[jt]sx?|vue|svelte)$/;
const setupFile = fileURLToPath(new URL("./vitest-setup.js", import.meta.url));

export default function stableSchemaProfile(options: SchemaProfilePluginOptions = {}): Plugin {
  let enabled = true;
  return {
    name: "stable-schema:profile",
    enforce: "post",
    config(_config, env) {
      enabled = options.mode === undefined || env.mode === options.mode;
      if (!enabled) return undefined;
      // Workers write their profiles here; the reporter merges them (inherited by forks and threads).
      process.env.STABLE_SCHEMA_PROFILE_DIR ??= mkdtempSync(path.join(tmpdir(), "stable-schema-profile-"));
      return { test: { setupFiles: [setupFile] } } as Record<string, unknown>;
    },
    transform(code, id) {
      if (!enabled || id.startsWith("\0")) return null;
      const file = id.replace(/[?#].*$/, "");
      if (!SCRIPT.test(file) || (!options.dependencies && file.includes("/node_modules/"))) return null;
      if (options.include && !options.include(file)) return null;
      const inputMap = this.getCombinedSourcemap();
      const done = instrument(code, { file, filename: file.replace(/\.(?:vue|svelte)$/, ".js"), compiled: true, inputMap: inputMap as never });
      return done ? { code: done.code, map: done.map as never } : null;
    },
  };
}

export { stableSchemaProfile };
