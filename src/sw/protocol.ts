// What the pages and the service worker (src/sw/sw.ts) share: cache names, message types, the saved-site list.
// Plain data only: the worker and the window both import it, so no DOM and no worker globals here.

/** Where the worker is served from (written by scripts/build-sw.ts) and the scope it controls. */
export const SW_URL = "/sw.js";

/** The list of every file of the site, with sizes, written by scripts/build-sw.ts for "Save the whole site". */
export const SITE_FILES_URL = "/offline/files.json";

/** The page shown for a page that was never opened or saved while the reader is offline. */
export const OFFLINE_FALLBACK_URL = "/offline/";

/** Runtime caches, one per kind of file (the precache is Serwist's own). */
export const CACHES = {
  pages: "palpate-pages",
  assets: "palpate-assets",
  models: "palpate-models",
  search: "palpate-search",
  /** Holds one record: when the whole site was saved, and which build it was. */
  meta: "palpate-offline-meta",
} as const;

/** The key of the saved-site record in CACHES.meta. */
export const SAVED_RECORD_URL = "/offline/saved.json";

export interface SiteFile {
  /** Site path, e.g. "/learn/" or "/models/body.glb". */
  url: string;
  bytes: number;
}

/** The JSON at SITE_FILES_URL. */
export interface SiteFileList {
  /** Changes whenever any listed file changes (a hash over paths and contents). */
  version: string;
  bytes: number;
  files: SiteFile[];
}

/** Stored in CACHES.meta at SAVED_RECORD_URL after the whole site was saved. */
export interface SavedRecord {
  version: string;
  bytes: number;
  files: number;
  /** ISO date. */
  savedAt: string;
}

/** Window → worker. Save and remove answer on the MessagePort sent with the message. */
export type ToWorker = { type: "SAVE_SITE" } | { type: "REMOVE_SAVED" } | { type: "SKIP_WAITING" };

/** Worker → window, on the port of a SAVE_SITE or REMOVE_SAVED message. */
export type FromWorker =
  | { type: "progress"; done: number; total: number; bytes: number; totalBytes: number }
  | { type: "saved"; record: SavedRecord }
  | { type: "removed" }
  | { type: "error"; message: string };

export function isSiteFileList(value: unknown): value is SiteFileList {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<SiteFileList>;
  return (
    typeof v.version === "string" &&
    typeof v.bytes === "number" &&
    Array.isArray(v.files) &&
    v.files.every((f) => typeof f?.url === "string" && f.url.startsWith("/") && typeof f.bytes === "number")
  );
}
