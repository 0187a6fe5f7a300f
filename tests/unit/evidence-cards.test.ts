// Evidence cards (issue 11): every condition and technique guide has at least one card; each card matches the
// schema (certainty one of the GRADE words), cites a source that is in the site's reference list and in the
// page's own `references`, and was checked on a real date that is not in the future. The checks are also run on
// broken cards, so a check that stops failing is noticed.
import { describe, expect, it } from "vitest";
import {
  CERTAINTY_LEVELS,
  certaintyDots,
  type EvidenceCard,
  evidenceCardProblems,
  evidenceCardsSchema,
} from "../../src/schemas/evidence-card.ts";
import { idsOf, mdxPages } from "../support/content.ts";

const today = new Date().toISOString().slice(0, 10);

const siteReferences = idsOf("references");

interface Page {
  file: string;
  references: string[];
  evidenceCards: unknown;
}
const pages: Page[] = (["conditions", "techniques"] as const).flatMap((dir) =>
  mdxPages<{ references?: string[]; evidenceCards?: unknown }>(dir).map((p) => ({
    file: p.file,
    references: p.data.references ?? [],
    evidenceCards: p.data.evidenceCards,
  })),
);

const goodCard: EvidenceCard = {
  question: "Massage vs. no treatment for chronic low back pain",
  population: "Adults with chronic low back pain",
  comparison: "No treatment",
  outcome: "Pain in the short term",
  effect: "Small improvement, may not last",
  certainty: "low",
  source: "furlan-2015-cochrane-massage-lbp",
  checked: "2026-01-01",
};

describe("evidence cards on every condition and technique guide", () => {
  it("finds the guides", () => {
    expect(pages.filter((p) => p.file.includes("/conditions/")).length).toBeGreaterThanOrEqual(15);
    expect(pages.filter((p) => p.file.includes("/techniques/")).length).toBeGreaterThanOrEqual(7);
  });

  for (const page of pages) {
    describe(page.file, () => {
      const parsed = evidenceCardsSchema.safeParse(page.evidenceCards);

      it("has at least one card, each matching the schema (certainty in the GRADE enum)", () => {
        expect(Array.isArray(page.evidenceCards) && page.evidenceCards.length > 0, "no evidenceCards").toBe(true);
        expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues, null, 1)).toBe(true);
      });

      it("cites sources that are in the page's references and in content/references.yaml, checked by today", () => {
        if (!parsed.success) return;
        expect(evidenceCardProblems(parsed.data, page.references, today)).toEqual([]);
        for (const card of parsed.data) expect(siteReferences.has(card.source), card.source).toBe(true);
      });
    });
  }
});

describe("the checks reject broken cards", () => {
  const listed = [goodCard.source];

  it("accepts a good card", () => {
    expect(evidenceCardsSchema.safeParse([goodCard]).success).toBe(true);
    expect(evidenceCardProblems([goodCard], listed, "2026-12-07")).toEqual([]);
  });

  it("rejects an empty list, a certainty outside the enum and a missing field", () => {
    expect(evidenceCardsSchema.safeParse([]).success).toBe(false);
    expect(evidenceCardsSchema.safeParse([{ ...goodCard, certainty: "medium" }]).success).toBe(false);
    const { effect: _effect, ...noEffect } = goodCard;
    expect(evidenceCardsSchema.safeParse([noEffect]).success).toBe(false);
  });

  it("flags a source the page does not list", () => {
    expect(evidenceCardProblems([goodCard], ["another-source"], "2026-12-07")).toHaveLength(1);
  });

  it("flags a checked date in the future or not a real day", () => {
    expect(evidenceCardProblems([{ ...goodCard, checked: "2026-12-08" }], listed, "2026-12-07")).toHaveLength(1);
    expect(evidenceCardProblems([{ ...goodCard, checked: "2026-02-30" }], listed, "2026-12-07")).toHaveLength(1);
  });

  it("maps certainty to one to four dots", () => {
    expect(CERTAINTY_LEVELS.map(certaintyDots)).toEqual([4, 3, 2, 1]);
  });
});
