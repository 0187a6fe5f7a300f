// The search index as built: every indexed page says what it is (a type badge and filter, never a generic one), each
// glossary term is a result of its own at its anchor (scripts/search-index.ts), and the site vocabulary the panel
// corrects misspellings against holds the words of the page names and stays small.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { SEARCH_TYPES } from "../../src/components/search/search-entry.ts";
import { vocabularyWords } from "../../src/components/search/vocabulary.ts";
import { builtPages, distDir, pageDoc } from "../support/dist.ts";
import { searchTop } from "../support/pagefind.ts";

const indexed = builtPages()
  .map((p) => ({ ...p, html: readFileSync(p.file, "utf8") }))
  .filter((p) => p.html.includes("data-pagefind-body"));

describe("search metadata", () => {
  it("indexes the site's pages", () => {
    expect(indexed.length).toBeGreaterThan(200);
  });

  it("gives every indexed page one of the search types", () => {
    const wrong = indexed.flatMap((p) => {
      const types = [...p.html.matchAll(/<meta name="palpate:type" content="([^"]*)"/g)].map((m) => m[1]);
      return types.length === 1 && (SEARCH_TYPES as readonly string[]).includes(types[0] ?? "")
        ? []
        : [`${p.path}: ${types.join(", ") || "no type"}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe("glossary terms in the search index", () => {
  const entries = [...pageDoc("/glossary/").querySelectorAll(".entry[id]")].map((e) => ({
    id: e.id,
    term: (e.querySelector("dfn")?.textContent ?? "").trim(),
  }));

  // Among all results: a common word ("ligament", "tendon") is first the name of many structure pages.
  it("gives every term a result of its own, at its anchor, titled with the term", async () => {
    expect(entries.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const { id, term } of entries) {
      const hit = (await searchTop(term, 100)).find((r) => r.url === `/glossary/#${id}`);
      if (hit?.meta["title"] !== term || hit.meta["type"] !== "Glossary term") missing.push(`${term} (#${id})`);
    }
    expect(missing).toEqual([]);
  });

  it("ranks a term no page is named by first, over pages that only share its words ('end feel')", async () => {
    const [first] = await searchTop("end feel");
    expect(first?.url).toBe("/glossary/#end-feel");
  });

  it("keeps the glossary page itself as one result, without its terms", async () => {
    expect((await searchTop("glossary", 1))[0]?.url).toBe("/glossary/");
    expect((await searchTop("end feel", 20)).map((r) => r.url)).not.toContain("/glossary/");
  });
});

describe("site vocabulary (dist/pagefind/palpate-words.json)", () => {
  const raw = readFileSync(join(distDir, "pagefind", "palpate-words.json"));
  const words: string[] = (JSON.parse(raw.toString("utf8")) as { words: string }).words.split(" ");

  it("holds every word of every page title", () => {
    const known = new Set(words);
    const missing = indexed.flatMap((p) => {
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(p.html)?.[1]?.replace(/<[^>]+>/g, "") ?? "";
      return vocabularyWords(h1)
        .filter((w) => !known.has(w))
        .map((w) => `${p.path}: ${w}`);
    });
    expect(missing).toEqual([]);
  });

  it("lists each word once, the words of page names and other names first", () => {
    expect(new Set(words).size).toBe(words.length);
    const names = new Set(
      indexed.flatMap((p) => [
        ...vocabularyWords(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(p.html)?.[1]?.replace(/<[^>]+>/g, "") ?? ""),
        ...[...p.html.matchAll(/<meta name="palpate:(?:names|terms)" content="([^"]*)"/g)].flatMap((m) =>
          vocabularyWords(m[1] ?? ""),
        ),
      ]),
    );
    const firstOther = words.findIndex((w) => !names.has(w));
    expect(firstOther).toBeGreaterThan(0);
    expect(words.slice(firstOther).filter((w) => names.has(w))).toEqual([]);
  });

  it("stays under 30 KB gzip (it loads with the first search)", () => {
    expect(gzipSync(raw, { level: 9 }).length).toBeLessThan(30 * 1024);
  });
});
