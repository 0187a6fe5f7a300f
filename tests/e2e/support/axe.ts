// Runs axe-core's WCAG 2.1 A and AA rules on a page (through @axe-core/playwright) and returns its violations,
// one readable line each.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Violations on the page, or only within the elements matching `include`. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  // Legacy mode runs axe.run() in the page itself; the default opens a blank page for every run to merge the
  // results of cross-origin frames, which the site never has, and that page cost most of each check's time.
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true);
  if (include) builder.include(include);
  const result = await builder.analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}
