// The practice tools as built (dist/), in Node: the 3D quiz's bank holds every modelled structure of the manifest
// with a model file to load, each set has a link on /practice/3d/ and (structure sets) a study sheet listing exactly
// its structures; every atlas region links to its quiz and sheet; the flashcard deck has a card per quizzed
// structure and glossary term. The quiz itself is tested in a browser (tests/e2e/practice.spec.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { QuestionBank } from "../../src/lib/practice/question-bank.ts";
import { yamlRecords } from "../support/content.ts";
import { distDir, pageDoc } from "../support/dist.ts";

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(distDir, path), "utf8")) as T;
const bank = readJson<QuestionBank>("practice/3d/bank.json");
// The generator's manifest stays in public/ (it is not shipped); the build that made dist/ wrote it.
const manifest = JSON.parse(readFileSync(new URL("../../public/models/manifest.json", import.meta.url), "utf8")) as {
  files: { model: string }[];
  structures: { id: string; tissue: string }[];
};

describe("3D quiz bank", () => {
  it("asks about every structure in the models except skin, vessels and organs, each in a model that exists", () => {
    const modelled = new Set(
      manifest.structures.filter((s) => !["skin", "vessel", "organ"].includes(s.tissue)).map((s) => s.id),
    );
    expect(new Set(bank.structures.map((s) => s.id))).toEqual(modelled);
    const files = new Set(manifest.files.map((f) => f.model));
    for (const s of bank.structures) expect(files.has(s.model), `${s.id}: model ${s.model}`).toBe(true);
  });

  it("lists every set on /practice/3d/, and each structure set has a study sheet with exactly its structures", () => {
    const doc = pageDoc("/practice/3d/");
    const records = new Map(yamlRecords<{ id: string; name: string }>("anatomy").map((r) => [r.data.id, r.data.name]));
    for (const set of bank.sets) {
      expect(doc.querySelector(`[data-set-id="${set.id}"] a[href="?set=${set.id}"]`), set.id).not.toBeNull();
      if (set.kind === "guides") continue;
      const sheet = pageDoc(`/practice/sheets/${set.id}/`);
      const names = [...sheet.querySelectorAll("table.sheet tbody th a")].map((a) => a.textContent?.trim());
      expect(names.sort(), set.id).toEqual(set.ids.map((id) => records.get(id)).sort());
    }
  });

  it("every atlas region links to its 3D quiz and study sheet", () => {
    const doc = pageDoc("/anatomy/");
    const regions = [...doc.querySelectorAll("section[data-region]")];
    expect(regions.length).toBe(6);
    for (const section of regions) {
      const region = section.getAttribute("data-region");
      expect(
        bank.sets.some((s) => s.id === `region-${region}`),
        `set for ${region}`,
      ).toBe(true);
      expect(section.querySelector(`a[href="/practice/3d/?set=region-${region}"]`), `${region} quiz`).not.toBeNull();
      expect(section.querySelector(`a[href="/practice/sheets/region-${region}/"]`), `${region} sheet`).not.toBeNull();
    }
  });
});

describe("flashcard deck", () => {
  it("has a card per quizzed structure, with attachments, action and nerve supply for muscles, and per glossary term", () => {
    const deck = readJson<{ id: string; back: { label: string }[] }[]>("practice/cards/deck.json");
    const ids = deck.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of bank.structures) expect(ids, s.id).toContain(`s:${s.id}`);
    for (const t of yamlRecords("glossary")) expect(ids, t.file).toContain(`g:${t.file.replace(/^.*\/|\.yaml$/g, "")}`);
    for (const s of bank.structures.filter((x) => x.tissue === "muscle")) {
      const labels = deck.find((c) => c.id === `s:${s.id}`)?.back.map((b) => b.label);
      expect(labels, s.id).toEqual(["Origin", "Insertion", "Action", "Innervation", "Palpation"]);
    }
  });
});
