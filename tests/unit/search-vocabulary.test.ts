import { describe, expect, it } from "vitest";
import { Vocabulary, vocabularyWords } from "../../src/components/search/vocabulary.ts";

// A vocabulary in the order the build writes it: page-name words first, then by frequency.
const site = new Vocabulary(["plantar", "fasciitis", "carpal", "tunnel", "fascia", "shoulder", "capsule", "carpi"]);

describe("search vocabulary", () => {
  it("folds case and accents and keeps words of four letters or more", () => {
    expect(vocabularyWords("Plantar Fasciítis of the FOOT, a b")).toEqual(["plantar", "fasciitis", "foot"]);
  });

  it("corrects a misspelt word to the nearest site word and leaves known words alone", () => {
    expect(site.correct("plantar fascitis")).toBe("plantar fasciitis");
    expect(site.correct("carpel tunnel")).toBe("carpal tunnel");
    expect(site.correct("Carpal Tunnel")).toBeUndefined();
  });

  it("leaves short words and words too far from any site word unchanged", () => {
    expect(site.nearest("foo")).toBeUndefined(); // under four letters: no typo allowance
    expect(site.nearest("elbow")).toBeUndefined();
    expect(site.correct("tennis elbow")).toBeUndefined();
  });

  it("prefers the first of two equally near words (the more useful one)", () => {
    // "carpa" is one edit from both "carpal" and "carpi"; "carpal" comes first.
    expect(site.nearest("carpa")).toBe("carpal");
  });

  it("suggests site words within two edits of the query", () => {
    expect(site.suggestions("shouldr capsul")).toEqual(["shoulder", "capsule"]);
    expect(site.suggestions("xyzzy")).toEqual([]);
  });
});

describe("unknown words", () => {
  it("says whether a query holds a word the site never uses", () => {
    expect(site.hasUnknown("plantar fasciitis")).toBe(false);
    expect(site.hasUnknown("bycep")).toBe(true);
    expect(site.hasUnknown("the arm")).toBe(false); // short words are never judged
  });
});
