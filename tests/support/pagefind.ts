// The built search index (dist/pagefind/) queried in Node with Pagefind's own browser runtime and the site's ranking
// (src/components/search/search-weights.ts), as the search panel asks it: ranking checks need no browser. The
// runtime fetches its files relative to the page; here they are read from dist/.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { SEARCH_RANKING } from "../../src/components/search/search-weights.ts";
import { correctedSearch, Vocabulary } from "../../src/components/search/vocabulary.ts";
import { distDir } from "./dist.ts";

interface PagefindResult {
  url: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

const ORIGIN = "http://site.invalid";
let loaded: Promise<Pagefind> | undefined;

function load(): Promise<Pagefind> {
  loaded ??= (async () => {
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input), ORIGIN);
      if (url.origin !== ORIGIN) return realFetch(input, init);
      const body = await readFile(join(distDir, url.pathname));
      const wasm = url.pathname.endsWith(".wasm") || url.pathname.includes("/wasm.");
      return new Response(body, { headers: wasm ? { "content-type": "application/wasm" } : {} });
    };
    // The runtime resolves its base path against the page it runs in.
    Object.assign(globalThis, { location: new URL(`${ORIGIN}/search/`) });
    const pagefind = (await import(join(distDir, "pagefind", "pagefind.js"))) as Pagefind;
    await pagefind.options({ basePath: "/pagefind/", ranking: SEARCH_RANKING });
    await pagefind.init();
    return pagefind;
  })();
  return loaded;
}

/** The first `n` results of a query (URL with fragment, and metadata), best first. */
export async function searchTop(query: string, n = 3): Promise<PagefindResult[]> {
  const pagefind = await load();
  const { results } = await pagefind.search(query);
  return Promise.all(results.slice(0, n).map((r) => r.data()));
}

let vocabulary: Promise<Vocabulary> | undefined;

/**
 * The first `n` result addresses (path and fragment) for a query as the search panel lists them: the query as
 * typed, or the nearest site words when it has misspelt ones and they find something (src/components/search/).
 */
export async function panelTop(query: string, n = 3): Promise<string[]> {
  const pagefind = await load();
  vocabulary ??= readFile(join(distDir, "pagefind", "palpate-words.json"), "utf8").then(
    (text) => new Vocabulary((JSON.parse(text) as { words: string }).words.split(" ")),
  );
  let result = await pagefind.search(query);
  const fix = await correctedSearch(query, await vocabulary, (q) => pagefind.search(q));
  if (fix.result) result = fix.result;
  const data = await Promise.all(result.results.slice(0, n).map((r) => r.data()));
  return data.map((d) => {
    const url = new URL(d.url, ORIGIN);
    return url.pathname + url.hash;
  });
}
