// The service worker's cache keys: a page is kept once whatever its query; a retried model file under its plain
// address, other queries kept.
import { describe, expect, it } from "vitest";
import { modelCacheKey, pageCacheKey } from "../../src/sw/cache-keys.ts";
import { retryUrl } from "../../src/viewer/model-data.ts";

const at = (path: string) => new Request(`https://site.test${path}`);

describe("service worker cache keys", () => {
  it("keeps a page under its address without the query", () => {
    expect(pageCacheKey(at("/search/?q=carpal"))).toBe("https://site.test/search/");
    const plain = at("/learn/");
    expect(pageCacheKey(plain)).toBe(plain);
  });

  it("keeps a retried model file where the first try would have been kept", () => {
    for (const url of [
      "/models/upper-limb.glb",
      "/models/upper-limb.data.json",
      "/models/upper-limb.visibility.json",
    ]) {
      expect(modelCacheKey(at(retryUrl(url, 2)))).toBe(`https://site.test${url}`);
      const first = at(retryUrl(url, 0));
      expect(modelCacheKey(first)).toBe(first);
    }
    expect(modelCacheKey(at("/models/a.glb?v=3&retry=1"))).toBe("https://site.test/models/a.glb?v=3");
  });
});
