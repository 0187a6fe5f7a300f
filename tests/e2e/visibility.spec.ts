// The viewer shows what it names, checked in a real browser against the Node measure (tests/built/visibility.test.ts):
// on the frozen shoulder page, the first figure (capsule and rotator cuff from the front, deltoid and pectoralis
// over them) and then "Show me" on infraspinatus, which lies on the back. A test hook renders an id pass of what
// the viewer draws; Node renders the same camera from the generated model and must agree.
import { expect, type Locator, type Page, test } from "@playwright/test";
import type { Vec3 } from "../../src/lib/view-state.ts";
import { nearestDirection, occluderNodes, targetNodes } from "../../src/lib/visibility.ts";
import { figureOpeningLayers, loadModel, measureScenario, nodesOn, visibleFraction } from "../support/visibility.ts";

interface Measured {
  seen: number;
  total: number;
  seeThrough: string[];
  width: number;
  height: number;
  fov: number;
  eye: Vec3;
  target: Vec3;
}

async function measure(page: Page, v: Locator): Promise<Measured> {
  // Two frames: the camera has come to rest and the see-through cover has been applied.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return v
    .locator("canvas")
    .evaluate((c) => (c as HTMLCanvasElement & { palpateMeasure: () => Measured }).palpateMeasure());
}

/** Node's measure of the browser's own camera, and the see-through cover the viewer should have chosen there. */
async function nodeMeasure(r: Measured, ids: string[]) {
  const m = await loadModel("shoulder");
  const d = nearestDirection(m.vis, [r.eye[0] - r.target[0], r.eye[1] - r.target[1], r.eye[2] - r.target[2]]);
  const cleared = occluderNodes(m.vis, targetNodes(m.vis, ids, "r"), d);
  // The figure's layers: what it loaded and draws (the nerves and vessels of the shoulder are not among them).
  const layers = figureOpeningLayers(m, [...FOCUS, ...SECONDARY], "shoulder");
  const fraction = visibleFraction(m, nodesOn(m.nodes, ids, "r"), cleared, r.eye, r.target, r, layers).fraction;
  return { fraction, cleared: [...cleared].sort(), direction: m.vis.directions[d] as Vec3 };
}

const FOCUS = ["coracohumeral-ligament", "glenohumeral-joint-capsule", "subscapularis", "supraspinatus"];
const SECONDARY = ["biceps-brachii", "deltoid", "pectoralis-major", "pectoralis-minor"];

test("the frozen shoulder figure and Show me show their targets, as the Node measure predicts", async ({ page }) => {
  await page.addInitScript(() => {
    (window as { __palpateTestHooks?: boolean }).__palpateTestHooks = true;
  });
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/conditions/frozen-shoulder/");
  const v = page.locator("[data-anatomy-viewer]").first();
  await v.scrollIntoViewIfNeeded();
  await expect(v).toHaveAttribute("data-status", "ready", { timeout: 45_000 });

  // The figure opens on its authored front view with the deltoid and pectoralis over the capsule see-through.
  const figure = await measure(page, v);
  const node = await nodeMeasure(figure, FOCUS);
  expect(figure.seeThrough).toEqual(node.cleared);
  expect(figure.seeThrough).toEqual(expect.arrayContaining(["deltoid-r", "pectoralis-major-r"]));
  expect(figure.seen / figure.total).toBeGreaterThanOrEqual(0.5);
  expect(Math.abs(figure.seen / figure.total - node.fraction)).toBeLessThan(0.05);
  const predicted = await measureScenario(
    {
      label: "frozen shoulder #1",
      kind: "figure",
      model: "shoulder",
      side: "r",
      focus: FOCUS,
      secondary: SECONDARY,
      view: "anterior",
    },
    "after",
  );
  expect(node.direction).toEqual(predicted.direction);
  expect(Math.abs(figure.seen / figure.total - predicted.fraction)).toBeLessThan(0.08);

  // Show me on a structure on the back turns the camera behind the shoulder.
  await v
    .getByRole("button", { name: /^Infraspinatus\b/ })
    .first()
    .click();
  await v.getByRole("button", { name: "Show me" }).click();
  const shown = await measure(page, v);
  const after = await nodeMeasure(shown, [...FOCUS, "infraspinatus"]);
  expect(after.direction[2]).toBeLessThan(0);
  expect(shown.seeThrough).toEqual(after.cleared);
  expect(Math.abs(shown.seen / shown.total - after.fraction)).toBeLessThan(0.05);
  expect(shown.seen / shown.total).toBeGreaterThanOrEqual(0.5);
});
