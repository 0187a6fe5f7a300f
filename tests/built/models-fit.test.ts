// The generated files keep the muscles' bulk and keep them out of bone (models/README.md, "Muscle volume and
// keep-out"): the models report's measurements (models/report.ts) of public/models, against the bone meshes of
// skeleton.glb, with the thresholds the README justifies.
import { beforeAll, describe, expect, it } from "vitest";
import { measureFit, type StructureFit } from "../../models/report.ts";

let rows: StructureFit[] = [];
beforeAll(async () => {
  rows = await measureFit();
});

describe("muscles in the generated files", () => {
  it("at least 95 % of muscles with a target volume are within 0.8-1.25 of it", () => {
    // Muscles without a target (no reference data: shaped by radius or thickness) are in the report, not here.
    const muscles = rows.filter((r) => r.tissue === "muscle" && r.targetCm3 !== undefined);
    expect(muscles.length).toBeGreaterThan(80);
    const off = muscles.filter((r) => r.ratio === undefined || r.ratio < 0.8 || r.ratio > 1.25);
    expect(
      off.length / muscles.length,
      off.map((r) => `${r.id} ${r.ratio?.toFixed(2)}`).join(", "),
    ).toBeLessThanOrEqual(0.05);
  });

  it("under 1 % of each muscle's vertices lie more than 2 mm inside bone away from its attachments", () => {
    const inside = rows
      .filter((r) => r.tissue === "muscle" && r.insideFraction >= 0.01)
      .map((r) => `${r.id} ${(r.insideFraction * 100).toFixed(1)} %`);
    expect(inside).toEqual([]);
  });

  it("every soft-tissue structure is a closed, manifold surface", () => {
    // The builders make closed meshes (tests/built/soft-anatomy.test.ts); the writer's repair (models/mesh.ts) keeps
    // them closed and manifold where simplification and welding make heads, slips or a belly and its tendon touch.
    const bad = rows
      .filter((r) => r.boundaryEdges > 0 || r.nonManifoldEdges > 0 || r.pinched > 0)
      .map((r) => `${r.id}: ${r.boundaryEdges} open, ${r.nonManifoldEdges} non-manifold edges, ${r.pinched} pinched`);
    expect(rows.filter((r) => r.tissue === "muscle").length).toBeGreaterThan(80);
    expect(bad).toEqual([]);
  });
});
