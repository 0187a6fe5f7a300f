// Endangerment sites (anatomy records of tissue zone): every site names structures at risk that its region's model
// holds, outlines a real area on the skin, and is found by the lookups pages use (src/lib/endangerment.ts).
import { describe, expect, it } from "vitest";
import { inModel } from "../../models/model-files.ts";
import { sitesByStructure, sitesForStructures, zoneAnchor, zonesOf } from "../../src/lib/endangerment.ts";
import { anatomyRecordSchema } from "../../src/schemas/anatomy-record.ts";
import { yamlRecords } from "../support/content.ts";

const records = yamlRecords("anatomy").map((r) => ({ file: r.file, record: anatomyRecordSchema.parse(r.data) }));
const byId = new Map(records.map((r) => [r.record.id, r.record]));
const zones = zonesOf(records.map((r) => r.record));

/** The sites issue 19 asks for. */
const SITES = [
  "anterior-triangle",
  "posterior-triangle",
  "axilla",
  "medial-arm",
  "cubital-fossa",
  "femoral-triangle",
  "popliteal-fossa",
  "kidney-area",
  "sciatic-notch",
  "abdomen",
  "eyes",
];

describe("endangerment sites", () => {
  it("has a zone record for every site the issue lists, named endangerment-<site>", () => {
    expect(zones.map((z) => z.id).sort()).toEqual(expect.arrayContaining(SITES.map((s) => `endangerment-${s}`)));
    for (const z of zones) expect(z.id).toMatch(/^endangerment-[a-z0-9-]+$/);
  });

  it.each(zones.map((z) => [z.id, z] as const))(
    "%s has at least one structure at risk in the model of one of its regions",
    (_id, zone) => {
      const inItsModels = (zone.zone?.atRisk ?? []).filter((id) => {
        const r = byId.get(id);
        return r?.geometry !== undefined && zone.regions.some((m) => inModel(r, m));
      });
      expect(inItsModels.length, `${zone.id}: atRisk ${zone.zone?.atRisk.join(", ")}`).toBeGreaterThan(0);
    },
  );

  it("lists only structures at risk (not zones, muscles or skin), and says what to avoid and when to stop", () => {
    for (const z of zones) {
      for (const id of z.zone?.atRisk ?? []) {
        expect(["nerve", "vessel", "organ", "bone"], `${z.id}: ${id}`).toContain(byId.get(id)?.tissue);
      }
      expect(z.zone?.avoid.length).toBeGreaterThan(0);
      expect(z.zone?.stopSigns.length).toBeGreaterThan(0);
    }
  });

  it("outlines each site on the skin near its region: ellipses a few centimetres across, right side or midline", () => {
    for (const z of zones) {
      for (const p of z.zone?.patches ?? []) {
        expect(p.centre[0], `${z.id}: right side (x <= 0)`).toBeLessThanOrEqual(0.001);
        expect(Math.max(...p.radii), z.id).toBeLessThan(0.12);
        expect(Math.min(...p.radii), z.id).toBeGreaterThan(0.005);
      }
      if (!z.bilateral) for (const p of z.zone?.patches ?? []) expect(Math.abs(p.centre[0]), z.id).toBeLessThan(0.01);
    }
    // Head to foot, as the body is: the eyes above the neck, the neck above the armpit, the knee below the groin.
    const height = (id: string) => byId.get(id)?.zone?.patches[0]?.centre[1] ?? Number.NaN;
    const order = ["eyes", "anterior-triangle", "axilla", "abdomen", "femoral-triangle", "popliteal-fossa"];
    const heights = order.map((s) => height(`endangerment-${s}`));
    expect(heights).toEqual([...heights].sort((a, b) => b - a));
  });

  it("rejects a zone record without a zone block, and a zone block on a structure", () => {
    const zone = byId.get("endangerment-axilla");
    expect(anatomyRecordSchema.safeParse({ ...zone, zone: undefined }).success).toBe(false);
    const nerve = byId.get("median-nerve");
    expect(anatomyRecordSchema.safeParse({ ...nerve, zone: zone?.zone }).success).toBe(false);
  });
});

describe("endangerment lookups", () => {
  it("names the sites a structure is at risk in (reverse of atRisk)", () => {
    const sites = sitesByStructure(zones);
    for (const z of zones) for (const id of z.zone?.atRisk ?? []) expect(sites.get(id)).toContain(z);
    expect(sites.get("sternocleidomastoid")).toBeUndefined();
  });

  it("links a page to the sites its figures' muscles bound, and its nerves' sites in their own region only", () => {
    const all = records.map((r) => r.record);
    const ids = (list: { id: string }[]) => list.map((z) => z.id).sort();
    expect(ids(sitesForStructures(all, ["piriformis"]))).toEqual(["endangerment-sciatic-notch"]);
    // The median nerve is at risk in the axilla too, but a page about it in the forearm is not about the armpit.
    const median = ids(sitesForStructures(all, ["median-nerve"]));
    expect(median).toContain("endangerment-cubital-fossa");
    expect(median).not.toContain("endangerment-axilla");
    expect(sitesForStructures(all, ["plantar-fascia"])).toEqual([]);
  });

  it("anchors each site's lesson section by its name, as the heading's id is slugged", () => {
    expect(zoneAnchor({ name: "Area over the kidneys" })).toBe("area-over-the-kidneys");
    expect(zoneAnchor({ name: "Anterior triangle of the neck" })).toBe("anterior-triangle-of-the-neck");
  });
});
