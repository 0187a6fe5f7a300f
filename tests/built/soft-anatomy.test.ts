// The authored soft tissues on the real skeleton: every geometry block builds a clean mesh; muscles reach their
// origins and insertions and do not sink into bones; the forearm flexor tendons and the median nerve pass
// through the carpal tunnel under the transverse carpal ligament. The meshes are the ones the models build made
// (models/mesh-cache.ts); a mesh the last build did not keep, or built from other inputs, is built here.
import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedRecord } from "../../models/records.ts";
import { initMeshing } from "../../models/sdf.ts";
import {
  boundingBox,
  degenerateTriangles,
  distanceToMesh,
  edgeReport,
  insideMesh,
  normalDisagreement,
  signedVolume,
} from "../../models/soft/analyse.ts";
import { resolvePath } from "../../models/soft/context.ts";
import { smoothCurve } from "../../models/soft/curve.ts";
import { skeletonContext } from "../../models/soft/index.ts";
import { skinSdf } from "../../models/soft/skin.ts";
import type { MeshData, Vec3 } from "../../models/types.ts";
import type { SkinGeometry, SoftGeometry, SoftPart, SoftPath } from "../../src/schemas/geometry-soft.ts";
import { byId, mesh, records } from "../support/meshes.ts";

const SOFT_BUILDERS = new Set(["spindle", "sheet", "band", "capsule", "bursa", "tube", "skin", "group"]);
const soft = records.filter((r) => r.record.geometry && SOFT_BUILDERS.has(r.record.geometry.builder));

/** Lines (origin first) whose ends are a muscle's attachments. */
function attachmentLines(g: SoftGeometry | SoftPart): SoftPath[] {
  switch (g.builder) {
    case "spindle":
      return [g.path];
    case "sheet":
      return g.fascicles;
    case "group":
      return g.parts.flatMap(attachmentLines);
    default:
      return [];
  }
}

describe("every soft-tissue geometry block", () => {
  it("exists for some records", () => {
    expect(soft.length).toBeGreaterThan(40);
  });
  for (const r of soft) {
    it(`${r.record.id}: builds a closed, smooth mesh on the right side within budget`, () => {
      const m = mesh(r.record.id);
      const edges = edgeReport(m);
      expect(edges.boundary, "open edges").toBe(0);
      expect(edges.nonManifold, "non-manifold edges").toBe(0);
      expect(degenerateTriangles(m, 1e-14)).toBe(0);
      expect(signedVolume(m)).toBeGreaterThan(0);
      expect(normalDisagreement(m)).toBeLessThan(0.05);
      const triangles = m.indices.length / 3;
      expect(triangles).toBeLessThanOrEqual(r.record.tissue === "skin" ? 30000 : 4500);
      if (r.record.bilateral) {
        const box = boundingBox(m);
        expect((box.min[0] + box.max[0]) / 2, "right-side structures lie at x < 0").toBeLessThan(0);
      }
    });
  }
});

describe("muscles reach their attachments", () => {
  const muscles = soft.filter((r) => r.record.tissue === "muscle");
  for (const r of muscles) {
    it(`${r.record.id}: origin and insertion points lie within 5 mm of the mesh`, () => {
      const m = mesh(r.record.id);
      const lines = attachmentLines(r.record.geometry as SoftGeometry);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const pts = resolvePath(skeletonContext, line).points;
        for (const p of [pts[0], pts[pts.length - 1]] as Vec3[]) {
          expect(distanceToMesh(m, p), `${r.record.id} attachment ${p.map((x) => x.toFixed(3))}`).toBeLessThan(0.005);
        }
      }
    });
  }
});

describe("muscles do not sink into bones", () => {
  // Bones of the regions checked so far (building every bone takes long).
  const BONES = ["humerus", "radius", "ulna", "scapula", "clavicle"];
  const bones: { id: string; mesh: MeshData; box: ReturnType<typeof boundingBox> }[] = [];
  beforeAll(async () => {
    await initMeshing();
    for (const id of BONES) {
      const r = byId.get(id);
      if (r?.record.geometry?.builder !== "bone") continue;
      const m = mesh(id);
      bones.push({ id, mesh: m, box: boundingBox(m) });
    }
  });
  const muscles = soft.filter(
    (r) => r.record.tissue === "muscle" && r.record.regions.some((g) => g === "shoulder" || g === "upper-limb"),
  );
  for (const r of muscles) {
    it(`${r.record.id}: at most a few percent of its surface lies inside a bone`, () => {
      expect(bones.length).toBeGreaterThan(0);
      const m = mesh(r.record.id);
      const n = m.positions.length / 3;
      const step = Math.max(1, Math.floor(n / 200));
      let tested = 0;
      let inside = 0;
      for (let i = 0; i < n; i += step) {
        const p: Vec3 = [m.positions[3 * i] ?? 0, m.positions[3 * i + 1] ?? 0, m.positions[3 * i + 2] ?? 0];
        tested++;
        for (const b of bones) {
          if (p.some((v, k) => v < (b.box.min[k] ?? 0) || v > (b.box.max[k] ?? 0))) continue;
          if (insideMesh(b.mesh, p) && distanceToMesh(b.mesh, p) > 0.002) {
            inside++;
            break;
          }
        }
      }
      expect(inside / tested, `${inside} of ${tested} sampled vertices more than 2 mm inside a bone`).toBeLessThan(
        0.08,
      );
    });
  }
});

describe("the skin encloses the model", () => {
  const skinRecord = byId.get("skin");
  const bones: { id: string; mesh: MeshData }[] = [];
  beforeAll(async () => {
    await initMeshing();
    for (const r of records) {
      if (r.record.geometry?.builder === "bone") bones.push({ id: r.record.id, mesh: mesh(r.record.id) });
    }
  });
  it("every soft tissue and bone lies inside the skin (within 1 cm)", () => {
    if (!skinRecord) throw new Error("no skin record");
    const { sdf } = skinSdf(skeletonContext, skinRecord.record.geometry as SkinGeometry);
    const outside: string[] = [];
    const check = (id: string, m: MeshData) => {
      let worst = -Infinity;
      for (let i = 0; i < m.positions.length; i += 3 * 7) {
        worst = Math.max(worst, sdf(m.positions[i] ?? 0, m.positions[i + 1] ?? 0, m.positions[i + 2] ?? 0));
      }
      if (worst > 0.01) outside.push(`${id} (${(worst * 1000).toFixed(0)} mm)`);
    };
    for (const r of soft) if (r.record.id !== "skin") check(r.record.id, mesh(r.record.id));
    for (const b of bones) check(b.id, b.mesh);
    expect(outside, "structures poking out of the skin").toEqual([]);
  });
});

/** Hits of a ray from p along +z (anterior or palmar, sign 1) or -z (posterior or dorsal, sign -1) with the mesh. */
function rayHits(m: MeshData, p: Vec3, sign: 1 | -1): number {
  let hits = 0;
  const dir: Vec3 = [0.000071, 0.000113, sign];
  for (let f = 0; f < m.indices.length; f += 3) {
    const a = m.indices[f] ?? 0;
    const b = m.indices[f + 1] ?? 0;
    const c = m.indices[f + 2] ?? 0;
    const A: Vec3 = [m.positions[3 * a] ?? 0, m.positions[3 * a + 1] ?? 0, m.positions[3 * a + 2] ?? 0];
    const B: Vec3 = [m.positions[3 * b] ?? 0, m.positions[3 * b + 1] ?? 0, m.positions[3 * b + 2] ?? 0];
    const C: Vec3 = [m.positions[3 * c] ?? 0, m.positions[3 * c + 1] ?? 0, m.positions[3 * c + 2] ?? 0];
    const e1: Vec3 = [B[0] - A[0], B[1] - A[1], B[2] - A[2]];
    const e2: Vec3 = [C[0] - A[0], C[1] - A[1], C[2] - A[2]];
    const h: Vec3 = [dir[1] * e2[2] - dir[2] * e2[1], dir[2] * e2[0] - dir[0] * e2[2], dir[0] * e2[1] - dir[1] * e2[0]];
    const det = e1[0] * h[0] + e1[1] * h[1] + e1[2] * h[2];
    if (Math.abs(det) < 1e-15) continue;
    const s: Vec3 = [p[0] - A[0], p[1] - A[1], p[2] - A[2]];
    const u = (s[0] * h[0] + s[1] * h[1] + s[2] * h[2]) / det;
    if (u < 0 || u > 1) continue;
    const q: Vec3 = [s[1] * e1[2] - s[2] * e1[1], s[2] * e1[0] - s[0] * e1[2], s[0] * e1[1] - s[1] * e1[0]];
    const v = (dir[0] * q[0] + dir[1] * q[1] + dir[2] * q[2]) / det;
    if (v < 0 || u + v > 1) continue;
    if ((e2[0] * q[0] + e2[1] * q[1] + e2[2] * q[2]) / det > 0) hits++;
  }
  return hits;
}

describe("carpal tunnel", () => {
  const tcl = (): MeshData => mesh("transverse-carpal-ligament");
  /** Centre lines of a record's tendons or nerve: the slips of a spindle, or a tube's main path. */
  function lines(r: LoadedRecord): Vec3[][] {
    const g = r.record.geometry as SoftGeometry;
    const paths: SoftPath[] =
      g.builder === "spindle"
        ? [...(g.slips ?? []).map((s) => s.path), ...(g.slips ? [] : [g.path])]
        : g.builder === "tube"
          ? [g.path]
          : [];
    return paths.map((p) => smoothCurve(resolvePath(skeletonContext, p).points, 200));
  }

  for (const id of [
    "flexor-digitorum-superficialis",
    "flexor-digitorum-profundus",
    "flexor-pollicis-longus",
    "median-nerve",
  ]) {
    it(`${id} passes between the transverse carpal ligament and the carpal bones`, () => {
      const r = byId.get(id);
      if (!r) throw new Error(`no record ${id}`);
      const ligament = tcl();
      const box = boundingBox(ligament);
      const floor = Math.max(
        ...["capitate.centre", "hamate.centre", "scaphoid.centre", "lunate.centre"].map(
          (l) => skeletonContext.landmark(l)[2],
        ),
      );
      const ls = lines(r);
      expect(ls.length).toBeGreaterThan(0);
      for (const line of ls) {
        // Points of the line within the ligament's footprint: none may lie in or palmar to the ligament, and the
        // line must run under it for a stretch, palmar to the carpal bones.
        const near = line.filter(
          (p) => p[0] > box.min[0] && p[0] < box.max[0] && p[1] > box.min[1] && p[1] < box.max[1],
        );
        let under = 0;
        for (const p of near) {
          const at = p.map((x) => x.toFixed(3)).join(", ");
          expect(insideMesh(ligament, p), `${id} at ${at} is inside the ligament`).toBe(false);
          expect(rayHits(ligament, p, -1), `${id} at ${at} lies palmar to the ligament`).toBe(0);
          if (rayHits(ligament, p, 1) === 2) {
            under++;
            expect(p[2], `${id} at ${at}: palmar to the carpal bones' centres`).toBeGreaterThan(floor);
          }
        }
        expect(under, `${id}: a line passes under the ligament`).toBeGreaterThan(5);
      }
    });
  }
});

describe("lumbar region", () => {
  const ERECTOR = ["iliocostalis-lumborum", "longissimus-thoracis"];
  /** Vertices of a mesh between two heights whose normals face backwards (its posterior surface). */
  function posteriorSurface(m: MeshData, yMin: number, yMax: number): Vec3[] {
    const out: Vec3[] = [];
    for (let i = 0; i < m.positions.length; i += 3) {
      const y = m.positions[i + 1] ?? 0;
      if (y < yMin || y > yMax || (m.normals[i + 2] ?? 0) > -0.5) continue;
      out.push([m.positions[i] ?? 0, y, m.positions[i + 2] ?? 0]);
    }
    return out;
  }

  for (const id of ERECTOR) {
    it(`the thoracolumbar fascia covers ${id} from behind between L1 and L4`, () => {
      const fascia = mesh("thoracolumbar-fascia");
      const top = skeletonContext.landmark("vertebra-l1.spinous-process")[1];
      const bottom = skeletonContext.landmark("vertebra-l4.spinous-process")[1];
      const back = posteriorSurface(mesh(id), bottom, top);
      expect(back.length).toBeGreaterThan(10);
      const covered = back.filter((p) => rayHits(fascia, p, -1) > 0).length;
      expect(covered / back.length, `${id}: share of its lumbar back surface under the fascia`).toBeGreaterThan(0.9);
    });

    it(`${id} of the right side stays right of the midline`, () => {
      const m = mesh(id);
      let maxX = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < m.positions.length; i += 3) maxX = Math.max(maxX, m.positions[i] ?? 0);
      expect(maxX).toBeLessThan(0.002);
    });
  }
});

describe("pelvic, knee and ankle ligaments, menisci and bursae sit on their bones", () => {
  /** Each structure and the bones it attaches to (or rests on); it must touch each and sink into none. */
  const ATTACHED: Record<string, string[]> = {
    "anterior-talofibular-ligament": ["fibula", "talus"],
    "calcaneofibular-ligament": ["fibula", "calcaneus"],
    "posterior-talofibular-ligament": ["fibula", "talus"],
    "deltoid-ligament": ["tibia", "navicular", "calcaneus", "talus"],
    "medial-collateral-ligament": ["femur", "tibia"],
    "lateral-collateral-ligament": ["femur", "fibula"],
    "anterior-cruciate-ligament": ["femur", "tibia"],
    "posterior-cruciate-ligament": ["femur", "tibia"],
    "medial-meniscus": ["tibia"],
    "lateral-meniscus": ["tibia"],
    "trochanteric-bursa": ["femur"],
    "sacrotuberous-ligament": ["hip-bone", "sacrum"],
    "inguinal-ligament": ["hip-bone"],
  };
  const BONES = ["femur", "tibia", "fibula", "talus", "calcaneus", "navicular", "hip-bone", "sacrum"];
  const bones = new Map<string, { mesh: MeshData; box: ReturnType<typeof boundingBox> }>();
  beforeAll(async () => {
    await initMeshing();
    for (const id of BONES) {
      const g = byId.get(id)?.record.geometry;
      if (g?.builder !== "bone") continue;
      const m = mesh(id);
      bones.set(id, { mesh: m, box: boundingBox(m) });
    }
  });
  for (const [id, attached] of Object.entries(ATTACHED)) {
    it(`${id} touches ${attached.join(", ")} and does not sink into a bone`, () => {
      expect(bones.size).toBe(BONES.length);
      const m = mesh(id);
      const n = m.positions.length / 3;
      const nearest = new Map(attached.map((b) => [b, Number.POSITIVE_INFINITY]));
      let inside = 0;
      let tested = 0;
      // Up to about 600 vertices, evenly through the mesh (its ends are dense, so the nearest one is still found).
      const step = Math.max(1, Math.floor(n / 600));
      for (let i = 0; i < n; i += step) {
        tested++;
        const p: Vec3 = [m.positions[3 * i] ?? 0, m.positions[3 * i + 1] ?? 0, m.positions[3 * i + 2] ?? 0];
        for (const [bid, b] of bones) {
          const near = p.every((v, k) => v > (b.box.min[k] ?? 0) - 0.01 && v < (b.box.max[k] ?? 0) + 0.01);
          if (!near) continue;
          const d = distanceToMesh(b.mesh, p);
          if (nearest.has(bid)) nearest.set(bid, Math.min(nearest.get(bid) ?? d, d));
          if (d > 0.0015 && insideMesh(b.mesh, p)) inside++;
        }
      }
      for (const [bid, d] of nearest) expect(d, `${id}: closest distance to ${bid}`).toBeLessThan(0.002);
      expect(inside / tested, `${id}: ${inside} of ${tested} vertices more than 1.5 mm inside a bone`).toBeLessThan(
        0.05,
      );
    });
  }
});
