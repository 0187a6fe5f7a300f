// Which file of a model a structure goes to (src/lib/model-parts.ts), and which files a viewer needs.
import { describe, expect, it } from "vitest";
import {
  FIRST_LOAD_LAYERS,
  figureLayers,
  type ModelPart,
  openingLayers,
  PART_ORDER,
  partFileName,
  partOf,
  partsNeeded,
} from "../../src/lib/model-parts.ts";
import { LAYER_KEYS } from "../../src/lib/view-state.ts";

describe("model parts", () => {
  it("keeps bones and muscles in the first-load file and gives every other tissue a part by its layer group", () => {
    expect(partOf("bone", 6)).toBe("");
    expect(partOf("muscle", 1)).toBe("");
    expect(partOf("muscle", 4)).toBe("");
    expect(partOf("tendon", 2)).toBe("");
    expect(partOf("skin", 1)).toBe("skin");
    expect(partOf("nerve", 3)).toBe("nerve");
    expect(partOf("vessel", 2)).toBe("nerve");
    expect(partOf("ligament", 4)).toBe("connective");
    expect(partOf("joint-capsule", 5)).toBe("connective");
    // A tissue the viewer has no group for yet still lands in a part, never in the first-load file.
    expect(partOf("some-new-tissue", 2)).not.toBe("");
  });

  it("orders the files first-load first, then one part per other layer group", () => {
    expect(PART_ORDER[0]).toBe("");
    // Every layer group can be a part (the overview keeps fewer groups in its first-load file than a region model).
    expect([...PART_ORDER.slice(1)].sort()).toEqual([...LAYER_KEYS].sort());
    expect(partOf("muscle", 4, "body")).toBe("deep");
    expect(partOf("muscle", 1, "body")).toBe("");
    expect(partOf("muscle", 4, "upper-limb")).toBe("");
    expect(FIRST_LOAD_LAYERS).toContain("deep");
    expect(partFileName("upper-limb", "")).toBe("upper-limb.glb");
    expect(partFileName("upper-limb", "nerve")).toBe("upper-limb.nerve.glb");
  });

  it("asks for a part only when a shown layer or a chosen structure is in it", () => {
    const parts: ModelPart[] = [
      { part: "", url: "/m.glb", groups: ["bone", "deep", "superficial"] },
      { part: "skin", url: "/m.skin.glb", groups: ["skin"] },
      { part: "nerve", url: "/m.nerve.glb", groups: ["nerve"] },
      { part: "connective", url: "/m.connective.glb", groups: ["connective"] },
    ];
    const urls = (layers: (typeof LAYER_KEYS)[number][], groups: (typeof LAYER_KEYS)[number][] = []) =>
      partsNeeded(parts, layers, groups).map((p) => p.url);
    expect(urls([...FIRST_LOAD_LAYERS])).toEqual(["/m.glb"]);
    expect(urls([...FIRST_LOAD_LAYERS, "nerve"])).toEqual(["/m.glb", "/m.nerve.glb"]);
    // A highlighted ligament needs its part even with the connective layer off.
    expect(urls(["bone"], ["connective"])).toEqual(["/m.glb", "/m.connective.glb"]);
    expect(urls([])).toEqual(["/m.glb"]);
  });

  it("opens a figure on its model's first-load layers, what it highlights, and the skin under a zone or outline", () => {
    const open = (groups: (typeof LAYER_KEYS)[number][], model = "shoulder", referredPain = false, zone = false) =>
      openingLayers({ model, groups, referredPain, zone });
    expect(open([])).toEqual(["superficial", "deep", "bone"]);
    // A highlighted nerve brings its group; the groups come in layer order whatever order they are given in.
    expect(open(["nerve", "deep"])).toEqual(["superficial", "deep", "nerve", "bone"]);
    // The overview keeps its deep muscles out of its first-load file.
    expect(open([], "body")).toEqual(["superficial", "bone"]);
    expect(open([], "shoulder", true)).toEqual(["skin", "superficial", "deep", "bone"]);
    expect(open([], "shoulder", false, true)).toEqual(["skin", "superficial", "deep", "bone", "zone"]);
    // A highlighted site is listed once.
    expect(open(["zone"], "shoulder", false, true)).toEqual(["skin", "superficial", "deep", "bone", "zone"]);
  });

  it("reads a figure's opening layers from its payload: a site's outline only on a page figure", () => {
    const payload = { model: "shoulder", structures: [{ group: "connective" as const }] };
    expect(figureLayers({ ...payload, mode: "figure" })).toEqual(["superficial", "deep", "connective", "bone"]);
    expect(figureLayers({ ...payload, mode: "figure", referredPain: { id: "trapezius" } })).toContain("skin");
    expect(figureLayers({ ...payload, mode: "figure", zones: [{}] }).slice(-1)).toEqual(["zone"]);
    expect(figureLayers({ ...payload, mode: "explorer", zones: [{}] })).not.toContain("zone");
  });
});
