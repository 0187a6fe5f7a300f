// Which model files hold which records (models/model-files.ts, the one rule) and the pages' reading of the
// generator's manifest (a missing one is an error naming the file, never a guess from the records).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inModel, MODELS } from "../../models/model-files.ts";
import { readManifest } from "../../src/components/viewer/viewer-payload.ts";
import { REGIONS } from "../../src/schemas/common.ts";

describe("model files", () => {
  it("put every structure in the overview, bones in the skeleton, and a record in the regions it lists", () => {
    const muscle = { tissue: "muscle", regions: ["upper-limb", "shoulder"] };
    const bone = { tissue: "bone", regions: ["trunk"] };
    expect(MODELS.filter((m) => inModel(muscle, m.model)).map((m) => m.model)).toEqual([
      "body",
      "shoulder",
      "upper-limb",
    ]);
    expect(MODELS.filter((m) => inModel(bone, m.model)).map((m) => m.model)).toEqual(["body", "trunk", "skeleton"]);
  });

  it("never put an endangerment site (drawn on the skin) in a file", () => {
    const zone = { tissue: "zone", regions: ["upper-limb"] };
    expect(MODELS.filter((m) => inModel(zone, m.model))).toEqual([]);
  });

  it("give every region a record may list a model file", () => {
    const known = new Set(MODELS.map((m) => m.model));
    expect(REGIONS.filter((r) => !known.has(r))).toEqual([]);
  });
});

describe("readManifest", () => {
  it("names the missing file instead of guessing which structures a model holds", () => {
    const root = mkdtempSync(join(tmpdir(), "palpate-manifest-"));
    try {
      expect(() => readManifest(root)).toThrow(`${join(root, "public", "models", "manifest.json")}: missing`);
      mkdirSync(join(root, "public", "models"), { recursive: true });
      writeFileSync(join(root, "public", "models", "manifest.json"), "{");
      expect(() => readManifest(root)).toThrow(/manifest\.json: not valid JSON/);
      writeFileSync(join(root, "public", "models", "manifest.json"), '{"version":1}');
      expect(() => readManifest(root)).toThrow(/manifest\.json: no `files` or `structures` list/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
