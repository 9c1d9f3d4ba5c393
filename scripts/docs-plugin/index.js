// eslint-doc-generator loads "the plugin" from a directory's package.json entry point. stable-schema's
// "." export is the runtime (withKey, schemaKey…) and the plugin lives at "./eslint-plugin", so
// `npm run docs:check` / `docs:update` point the generator at this directory, which re-exports the build.
export { default } from "../../dist/plugin.js";
