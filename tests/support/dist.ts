// Reads the production build (dist/) to list the site's pages and their links, for site-wide checks.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseHTML } from "linkedom";

export const distDir = new URL("../../dist/", import.meta.url).pathname;

/** Every page path in the sitemap(s) Astro wrote, e.g. "/learn/". */
export function sitemapPaths(): string[] {
  const files = readdirSync(distDir).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  if (files.length === 0) throw new Error(`No sitemap in ${distDir}: run the production build first (npm run build).`);
  const paths = new Set<string>();
  for (const f of files) {
    const xml = readFileSync(join(distDir, f), "utf8");
    for (const m of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.add(new URL(m[1] ?? "").pathname);
  }
  return [...paths].sort();
}

/** All HTML files under dist/, as site paths ("/about/" for about/index.html). */
export function builtPages(): { path: string; file: string }[] {
  const out: { path: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== "pagefind" && name !== "_astro" && name !== "models") walk(full);
      } else if (name.endsWith(".html")) {
        const rel = relative(distDir, full).split(sep).join("/");
        const path = rel === "index.html" ? "/" : `/${rel.replace(/(^|\/)index\.html$/, "$1")}`;
        out.push({ path, file: full });
      }
    }
  };
  walk(distDir);
  return out;
}

/** The file a site path resolves to in dist/, or undefined. */
export function fileForPath(path: string): string | undefined {
  const clean = decodeURIComponent(path);
  const candidates = clean.endsWith("/")
    ? [join(distDir, clean, "index.html")]
    : [join(distDir, clean), join(distDir, `${clean}.html`), join(distDir, clean, "index.html")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** Element ids in an HTML document (for #fragment checks). */
export function idsIn(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1] ?? "");
  return ids;
}

/** href values of <a> elements. */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));
}

const docs = new Map<string, Document>();
/** The parsed HTML of a built page (by site path), cached; throws naming the path when there is no such page. */
export function pageDoc(path: string): Document {
  let doc = docs.get(path);
  if (!doc) {
    const file = fileForPath(path);
    if (!file) throw new Error(`${path}: no page in ${distDir} (run npm run build)`);
    doc = parseHTML(readFileSync(file, "utf8")).document;
    docs.set(path, doc);
  }
  return doc;
}

/** Whitespace-folded text of an element. */
export const text = (el: Element | null | undefined): string => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

/** The element labelled by the heading with this text (aria-labelledby), i.e. what a region's accessible name names. */
export function regionNamed(doc: Document, name: string): Element | null {
  for (const el of doc.querySelectorAll("[aria-labelledby]")) {
    const label = doc.getElementById(el.getAttribute("aria-labelledby") ?? "");
    if (label && text(label) === name) return el;
  }
  return null;
}

/** The JSON payloads of a page's 3D viewer islands (focus, secondary, referredPain ...). */
export function viewerPayloads(
  doc: ParentNode,
): { focus?: string[]; secondary?: string[]; referredPain?: { id: string; patches: unknown[] } }[] {
  return [...doc.querySelectorAll("astro-island[props]")].flatMap((island) => {
    const props = JSON.parse(island.getAttribute("props") ?? "{}") as { data?: [number, string] };
    return props.data ? [JSON.parse(props.data[1])] : [];
  });
}

/** The site's main routes: every one is in the sitemap and swept in a browser. */
export const MAIN_ROUTES = [
  "/",
  "/learn/",
  "/conditions/",
  "/techniques/",
  "/anatomy/",
  "/anatomy/explore/",
  "/glossary/",
  "/practice/",
  "/search/",
  "/about/",
] as const;
