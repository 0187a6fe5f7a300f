// One copy of the tissue and highlight colours (src/lib/tissue-colours.ts): every tissue has a look, the page's
// legend colours (tokens.css) and the viewer's layer swatches (viewer.css), which CSS cannot import, equal them, and
// the model files' materials carry the viewer's natural colours.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeGlb } from "../../models/writer.ts";
import {
  CALM,
  FOCUS_COLOUR,
  linearFactors,
  PAIN_COLOUR,
  SECONDARY_COLOUR,
  srgbBytes,
  VIVID,
} from "../../src/lib/tissue-colours.ts";
import { TISSUES } from "../../src/schemas/common.ts";

const root = join(import.meta.dirname, "..", "..");

describe("tissue colours", () => {
  it("give every tissue a natural and a calm look", () => {
    const tissues = TISSUES.filter((t) => t !== "zone");
    expect(tissues.filter((t) => !VIVID[t])).toEqual([]);
    expect(tissues.filter((t) => !CALM[t])).toEqual([]);
  });

  it("are the page legends' highlight colours in every theme of tokens.css", () => {
    const css = readFileSync(join(root, "src/styles/tokens.css"), "utf8");
    const values = (name: string) =>
      [...css.matchAll(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`, "g"))].map((m) => m[1]);
    expect(values("focus-tissue").length).toBeGreaterThan(0);
    expect(new Set(values("focus-tissue"))).toEqual(new Set([FOCUS_COLOUR]));
    expect(new Set(values("secondary-tissue"))).toEqual(new Set([SECONDARY_COLOUR]));
  });

  it("are the viewer's layer swatches (viewer.css) for the layers named by a tissue", () => {
    const css = readFileSync(join(root, "src/viewer/viewer.css"), "utf8");
    const swatch = (name: string) => new RegExp(`--av-${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css)?.[1];
    expect(swatch("muscle")).toBe(VIVID["muscle"]?.colour);
    expect(swatch("bone")).toBe(VIVID["bone"]?.colour);
    expect(swatch("connective")).toBe(VIVID["joint-capsule"]?.colour);
    expect(swatch("nerve")).toBe(VIVID["nerve"]?.colour);
    expect(swatch("skin")).toBe(VIVID["skin"]?.colour);
    // The referred-pain legend swatch: its border and hatching are the pain colour.
    const pain = /\.av-pain-swatch \{[^}]*\}/.exec(css)?.[0] ?? "";
    expect(pain.match(/#[0-9a-fA-F]{6}/g)).toEqual([PAIN_COLOUR, PAIN_COLOUR]);
  });

  it("convert sRGB hex to bytes and to linear glTF factors, naming a bad colour", () => {
    expect(srgbBytes("#e66100")).toEqual([230, 97, 0]);
    expect(linearFactors("#ffffff")).toEqual([1, 1, 1]);
    expect(linearFactors("#000000")).toEqual([0, 0, 0]);
    expect(linearFactors("#808080")[0]).toBeCloseTo(0.2158605, 6);
    expect(() => srgbBytes("red")).toThrow(/red/);
  });

  it("colour the model files' materials with the natural look", async () => {
    const positions = Float32Array.from([0, 0, 0, 0.01, 0, 0, 0, 0.01, 0, 0, 0, 0.01]);
    const mesh = {
      positions,
      normals: new Float32Array(12),
      indices: Uint32Array.from([0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3]),
    };
    const node = (tissue: string) => ({
      name: `${tissue}-m`,
      mesh,
      extras: { id: tissue, side: "m" as const, tissue, layer: 1, region: "trunk" },
    });
    const glb = await writeGlb("test", [node("muscle"), node("fascia")]);
    const jsonLength = new DataView(glb.buffer, glb.byteOffset).getUint32(12, true);
    const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength))) as {
      materials: { name: string; alphaMode?: string; pbrMetallicRoughness: { baseColorFactor: number[] } }[];
    };
    for (const m of json.materials) {
      const look = VIVID[m.name];
      if (!look) throw new Error(`no look for ${m.name}`);
      const factors = m.pbrMetallicRoughness.baseColorFactor;
      for (const [k, v] of linearFactors(look.colour).entries()) expect(factors[k]).toBeCloseTo(v, 4);
      expect(factors[3]).toBeCloseTo(look.opacity ?? 1, 6);
    }
    expect(json.materials.find((m) => m.name === "fascia")?.alphaMode).toBe("BLEND");
  });
});
