// Every built page passes html-validate (recommended rules) with the committed .htmlvalidate.json. JSON takes no
// comments, so each departure from the recommended preset is explained in OVERRIDES below, and a test fails if the
// config and that list drift apart.
import { readFileSync } from "node:fs";
import { type ConfigData, HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { builtPages } from "../support/dist.ts";

const configFile = new URL("../../.htmlvalidate.json", import.meta.url);
const config = JSON.parse(readFileSync(configFile, "utf8")) as ConfigData;

/** Why each rule differs from html-validate:recommended: the site is right and the rule is not, here. */
const OVERRIDES: Record<string, string> = {
  "attr-case":
    "React's server renderer writes some attribute names in camelCase (autoComplete, spellCheck); HTML attribute names are case-insensitive.",
  "attribute-boolean-style": 'A matter of style: React writes disabled="", Astro writes disabled; both are valid HTML.',
  "attribute-empty-style": 'A matter of style: hidden="" and hidden are the same attribute.',
  "void-style": "A matter of style: React writes <input/>, Astro writes <input>; both are valid HTML.",
  "valid-id":
    "React's useId makes ids such as _r1R_39_; HTML allows any id without spaces (relaxed still checks that).",
  "no-redundant-role":
    'role="list" on styled lists is deliberate: Safari drops list semantics when list-style is none.',
  "wcag/h32":
    "The atlas filter form applies as you type and handles Enter itself; a submit button would do nothing. The search form has one.",
  "long-title":
    "Titles name the condition in full (re-assessment sheets reach ~80 characters); kept readable over short.",
  // `elements` (not a rule): Astro writes its island bootstrap <style> before the first island in <body>, which the
  // HTML spec does not allow but every browser applies; html5 metadata is patched to let <style> be flow content.
};

const validator = new HtmlValidate(config);
const pages = builtPages();

describe("html-validate over dist/", () => {
  it("has a documented reason for every rule the config changes", () => {
    expect(Object.keys(config.rules ?? {}).sort()).toEqual(Object.keys(OVERRIDES).sort());
  });

  it("covers every built page", () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  it.each(pages.map((p) => [p.path, p.file]))("%s is valid HTML", async (path, file) => {
    const report = await validator.validateString(readFileSync(file, "utf8"), file);
    const problems = report.results.flatMap((r) =>
      r.messages.map((m) => `${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ""})`),
    );
    expect(problems).toEqual([]);
  });
});
