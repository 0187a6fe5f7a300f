// Search names: every other name, abbreviation and everyday phrase (anatomy aliases, alsoKnownAs, searchTerms,
// glossary aliases) points at one page, so a search for it has one right answer. A name that truly belongs to more
// than one page is listed in SHARED with the pages that share it; a glossary entry may share names with the one guide
// on the same thing (GLOSSARY_GUIDES). The tests fail when these lists and the content differ.
import { describe, expect, it } from "vitest";
import { mdxPages, yamlRecords } from "../support/content.ts";

/** Names more than one page answers to, and those pages (sorted). */
const SHARED: Record<string, string[]> = {};

/** Glossary entries whose other names are also a guide's names, and that guide. */
const GLOSSARY_GUIDES: Record<string, string> = {
  arthroplasty: "/conditions/hip-replacement-recovery/ /conditions/knee-replacement-recovery/",
  "deep-transverse-friction": "/techniques/deep-transverse-friction/",
  "muscle-energy-technique": "/techniques/muscle-energy-technique/",
  "myofascial-release": "/techniques/myofascial-release/",
  neurodynamics: "/techniques/nerve-mobilization/",
  "orthopedic-massage": "/learn/what-is-orthopedic-massage/",
  paresthesia: "/conditions/carpal-tunnel-syndrome/",
  "pnf-stretching": "/techniques/pnf-stretching/",
  "positional-release": "/techniques/positional-release/",
  "tension-type-headache": "/conditions/tension-headache/",
  "trigger-point": "/techniques/trigger-point-therapy/",
  "whiplash-associated-disorders": "/conditions/whiplash/",
};

interface Named {
  alsoKnownAs?: string[];
  searchTerms?: string[];
}

/** "ischemic compression (older term)" and "ischemic compression" are the same name to a reader. */
const normalise = (name: string) =>
  name
    .replace(/\s*\((?:older term|one school of it|sliders|when pain spreads down the leg)\)$/i, "")
    .trim()
    .toLowerCase();

function namesByPage(): Map<string, Set<string>> {
  const pages = new Map<string, Set<string>>();
  const add = (name: string, page: string) => {
    const key = normalise(name);
    const set = pages.get(key) ?? new Set<string>();
    set.add(page);
    pages.set(key, set);
  };
  for (const r of yamlRecords<{ id: string; aliases?: string[] }>("anatomy")) {
    for (const a of r.data.aliases ?? []) add(a, `/anatomy/${r.data.id}/`);
  }
  for (const dir of ["conditions", "techniques", "lessons"] as const) {
    const base = dir === "lessons" ? "learn" : dir;
    for (const p of mdxPages<Named>(dir)) {
      for (const a of [...(p.data.alsoKnownAs ?? []), ...(p.data.searchTerms ?? [])]) add(a, `/${base}/${p.slug}/`);
    }
  }
  for (const g of yamlRecords<{ aliases?: string[] }>("glossary")) {
    const id = g.file.replace(/^content\/glossary\/|\.yaml$/g, "");
    for (const a of g.data.aliases ?? []) add(a, `/glossary/#${id}`);
  }
  return pages;
}

describe("search names", () => {
  it("every condition, technique and lesson has everyday words to be found by", () => {
    for (const dir of ["conditions", "techniques", "lessons"] as const) {
      for (const p of mdxPages<Named>(dir)) {
        expect(p.data.searchTerms?.length ?? 0, `${p.file}: searchTerms`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it("each name points at one page, or is listed as shared with the pages that share it", () => {
    const shared = Object.fromEntries(
      [...namesByPage()]
        .map(([name, pages]) => [name, [...pages].filter((p) => !p.startsWith("/glossary/")).sort()] as const)
        .filter(([, pages]) => pages.length > 1),
    );
    expect(shared).toEqual(SHARED);
  });

  it("a glossary entry shares names only with the guide on the same thing", () => {
    const guides = new Map<string, Set<string>>();
    for (const pages of namesByPage().values()) {
      for (const g of [...pages].filter((p) => p.startsWith("/glossary/#"))) {
        const set = guides.get(g.slice(11)) ?? new Set<string>();
        for (const p of pages) if (!p.startsWith("/glossary/")) set.add(p);
        if (set.size > 0) guides.set(g.slice(11), set);
      }
    }
    const actual = Object.fromEntries([...guides].map(([id, set]) => [id, [...set].sort().join(" ")]));
    expect(actual).toEqual(GLOSSARY_GUIDES);
  });
});
