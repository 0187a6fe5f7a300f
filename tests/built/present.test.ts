// Presentation and embedding as built (dist/), in Node: every lesson, condition and technique page offers the
// "Present" action in its article header; the step-through's steps carry their 3D views; /embed/ is only a
// viewer (no site navigation, not indexed, not in the sitemap) with its "Open in Palpate" link. The behaviour
// (keys, step addresses, the embed round trip) is tested in a browser in tests/e2e/present.spec.ts.
import { describe, expect, it } from "vitest";
import { mdxPages } from "../support/content.ts";
import { pageDoc, sitemapPaths, text, viewerPayloads } from "../support/dist.ts";

const teachingPages = [
  ...mdxPages("lessons").map((p) => `/learn/${p.slug}/`),
  ...mdxPages("conditions").map((p) => `/conditions/${p.slug}/`),
  ...mdxPages("techniques").map((p) => `/techniques/${p.slug}/`),
];

describe("the Present action", () => {
  it("is in the article header of every lesson, condition and technique page", () => {
    expect(teachingPages.length).toBeGreaterThan(30);
    const missing = teachingPages.filter((path) => {
      const action = pageDoc(path).querySelector("article > header present-mode button.present-open");
      return !action || text(action) !== "Present";
    });
    expect(missing).toEqual([]);
  });

  it("is not on other pages", () => {
    for (const path of ["/", "/learn/", "/anatomy/explore/", "/glossary/"]) {
      expect(pageDoc(path).querySelector("present-mode"), path).toBeNull();
    }
  });

  it("the session step-through's steps name the views they show on its figure", () => {
    const doc = pageDoc("/learn/the-orthopedic-session/");
    const steps = [...doc.querySelectorAll("session-steps .step")];
    expect(steps).toHaveLength(10);
    const views = steps.flatMap((s) => {
      const view = s.getAttribute("data-view");
      return view ? [JSON.parse(view) as { focus?: string[]; view?: string }] : [];
    });
    expect(views.length).toBeGreaterThanOrEqual(3);
    expect(views).toContainEqual(expect.objectContaining({ focus: ["scapula"], view: "posterior" }));
    expect(viewerPayloads(doc.querySelector("session-steps .steps-figure") ?? doc)).toHaveLength(1);
  });

  it("a <PresentStep> marker gives the section after it a view of its own", () => {
    const doc = pageDoc("/conditions/carpal-tunnel-syndrome/");
    const marker = doc.querySelector(".condition-body [data-present-step]");
    expect(marker?.nextElementSibling?.tagName).toBe("H2");
    expect(text(marker?.nextElementSibling)).toBe("Symptoms");
    expect(JSON.parse(marker?.getAttribute("data-view") ?? "{}")).toMatchObject({
      focus: ["median-nerve"],
      view: "palmar",
    });
  });
});

describe("/embed/", () => {
  const doc = pageDoc("/embed/");

  it("shows only the viewer: no site header, navigation, footer or search", () => {
    expect(doc.querySelectorAll("nav, header, footer, [role='navigation'], site-search")).toHaveLength(0);
    expect(doc.querySelectorAll("astro-island")).toHaveLength(1);
    expect(viewerPayloads(doc)).toHaveLength(1);
  });

  it("links to the explorer and is kept out of search engines and the sitemap", () => {
    const open = doc.querySelector("a[data-embed-open]");
    expect(text(open)).toBe("Open in Palpate");
    expect(open?.getAttribute("href")).toBe("/anatomy/explore/");
    expect(open?.getAttribute("target")).toBe("_blank");
    expect(doc.querySelector("meta[name='robots']")?.getAttribute("content")).toBe("noindex");
    expect(sitemapPaths().filter((p) => p.startsWith("/embed/"))).toEqual([]);
    expect(doc.querySelectorAll("h1")).toHaveLength(1);
  });
});
