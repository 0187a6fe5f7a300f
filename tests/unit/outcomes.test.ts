// Outcome measures, special tests, visceral referral notes and reviewedBy: every condition guide lists the PSFS and
// at least one region measure that exists; every MCID and every accuracy number cites a reference that exists; the
// visceral map points at anatomy records with a referred-pain zone; every teaching page names its reviewer as a
// role. The schema checks at the end show the rules reject what they should.
import { describe, expect, it } from "vitest";
import { visceralSourcesFor } from "../../src/components/anatomy/visceral.ts";
import { resolveIds, resolveMeasures, resolveTests } from "../../src/components/condition/outcome-measures.ts";
import {
  type OutcomeMeasure,
  outcomeMeasureSchema,
  reviewedBySchema,
  type SpecialTest,
  specialTestSchema,
  type VisceralSource,
  visceralSourceSchema,
} from "../../src/schemas/index.ts";
import { entries, idsOf, mdxPages } from "../support/content.ts";

const measures = entries("outcomeMeasures").map((m) => outcomeMeasureSchema.parse(m.data));
const tests = entries("specialTests").map((t) => specialTestSchema.parse(t.data));
const visceral = entries("visceralReferral").map((v) => visceralSourceSchema.parse(v.data));
const referenceIds = idsOf("references");
const measureById = new Map(measures.map((m) => [m.id, m]));
const testIds = new Set(tests.map((t) => t.id));

/** Frontmatter of every MDX page of a collection. */
const pages = (folder: "lessons" | "conditions" | "techniques") => mdxPages(folder);
const conditions = pages("conditions");

/** Anatomy records (id -> has a referredPain block). */
function anatomyRecords(): Map<string, boolean> {
  return new Map(entries<{ referredPain?: unknown }>("anatomy").map((e) => [e.id, e.data.referredPain !== undefined]));
}

/** The numbers of an accuracy block that are present. */
const numbersOf = (t: SpecialTest) =>
  t.accuracy === "not-established"
    ? []
    : [t.accuracy.sensitivity, t.accuracy.specificity, t.accuracy.lrPositive, t.accuracy.lrNegative].filter(
        (n) => n !== undefined,
      );

describe("outcome measures", () => {
  it("ids are unique and the PSFS is there", () => {
    expect(measureById.size).toBe(measures.length);
    expect(measureById.has("psfs")).toBe(true);
  });

  it("every measure with an MCID cites references that exist", () => {
    const withMcid = measures.filter((m): m is OutcomeMeasure & { mcid: NonNullable<OutcomeMeasure["mcid"]> } =>
      Boolean(m.mcid),
    );
    expect(withMcid.length).toBeGreaterThan(0);
    for (const m of withMcid) {
      expect(m.mcid.references.length, m.id).toBeGreaterThan(0);
      for (const id of m.mcid.references) expect(referenceIds.has(id), `${m.id}: reference ${id}`).toBe(true);
    }
    for (const m of measures) for (const id of m.references) expect(referenceIds.has(id), `${m.id}: ${id}`).toBe(true);
  });

  it("no MCID states a number without a population", () => {
    for (const m of measures) if (m.mcid) expect(m.mcid.population.length, m.id).toBeGreaterThanOrEqual(10);
  });

  it("no entry reproduces questionnaire items (descriptions stay short)", () => {
    for (const m of measures) expect(m.measures.length, m.id).toBeLessThan(320);
  });
});

describe("condition guides", () => {
  it("there are condition guides to check", () => {
    expect(conditions.length).toBeGreaterThanOrEqual(15);
  });

  for (const { file, data } of conditions) {
    it(`${file} lists the PSFS and at least one region measure that exist`, () => {
      const ids = (data["outcomeMeasures"] ?? []) as string[];
      expect(ids, `${file}: outcomeMeasures`).toContain("psfs");
      const region = ids.filter((id) => id !== "psfs");
      expect(region.length, `${file}: needs a region measure`).toBeGreaterThanOrEqual(1);
      for (const id of ids) expect(measureById.has(id), `${file}: outcomeMeasures ${id}`).toBe(true);
    });

    it(`${file} lists only special tests that exist`, () => {
      for (const id of (data["specialTests"] ?? []) as string[]) {
        expect(testIds.has(id), `${file}: specialTests ${id}`).toBe(true);
      }
    });
  }

  it("an unknown outcome-measure id fails naming the file and the field", () => {
    const entries = measures.map((m) => ({ id: m.id, data: m }));
    expect(() => resolveIds(["no-such-measure"], entries, "content/conditions/x.mdx", "outcomeMeasures")).toThrow(
      /content\/conditions\/x\.mdx: unknown outcomeMeasures id "no-such-measure"/,
    );
    expect(() => resolveMeasures(["psfs", "nope"], entries, [], "f.mdx")).toThrow(/f\.mdx: unknown outcomeMeasures/);
  });

  it("the carpal tunnel guide cites its measures' sources in order", () => {
    const refs = [...referenceIds].map((id) => ({ id, data: { id } }));
    const { measures: found, sources } = resolveMeasures(
      ["psfs", "bctq", "quickdash"],
      measures.map((m) => ({ id: m.id, data: m })),
      refs,
      "carpal",
    );
    expect(found.map((m) => m.abbreviation)).toEqual(["PSFS", "BCTQ", "QuickDASH"]);
    expect(sources.map((s) => s.id)).toEqual([
      "abbott-2014-mid-psfs-region-measures",
      "ozyurekoglu-2006-cts-sss-mcid",
      "rysstad-2020-quickdash-psfs-shoulder",
    ]);
  });
});

describe("special tests", () => {
  it("ids are unique", () => {
    expect(testIds.size).toBe(tests.length);
  });

  it("every accuracy number has a reference that exists", () => {
    let numbers = 0;
    for (const t of tests) {
      if (t.accuracy === "not-established") continue;
      numbers += numbersOf(t).length;
      expect(t.accuracy.references.length, t.id).toBeGreaterThan(0);
      for (const id of t.accuracy.references) expect(referenceIds.has(id), `${t.id}: reference ${id}`).toBe(true);
    }
    expect(numbers).toBeGreaterThan(0);
  });

  it("covers the tests the guides name", () => {
    for (const id of [
      "phalen",
      "tinel-wrist",
      "carpal-compression",
      "finkelstein",
      "cozen",
      "mill",
      "painful-arc",
      "empty-can",
      "external-rotation-lag",
      "hawkins-kennedy",
      "passive-external-rotation",
      "roos-east",
      "adson",
      "straight-leg-raise",
      "slump",
      "fair",
      "royal-london-hospital",
      "arc-sign",
      "windlass",
      "bent-knee-stretch",
    ]) {
      expect(testIds.has(id), id).toBe(true);
    }
  });

  it("resolving tests collects the cited sources", () => {
    const { sources } = resolveTests(
      ["phalen", "finkelstein"],
      tests.map((t) => ({ id: t.id, data: t })),
      [...referenceIds].map((id) => ({ id, data: {} })),
      "x",
    );
    expect(sources.map((s) => s.id)).toEqual(["dabbagh-2023-cts-provocative-tests"]);
  });
});

describe("visceral referral", () => {
  const records = anatomyRecords();

  it("every mapped anatomy id exists and has a referred-pain zone", () => {
    for (const v of visceral) {
      for (const id of v.anatomy) {
        expect(records.has(id), `${v.id}: anatomy ${id}`).toBe(true);
        expect(records.get(id), `${v.id}: ${id} has no referredPain`).toBe(true);
      }
      for (const id of v.references) expect(referenceIds.has(id), `${v.id}: ${id}`).toBe(true);
    }
  });

  it("the heart is an emergency and shows beside shoulder and neck maps", () => {
    const picked = visceralSourcesFor(["infraspinatus"], visceral);
    expect(picked[0]?.id).toBe("heart");
    expect(picked.map((v) => v.id)).toContain("heart");
    expect(visceralSourcesFor(["soleus"], visceral)).toEqual([]);
  });

  it("every organ's areas and warning signs rest on at least one checked source", () => {
    expect(visceral.filter((v) => v.references.length === 0).map((v) => v.id)).toEqual([]);
  });

  it("covers the areas the issue names", () => {
    const ids = new Set(visceral.map((v: VisceralSource) => v.id));
    for (const id of ["heart", "gallbladder-liver", "kidney", "pancreas", "diaphragm", "pelvic-organs", "appendix"]) {
      expect(ids.has(id), id).toBe(true);
    }
  });
});

describe("reviewedBy", () => {
  for (const folder of ["lessons", "conditions", "techniques"] as const) {
    for (const { file, data } of pages(folder)) {
      it(`${file} names its reviewer as a role`, () => {
        expect(data["reviewedBy"], `${file}: reviewedBy`).toBeDefined();
        expect(reviewedBySchema.safeParse(data["reviewedBy"]).success, `${file}: reviewedBy`).toBe(true);
      });
    }
  }
});

describe("the schemas reject what they should", () => {
  it("reviewedBy must be a role, not a person or credential", () => {
    expect(reviewedBySchema.safeParse("Palpate clinical content team (editorial review)").success).toBe(true);
    expect(reviewedBySchema.safeParse("Jane Smith").success).toBe(false);
    expect(reviewedBySchema.safeParse("Dr Jane Smith, editorial team").success).toBe(false);
  });

  it("an MCID needs a reference", () => {
    const base = measures.find((m) => m.id === "psfs");
    expect(
      outcomeMeasureSchema.safeParse({ ...base, mcid: { value: "2 points", population: "outpatients of all sorts" } })
        .success,
    ).toBe(false);
  });

  it("accuracy numbers need a reference, and a block needs a number", () => {
    const base = tests.find((t) => t.id === "phalen");
    expect(
      specialTestSchema.safeParse({
        ...base,
        accuracy: { sensitivity: 0.5, context: "a made-up study", references: [] },
      }).success,
    ).toBe(false);
    expect(
      specialTestSchema.safeParse({ ...base, accuracy: { context: "numbers left out", references: ["x"] } }).success,
    ).toBe(false);
    expect(specialTestSchema.safeParse({ ...base, accuracy: "not-established" }).success).toBe(true);
  });
});
