// Figure posters (src/components/viewer/poster.ts) drawn from the generated models: the same input gives the same
// bytes (the build is reproducible and the cache sound), the file name changes with anything that changes the
// picture, and the picture shows the figure's focus where the camera frames it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { figurePoster, type PosterInput, posterKey, renderPoster } from "../../src/components/viewer/poster.ts";
import { layerGroupOf } from "../../src/lib/view-state.ts";

const manifestPath = "public/models/manifest.json";
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
  files: { model: string; file: string }[];
  structures: { id: string; tissue: string; layer: number }[];
};
const groups = new Map(manifest.structures.map((s) => [s.id, layerGroupOf(s.tissue, Number(s.layer) || 1)]));

const wrist: PosterInput = {
  model: "upper-limb",
  files: manifest.files.filter((f) => f.model === "upper-limb").map((f) => `public/models/${f.file}`),
  visibilityFile: "public/models/upper-limb.visibility.json",
  view: "palmar",
  side: "r",
  focus: ["transverse-carpal-ligament"],
  secondary: ["abductor-pollicis-brevis"],
  groups,
  layers: ["superficial", "deep", "bone", "connective"],
  labels: ["transverse-carpal-ligament", "abductor-pollicis-brevis"],
};

/** Pixels showing the focus accent (#e66100, shaded: orange with no blue, unlike any tissue colour), and where their middle is. */
async function accent(webp: Buffer) {
  const { data, info } = await sharp(webp).raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < info.width * info.height; i++) {
    const [r = 0, g = 0, b = 0, a = 0] = data.subarray(i * info.channels, i * info.channels + 4);
    if (a > 200 && r > 80 && b < 0.15 * r && g > 0.25 * r && g < 0.6 * r) {
      n++;
      sx += i % info.width;
      sy += Math.floor(i / info.width);
    }
  }
  return { n, x: sx / Math.max(1, n) / info.width, y: sy / Math.max(1, n) / info.height };
}

describe("figure posters", () => {
  it("has the models to draw from", () => {
    expect(existsSync(manifestPath)).toBe(true);
    expect(wrist.files.length).toBeGreaterThan(1);
  });

  it("draws the same bytes from the same input", async () => {
    const [a, b] = [await renderPoster(wrist), await renderPoster(wrist)];
    expect(a.webp.equals(b.webp)).toBe(true);
    expect(a.anchors).toEqual(b.anchors);
    expect(a.webp.length).toBeLessThanOrEqual(40_000);
  });

  it("names the file after everything that changes the picture", () => {
    const key = posterKey(wrist);
    expect(posterKey({ ...wrist })).toBe(key);
    expect(posterKey({ ...wrist, focus: ["median-nerve"] })).not.toBe(key);
    expect(posterKey({ ...wrist, view: "dorsal" })).not.toBe(key);
    expect(posterKey({ ...wrist, side: "l" })).not.toBe(key);
    expect(posterKey({ ...wrist, layers: [...wrist.layers, "skin"] })).not.toBe(key);
    expect(posterKey({ ...wrist, files: wrist.files.slice(0, 1) })).not.toBe(key);
    expect(posterKey({ ...wrist, labels: [] })).not.toBe(key);
    expect(key.startsWith("upper-limb-")).toBe(true);
  });

  it("frames the focus near the middle, in its accent, on the figure's side", async () => {
    const right = await accent((await renderPoster(wrist)).webp);
    expect(right.n).toBeGreaterThan(500);
    expect(Math.abs(right.x - 0.5)).toBeLessThan(0.2);
    expect(Math.abs(right.y - 0.5)).toBeLessThan(0.2);
    // A figure with nothing highlighted shows next to no accent (a few edge pixels of natural colours may pass).
    const plain = await accent((await renderPoster({ ...wrist, focus: [], secondary: [] })).webp);
    expect(plain.n).toBeLessThan(right.n / 50);
  });

  it("anchors each label on its own structure: the focus label on the accent, in the frame", async () => {
    const { webp, anchors } = await renderPoster(wrist);
    expect(anchors.map((a) => a.id)).toEqual(wrist.labels);
    const { data, info } = await sharp(webp).raw().toBuffer({ resolveWithObject: true });
    for (const a of anchors) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x).toBeLessThan(info.width);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeLessThan(info.height);
    }
    // The focus anchor's pixel (or one next to it: the image is reduced from a larger drawing) shows the accent.
    const focus = anchors[0] as (typeof anchors)[number];
    const near: number[][] = [];
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const i = ((focus.y + dy) * info.width + focus.x + dx) * info.channels;
        near.push([...data.subarray(i, i + 3)]);
      }
    expect(near.some(([r = 0, g = 0, b = 0]) => r > 80 && b < 0.2 * r && g < 0.7 * r)).toBe(true);
    // Nothing labelled, nothing anchored.
    expect((await renderPoster({ ...wrist, labels: [] })).anchors).toEqual([]);
  });

  it("fails, saying why, when a model file cannot be read (drawn on a worker thread, as in the build)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "palpate-poster-"));
    try {
      const bad = join(dir, "upper-limb.glb");
      writeFileSync(bad, "not a model");
      await expect(figurePoster({ ...wrist, files: [bad] })).rejects.toThrow(/poster worker/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
