import { describe, expect, it } from "vitest";
import { editDistance, typoAllowance } from "../../src/lib/edit-distance.ts";

describe("editDistance", () => {
  it("counts each kind of edit once", () => {
    expect(editDistance("fasciitis", "fasciitis")).toBe(0);
    expect(editDistance("fascitis", "fasciitis")).toBe(1); // a letter missing
    expect(editDistance("carpel", "carpal")).toBe(1); // a letter wrong
    expect(editDistance("tunnnel", "tunnel")).toBe(1); // a letter too many
    expect(editDistance("paltar", "plantar")).toBe(2);
    expect(editDistance("plantra", "plantar")).toBe(1); // two neighbours swapped
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
  });

  it.each([
    ["", "", 0],
    ["trapezuis", "trapezius", 1], // one swap
    ["trapzius", "trapezius", 1], // one left out
    ["trappezius", "trapezius", 1], // one extra
    ["ca", "abc", 3], // optimal string alignment, not unrestricted Damerau-Levenshtein
    ["kitten", "sitting", 3],
  ])("%s to %s is %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it("is symmetric", () => {
    for (const [a, b] of [
      ["supraspinatus", "suprapsinatus"],
      ["piriformis", "pyriformis"],
      ["trapezius", "trapezium"],
    ] as const) {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
    }
  });

  it("stops early past the limit, returning limit + 1", () => {
    expect(editDistance("deltoid", "gastrocnemius", 2)).toBe(3);
    expect(editDistance("abcdef", "ab", 1)).toBe(2);
    expect(editDistance("carpel", "carpal", 1)).toBe(1);
  });
});

describe("typoAllowance", () => {
  it("forgives nothing in short words and more in long ones, at most three", () => {
    expect(typoAllowance(4)).toBe(0);
    expect(typoAllowance(6)).toBe(1);
    expect(typoAllowance(8)).toBe(1);
    expect(typoAllowance(14)).toBe(2);
    expect(typoAllowance(40)).toBe(3);
  });
});
