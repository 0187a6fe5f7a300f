// Where a viewer's shared data lives (one JSON per model, written at build time) and a
// page-wide cache, so the figures of one model on a page fetch it once instead of each page carrying a copy.
import { decodeVisibility, type Visibility, type VisibilityFile } from "../lib/visibility.ts";
import type { ModelData } from "./types.ts";

/** Data file of a figure's model, or of the explorer (every structure of every model). */
export function modelDataUrl(mode: "figure" | "explorer", model: string): string {
  return mode === "explorer" ? "/models/explorer.data.json" : `/models/${model}.data.json`;
}

const cache = new Map<string, Promise<unknown>>();

function fetchOnce<T>(url: string): Promise<T> {
  let entry = cache.get(url);
  if (!entry) {
    entry = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.json();
    });
    // A failed request may be retried by a later figure.
    entry.catch(() => cache.delete(url));
    cache.set(url, entry);
  }
  return entry as Promise<T>;
}

/**
 * A file's address for the reader's `attempt`-th "Try again" (0: the first try). A retry asks anew: a stalled request
 * for the same address would be joined (here, in the model cache and in the browser), not repeated.
 */
export function retryUrl(url: string, attempt: number): string {
  return attempt > 0 ? `${url}${url.includes("?") ? "&" : "?"}retry=${attempt}` : url;
}

export const loadModelData = (mode: "figure" | "explorer", model: string, attempt = 0) =>
  fetchOnce<ModelData>(retryUrl(modelDataUrl(mode, model), attempt));

/** The visibility table's address beside a model's (`x.glb` -> `x.visibility.json`; a retry's query is kept). */
export function visibilityUrl(modelUrl: string): string {
  return modelUrl.replace(/\.glb(\?.*)?$/, ".visibility.json$1");
}

/** The visibility table the generator writes beside a model; null without one. */
export const loadVisibility = (modelUrl: string): Promise<Visibility | null> =>
  fetchOnce<VisibilityFile>(visibilityUrl(modelUrl))
    .then((file) => decodeVisibility(file))
    .catch(() => null);
