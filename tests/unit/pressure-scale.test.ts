// The one pressure and pain scale: bands that cover 0 to 10 once, and every "N out of 10" (or "N/10") in the
// pages agrees with its ceiling: a rating given as a target or a limit stays below it, and a rating given as
// too much is at or above it. "Never above N" and "at N or more" must name the ceiling itself.
import { describe, expect, it } from "vitest";
import { PRESSURE_BANDS, PRESSURE_CEILING, PRESSURE_WORKING } from "../../src/lib/pressure-scale.ts";
import { readPages, textUnits } from "../support/content-text.ts";

const units = readPages().flatMap((p) => textUnits(p));

/** Words that mark a rating as too much (the client braces, or the therapist must ease off). */
const TOO_MUCH =
  /too (?:much|strong)|ease off at once|holding (?:the|their) breath|breath-holding|bracing|wince|flinch/i;

describe("the pressure scale data", () => {
  it("covers 0 to 10 once, in order, with the working range below the ceiling", () => {
    let next = 0;
    for (const band of PRESSURE_BANDS) {
      expect(band.from, band.name).toBe(next);
      expect(band.to).toBeGreaterThanOrEqual(band.from);
      next = band.to + 1;
    }
    expect(next).toBe(11);
    expect(PRESSURE_WORKING.to).toBe(PRESSURE_CEILING - 1);
    expect(PRESSURE_BANDS.find((b) => b.from === PRESSURE_CEILING)?.to).toBe(10);
  });
});

/** After a bare number: only a rating if nothing but "out of 10" or punctuation follows (not "15 days"). */
const RATING_END = String.raw`(?=\s*(?:out of 10\b|\/\s*10\b|[.,;:)"”]|$))`;

/** Problems with the ratings in one sentence, or none. */
function ratingProblems(text: string): string[] {
  const problems: string[] = [];
  // "never above 7", "no more than 3 out of 10", "not higher than 5": a limit that must stay below the ceiling.
  const limits = new RegExp(
    String.raw`\b(?:never|no|not)\s+(?:above|more than|higher than|over)\s+(\d+)(?:\s+to\s+(\d+))?${RATING_END}`,
    "gi",
  );
  for (const m of text.matchAll(limits)) {
    const limit = Number(m[2] ?? m[1]);
    if (limit >= PRESSURE_CEILING) problems.push(`limit ${limit} is at or above the ceiling ${PRESSURE_CEILING}`);
  }
  // "at 7 or more", "8 or above": the point to ease off must be the ceiling.
  for (const m of text.matchAll(new RegExp(String.raw`\b(\d+)\s+or\s+(?:more|above|higher)${RATING_END}`, "gi"))) {
    if (Number(m[1]) !== PRESSURE_CEILING) problems.push(`"${m[0]}" should be ${PRESSURE_CEILING} or more`);
  }
  // Plain ratings: "4 to 6 out of 10", "5/10".
  for (const m of text.matchAll(/\b(\d+)(?:\s*(?:to|–|-)\s*(\d+))?\s*(?:out of 10\b|\/\s*10\b)/gi)) {
    const low = Number(m[1]);
    const high = Number(m[2] ?? m[1]);
    // A sentence that names the ceiling ("ease off at 7 or more") may give a target below it in the same breath.
    const namesCeiling = new RegExp(String.raw`\b${PRESSURE_CEILING}\s+or\s+(?:more|above|higher)\b`).test(text);
    if (TOO_MUCH.test(text) && !namesCeiling) {
      if (low < PRESSURE_CEILING) {
        problems.push(`"${m[0]}" is called too much but is below the ceiling ${PRESSURE_CEILING}`);
      }
    } else if (high >= PRESSURE_CEILING) {
      problems.push(`"${m[0]}" is given as a rating to work at, but the ceiling is ${PRESSURE_CEILING}`);
    }
  }
  return problems;
}

describe("ratings in the pages agree with the ceiling", () => {
  it("finds the ratings at all", () => {
    expect(units.filter((u) => /out of 10|\/10\b/.test(u.text)).length).toBeGreaterThan(5);
  });

  it("keeps every target or limit below the ceiling and every 'too much' at or above it", () => {
    const problems = units.flatMap((u) => ratingProblems(u.text).map((p) => `${u.where}: ${p}: "${u.text}"`));
    expect(problems).toEqual([]);
  });

  it("catches the old wording", () => {
    expect(
      ratingProblems('Client rating about 4 to 5 out of 10, "strong but comfortable". Never more than 7.'),
    ).not.toEqual([]);
    expect(ratingProblems("Client rating about 4 to 5 out of 10, never above 7")).not.toEqual([]);
    expect(ratingProblems("The client rates the pressure 8 out of 10 and starts holding their breath.")).toEqual([]);
  });
});
