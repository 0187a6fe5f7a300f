// The viewer's reading of an IntersectionObserver callback: the last entry is where the element is now.
import { describe, expect, it } from "vitest";
import { inViewNow } from "../../src/viewer/in-view.ts";

describe("inViewNow", () => {
  it("reads the last entry of a callback that carries several (left, then came back)", () => {
    expect(inViewNow([{ isIntersecting: false }, { isIntersecting: true }])).toBe(true);
    expect(inViewNow([{ isIntersecting: true }, { isIntersecting: false }])).toBe(false);
  });

  it("reads a single entry, and falls back when there is none", () => {
    expect(inViewNow([{ isIntersecting: false }])).toBe(false);
    expect(inViewNow([])).toBe(true);
    expect(inViewNow([], false)).toBe(false);
  });
});
