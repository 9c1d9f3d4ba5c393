// CommonJS entry of eslint-plugin-stable-schema: `require("eslint-plugin-stable-schema")` is the plugin
// object itself (no `.default`). The plugin is ESM; Node >= 20.19 loads it through require(esm).
"use strict";
module.exports = require("./plugin.js").default;
