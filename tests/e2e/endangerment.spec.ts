// The explorer's "Endangerment sites" layer against the production build and the generated models: switching it on
// outlines the sites on the skin (the canvas counts the outline pieces it draws), changes the picture, and is
// written into the shareable link; switching it off removes them.
import { expect, test } from "@playwright/test";
import { reportCspViolations } from "./support/csp";
import { pixelStats } from "./support/pixels";

test.beforeEach(({ context }) => reportCspViolations(context));

test("the explorer's endangerment-sites layer outlines every site in view and is kept in the link", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/anatomy/explore/");
  const v = page.locator("[data-anatomy-viewer]").first();
  await v.scrollIntoViewIfNeeded();
  await expect(v).toHaveAttribute("data-status", "ready", { timeout: 60_000 });
  const canvas = v.locator("canvas");
  await expect(canvas).not.toHaveAttribute("data-zones");
  const shot = async () => `data:image/png;base64,${(await canvas.screenshot()).toString("base64")}`;
  const before = await shot();

  await v.getByText("Layers", { exact: true }).click();
  const layer = v.getByRole("checkbox", { name: "Endangerment sites" });
  await layer.check();
  // Both sides of the ten paired sites and the abdomen, each at least one piece of outline on the skin.
  await expect
    .poll(async () => Number(await canvas.getAttribute("data-zones")), { timeout: 30_000 })
    .toBeGreaterThan(20);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[#&]layers=[a-z,]*\bzone\b/);
  await page.keyboard.press("Escape");
  await expect(page.locator("[data-zone-legend]")).toContainText("Endangerment sites");
  await expect
    .poll(async () => (await pixelStats(page, before, await shot())).differing, { timeout: 15_000 })
    .toBeGreaterThan(0.002);

  await v.getByText("Layers", { exact: true }).click();
  await layer.uncheck();
  await expect(canvas).not.toHaveAttribute("data-zones");
  await expect(page.locator("[data-zone-legend]")).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => location.hash)).not.toMatch(/\bzone\b/);
});
