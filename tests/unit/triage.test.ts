// The triage scale and the red-flag catalogue: four levels with readable badge colours in both themes, every
// catalogue entry valid with one level and a unique sign, condition red flags that exist, and page text that
// never pairs a catalogue sign with a different urgency than the catalogue gives it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TRIAGE_LEVELS, type TriageLevelId } from "../../src/lib/triage.ts";
import { type RedFlag, redFlagSchema } from "../../src/schemas/red-flag.ts";
import { entries, idsOf } from "../support/content.ts";
import { readPages, textUnits } from "../support/content-text.ts";

const root = new URL("../../", import.meta.url).pathname;

const rawFlags = entries("redFlags").map((f) => f.data);
const flags: RedFlag[] = rawFlags.map((f) => redFlagSchema.parse(f));
const flagById = new Map(flags.map((f) => [f.id, f]));
const referenceIds = idsOf("references");
const pages = readPages();
const conditions = pages.filter((p) => p.file.startsWith("conditions/"));

/** Words that state an urgency level. "Urgent" alone is left out: the pages use it for both of the top two levels. */
const LEVEL_WORDS: Record<TriageLevelId, RegExp> = {
  emergency: /\bemergenc(?:y|ies)\b|\bambulance\b|\bhelp at once\b/i,
  "same-day": /\bsame[- ]day\b/i,
  soon: /(?<!\bas )\bsoon\b(?! as)|\bwithin (?:a few )?days\b/i,
  "next-visit": /\bnext (?:medical )?visit\b/i,
};

/**
 * Catalogue signs the check can recognise in running text, as far as a pattern reasonably can. The level each
 * must agree with comes from the catalogue, not from here.
 */
const SIGN_PATTERNS: { id: string; test: (s: string) => boolean }[] = [
  {
    id: "cervical-artery",
    test: (s) => /dizz|double vision|trouble speaking|swallow|drop attack/i.test(s) && /\bneck\b|headache/i.test(s),
  },
  { id: "back-pain-fever", test: (s) => /\bfever\b/i.test(s) && /\bback\b|\bspin(?:e|al)\b/i.test(s) },
  { id: "cauda-equina", test: (s) => /\bsaddle\b|bladder|bowel control/i.test(s) },
  { id: "calf-clot", test: (s) => /\bcalf\b/i.test(s) && /swollen|swelling|warm/i.test(s) },
  { id: "clot-in-lung", test: (s) => /breathless|coughing (?:up )?blood|clot in the lung/i.test(s) },
  { id: "heart-pain", test: (s) => /chest pain/i.test(s) },
  { id: "thunderclap-headache", test: (s) => /worst headache|thunderclap|peaks within/i.test(s) },
  { id: "achilles-rupture", test: (s) => /achilles/i.test(s) && /ruptur|snap/i.test(s) },
  { id: "hamstring-tendon-avulsion", test: (s) => /pulled off the bone|avulsion/i.test(s) },
  { id: "night-pain-weight-loss", test: (s) => /weight loss|losing weight|had cancer|history of cancer/i.test(s) },
];

describe("the triage scale", () => {
  it("has the four levels, most urgent first, each with a label, a title and one plain sentence", () => {
    expect(TRIAGE_LEVELS.map((l) => l.id)).toEqual(["emergency", "same-day", "soon", "next-visit"]);
    for (const level of TRIAGE_LEVELS) {
      expect(level.label.length, level.id).toBeGreaterThan(2);
      expect(level.title, level.id).toMatch(/^[A-Z]/);
      expect(level.action.split(/[.!?](?:\s|$)/).filter(Boolean), `${level.id}: one sentence`).toHaveLength(1);
    }
  });

  it("has badge colours in tokens.css for the light and both dark themes, text on background >= 4.5:1", () => {
    const css = readFileSync(join(root, "src/styles/tokens.css"), "utf8");
    // The light :root block, the prefers-color-scheme dark block and the data-theme="dark" block.
    const blocks = [...css.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? "").filter((b) => b.includes("--bg:"));
    expect(blocks.length).toBe(3);
    for (const block of blocks) {
      const value = (name: string) => new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, "i").exec(block)?.[1];
      for (const level of TRIAGE_LEVELS) {
        const bg = value(level.token.bg);
        const text = value(level.token.text);
        expect(bg && text, `${level.token.bg} and ${level.token.text} in every theme`).toBeTruthy();
        expect(contrast(bg ?? "", text ?? ""), `${level.id} badge contrast`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe("the red-flag catalogue (content/red-flags.yaml)", () => {
  it("has valid entries, each with exactly one level of the scale", () => {
    expect(flags.length).toBeGreaterThan(10);
    for (const raw of rawFlags) {
      const result = redFlagSchema.safeParse(raw);
      expect(result.success, JSON.stringify(raw)).toBe(true);
      expect(typeof (raw as { level: unknown }).level, "one level, not a list").toBe("string");
    }
    expect(new Set(flags.map((f) => f.id)).size, "ids are unique").toBe(flags.length);
  });

  it("says each sign once (no two entries with the same sign, normalised)", () => {
    const seen = new Map<string, string>();
    for (const f of flags) {
      const key = f.sign
        .toLowerCase()
        .replace(/[^a-z0-9 ]/g, " ")
        .replace(/\s+/g, " ")
        .trim();
      expect(seen.get(key), `${f.id} repeats the sign of ${seen.get(key)}`).toBeUndefined();
      seen.set(key, f.id);
    }
  });

  it("leaves urgency to the level: no sign names a speed of its own", () => {
    for (const f of flags) {
      for (const [level, words] of Object.entries(LEVEL_WORDS)) {
        expect(words.test(f.sign), `${f.id}: sign says "${level}"; the level field says that`).toBe(false);
      }
    }
  });

  it("cites only references that exist", () => {
    for (const f of flags) {
      for (const id of f.references ?? []) expect(referenceIds.has(id), `${f.id}: reference ${id}`).toBe(true);
    }
  });

  it("knows every sign the text check looks for", () => {
    for (const p of SIGN_PATTERNS) expect(flagById.has(p.id), p.id).toBe(true);
  });
});

describe("condition red flags", () => {
  for (const page of conditions) {
    it(`${page.file}: redFlags are at least three catalogue ids, none repeated`, () => {
      const ids = page.frontmatter["redFlags"] as unknown[];
      expect(Array.isArray(ids) && ids.length >= 3, "at least three").toBe(true);
      const unknown = ids.filter((id) => typeof id !== "string" || !flagById.has(id));
      expect(unknown, `${page.file}: redFlags ids not in content/red-flags.yaml`).toEqual([]);
      expect(new Set(ids).size, "no id twice").toBe(ids.length);
    });
  }
});

/** Sentences (and list items with their heading) that pair a catalogue sign with another level's words. */
function urgencyConflicts(units: { where: string; text: string }[]) {
  const conflicts: string[] = [];
  for (const unit of units) {
    const levels = new Set(
      SIGN_PATTERNS.filter((p) => p.test(unit.text)).map((p) => flagById.get(p.id)?.level as TriageLevelId),
    );
    if (levels.size === 0) continue;
    for (const [level, words] of Object.entries(LEVEL_WORDS) as [TriageLevelId, RegExp][]) {
      if (words.test(unit.text) && !levels.has(level)) {
        conflicts.push(`${unit.where}: says "${level}" next to a ${[...levels].join("/")} sign: "${unit.text}"`);
      }
    }
  }
  return conflicts;
}

describe("page text agrees with the catalogue's levels", () => {
  const units = pages.flatMap((p) => textUnits(p, ["redFlags"]));

  it("finds the signs it checks in the pages at all", () => {
    expect(units.some((u) => SIGN_PATTERNS[0]?.test(u.text))).toBe(true);
    expect(units.some((u) => SIGN_PATTERNS[1]?.test(u.text))).toBe(true);
  });

  it("never pairs a sign with a different urgency in the same sentence or list item", () => {
    expect(urgencyConflicts(units)).toEqual([]);
  });

  it("never puts the neck-artery signs next to 'same day'", () => {
    const cervical = units.filter((u) => SIGN_PATTERNS[0]?.test(u.text));
    expect(cervical.filter((u) => LEVEL_WORDS["same-day"].test(u.text)).map((u) => `${u.where}: ${u.text}`)).toEqual(
      [],
    );
  });

  it("never puts fever with back pain next to 'soon'", () => {
    const fever = units.filter((u) => SIGN_PATTERNS[1]?.test(u.text));
    expect(fever.filter((u) => LEVEL_WORDS.soon.test(u.text)).map((u) => `${u.where}: ${u.text}`)).toEqual([]);
  });
});

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
