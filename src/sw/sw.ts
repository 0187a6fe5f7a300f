// The service worker (bundled by scripts/build-sw.ts, which also injects the precache list): precaches the small
// shell, caches each page, model and search file a reader opens, and saves or removes the whole site on request.
import type { PrecacheEntry, RouteMatchCallbackOptions, SerwistGlobalConfig, Strategy } from "serwist";
import { CacheableResponsePlugin, CacheFirst, ExpirationPlugin, NetworkFirst, Serwist } from "serwist";
import { modelCacheKey, pageCacheKey } from "./cache-keys.ts";
import {
  CACHES,
  type FromWorker,
  isSiteFileList,
  OFFLINE_FALLBACK_URL,
  SAVED_RECORD_URL,
  type SavedRecord,
  SITE_FILES_URL,
  type ToWorker,
} from "./protocol.ts";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/** On a slow classroom network, answer from the cache after this long (pages and models are network-first). */
const NETWORK_TIMEOUT_SECONDS = 4;
/** Files fetched at once while saving the whole site. */
const SAVE_CONCURRENCY = 6;

const okOnly = new CacheableResponsePlugin({ statuses: [200] });

// Servers answer with "Vary: Origin" (astro preview does); a module script's request carries an Origin header that
// the saved request did not, so a Vary-aware match would miss files that are the same for every same-origin page.
const matchOptions: CacheQueryOptions = { ignoreVary: true };

// Pages and models are not content-hashed (same URL, new content after a deploy): network first, the cache when
// offline or slow. Astro's /_astro/ files and Pagefind's index chunks carry a hash in their name: cache first.
const pages = new NetworkFirst({
  cacheName: CACHES.pages,
  matchOptions,
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  plugins: [okOnly, { cacheKeyWillBeUsed: async ({ request }) => pageCacheKey(request) }],
});
const models = new NetworkFirst({
  cacheName: CACHES.models,
  matchOptions,
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  plugins: [okOnly, { cacheKeyWillBeUsed: async ({ request }) => modelCacheKey(request) }],
});
// Old hashed files pile up across deploys; the newest are kept, and the whole site has far fewer than this.
const assets = new CacheFirst({
  cacheName: CACHES.assets,
  matchOptions,
  plugins: [okOnly, new ExpirationPlugin({ maxEntries: 200, purgeOnQuotaError: true })],
});
const search = new CacheFirst({
  cacheName: CACHES.search,
  matchOptions,
  plugins: [okOnly, new ExpirationPlugin({ maxEntries: 2000, purgeOnQuotaError: true })],
});

/** A page of the site: every page URL ends in "/" (trailingSlash: "always"). */
const isPage = (url: URL) => url.pathname.endsWith("/");

/** The strategy for a same-origin URL, or undefined for what goes straight to the network (sw.js, the file list). */
function strategyFor(url: URL, request?: Request): Strategy | undefined {
  if (request?.mode === "navigate" || isPage(url)) return pages;
  if (url.pathname.startsWith("/_astro/")) return assets;
  // Figure posters belong with the models: a page read offline shows its figures' stills.
  if (url.pathname.startsWith("/models/") || url.pathname.startsWith("/posters/")) return models;
  if (/^\/pagefind\/(fragment|index|filter)\//.test(url.pathname) || url.pathname.endsWith(".pf_meta")) return search;
  return undefined;
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: {
    cleanupOutdatedCaches: true,
    // Pagefind asks for pagefind-entry.json?ts=<now>: the precached entry answers whatever the ts.
    ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/],
  },
  // A new version waits until the reader chooses to reload (the page shows "A new version is available").
  skipWaiting: false,
  clientsClaim: true,
  // Each strategy answers the requests strategyFor() gives it; the offline page answers a page never cached.
  runtimeCaching: [pages, assets, models, search].map((strategy) => ({
    matcher: ({ url, request, sameOrigin }: RouteMatchCallbackOptions) =>
      sameOrigin && strategyFor(url, request) === strategy,
    handler: strategy,
  })),
  fallbacks: {
    entries: [{ url: OFFLINE_FALLBACK_URL, matcher: ({ request }) => request.destination === "document" }],
  },
});

/** Fetches and caches every file of the site through the same strategies as a reader's visits. */
async function saveSite(port: MessagePort, event: ExtendableEvent): Promise<void> {
  const post = (message: FromWorker) => port.postMessage(message);
  const response = await fetch(SITE_FILES_URL, { cache: "no-store" });
  const list: unknown = response.ok ? await response.json() : undefined;
  if (!isSiteFileList(list)) {
    post({ type: "error", message: `The list of files (${SITE_FILES_URL}) could not be read.` });
    return;
  }
  let done = 0;
  let bytes = 0;
  const failed: string[] = [];
  const queue = [...list.files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const url = new URL(file.url, self.location.origin);
      const strategy = strategyFor(url);
      // Precached files (the shell) are already here; files no strategy caches (the manifest, icons) likewise.
      if (strategy && !serwist.getPrecacheKeyForUrl(url.href)) {
        try {
          // A fresh copy, not the HTTP cache's: the saved site must match this version.
          const request = new Request(url, { cache: "no-cache" });
          const [answer, cached] = strategy.handleAll({ request, event });
          const res = await answer;
          await cached;
          if (!res.ok) failed.push(file.url);
        } catch {
          failed.push(file.url);
        }
      }
      done += 1;
      bytes += file.bytes;
      post({ type: "progress", done, total: list.files.length, bytes, totalBytes: list.bytes });
    }
  };
  await Promise.all(Array.from({ length: SAVE_CONCURRENCY }, worker));
  if (failed.length > 0) {
    const first = failed.slice(0, 3).join(", ");
    post({ type: "error", message: `${failed.length} files could not be saved (${first}). Try again when online.` });
    return;
  }
  const record: SavedRecord = {
    version: list.version,
    bytes: list.bytes,
    files: list.files.length,
    savedAt: new Date().toISOString(),
  };
  const meta = await caches.open(CACHES.meta);
  await meta.put(
    SAVED_RECORD_URL,
    new Response(JSON.stringify(record), { headers: { "content-type": "application/json" } }),
  );
  post({ type: "saved", record });
}

/** Removes every saved page, model and search file (the shell stays, so the site still starts). */
async function removeSaved(port: MessagePort): Promise<void> {
  await Promise.all(Object.values(CACHES).map((name) => caches.delete(name)));
  port.postMessage({ type: "removed" } satisfies FromWorker);
}

self.addEventListener("message", (event) => {
  const data = event.data as ToWorker | undefined;
  const port = event.ports[0];
  if (!port) return;
  const fail = (error: unknown) =>
    port.postMessage({
      type: "error",
      message: error instanceof Error ? error.message : String(error),
    } satisfies FromWorker);
  if (data?.type === "SAVE_SITE") event.waitUntil(saveSite(port, event).catch(fail));
  else if (data?.type === "REMOVE_SAVED") event.waitUntil(removeSaved(port).catch(fail));
});

serwist.addEventListeners();
