// Which cache entry a request is kept under (pure, so unit tests can check it).

/** One cache entry per page whatever its query (/search/?q=… is the search page), so offline ?q= links still open. */
export function pageCacheKey(request: Request): Request | string {
  const url = new URL(request.url);
  if (!url.search) return request;
  url.search = "";
  return url.href;
}

/**
 * A viewer's "Try again" asks for a model file at `?retry=N` so a stalled request is not joined
 * (src/viewer/model-data.ts retryUrl); the answer is the same file, kept under its plain address so the offline
 * copy is the one every later visit finds.
 */
export function modelCacheKey(request: Request): Request | string {
  const url = new URL(request.url);
  if (!url.searchParams.has("retry")) return request;
  url.searchParams.delete("retry");
  return url.href;
}
