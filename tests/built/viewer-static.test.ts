// The 3D viewer's server render, as a reader without JavaScript gets it (dist/, in Node): no control that cannot
// work outside the toolbar kept for its space (inert; viewer.css hides it without JavaScript), a skip link before
// every viewer that lands just after it, and a poster of each page figure (a WebP file that exists, within its byte
// budget, its size as the page says, the focus colour in it) and a legend naming the highlighted structures.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { builtPages, distDir, pageDoc, text, viewerPayloads } from "../support/dist.ts";

const pages = builtPages()
  .map((p) => ({ path: p.path, doc: pageDoc(p.path) }))
  .filter((p) => p.doc.querySelector("[data-anatomy-viewer]"));

/** The element before an island, past the hydration script and style Astro may put there. */
function elementBefore(el: Element): Element | null {
  let prev = el.previousElementSibling;
  while (prev?.tagName === "SCRIPT" || prev?.tagName === "STYLE") prev = prev.previousElementSibling;
  return prev;
}

describe("viewer server render", () => {
  it("covers the pages with viewers", () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it("draws controls only in one inert toolbar per viewer, kept for its space (none could work without JavaScript)", () => {
    const problems = pages.flatMap(({ path, doc }) =>
      [...doc.querySelectorAll("[data-anatomy-viewer]")].flatMap((v, i) => {
        const where = `${path} viewer ${i + 1}`;
        const toolbars = [...v.querySelectorAll(".av-toolbar")];
        const found =
          toolbars.length === 1 && toolbars[0]?.matches(".av-toolbar-pending[inert]") ? [] : [`${where}: toolbar`];
        for (const el of v.querySelectorAll(
          "fieldset, button, select, input, textarea, summary, [disabled], [aria-disabled]",
        )) {
          if (!el.closest(".av-toolbar-pending[inert]")) {
            found.push(`${where}: <${el.tagName.toLowerCase()}> ${text(el).slice(0, 30)} outside the inert toolbar`);
          }
        }
        return found;
      }),
    );
    expect(problems).toEqual([]);
  });

  it("puts a skip link before every viewer, pointing at a focusable target just after it", () => {
    const problems: string[] = [];
    for (const { path, doc } of pages) {
      const islands = [...doc.querySelectorAll("astro-island")].filter((i) => i.querySelector("[data-anatomy-viewer]"));
      const targets = new Set<string>();
      for (const island of islands) {
        const skip = elementBefore(island);
        const href = skip?.getAttribute("href") ?? "";
        const target = island.nextElementSibling;
        if (!skip?.matches("a[data-viewer-skip]") || text(skip) !== "Skip the 3D viewer") {
          problems.push(`${path}: no skip link right before a viewer`);
        } else if (!target || href !== `#${target.id}` || target.getAttribute("tabindex") !== "-1") {
          problems.push(`${path}: skip link ${href} does not land on a focusable target right after its viewer`);
        } else targets.add(target.id);
      }
      if (targets.size !== islands.filter((i) => elementBefore(i)?.matches("a[data-viewer-skip]")).length) {
        problems.push(`${path}: two viewers share a skip target`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("shows each page figure's poster (WebP, at most 40 KB, the focus drawn in it) and names its structures", async () => {
    const problems: string[] = [];
    let figures = 0;
    for (const { path, doc } of pages) {
      const islands = [...doc.querySelectorAll("astro-island")].filter((i) => i.querySelector("[data-anatomy-viewer]"));
      const payloads = viewerPayloads(doc) as { mode?: string; focus?: string[]; secondary?: string[] }[];
      for (const [i, island] of islands.entries()) {
        const payload = payloads[i];
        if (payload?.mode !== "figure") continue;
        figures++;
        const where = `${path} figure ${i + 1}`;
        const img = island.querySelector(".av-still img.av-poster");
        const src = img?.getAttribute("src") ?? "";
        if (!img || !/^\/posters\/[a-z0-9-]+\.webp$/.test(src)) {
          problems.push(`${where}: no poster`);
          continue;
        }
        if (img.getAttribute("alt") !== "") problems.push(`${where}: the poster repeats the legend in alt text`);
        // The first figure may be the largest thing in view; the others load when scrolled near.
        if (img.getAttribute("loading") !== (i === 0 ? "eager" : "lazy")) problems.push(`${where}: loading`);
        const file = join(distDir, src);
        if (!existsSync(file)) {
          problems.push(`${where}: ${src} missing`);
          continue;
        }
        const bytes = readFileSync(file);
        if (bytes.subarray(0, 4).toString() !== "RIFF" || bytes.subarray(8, 12).toString() !== "WEBP") {
          problems.push(`${where}: ${src} is not WebP`);
        }
        if (bytes.length > 40_000) problems.push(`${where}: ${src} is ${bytes.length} bytes (budget 40 000)`);
        const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
        if (String(info.width) !== img.getAttribute("width") || String(info.height) !== img.getAttribute("height")) {
          problems.push(`${where}: ${src} is ${info.width}x${info.height}, the page says otherwise`);
        }
        // The focus accent (#e66100, shaded, or showing through what lies in front of it) in at least a few pixels.
        let accent = 0;
        for (let p = 0; p < data.length; p += info.channels) {
          const r = data[p] as number;
          if ((data[p + 3] as number) > 200 && r - (data[p + 1] as number) > 30 && r - (data[p + 2] as number) > 50) {
            accent++;
          }
        }
        if (accent < 30) problems.push(`${where}: ${src} shows no focus structure (${accent} accent pixels)`);
        const legend = text(island.querySelector(".av-legend"));
        for (const id of payload.focus ?? []) {
          const name = id.replaceAll("-", " ");
          if (!legend.toLowerCase().includes(name.split(" ")[0] ?? name)) {
            problems.push(`${where}: legend does not name ${id}`);
          }
        }
      }
      // Link previews show the page's first figure.
      const first = doc.querySelector("img.av-poster")?.getAttribute("src");
      const og = doc.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
      if (first && !og.endsWith(first)) problems.push(`${path}: og:image ${og || "missing"}, first poster ${first}`);
    }
    expect(figures).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
