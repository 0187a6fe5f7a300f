// The 3D viewer's server render, as a reader without JavaScript gets it (dist/, in Node): no control that cannot
// work, a skip link before every viewer that lands just after it, and a still of each page figure with its
// highlighted structures drawn, its backdrop image built, and its legend naming them.
import { existsSync } from "node:fs";
import { join } from "node:path";
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

  it("draws no toolbar, button, select or search box (none could work without JavaScript)", () => {
    const found = pages.flatMap(({ path, doc }) =>
      [...doc.querySelectorAll("[data-anatomy-viewer]")].flatMap((v) =>
        [...v.querySelectorAll("fieldset, button, select, input, summary, [disabled], [aria-disabled]")].map(
          (el) => `${path}: <${el.tagName.toLowerCase()}> ${text(el).slice(0, 30)}`,
        ),
      ),
    );
    expect(found).toEqual([]);
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

  it("shows each page figure's highlighted structures in its still, over a backdrop image that exists", () => {
    const problems: string[] = [];
    let figures = 0;
    for (const { path, doc } of pages) {
      const islands = [...doc.querySelectorAll("astro-island")].filter((i) => i.querySelector("[data-anatomy-viewer]"));
      const payloads = viewerPayloads(doc) as { mode?: string; focus?: string[]; secondary?: string[] }[];
      for (const [i, island] of islands.entries()) {
        const payload = payloads[i];
        if (payload?.mode !== "figure") continue;
        figures++;
        const still = island.querySelector(".av-still svg.av-schematic");
        const backdrop = still?.querySelector("image")?.getAttribute("href") ?? "";
        if (!still) {
          problems.push(`${path} figure ${i + 1}: no still`);
          continue;
        }
        if (!existsSync(join(distDir, backdrop)))
          problems.push(`${path} figure ${i + 1}: backdrop ${backdrop} missing`);
        // Stills leave the skin out (it would cover everything), so a figure of the skin alone draws no focus.
        const drawn = still.querySelectorAll("path.av-focus").length;
        if (drawn === 0 && payload.focus?.join() !== "skin")
          problems.push(`${path} figure ${i + 1}: no focus structure drawn in the still`);
        const legend = text(island.querySelector(".av-legend"));
        for (const id of payload.focus ?? []) {
          const name = id.replaceAll("-", " ");
          if (!legend.toLowerCase().includes(name.split(" ")[0] ?? name)) {
            problems.push(`${path} figure ${i + 1}: legend does not name ${id}`);
          }
        }
      }
    }
    expect(figures).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
