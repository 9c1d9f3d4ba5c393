// lib/edits/imports.ts: the withKey import, in the file's own style.
import { describe, expect, it } from "vitest";
import {
  existingWithKeyLocal,
  isCommonJs,
  lastLeadingRequire,
  planNamedImport,
  useMemoCallee,
} from "../../lib/edits/imports.js";
import { NameRegistry } from "../../lib/edits/names.js";
import { applyEdits, parse } from "../snippets.js";

const target = { module: "stable-schema", name: "withKey" };

function withImport(code: string, filename = "a.ts"): { local: string; output: string } {
  const source = parse(code, filename);
  const planned = planNamedImport(source, filename, target, new NameRegistry(source.ast));
  return { local: planned.local, output: planned.edit ? applyEdits(code, [planned.edit]) : code };
}

describe("style helpers", () => {
  it("a new import line follows the file's quotes and semicolons", () => {
    expect(withImport(`import a from 'a';\n`).output).toBe(`import a from 'a';\nimport { withKey } from 'stable-schema';\n`);
    expect(withImport(`import a from "a"\nimport b from "b"\n`).output).toBe(`import a from "a"\nimport b from "b"\nimport { withKey } from "stable-schema"\n`);
  });
  it("a new import line goes with the package imports, before relative ones", () => {
    expect(withImport(`import a from "a";\nimport b from "./b";\n`).output).toBe(`import a from "a";\nimport { withKey } from "stable-schema";\nimport b from "./b";\n`);
    expect(withImport(`import b from "./b";\n`).output).toBe(`import { withKey } from "stable-schema";\nimport b from "./b";\n`);
  });
  it("isCommonJs: .cjs/.cts, or require() without ES module syntax", () => {
    expect(isCommonJs(parse(`const z = require("zod");`, "a.js"), "a.js")).toBe(true);
    expect(isCommonJs(parse(`import z from "zod"; require("x");`, "a.js"), "a.js")).toBe(false);
    expect(isCommonJs(parse(`export {};`, "a.cts"), "a.cts")).toBe(true);
  });
  it("lastLeadingRequire is the end of the require block after directives", () => {
    const source = parse(`"use strict";\nconst a = require("a");\nconst b = require("b").c;\nfoo();\nconst d = require("d");`, "a.js");
    expect(source.text.slice(...lastLeadingRequire(source.ast)!.range)).toBe(`const b = require("b").c;`);
  });
  it("existingWithKeyLocal finds an ESM named import (aliases too) or a destructured require", () => {
    expect(existingWithKeyLocal(parse(`import { withKey as wk } from "stable-schema";`).ast, target)).toBe("wk");
    expect(existingWithKeyLocal(parse(`import type { withKey } from "stable-schema";`).ast, target)).toBeUndefined();
    expect(existingWithKeyLocal(parse(`const { withKey: k } = require("stable-schema");`, "a.js").ast, target)).toBe("k");
  });
});

describe("planNamedImport", () => {
  it("reuses an existing value import", () => {
    expect(withImport(`import { withKey } from "stable-schema";\nwithKey;`)).toEqual({ local: "withKey", output: `import { withKey } from "stable-schema";\nwithKey;` });
  });
  it("extends a named import of the module, after a trailing comma too", () => {
    expect(withImport(`import { schemaKey } from "stable-schema";`).output).toBe(`import { schemaKey, withKey } from "stable-schema";`);
    expect(withImport(`import {\n  schemaKey,\n} from "stable-schema";`).output).toBe(`import {\n  schemaKey, withKey,\n} from "stable-schema";`);
  });
  it("adds a line after the last import in the file's quotes and semicolons", () => {
    expect(withImport(`import z from 'zod'\nz\n`).output).toBe(`import z from 'zod'\nimport { withKey } from 'stable-schema'\nz\n`);
  });
  it("aliases the import when `withKey` is taken", () => {
    expect(withImport(`import z from "zod";\nconst withKey = 1;`)).toEqual({
      local: "withKey2",
      output: `import z from "zod";\nimport { withKey as withKey2 } from "stable-schema";\nconst withKey = 1;`,
    });
  });
  it("writes a require in CommonJS, after the leading requires", () => {
    expect(withImport(`const z = require("zod");\nz;`, "a.js").output).toBe(`const z = require("zod");\nconst { withKey } = require("stable-schema");\nz;`);
  });
  it("goes below directives and above the first statement otherwise", () => {
    expect(withImport(`"use client";\nexport const a = 1;\n`, "a.tsx").output).toBe(`"use client";\nimport { withKey } from "stable-schema";\n\nexport const a = 1;\n`);
  });
});

describe("useMemoCallee", () => {
  const memo = (code: string, filename = "a.tsx") => {
    const source = parse(code, filename);
    const planned = useMemoCallee(source, filename, new NameRegistry(source.ast));
    return { callee: planned.callee, output: planned.edit ? applyEdits(code, [planned.edit]) : code };
  };
  it("reuses a value import of useMemo (aliased too), not a type-only one (whose name is then taken)", () => {
    expect(memo(`import { useMemo as memo } from "react";\n`).callee).toBe("memo");
    expect(memo(`import { type useMemo, useState } from "react";\n`)).toEqual({ callee: "useMemo2", output: `import { type useMemo, useState, useMemo as useMemo2 } from "react";\n` });
  });
  it("calls it through a namespace or default import of react", () => {
    expect(memo(`import * as R from "react";\n`)).toEqual({ callee: "R.useMemo", output: `import * as R from "react";\n` });
    expect(memo(`import React from "react";\n`).callee).toBe("React.useMemo");
  });
  it("adds a named import in the file's style when there is none", () => {
    expect(memo(`import { z } from 'zod';\n`)).toEqual({ callee: "useMemo", output: `import { z } from 'zod';\nimport { useMemo } from 'react';\n` });
  });
});
