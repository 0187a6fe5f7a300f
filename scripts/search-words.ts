// After Pagefind: writes the site's vocabulary (every word of four letters or more that the search index holds,
// from the indexed main content and the page names) to dist/pagefind/palpate-words.json, most useful first (words of
// page names and other names, then by how often they occur). The search panel loads it on first use to correct a
// misspelt word ("fascitis", "carpel") to the nearest word the site really uses.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { vocabularyWords } from "../src/components/search/vocabulary.ts";
import { htmlFiles } from "./dist-html.ts";

const dist = join(process.cwd(), "dist");
const out = join(dist, "pagefind", "palpate-words.json");
if (!existsSync(join(dist, "pagefind"))) {
  throw new Error("scripts/search-words.ts: dist/pagefind/ is missing: run `node scripts/search-index.ts` first.");
}

const counts = new Map<string, number>();
const names = new Set<string>();
const add = (text: string, into?: Set<string>) => {
  for (const word of vocabularyWords(text)) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
    into?.add(word);
  }
};

let pages = 0;
for (const file of htmlFiles(dist)) {
  const { document } = parseHTML(readFileSync(file, "utf8"));
  const body = document.querySelector("[data-pagefind-body]");
  if (!body) continue;
  pages++;
  for (const el of body.querySelectorAll("[data-pagefind-ignore]")) el.remove();
  add(body.textContent ?? "");
  add(document.querySelector("h1")?.textContent ?? "", names);
  for (const meta of document.querySelectorAll('meta[name="palpate:names"], meta[name="palpate:terms"]')) {
    add(meta.getAttribute("content") ?? "", names);
  }
}
if (pages === 0) throw new Error("scripts/search-words.ts: no page in dist/ has data-pagefind-body.");

const words = [...counts.keys()].sort(
  (a, b) =>
    Number(names.has(b)) - Number(names.has(a)) || (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : 1),
);
writeFileSync(out, JSON.stringify({ version: 1, words: words.join(" ") }));
console.log(`search-words: ${words.length} words from ${pages} pages -> ${out}`);
