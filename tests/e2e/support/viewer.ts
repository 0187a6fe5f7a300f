// Shared by the viewer specs: serve the small fixture model for every model request, and open a page with its
// viewer drawn.
import { readFileSync } from "node:fs";
import { type BrowserContext, expect, type Locator, type Page } from "@playwright/test";

const fixture = readFileSync(new URL("../../fixtures/viewer/upper-limb.glb", import.meta.url));

/** A valid model file with an empty scene. */
function emptyGlb(): Buffer {
  const json = Buffer.from(JSON.stringify({ asset: { version: "2.0" }, scenes: [{ nodes: [] }], scene: 0 }));
  const padded = Buffer.concat([json, Buffer.alloc((4 - (json.length % 4)) % 4, 0x20)]);
  const header = Buffer.alloc(20);
  header.writeUInt32LE(0x46546c67, 0);
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(20 + padded.length, 8);
  header.writeUInt32LE(padded.length, 12);
  header.writeUInt32LE(0x4e4f534a, 16);
  return Buffer.concat([header, padded]);
}
const empty = emptyGlb();

/**
 * Every model's first-load file (`/models/<model>.glb`) is the fixture model, so the specs test the viewer, not the
 * generated anatomy; its parts (`/models/<model>.<group>.glb`, src/lib/model-parts.ts) are empty, as the fixture
 * already holds every structure.
 */
export async function serveFixtureModels(context: BrowserContext): Promise<void> {
  await context.route("**/models/*.glb", (route) => {
    const part = /\/models\/[a-z0-9-]+\.[a-z-]+\.glb(\?|$)/.test(route.request().url());
    return route.fulfill({ status: 200, contentType: "model/gltf-binary", body: part ? empty : fixture });
  });
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
