// Site-wide checks over the production build in dist/, in Node (no browser): every page of the sitemap exists
// with one h1, one main, a language and a title; every internal link and #fragment resolves; nothing in the
// HTML or CSS loads from another origin; the 404 page; text pages ship no framework JavaScript.
// What only a browser can show (axe, console errors, requests made at run time) is in tests/e2e/site.spec.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import {
  builtPages,
  distDir,
  fileForPath,
  idsIn,
  linksIn,
  MAIN_ROUTES,
  pageDoc,
  sitemapPaths,
  text,
} from "../support/dist.ts";

const pages = sitemapPaths();

describe("the sitemap", () => {
  it("lists every main route", () => {
    for (const route of MAIN_ROUTES) {
      expect(pages, `sitemap should list ${route}`).toContain(route);
    }
  });

  it("lists every built page but the 404 page and the embed frame", () => {
    const built = builtPages()
      .map((p) => p.path)
      .filter((p) => p !== "/404.html" && !p.startsWith("/embed/"));
    expect(pages.filter((p) => p.startsWith("/embed/"))).toEqual([]);
    expect(built.length).toBeGreaterThan(100);
    expect(built.filter((p) => !pages.includes(p))).toEqual([]);
  });
});

describe("every page of the sitemap", () => {
  it.each(pages)("%s: exists, one h1, one main, a language and a title", (path) => {
    const doc = pageDoc(path);
    expect(doc.querySelectorAll("h1")).toHaveLength(1);
    expect(text(doc.querySelector("h1")).length).toBeGreaterThan(1);
    expect(doc.querySelectorAll("main")).toHaveLength(1);
    expect(doc.documentElement.getAttribute("lang")).toBe("en");
    expect(text(doc.querySelector("title")).length).toBeGreaterThan(3);
    // Element ids are unique: fragments, labels and aria references must point at one element.
    const ids = [...doc.querySelectorAll("[id]")].map((el) => el.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

/** URLs in attributes that make the browser fetch something. */
function loadedUrls(doc: Document): string[] {
  const out: string[] = [];
  for (const el of doc.querySelectorAll("script[src], img[src], iframe[src], source[src], video[src], audio[src]")) {
    out.push(el.getAttribute("src") ?? "");
  }
  for (const el of doc.querySelectorAll("link[href]")) {
    const rel = (el.getAttribute("rel") ?? "").toLowerCase();
    if (/\b(stylesheet|preload|modulepreload|prefetch|icon|manifest|preconnect|dns-prefetch)\b/.test(rel)) {
      out.push(el.getAttribute("href") ?? "");
    }
  }
  for (const el of doc.querySelectorAll("[srcset]")) {
    for (const part of (el.getAttribute("srcset") ?? "").split(",")) out.push(part.trim().split(/\s+/)[0] ?? "");
  }
  for (const el of doc.querySelectorAll("style")) out.push(...cssUrls(el.textContent ?? ""));
  for (const el of doc.querySelectorAll("[style]")) out.push(...cssUrls(el.getAttribute("style") ?? ""));
  return out;
}
const cssUrls = (css: string) =>
  [...css.matchAll(/url\(\s*['"]?([^'")]+)/g), ...css.matchAll(/@import\s+['"]([^'"]+)/g)].map((m) => m[1] ?? "");
const external = (url: string) => /^(https?:)?\/\//i.test(url);

describe("privacy", () => {
  it("no page loads anything from another origin", () => {
    const offenders: string[] = [];
    for (const { path } of builtPages()) {
      for (const url of loadedUrls(pageDoc(path))) if (external(url)) offenders.push(`${path}: ${url}`);
    }
    expect(offenders).toEqual([]);
  });

  it("no stylesheet loads anything from another origin (fonts included)", () => {
    const dir = join(distDir, "_astro");
    const css = readdirSync(dir).filter((f) => f.endsWith(".css"));
    expect(css.length).toBeGreaterThan(0);
    const offenders = css.flatMap((f) =>
      cssUrls(readFileSync(join(dir, f), "utf8"))
        .filter(external)
        .map((u) => `${f}: ${u}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the check finds an external resource when there is one", () => {
    const { document } = parseHTML(
      '<html><head><link rel="stylesheet" href="https://fonts.example/x.css"><style>@font-face{src:url(//cdn.example/f.woff2)}</style></head><body><img srcset="/a.png 1x, https://img.example/b.png 2x"><script src="/_astro/a.js"></script></body></html>',
    );
    expect(new Set(loadedUrls(document).filter(external))).toEqual(
      new Set(["https://img.example/b.png", "https://fonts.example/x.css", "//cdn.example/f.woff2"]),
    );
  });
});

describe("links", () => {
  it("every internal link and #fragment in the build resolves", () => {
    const broken: string[] = [];
    const idCache = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let ids = idCache.get(file);
      if (!ids) {
        ids = idsIn(readFileSync(file, "utf8"));
        idCache.set(file, ids);
      }
      return ids;
    };
    const all = builtPages();
    expect(all.length).toBeGreaterThan(5);
    for (const { path, file } of all) {
      for (const href of linksIn(readFileSync(file, "utf8"))) {
        if (/^(https?:|mailto:|tel:)/.test(href)) continue;
        const url = new URL(href, `http://site${path}`);
        const target = url.pathname === path && href.startsWith("#") ? file : fileForPath(url.pathname);
        if (!target) {
          broken.push(`${path} -> ${href} (no page)`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && target.endsWith(".html") && !idsOf(target).has(fragment)) {
          broken.push(`${path} -> ${href} (no element with id "${fragment}")`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("special pages", () => {
  it("the 404 page says the page was not found", () => {
    const doc = pageDoc("/404.html");
    expect(text(doc.querySelector("h1"))).toBe("Page not found");
  });

  it("text pages ship no framework JavaScript", () => {
    const doc = pageDoc("/about/");
    expect(doc.querySelectorAll("astro-island")).toHaveLength(0);
    const scripts = [
      ...[...doc.querySelectorAll("script[src]")].map((s) => s.getAttribute("src") ?? ""),
      ...[...doc.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.getAttribute("href") ?? ""),
    ];
    for (const s of scripts) expect(s, "no React or three on a text page").not.toMatch(/react|three|client|Stage3D/i);
  });
});
