// The 3D quiz's questions, generated from the anatomy records and the guides' figures: distractors are plausible
// (same region and tissue), never repeat the answer or each other, rounds are seeded, and every modelled muscle can
// be asked about.
import { describe, expect, it } from "vitest";
import {
  type BankRecord,
  type BankStructure,
  buildQuestionBank,
  clueOf,
  dealRound,
  type GuideFigure,
  ROUND_LENGTH,
  tissueFamily,
} from "../../src/lib/practice/question-bank.ts";
import { REGION_LABELS, REGIONS } from "../../src/lib/regions.ts";
import { mdxPages, yamlRecords } from "../support/content.ts";

type Record = BankRecord & { geometry?: unknown };
const records = yamlRecords<Record>("anatomy").map((r) => ({ ...r.data, aliases: r.data.aliases ?? [] }));
// Without the generated manifest (unit tests run before the build), a record with geometry is in its regions'
// models and the whole body, as the generator builds it.
const modelsOf = (id: string) => {
  const r = records.find((x) => x.id === id);
  return r?.geometry ? [...r.regions, "body"] : [];
};
type Figure = { model: string; focus: string[]; secondary?: string[] };
const figures: GuideFigure[] = (["conditions", "techniques"] as const).flatMap((dir) =>
  mdxPages<{ title: string; anatomy?: Figure[] }>(dir).flatMap((p) =>
    (p.data.anatomy ?? []).map((f) => ({
      kind: dir === "conditions" ? ("condition" as const) : ("technique" as const),
      slug: p.slug,
      title: p.data.title,
      model: f.model,
      focus: f.focus,
      secondary: f.secondary ?? [],
    })),
  ),
);
const bank = buildQuestionBank({ records, modelsOf, figures });
const byId = new Map(bank.structures.map((s) => [s.id, s]));

describe("question bank", () => {
  it("holds every modelled structure of a quizzed tissue, and nothing unmodelled", () => {
    const modelled = records.filter((r) => r.geometry && !["skin", "vessel", "organ"].includes(r.tissue));
    expect(bank.structures.map((s) => s.id).sort()).toEqual(modelled.map((r) => r.id).sort());
  });

  it("has a set per region, per muscle group of two or more, per tissue, and the guides' set", () => {
    const kinds = (k: string) => bank.sets.filter((s) => s.kind === k);
    // Head to foot, each by the region's one name.
    expect(kinds("region").map((s) => s.label)).toEqual(REGIONS.map((r) => REGION_LABELS[r]));
    for (const group of [
      "Rotator cuff",
      "Hamstrings",
      "Quadriceps",
      "Erector spinae",
      "Suboccipital muscles",
      "Thenar muscles",
    ]) {
      expect(
        kinds("group").map((s) => s.label),
        group,
      ).toContain(group);
    }
    expect(kinds("tissue").map((s) => s.id)).toEqual([
      "tissue-muscles",
      "tissue-nerves",
      "tissue-bones",
      "tissue-connective",
    ]);
    expect(bank.guides.length).toBeGreaterThan(20);
    for (const set of bank.sets) {
      expect(new Set(set.ids).size, set.id).toBe(set.ids.length);
      expect(set.ids.length, set.id).toBeGreaterThan(0);
    }
  });

  it("every modelled muscle is in its region's set and a muscle-group or tissue set", () => {
    for (const r of records.filter((x) => x.tissue === "muscle" && x.geometry)) {
      const sets = bank.sets.filter((s) => s.ids.includes(r.id)).map((s) => s.id);
      expect(sets, r.id).toContain(`region-${r.regions[0]}`);
      expect(sets, r.id).toContain("tissue-muscles");
    }
  });

  it("a guide question's answer is in the figure's focus and its wrong choices are not highlighted by it", () => {
    for (const seed of [1, 2, 3]) {
      for (const q of dealRound(bank, "guides", seed)) {
        if (q.kind !== "guide") throw new Error(`guides round dealt a ${q.kind} question`);
        const g = bank.guides.find((x) => x.id === q.guide);
        expect(g?.answer).toBe(q.answer);
        const wrong = q.choices.filter((c) => c !== q.answer);
        for (const w of wrong) expect(g?.involved, `${q.guide}: ${w}`).not.toContain(w);
      }
    }
  });
});

describe("rounds", () => {
  it("are ten questions, seeded: the same seed deals the same round, another seed another", () => {
    const a = dealRound(bank, "region-shoulder", 42);
    expect(a).toHaveLength(ROUND_LENGTH);
    expect(dealRound(bank, "region-shoulder", 42)).toEqual(a);
    expect(dealRound(bank, "region-shoulder", 43)).not.toEqual(a);
    expect(new Set(a.map((q) => q.answer)).size).toBe(ROUND_LENGTH);
    expect(a.map((q) => q.kind).slice(0, 4)).toEqual(["name", "find", "name", "find"]);
  });

  it("offer four different names with the answer once, wrong choices of its tissue and region where it has three such peers", () => {
    let checked = 0;
    for (const set of bank.sets.filter((s) => s.kind !== "guides")) {
      for (const seed of [1, 7, 99]) {
        for (const q of dealRound(bank, set.id, seed, { mode: "name" })) {
          if (q.kind !== "name") throw new Error("name round dealt another kind");
          const answer = byId.get(q.answer);
          if (!answer) throw new Error(`unknown answer ${q.answer}`);
          expect(q.choices, `${set.id} ${q.answer}`).toHaveLength(4);
          expect(q.choices.filter((c) => c === q.answer)).toHaveLength(1);
          const names = q.choices.map((c) => byId.get(c)?.name.toLowerCase());
          expect(new Set(names).size, `${q.answer}: ${names.join(", ")}`).toBe(4);
          const peers = (same: (s: BankStructure) => boolean) =>
            bank.structures.filter((s) => s.id !== answer.id && same(s)).length;
          const tissuePeers = peers((s) => s.tissue === answer.tissue);
          const regionPeers = peers((s) => s.tissue === answer.tissue && s.region === answer.region);
          for (const c of q.choices.filter((x) => x !== q.answer)) {
            const d = byId.get(c);
            if (!d) throw new Error(`unknown choice ${c}`);
            const where = `${q.answer} vs ${c}`;
            if (tissuePeers >= 3) expect(d.tissue, where).toBe(answer.tissue);
            else expect(tissueFamily(d.tissue), where).toBe(tissueFamily(answer.tissue));
            if (regionPeers >= 3) expect(d.region, where).toBe(answer.region);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("reach every modelled muscle: the region's rounds over a few seeds ask about each", () => {
    for (const set of bank.sets.filter((s) => s.kind === "region")) {
      const asked = new Set<string>();
      for (let seed = 1; seed <= 400 && asked.size < set.ids.length; seed++) {
        for (const q of dealRound(bank, set.id, seed)) asked.add(q.answer);
      }
      const muscles = set.ids.filter((id) => byId.get(id)?.tissue === "muscle");
      expect(
        muscles.filter((id) => !asked.has(id)),
        set.id,
      ).toEqual([]);
    }
  });

  it("practise only the given ones (missed, weak), in any set", () => {
    const only = ["supraspinatus", "median-nerve", "femur"];
    const round = dealRound(bank, "region-trunk", 5, { only });
    expect(round.map((q) => q.answer).sort()).toEqual([...only].sort());
  });
});

describe("clues", () => {
  it("never contain the structure's name or an alias", () => {
    for (const s of bank.structures) {
      const clue = clueOf(s).toLowerCase();
      for (const n of [s.name, ...s.aliases]) expect(clue, `${s.id}: ${clue}`).not.toContain(n.toLowerCase());
    }
  });

  it("blank out names with brackets and keep the rest", () => {
    expect(
      clueOf({
        name: "Abductor digiti minimi (foot)",
        aliases: ["ADM"],
        fact: "The abductor digiti minimi (foot) or ADM abducts.",
      }),
    ).toBe("The ___ or ___ abducts.");
  });
});
