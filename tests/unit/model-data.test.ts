// The viewer's shared data requests (src/viewer/model-data.ts): one request per file and page, and a retry that asks
// anew instead of joining a request that never settles (issue 18: a figure stayed "Loading the 3D model…").
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadModelData, loadVisibility, retryUrl, visibilityUrl } from "../../src/viewer/model-data.ts";

/** A fetch whose first request for each address never settles; later ones answer `body`. */
function stallingFetch(body: unknown) {
  const seen: string[] = [];
  const fetch = vi.fn((url: string) => {
    const path = url.replace(/\?.*$/, "");
    if (!seen.includes(path)) {
      seen.push(path);
      return new Promise<Response>(() => {});
    }
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

/** Whether a promise settles within a few turns of the event loop. */
async function settles(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
  return done;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("retry addresses", () => {
  it("leave the first try alone and number each retry", () => {
    expect(retryUrl("/models/shoulder.glb", 0)).toBe("/models/shoulder.glb");
    expect(retryUrl("/models/shoulder.glb", 2)).toBe("/models/shoulder.glb?retry=2");
    expect(retryUrl("/models/a.glb?x=1", 1)).toBe("/models/a.glb?x=1&retry=1");
  });

  it("carry over from a model to its visibility table", () => {
    expect(visibilityUrl("/models/shoulder.glb")).toBe("/models/shoulder.visibility.json");
    expect(visibilityUrl("/models/shoulder.glb?retry=1")).toBe("/models/shoulder.visibility.json?retry=1");
  });
});

describe("a request that never settles", () => {
  it("is joined by a second figure, but not by a retry of the structure list", async () => {
    const fetch = stallingFetch({ structures: [] });
    const first = loadModelData("figure", "stall-a");
    expect(loadModelData("figure", "stall-a")).toBe(first);
    expect(await settles(first)).toBe(false);
    const retry = loadModelData("figure", "stall-a", 1);
    expect(await retry).toEqual({ structures: [] });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      "/models/stall-a.data.json",
      "/models/stall-a.data.json?retry=1",
    ]);
  });

  it("is not joined by a retry of the visibility table (the retried model's query carries over)", async () => {
    const fetch = stallingFetch({ not: "a table" });
    expect(await settles(loadVisibility("/models/stall-b.glb"))).toBe(false);
    // A malformed table reads as none; what matters is that the retry settles.
    expect(await settles(loadVisibility("/models/stall-b.glb?retry=1"))).toBe(true);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      "/models/stall-b.visibility.json",
      "/models/stall-b.visibility.json?retry=1",
    ]);
  });
});
