// Placeholder: RuleTester lints its case code under this file name inside the fixture project.
export {};
