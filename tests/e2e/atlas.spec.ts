// The atlas index in a browser: the filter narrows the list by name, alias and tissue, and without JavaScript
// everything is listed. The atlas pages, the index's grouping and the links between guides and structures are
// checked over dist/ in tests/built/pages.test.ts; axe runs on sample atlas pages in site.spec.ts.
import { expect, test } from "@playwright/test";
import { yamlRecords } from "../support/content.ts";

const records = yamlRecords<{ id: string; tissue: string }>("anatomy").map((r) => r.data);

test("the atlas filter narrows the list by name, alias and tissue, and says how many are shown", async ({ page }) => {
  await page.goto("/anatomy/");
  const filter = page.getByRole("search", { name: "Filter the atlas" });
  await expect(filter).toBeVisible();
  const box = filter.getByLabel("Filter by name");

  await box.fill("rotator cuff");
  const visible = page.locator("li[data-structure]:visible");
  const cuff = records.filter((r) => ["supraspinatus", "infraspinatus", "teres-minor", "subscapularis"].includes(r.id));
  await expect(visible).toHaveCount(cuff.length);
  await expect(page.locator('li[data-structure="biceps-brachii"]')).toBeHidden();
  await expect(filter.getByRole("status")).toHaveText(`${cuff.length} of ${records.length} structures`);
  // Region sections with nothing left are hidden too.
  await expect(page.locator('section[data-region="leg-foot"]')).toBeHidden();

  // An alias finds its structure.
  await box.fill("traps");
  await expect(page.locator('li[data-structure="trapezius"]')).toBeVisible();

  // Tissue checkboxes: with muscles unticked, no muscle is listed but nerves are.
  await box.fill("");
  await filter.getByRole("checkbox", { name: "Muscles" }).uncheck();
  await expect(page.locator('li[data-tissue="muscle"]:visible')).toHaveCount(0);
  await expect(page.locator('li[data-tissue="nerve"]:visible')).toHaveCount(
    records.filter((r) => r.tissue === "nerve").length,
  );

  await box.fill("no such structure");
  await expect(page.getByText("No structure matches")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the atlas index lists every structure and hides the filter it cannot run", async ({ page }) => {
    await page.goto("/anatomy/");
    await expect(page.locator("li[data-structure]:visible")).toHaveCount(records.length);
    await expect(page.getByRole("search", { name: "Filter the atlas" })).toBeHidden();
  });
});
