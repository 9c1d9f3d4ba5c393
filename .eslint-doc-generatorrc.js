// eslint-doc-generator reads the plugin from this package's own entry (the build: run `npm run build`).
const config = {
  ruleDocTitleFormat: "prefix-name",
  ruleListColumns: ["name", "description", "configsError", "configsWarn", "configsOff", "fixable", "hasSuggestions", "requiresTypeChecking", "deprecated", "options"],
};

export default config;
