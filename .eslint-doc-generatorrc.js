// eslint-doc-generator runs against scripts/docs-plugin (see the docs:* npm scripts), which re-exports
// ./dist/plugin.js; paths below are relative to that directory.
const config = {
  pathRuleDoc: "../../docs/rules/{name}.md",
  pathRuleList: "../../README.md",
  ruleDocTitleFormat: "prefix-name",
  ruleListColumns: ["name", "description", "configsError", "configsWarn", "configsOff", "fixable", "hasSuggestions", "requiresTypeChecking", "deprecated", "options"],
};

export default config;
