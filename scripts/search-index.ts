// After astro build: writes the search index (Pagefind, dist/pagefind/). Every page is indexed as Pagefind reads it
// (data-pagefind-body, -meta, -filter, -weight), except the glossary: each of its terms is a record of its own
// (/glossary/#<id>), titled with the term, its other names as `names` metadata, so a search for a term ranks that
// term's short entry, not one page of every term that any page with the same words outranks ("end feel" against the
// endangerment pages, whose text has "ends" and "feel"). The glossary page keeps its heading and introduction.
import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseHTML } from "linkedom";
import * as pagefind from "pagefind";
import { htmlFiles } from "./dist-html.ts";

const dist = join(process.cwd(), "dist");
const GLOSSARY = join(dist, "glossary", "index.html");
/** A glossary entry: one per term, its id the term's anchor (src/pages/glossary/index.astro). */
const ENTRY = ".entry[id]";

const fail = (what: string, errors: string[]) => {
  if (errors.length > 0) throw new Error(`scripts/search-index.ts: ${what}: ${errors.join("; ")}`);
};

const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`scripts/search-index.ts: Pagefind did not start: ${errors.join("; ")}`);

let pages = 0;
for (const file of htmlFiles(dist)) {
  if (file === GLOSSARY) continue;
  // The URL Pagefind gives a file of the site (without index.html), which its source path would not give here.
  const url = `/${relative(dist, file).split(sep).join("/")}`.replace(/(^|\/)index\.html$/, "$1");
  const added = await index.addHTMLFile({ url, content: readFileSync(file, "utf8") });
  fail(relative(process.cwd(), file), added.errors);
  pages++;
}

const { document } = parseHTML(readFileSync(GLOSSARY, "utf8"));
const language = document.documentElement.getAttribute("lang") ?? "en";
const type = document.querySelector('meta[name="palpate:type"]')?.getAttribute("content") ?? "";
const entries = [...document.querySelectorAll<HTMLElement>(ENTRY)];
if (entries.length === 0) throw new Error(`scripts/search-index.ts: ${GLOSSARY} has no ${ENTRY} entries.`);
const text = (el: Element | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
for (const entry of entries) {
  const term = text(entry.querySelector("dfn"));
  if (!term) throw new Error(`scripts/search-index.ts: ${GLOSSARY}: entry #${entry.id} has no <dfn> term.`);
  const aliases = text(entry.querySelector(".aliases"))
    .replace(/^\(also:\s*|\)$/g, "")
    .trim();
  const added = await index.addCustomRecord({
    url: `/glossary/#${entry.id}`,
    // Block by block, so the term, its definition and its links do not run together ("(also: end feel)The ...").
    content: [...entry.querySelectorAll("dt, dd > *")].map(text).join(" "),
    language,
    meta: { title: term, type, ...(aliases ? { names: aliases } : {}) },
    filters: { type: [type] },
  });
  fail(`glossary entry #${entry.id}`, added.errors);
  // The page itself is indexed without its entries (data-pagefind-ignore, here only, not in the built page).
  entry.setAttribute("data-pagefind-ignore", "");
}
const glossary = await index.addHTMLFile({ url: "/glossary/", content: document.toString() });
fail(relative(process.cwd(), GLOSSARY), glossary.errors);

const written = await index.writeFiles({ outputPath: join(dist, "pagefind") });
fail("writing the index", written.errors);
await pagefind.close();
console.log(`search-index: ${pages + 1} pages and ${entries.length} glossary terms -> ${written.outputPath}`);
