// The anatomy graph (which pages point at which structure, atlas grouping, first view) and the referred-pain
// fallback map's projection; then the real content: every structure a page highlights has an atlas record,
// and the muscles the issue names carry a referred-pain zone.
import { describe, expect, it } from "vitest";
import { mapFrame, projectPatch } from "../../src/components/anatomy/referred-pain-map.ts";
import {
  atlasModel,
  atlasView,
  filterText,
  homeRegion,
  pageHref,
  pagesByStructure,
  type StructureFacts,
  structuresByRegionAndTissue,
  structuresOfPage,
  type TeachingPage,
  unknownStructureIds,
} from "../../src/lib/anatomy-graph.ts";
import { REGIONS } from "../../src/lib/regions.ts";
import { mdxPages, yamlRecords } from "../support/content.ts";

function record(partial: Partial<StructureFacts> & { id: string }): StructureFacts {
  return {
    name: partial.id.replace(/-/g, " "),
    aliases: [],
    tissue: "muscle",
    regions: ["shoulder"],
    layer: 1,
    group: "test group",
    ...partial,
  };
}

describe("pagesByStructure", () => {
  const pages: TeachingPage[] = [
    {
      kind: "conditions",
      id: "tennis-elbow",
      title: "Tennis elbow",
      specs: [
        { focus: ["common-extensor-tendon"], secondary: ["extensor-digitorum", "radial-nerve"] },
        { model: "upper-limb", focus: ["radial-nerve"], secondary: [] },
      ],
    },
    {
      kind: "techniques",
      id: "deep-transverse-friction",
      title: "Deep transverse friction",
      specs: [{ focus: ["common-extensor-tendon"], secondary: [] }],
    },
    {
      kind: "lessons",
      id: "tissues-101",
      title: "Tissues 101",
      specs: [{ model: "upper-limb", focus: ["biceps-brachii"], secondary: ["common-extensor-tendon"] }],
    },
    {
      kind: "conditions",
      id: "a-first",
      title: "A first condition",
      specs: [{ focus: ["trapezius"], secondary: ["common-extensor-tendon"] }],
    },
  ];
  const index = pagesByStructure(pages);

  it("lists every page that shows a structure, conditions then techniques then lessons, focus before secondary", () => {
    expect(index.get("common-extensor-tendon")?.map((l) => `${l.kind}/${l.id}/${l.role}`)).toEqual([
      "conditions/tennis-elbow/focus",
      "conditions/a-first/secondary",
      "techniques/deep-transverse-friction/focus",
      "lessons/tissues-101/secondary",
    ]);
  });

  it("gives a structure the strongest role any figure on the page gives it", () => {
    // radial-nerve is secondary in the first figure but the focus of the second.
    expect(structuresOfPage(pages[0] as TeachingPage).get("radial-nerve")).toBe("focus");
    expect(index.get("radial-nerve")).toEqual([
      {
        kind: "conditions",
        id: "tennis-elbow",
        title: "Tennis elbow",
        href: "/conditions/tennis-elbow/",
        role: "focus",
      },
    ]);
  });

  it("counts a referred-pain figure as pointing at that structure", () => {
    const roles = structuresOfPage({
      kind: "techniques",
      id: "t",
      title: "T",
      specs: [{ model: "body", focus: ["levator-scapulae"], secondary: [], referredPain: "trapezius" }],
    });
    expect([...roles]).toEqual([
      ["levator-scapulae", "focus"],
      ["trapezius", "focus"],
    ]);
  });

  it("reports ids that are not anatomy records", () => {
    expect(unknownStructureIds(pages, new Set(["common-extensor-tendon", "extensor-digitorum", "trapezius"]))).toEqual([
      "biceps-brachii",
      "radial-nerve",
    ]);
  });

  it("builds the site path of each kind of page", () => {
    expect(pageHref("lessons", "x")).toBe("/learn/x/");
    expect(pageHref("conditions", "x")).toBe("/conditions/x/");
    expect(pageHref("techniques", "x")).toBe("/techniques/x/");
  });
});

describe("atlas grouping", () => {
  const records = [
    record({ id: "soleus", regions: ["leg-foot"] }),
    record({ id: "median-nerve", tissue: "nerve", regions: ["upper-limb", "shoulder"] }),
    record({ id: "biceps-brachii", regions: ["upper-limb", "shoulder"] }),
    record({ id: "trapezius", regions: ["shoulder", "trunk", "head-neck"] }),
    record({ id: "abductor-pollicis-brevis", regions: ["upper-limb"] }),
  ];

  it("files each structure once, under its home region, head to foot, muscles before nerves, by name", () => {
    const groups = structuresByRegionAndTissue(records);
    expect(groups.map((g) => g.region)).toEqual(["shoulder", "upper-limb", "leg-foot"]);
    const upper = groups.find((g) => g.region === "upper-limb");
    expect(upper?.tissues.map((t) => [t.tissue, t.items.map((i) => i.id)])).toEqual([
      ["muscle", ["abductor-pollicis-brevis", "biceps-brachii"]],
      ["nerve", ["median-nerve"]],
    ]);
    const total = groups.flatMap((g) => g.tissues.flatMap((t) => t.items)).length;
    expect(total).toBe(records.length);
  });

  it("rejects a home region the atlas does not know, naming the record", () => {
    expect(() => homeRegion({ id: "x", regions: ["elbow"] })).toThrow(/x\.yaml.*elbow/);
  });

  it("matches the filter box against names, aliases and group", () => {
    const text = filterText(record({ id: "t", name: "Trapezius", aliases: ["traps"], group: "superficial back" }));
    expect(text).toContain("trapezius");
    expect(text).toContain("traps");
    expect(text).toContain("superficial back");
  });
});

describe("atlasModel", () => {
  const s = { id: "soleus", regions: ["leg-foot", "hip-thigh"], tissue: "muscle" };
  it("picks the first region whose model contains the structure", () => {
    const models = [
      { model: "body", ids: new Set(["soleus"]) },
      { model: "hip-thigh", ids: new Set(["soleus"]) },
      { model: "leg-foot", ids: new Set(["soleus"]) },
    ];
    expect(atlasModel(s, models)).toBe("leg-foot");
    expect(
      atlasModel(
        s,
        models.filter((m) => m.model !== "leg-foot"),
      ),
    ).toBe("hip-thigh");
  });
  it("falls back to the whole body, then to a model that exists, never to a missing model", () => {
    expect(
      atlasModel(s, [
        { model: "body", ids: new Set(["soleus"]) },
        { model: "leg-foot", ids: new Set() },
      ]),
    ).toBe("body");
    expect(
      atlasModel(s, [
        { model: "body", ids: new Set() },
        { model: "upper-limb", ids: new Set() },
      ]),
    ).toBe("body");
    expect(atlasModel(s, [{ model: "upper-limb", ids: new Set() }])).toBe("upper-limb");
  });
  it("trusts the planned models when there is no manifest yet", () => {
    expect(atlasModel(s, [{ model: "body" }, { model: "leg-foot" }])).toBe("leg-foot");
  });
});

describe("atlasView", () => {
  it("shows a referred-pain zone from the side where most of it lies", () => {
    const front = { centre: [0, 1, 0.1] as [number, number, number] };
    const back = { centre: [0, 1, -0.1] as [number, number, number] };
    expect(atlasView({ referredPain: { patches: [front, front, back] } })).toBe("anterior");
    expect(atlasView({ referredPain: { patches: [back, back, front] } })).toBe("posterior");
  });

  it("uses the record's own view of the zone when it names one (a zone up the side of the neck)", () => {
    const back = { centre: [0, 1, -0.1] as [number, number, number] };
    expect(atlasView({ referredPain: { patches: [back, back], view: "lateral" } })).toBe("lateral");
  });

  it("otherwise follows the first client position in the palpation guide", () => {
    expect(atlasView({ palpation: "Client prone with the arm off the table, or supine." })).toBe("posterior");
    expect(atlasView({ palpation: "Client supine or prone." })).toBe("anterior");
    expect(atlasView({ palpation: "Client side-lying with the lower knee bent." })).toBe("lateral");
    expect(atlasView({ palpation: "Client seated with the forearm pronated." })).toBe("posterior");
    expect(atlasView({ palpation: "Not palpable." })).toBe("anterior");
    expect(atlasView({})).toBe("anterior");
  });
});

describe("referred-pain map projection", () => {
  it("puts front patches on the front view with the body's right on the viewer's left", () => {
    expect(projectPatch({ centre: [-0.1, 1.2, 0.08], radii: [0.02, 0.03], kind: "essential" })).toEqual([
      { view: "front", cx: -100, cy: -1200, rx: 20, ry: 30, kind: "essential" },
    ]);
  });

  it("puts back patches on the back view, mirrored so the body's right is on the viewer's right", () => {
    expect(projectPatch({ centre: [-0.1, 1.0, -0.1], radii: [0.04, 0.02], kind: "spillover" })).toEqual([
      { view: "back", cx: 100, cy: -1000, rx: 40, ry: 20, kind: "spillover" },
    ]);
  });

  it("shows a patch on the side or top of the body (z close to 0) in both views", () => {
    expect(
      projectPatch({ centre: [-0.17, 0.92, 0], radii: [0.03, 0.04], kind: "spillover" }).map((p) => p.view),
    ).toEqual(["front", "back"]);
  });

  it("crops the picture to the patches' height with a margin, but never below the minimum height", () => {
    const neck = mapFrame([{ centre: [-0.06, 1.48, -0.07], radii: [0.035, 0.035], kind: "essential" }]);
    const [, top, , height] = neck.viewBox.split(" ").map(Number);
    expect(height).toBeGreaterThanOrEqual(560);
    expect(-(top ?? 0)).toBeGreaterThan(1480 + 35);
    const legs = mapFrame([
      { centre: [-0.1, 0.04, -0.04], radii: [0.03, 0.03], kind: "essential" },
      { centre: [-0.05, 1.0, -0.1], radii: [0.025, 0.025], kind: "spillover" },
    ]);
    const [, legsTop, , legsHeight] = legs.viewBox.split(" ").map(Number);
    expect((legsTop ?? 0) + (legsHeight ?? 0)).toBeGreaterThanOrEqual(10);
    expect(legs.aspect).toBeLessThan(neck.aspect);
  });
});

// ---- The real content ----

interface Spec {
  focus: string[];
  secondary?: string[];
  referredPain?: string;
}
function anatomyRecords(): (StructureFacts & { referredPain?: { patches: unknown[] } })[] {
  return yamlRecords<StructureFacts & { referredPain?: { patches: unknown[] } }>("anatomy").map((r) => r.data);
}
function teachingPages(): TeachingPage[] {
  return (["conditions", "techniques", "lessons"] as const).flatMap((kind) =>
    mdxPages<{ title: string; anatomy?: Spec[] }>(kind).map(({ slug, data, body }) => ({
      kind,
      id: slug,
      title: data.title,
      specs: (data.anatomy ?? []).map((s) => ({ ...s, secondary: s.secondary ?? [] })),
      body,
    })),
  );
}

describe("the site's content", () => {
  const records = anatomyRecords();
  const ids = new Set(records.map((r) => r.id));
  const pages = teachingPages();

  it("has anatomy records filed under atlas regions", () => {
    expect(records.length).toBeGreaterThan(50);
    for (const r of records) expect(REGIONS, r.id).toContain(r.regions[0]);
  });

  it("highlights only structures that have an atlas record (so every viewer link has a page)", () => {
    expect(unknownStructureIds(pages, ids)).toEqual([]);
  });

  it("lists each page under every structure its figures show (links resolve both ways)", () => {
    const index = pagesByStructure(pages);
    for (const page of pages) {
      for (const spec of page.specs) {
        for (const id of [...spec.focus, ...spec.secondary]) {
          expect(
            index.get(id)?.some((l) => l.kind === page.kind && l.id === page.id),
            `${page.id} -> ${id}`,
          ).toBe(true);
        }
      }
    }
  });

  it("gives the muscles the trigger point guide names a referred-pain zone", () => {
    const required = [
      "trapezius",
      "levator-scapulae",
      "sternocleidomastoid",
      "infraspinatus",
      "quadratus-lumborum",
      "gluteus-medius",
      "piriformis",
      "soleus",
    ];
    const withZone = records.filter((r) => (r.referredPain?.patches.length ?? 0) > 0).map((r) => r.id);
    expect(required.filter((id) => !withZone.includes(id))).toEqual([]);
  });
});
