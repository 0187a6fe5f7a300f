// Condition guides in a browser: the contents list moves to its section, and search finds a guide by another
// name. The template, figures, red flags, citations and the index are checked over dist/ in tests/built/pages.test.ts.
import { expect, test } from "@playwright/test";
import { CONDITION_PAGE_SECTIONS } from "../../src/components/condition/sections.ts";
import { axeViolations } from "./support/axe";

test("the contents list of a guide moves to each section", async ({ page }) => {
  const slug = "carpal-tunnel-syndrome";
  await page.goto(`/conditions/${slug}/`);
  const contents = page.getByRole("navigation", { name: "On this page" });
  await expect(contents.getByRole("link")).toHaveText([...CONDITION_PAGE_SECTIONS]);
  const link = contents.getByRole("link", { name: "When to see a doctor" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#red-flags-heading$/);
  await expect(page.locator("#red-flags-heading")).toBeInViewport();
});

test("a guide shows its outcome measures, special tests and a printable re-assessment sheet", async ({ page }) => {
  await page.goto("/conditions/carpal-tunnel-syndrome/");
  const outcomes = page.getByRole("table", { name: "Outcome measures and the change that matters" });
  await expect(outcomes.getByRole("rowheader").first()).toContainText("Patient-Specific Functional Scale");
  const tests = page.getByRole("table", { name: "Special tests for this condition" });
  await expect(tests.getByRole("rowheader")).toHaveCount(3);
  await expect(page.getByText("Tests guide referral and treatment planning; they do not diagnose.")).toBeVisible();
  await page.getByRole("link", { name: "Printable re-assessment sheet" }).click();
  await expect(page).toHaveURL(/\/conditions\/carpal-tunnel-syndrome\/reassessment\/$/);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header.site-header")).toBeHidden();
  await expect(page.locator("footer.site-footer")).toBeHidden();
  await expect(page.getByRole("table", { name: "Scores at each visit" }).getByRole("columnheader")).toHaveText([
    "Measure",
    "Baseline",
    "Session 4",
    "Session 8",
  ]);
  expect(await axeViolations(page)).toEqual([]);
});

test("site search finds a guide by one of its other names", async ({ page }) => {
  // "Also known as" names are indexed with extra weight: searching "adhesive capsulitis" finds frozen shoulder.
  await page.goto("/search/?q=adhesive%20capsulitis");
  await expect(page.getByRole("main").getByRole("status")).toContainText(/result/);
  const hrefs = await page
    .locator("[data-search-results] li a")
    .evaluateAll((as) => as.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(hrefs).toContain("/conditions/frozen-shoulder/");
});
