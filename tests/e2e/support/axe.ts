// Runs axe-core's WCAG 2.1 A and AA rules on a page and returns its violations, one readable line each.
// @axe-core/playwright's AxeBuilder also walks iframes, and for that opens a fresh page for every run (about 1.5 s
// of the 2.5 s a run takes here); a page without iframes gets the same rules and results from axe run in the page
// itself. Pages with iframes still go through AxeBuilder.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { AxeResults, Result } from "axe-core";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

function describe(v: Result): string {
  return `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`;
}

export async function axeViolations(page: Page): Promise<string[]> {
  if (page.frames().length > 1) {
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    return result.violations.map(describe);
  }
  // Evaluated, not added as a script tag, so a Content-Security-Policy cannot block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } }).axe
        .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
        .then((r) => r.violations),
    WCAG_TAGS,
  );
  return violations.map(describe);
}
