// Search behaviour for a SearchPanel: loads Pagefind on first use, searches as you type, fills the filter counts,
// renders results with type and region badges, and moves between the input and the results with the arrow keys.
import { SEARCH_RANKING } from "./search-weights.ts";
import { correctedSearch, Vocabulary } from "./vocabulary.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (o: object) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (q: string, o?: object) => Promise<PagefindSearch | null>;
  debouncedSearch: (q: string, o: object, ms: number) => Promise<PagefindSearch | null>;
}

/** One line of the list: a page, or a glossary term. */
export interface SearchHit {
  url: string;
  title: string;
  type: string;
  region?: string | undefined;
  excerpt: string;
}

const PAGE_SIZE = 10;
let pagefindPromise: Promise<Pagefind> | undefined;

/** Loads the Pagefind runtime and index entry once (it exists only in the production build). */
export function loadPagefind(): Promise<Pagefind> {
  pagefindPromise ??= (async () => {
    const path = "/pagefind/pagefind.js";
    const pagefind = (await import(/* @vite-ignore */ path)) as Pagefind;
    await pagefind.options({ ranking: SEARCH_RANKING });
    await pagefind.init();
    // Filter counts come back with a search only once the filter index is loaded.
    await pagefind.filters();
    return pagefind;
  })();
  return pagefindPromise;
}

let vocabularyPromise: Promise<Vocabulary | undefined> | undefined;

/** The site's vocabulary (scripts/search-words.ts), loaded once; undefined when the build has none. */
function loadVocabulary(): Promise<Vocabulary | undefined> {
  vocabularyPromise ??= fetch("/pagefind/palpate-words.json")
    .then((r) => (r.ok ? (r.json() as Promise<{ words: string }>) : undefined))
    .then((data) => (data ? new Vocabulary(data.words.split(" ")) : undefined))
    .catch(() => undefined);
  return vocabularyPromise;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** Results as list lines: a page, or a glossary term (a record of its own at its anchor, scripts/search-index.ts). */
async function hitsOf(results: PagefindSearch["results"]): Promise<SearchHit[]> {
  const data = await Promise.all(results.map((r) => r.data()));
  return data.map((d) => ({
    url: d.url,
    title: d.meta["title"] ?? d.url,
    type: d.meta["type"] ?? "Overview",
    region: d.meta["region"],
    excerpt: d.excerpt.includes("<mark>") ? d.excerpt : escapeHtml(d.meta["summary"] ?? d.excerpt),
  }));
}

export interface SearchPanelOptions {
  /** Keep ?q= in the address bar in step with the input (the /search/ page). */
  syncUrl?: boolean;
  /** Called when a result is followed (the dialog closes itself). */
  onFollow?: () => void;
}

/** Wires one [data-search-panel]; returns a function that puts a query in and runs it. */
export function mountSearchPanel(panel: HTMLElement, options: SearchPanelOptions = {}) {
  const input = panel.querySelector<HTMLInputElement>("[data-search-input]");
  const status = panel.querySelector<HTMLElement>("[data-search-status]");
  const list = panel.querySelector<HTMLOListElement>("[data-search-results]");
  const more = panel.querySelector<HTMLButtonElement>("[data-search-more]");
  const empty = panel.querySelector<HTMLElement>("[data-search-empty]");
  const selects = [...panel.querySelectorAll<HTMLSelectElement>("[data-search-filter]")];
  if (!input || !status || !list || !more || !empty) throw new Error("search panel markup is incomplete");

  let pending: PagefindSearch["results"] = [];
  let shown = 0;
  let run = 0;

  const filters = () => {
    const out: Record<string, string> = {};
    for (const s of selects) if (s.value && s.dataset["searchFilter"]) out[s.dataset["searchFilter"]] = s.value;
    return out;
  };

  const updateCounts = (counts: PagefindSearch["filters"]) => {
    for (const select of selects) {
      const key = select.dataset["searchFilter"] ?? "";
      for (const option of select.options) {
        if (!option.value) continue;
        const n = counts[key]?.[option.value] ?? 0;
        option.textContent = `${option.dataset["label"] ?? option.value} (${n})`;
        option.disabled = n === 0 && option.value !== select.value;
      }
    }
  };

  const renderHits = (hits: SearchHit[]) => {
    for (const hit of hits) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = hit.url;
      a.textContent = hit.title;
      a.addEventListener("click", () => options.onFollow?.());
      const badges = document.createElement("p");
      badges.className = "badges";
      for (const [text, kind] of [
        [hit.type, "type"],
        [hit.region, "region"],
      ] as const) {
        if (!text) continue;
        const b = document.createElement("span");
        b.className = `badge badge--${kind}`;
        b.textContent = text;
        badges.append(b);
      }
      const p = document.createElement("p");
      p.className = "excerpt";
      p.append(...excerptNodes(hit.excerpt));
      li.append(a, badges, p);
      list.append(li);
    }
  };

  const showMore = async () => {
    const id = run;
    const next = pending.slice(shown, shown + PAGE_SIZE);
    shown += next.length;
    const hits = await hitsOf(next);
    if (id !== run) return;
    renderHits(hits);
    more.hidden = shown >= pending.length;
  };

  const search = async (query: string) => {
    const id = ++run;
    const q = query.trim();
    if (options.syncUrl) {
      const url = new URL(location.href);
      if (q) url.searchParams.set("q", q);
      else url.searchParams.delete("q");
      history.replaceState(history.state, "", url);
    }
    if (!q) {
      list.replaceChildren();
      more.hidden = true;
      empty.hidden = true;
      status.textContent = "";
      return;
    }
    let pagefind: Pagefind;
    try {
      pagefind = await loadPagefind();
    } catch {
      status.textContent = "Search is not available in this build. Browse from the menu instead.";
      return;
    }
    const opts = { filters: filters() };
    let result = await pagefind.debouncedSearch(q, opts, 120);
    if (!result || id !== run) return;
    let note = "";
    let suggestions: string[] = [];
    // A word the site never uses is probably misspelt: search the nearest site words instead and say so.
    const vocabulary = await loadVocabulary();
    if (id !== run) return;
    const fix = await correctedSearch(q, vocabulary, (c) => pagefind.search(c, opts));
    if (id !== run) return;
    if (fix.corrected) {
      if (fix.result) {
        result = fix.result;
        note = ` Showing results for “${fix.corrected}”, the nearest words the site uses.`;
      }
    }
    // Words the site never uses and too far from any to correct: offer the nearest site words to pick from.
    else if (vocabulary?.hasUnknown(q)) suggestions = vocabulary.suggestions(q);
    pending = result.results;
    shown = 0;
    list.replaceChildren();
    more.hidden = true;
    updateCounts(result.filters);
    const n = pending.length;
    await showMore();
    if (id !== run) return;
    // The count is announced once the first results are on screen.
    empty.hidden = n > 0;
    renderSuggestions(suggestions);
    status.textContent = n === 0 ? `No results for “${q}”.` : `${n} result${n === 1 ? "" : "s"} for “${q}”.${note}`;
  };

  // "Did you mean": site words near the query, each a button that searches for it.
  const suggestBox = panel.querySelector<HTMLElement>("[data-search-suggest]");
  const renderSuggestions = (words: string[]) => {
    if (!suggestBox) return;
    const list = suggestBox.querySelector("ul");
    list?.replaceChildren(
      ...words.map((word) => {
        const li = document.createElement("li");
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = word;
        b.addEventListener("click", () => {
          input.value = word;
          input.focus();
          void search(word);
        });
        li.append(b);
        return li;
      }),
    );
    suggestBox.hidden = words.length === 0;
  };

  input.addEventListener("input", () => void search(input.value));
  for (const s of selects) s.addEventListener("change", () => void search(input.value));
  more.addEventListener("click", () => {
    const first = shown;
    void showMore().then(() => list.querySelectorAll("a")[first]?.focus());
  });

  // Arrows move between the input and the result links; Enter in the input follows the first result.
  input.addEventListener("keydown", (event) => {
    const links = list.querySelectorAll("a");
    if (event.key === "ArrowDown" && links[0]) {
      event.preventDefault();
      links[0].focus();
    } else if (event.key === "Enter" && links[0]) {
      event.preventDefault();
      links[0].click();
    }
  });
  list.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
      (next < 0 ? input : links[next])?.focus();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      input.focus(); // typing goes back to the query
    }
  });

  return (query: string) => {
    input.value = query;
    void search(query);
  };
}

/** Pagefind excerpts are HTML (escaped text with <mark> around matches). They are rebuilt as text nodes and <mark>
 *  elements only, so nothing in an indexed page or the query can ever become markup here. */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  return [...parsed.body.childNodes].map((node) => {
    const text = node.textContent ?? "";
    if (node.nodeName !== "MARK") return document.createTextNode(text);
    const mark = document.createElement("mark");
    mark.textContent = text;
    return mark;
  });
}
