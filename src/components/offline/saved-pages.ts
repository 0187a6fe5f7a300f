// Reads what the service worker has cached: the saved pages (with their titles) and the whole-site record.
import { CACHES, SAVED_RECORD_URL, type SavedRecord } from "../../sw/protocol.ts";

export interface SavedPage {
  url: string;
  title: string;
}

/** The page's title as the tab shows it, without the site name. */
function titleOf(html: string, fallback: string): string {
  const raw = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  if (!raw) return fallback;
  const text = new DOMParser().parseFromString(raw, "text/html").documentElement.textContent ?? raw;
  return text.replace(/ · Palpate$/, "").trim() || fallback;
}

/** Every page in the pages cache, by title (the offline page itself left out). */
export async function listSavedPages(): Promise<SavedPage[]> {
  if (!("caches" in window) || !(await caches.has(CACHES.pages))) return [];
  const cache = await caches.open(CACHES.pages);
  const pages = await Promise.all(
    (await cache.keys()).map(async (request) => {
      const url = new URL(request.url);
      const response = await cache.match(request);
      return { url: url.pathname, title: titleOf((await response?.text()) ?? "", url.pathname) };
    }),
  );
  return pages.filter((p) => p.url !== "/offline/").sort((a, b) => a.title.localeCompare(b.title));
}

/** The record written after the whole site was saved, if it was. */
export async function savedRecord(): Promise<SavedRecord | undefined> {
  if (!("caches" in window) || !(await caches.has(CACHES.meta))) return undefined;
  const response = await (await caches.open(CACHES.meta)).match(SAVED_RECORD_URL);
  return response ? ((await response.json()) as SavedRecord) : undefined;
}
