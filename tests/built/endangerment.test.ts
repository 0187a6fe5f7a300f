// The endangerment sites as built (dist/): the lesson has a section and a 3D figure per site, outlining the site and
// highlighting structures at risk that its model holds; the atlas pages link sites and structures both ways; the
// safety lesson, the guides whose figures include a site, and the explorer reach them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../../models/manifest.ts";
import { zoneAnchor, zoneLessonHref } from "../../src/lib/endangerment.ts";
import { mdxPages, yamlRecords } from "../support/content.ts";
import { pageDoc, viewerPayloads } from "../support/dist.ts";

interface Zone {
  id: string;
  name: string;
  tissue: string;
  zone?: { atRisk: string[]; patches: unknown[] };
}
const zones = yamlRecords<Zone>("anatomy")
  .map((r) => r.data)
  .filter((r) => r.tissue === "zone");
const manifest = JSON.parse(
  readFileSync(new URL("../../public/models/manifest.json", import.meta.url), "utf8"),
) as Manifest;
const nodesOf = (model: string) =>
  new Set(manifest.structures.filter((s) => s.models.includes(model)).map((s) => s.id));

interface Payload {
  model: string;
  focus: string[];
  zones?: { id: string; patches: unknown[] }[];
}
const LESSON = "/learn/endangerment-sites/";

describe("the endangerment-sites lesson", () => {
  const doc = pageDoc(LESSON);
  const payloads = viewerPayloads(doc) as Payload[];

  it("comes right after the safety lesson in the lesson list", () => {
    const list = [...pageDoc("/learn/").querySelectorAll("a[href^='/learn/']")].map((a) => a.getAttribute("href"));
    const order = list.filter((h, i) => list.indexOf(h) === i);
    expect(order.indexOf(LESSON)).toBe(order.indexOf("/learn/safety-and-referral/") + 1);
  });

  it.each(zones.map((z) => [z.id, z] as const))(
    "%s: a section with what to avoid, the signs to stop, and a figure outlining it over a structure at risk",
    (id, z) => {
      const heading = doc.getElementById(zoneAnchor(z));
      expect(heading?.tagName, `#${zoneAnchor(z)}`).toBe("H2");
      const site = doc.querySelector(`[data-zone="${id}"]`);
      expect(site?.querySelectorAll("[data-avoid] li").length).toBeGreaterThan(0);
      expect(site?.querySelectorAll("[data-stop] li").length).toBeGreaterThan(0);
      const links = [...(site?.querySelectorAll("[data-at-risk] a") ?? [])].map((a) => a.getAttribute("href"));
      expect(links).toEqual((z.zone?.atRisk ?? []).map((r) => `/anatomy/${r}/`));
      const figure = payloads.find((p) => p.zones?.[0]?.id === id);
      expect(figure, `${id}: no figure outlines it`).toBeDefined();
      expect(figure?.zones?.[0]?.patches).toHaveLength(z.zone?.patches.length ?? -1);
      // The structures it highlights are at risk there, and the model it loads holds them.
      expect(figure?.focus.length).toBeGreaterThan(0);
      const inModel = nodesOf(figure?.model ?? "");
      for (const f of figure?.focus ?? []) {
        expect(z.zone?.atRisk).toContain(f);
        expect(inModel.has(f), `${f} in ${figure?.model}.glb`).toBe(true);
      }
    },
  );

  it("is linked from the safety lesson", () => {
    const hrefs = [...pageDoc("/learn/safety-and-referral/").querySelectorAll("main a")].map((a) =>
      a.getAttribute("href"),
    );
    expect(hrefs).toContain(LESSON);
  });
});

describe("atlas pages and endangerment sites", () => {
  it.each(zones.map((z) => [z.id, z] as const))("%s: its page shows the site and lists its structures", (id, z) => {
    const doc = pageDoc(`/anatomy/${id}/`);
    const listed = [...doc.querySelectorAll("[data-zone-section] [data-at-risk] a")].map((a) => a.getAttribute("href"));
    expect(listed).toEqual((z.zone?.atRisk ?? []).map((r) => `/anatomy/${r}/`));
    expect([...doc.querySelectorAll("[data-zone-section] a")].map((a) => a.getAttribute("href"))).toContain(
      zoneLessonHref(z),
    );
  });

  const atRisk = [...new Set(zones.flatMap((z) => z.zone?.atRisk ?? []))];
  it.each(atRisk)("%s: its atlas page names every site where it is at risk", (id) => {
    const doc = pageDoc(`/anatomy/${id}/`);
    const named = [...doc.querySelectorAll("[data-risk-sites] a")].map((a) => a.getAttribute("href"));
    for (const z of zones.filter((x) => x.zone?.atRisk.includes(id))) {
      expect(named).toContain(`/anatomy/${z.id}/`);
      expect(named).toContain(zoneLessonHref(z));
    }
  });

  it("leaves structures that are at risk nowhere without the note", () => {
    expect(pageDoc("/anatomy/sternocleidomastoid/").querySelector("[data-risk-sites]")).toBeNull();
  });
});

describe("guides whose treatment area includes a site", () => {
  const guides = [
    ...mdxPages("conditions").map((p) => `/conditions/${p.slug}/`),
    ...mdxPages("techniques").map((p) => `/techniques/${p.slug}/`),
  ];
  it("link the lesson's section of each site, and only to sections that exist", () => {
    const sections = new Set(zones.map((z) => zoneLessonHref(z)));
    let linked = 0;
    for (const path of guides) {
      for (const a of pageDoc(path).querySelectorAll("[data-endangerment-links] a")) {
        expect(sections, path).toContain(a.getAttribute("href"));
        linked++;
      }
    }
    expect(linked).toBeGreaterThan(guides.length / 2);
    const piriformis = [...pageDoc("/conditions/piriformis-syndrome/").querySelectorAll("[data-endangerment-links] a")];
    expect(piriformis.map((a) => a.getAttribute("href"))).toContain(
      zoneLessonHref(zones.find((z) => z.id === "endangerment-sciatic-notch") as Zone),
    );
  });
});

describe("the explorer", () => {
  it("carries every site for its endangerment-sites layer", () => {
    const [payload] = viewerPayloads(pageDoc("/anatomy/explore/")) as Payload[];
    expect(payload?.zones?.map((z) => z.id).sort()).toEqual(zones.map((z) => z.id).sort());
  });
});
