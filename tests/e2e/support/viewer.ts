// Shared by the viewer specs: serve the small fixture model for every model request, and open a page with its
// viewer drawn.
import { readFileSync } from "node:fs";
import { type BrowserContext, expect, type Locator, type Page } from "@playwright/test";

const fixture = readFileSync(new URL("../../fixtures/viewer/upper-limb.glb", import.meta.url));

/** Every /models/*.glb request gets the fixture model, so the specs test the viewer, not the generated anatomy. */
export async function serveFixtureModels(context: BrowserContext): Promise<void> {
  await context.route("**/models/*.glb", (route) =>
    route.fulfill({ status: 200, contentType: "model/gltf-binary", body: fixture }),
  );
}

export function viewer(page: Page, index = 0): Locator {
  return page.locator("[data-anatomy-viewer]").nth(index);
}

/** Opens a page and waits until its viewer (the first by default) has drawn the model. */
export async function openReady(page: Page, path: string, index = 0): Promise<Locator> {
  await page.goto(path);
  const v = viewer(page, index);
  await v.scrollIntoViewIfNeeded();
  await expect(v).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  return v;
}
