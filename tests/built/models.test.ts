// The model generator end to end, on the files the build generated (public/models; generated here if missing or
// stale, so the suite also runs alone): checks the files
// (Khronos validator), the manifest, placement and heights, bone lengths against the reference skeleton (when
// ../shared/anatomy-sources is present), budgets, determinism and the cache.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NodeIO } from "@gltf-transform/core";
import { EXTMeshoptCompression, KHRMeshQuantization } from "@gltf-transform/extensions";
import { MeshoptDecoder } from "meshoptimizer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BUDGET,
  cacheKeyFile,
  type GenerateResult,
  generateModels,
  inputsKey,
  type Manifest,
  ROOT,
} from "../../models/build.ts";
import { inModel, MODELS } from "../../models/model-files.ts";
import { loadRecords } from "../../models/records.ts";
import { landmark } from "../../models/skeleton.ts";
import { partFileName, partOf } from "../../src/lib/model-parts.ts";
import { layerGroupOf } from "../../src/lib/view-state.ts";

/** The Khronos validator (CommonJS, untyped). */
const validator = createRequire(import.meta.url)("gltf-validator") as {
  validateBytes(
    data: Uint8Array,
    options?: { maxIssues?: number },
  ): Promise<{ issues: { messages: { severity: number; code: string; message: string; pointer?: string }[] } }>;
};

const sources = join(ROOT, "..", "shared", "anatomy-sources");
const haveSources = existsSync(join(sources, "opensim-fullbody", "cyclistFullBodyMuscle.osim"));

let dirA = "";
let dirB = "";
let result: GenerateResult;
let manifest: Manifest;

beforeAll(async () => {
  dirA = join(ROOT, "public", "models");
  dirB = mkdtempSync(join(tmpdir(), "palpate-models-b-"));
  result = await generateModels({ outDir: dirA });
  manifest = result.manifest;
}, 300_000);

afterAll(() => {
  if (dirB) rmSync(dirB, { recursive: true, force: true });
});

/** The JSON chunk of a GLB. */
function glbJson(file: string): {
  nodes: { name?: string; extras?: Record<string, unknown>; mesh?: number }[];
  extensionsUsed?: string[];
} {
  const b = readFileSync(file);
  const len = b.readUInt32LE(12);
  return JSON.parse(b.subarray(20, 20 + len).toString("utf8"));
}

/** World-space vertex positions of one node of a GLB (decoded, dequantized). */
async function nodePositions(file: string, name: string): Promise<number[][]> {
  await MeshoptDecoder.ready;
  const io = new NodeIO()
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
    .registerDependencies({ "meshopt.decoder": MeshoptDecoder });
  const doc = await io.read(file);
  const node = doc
    .getRoot()
    .listNodes()
    .find((n) => n.getName() === name);
  if (!node) throw new Error(`${file}: no node ${name}`);
  const m = node.getWorldMatrix();
  const out: number[][] = [];
  for (const prim of node.getMesh()?.listPrimitives() ?? []) {
    const pos = prim.getAttribute("POSITION");
    if (!pos) continue;
    const v = [0, 0, 0];
    for (let i = 0; i < pos.getCount(); i++) {
      pos.getElement(i, v);
      const [x = 0, y = 0, z = 0] = v;
      out.push([
        m[0] * x + m[4] * y + m[8] * z + m[12],
        m[1] * x + m[5] * y + m[9] * z + m[13],
        m[2] * x + m[6] * y + m[10] * z + m[14],
      ]);
    }
  }
  return out;
}

describe("generated model files", () => {
  it("include the skeleton and the region files with bones", () => {
    const models = manifest.files.map((f) => f.model);
    for (const m of ["body", "skeleton", "upper-limb", "shoulder", "trunk", "head-neck", "hip-thigh", "leg-foot"]) {
      expect(models).toContain(m);
    }
  });

  it("pass the Khronos glTF validator with zero errors", async () => {
    for (const f of manifest.files) {
      const bytes = new Uint8Array(readFileSync(join(dirA, f.file)));
      const report = await validator.validateBytes(bytes, { maxIssues: 50 });
      const errors = report.issues.messages.filter((m) => m.severity === 0);
      expect({ file: f.file, errors }).toEqual({ file: f.file, errors: [] });
    }
  });

  it("use meshopt compression and quantization, never Draco", () => {
    for (const f of manifest.files) {
      const used = glbJson(join(dirA, f.file)).extensionsUsed ?? [];
      expect(used).toContain("EXT_meshopt_compression");
      expect(used).toContain("KHR_mesh_quantization");
      expect(used).not.toContain("KHR_draco_mesh_compression");
    }
  });

  it("stay within the budgets (triangles and bytes per file, bytes in all)", () => {
    let total = 0;
    for (const f of manifest.files) {
      const bytes = readFileSync(join(dirA, f.file)).byteLength;
      expect(bytes).toBe(f.bytes);
      expect(f.bytes, `${f.file} bytes`).toBeLessThanOrEqual(BUDGET.fileBytes);
      expect(f.triangles, `${f.file} triangles`).toBeLessThanOrEqual(BUDGET.fileTriangles);
      expect(f.triangles, `${f.file} has geometry`).toBeGreaterThan(f.part === "" ? 1000 : 0);
      total += bytes;
    }
    expect(total).toBeLessThanOrEqual(BUDGET.totalBytes);
  });

  it("are split by layer group: a first-load file per model within its budget, parts by src/lib/model-parts.ts", () => {
    const byModel = new Map<string, typeof manifest.files>();
    for (const f of manifest.files) byModel.set(f.model, [...(byModel.get(f.model) ?? []), f]);
    for (const [model, files] of byModel) {
      const first = files.filter((f) => f.part === "");
      expect(
        first.map((f) => f.file),
        `${model}: one first-load file`,
      ).toEqual([`${model}.glb`]);
      expect(first[0]?.bytes, `${model}.glb bytes`).toBeLessThanOrEqual(
        model === "body" ? BUDGET.overviewFirstLoadBytes : BUDGET.firstLoadBytes,
      );
      for (const f of files.filter((x) => x.part !== "")) {
        expect(f.bytes, `${f.file} bytes`).toBeLessThanOrEqual(
          model === "body" ? BUDGET.overviewPartBytes : BUDGET.partBytes,
        );
      }
      for (const f of files) {
        expect(f.file).toBe(partFileName(model, f.part));
        const wrong = f.nodes
          .map((node) => manifest.structures.find((s) => s.node === node))
          .filter((s) => !s || partOf(s.tissue, s.layer, f.model) !== f.part)
          .map((s) => s?.node);
        expect(wrong, `${f.file}: nodes of another part`).toEqual([]);
        expect([...f.groups].sort()).toEqual(
          [...new Set(f.nodes.map((node) => manifest.structures.find((s) => s.node === node)))]
            .map((s) => layerGroupOf(s?.tissue ?? "", s?.layer ?? 1))
            .filter((g, i, all) => all.indexOf(g) === i)
            .sort(),
        );
      }
    }
    // The region models really are split: muscles and bones first, nerves and the skin on demand.
    const upper = byModel.get("upper-limb") ?? [];
    expect(upper.map((f) => f.part).sort()).toEqual(expect.arrayContaining(["", "nerve", "skin"]));
  });
});

describe("manifest", () => {
  it("lists every record that has geometry, on both sides when bilateral, and every bone record", () => {
    const records = loadRecords(ROOT);
    const nodes = new Set(manifest.structures.map((s) => s.node));
    const missing: string[] = [];
    for (const { record } of records) {
      if (!record.geometry) {
        if (record.tissue === "bone") missing.push(`${record.id} (bone without geometry)`);
        continue;
      }
      const expected = record.bilateral ? [`${record.id}-r`, `${record.id}-l`] : [record.id];
      for (const n of expected) if (!nodes.has(n)) missing.push(n);
    }
    expect(missing).toEqual([]);
    expect(records.filter((r) => r.record.tissue === "bone").length).toBeGreaterThanOrEqual(70);
  });

  it("puts each structure in the model files models/model-files.ts assigns it to, and only those", () => {
    const byId = new Map(loadRecords(ROOT).map((r) => [r.record.id, r.record]));
    const wrong: string[] = [];
    for (const s of manifest.structures) {
      const record = byId.get(s.id);
      const expected = record ? MODELS.filter((m) => inModel(record, m.model)).map((m) => m.model) : [];
      if (s.models.join() !== expected.join()) wrong.push(`${s.node}: in ${s.models.join(", ")}; expected ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it("has unique node names of [a-z0-9-] only, matching the files' nodes and their extras", () => {
    const names = manifest.structures.map((s) => s.node);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const f of manifest.files) {
      const json = glbJson(join(dirA, f.file));
      const structureNodes = json.nodes.filter((n) => n.extras);
      expect(structureNodes.map((n) => n.name).sort()).toEqual([...f.nodes].sort());
      for (const n of structureNodes) {
        const s = manifest.structures.find((x) => x.node === n.name);
        expect(s, `${f.file}: ${n.name}`).toBeDefined();
        expect(n.extras).toEqual({ id: s?.id, side: s?.side, tissue: s?.tissue, layer: s?.layer, region: s?.region });
      }
    }
  });

  it("puts right-side structures at x < 0, left at x > 0 and midline ones across x = 0", () => {
    const wrong: string[] = [];
    for (const s of manifest.structures) {
      const cx = ((s.bbox.min[0] ?? 0) + (s.bbox.max[0] ?? 0)) / 2;
      if (s.side === "r" && !(cx < 0)) wrong.push(`${s.node} centre x ${cx}`);
      if (s.side === "l" && !(cx > 0)) wrong.push(`${s.node} centre x ${cx}`);
      if (s.side === "m" && Math.abs(cx) > 0.01) wrong.push(`${s.node} centre x ${cx}`);
    }
    expect(wrong).toEqual([]);
  });

  it("mirrors the left side exactly", () => {
    for (const s of manifest.structures.filter((x) => x.side === "r")) {
      const l = manifest.structures.find((x) => x.node === `${s.id}-l`);
      expect(l?.bbox.min[0]).toBeCloseTo(-(s.bbox.max[0] ?? 0), 5);
      expect(l?.bbox.min[1]).toBeCloseTo(s.bbox.min[1] ?? 0, 5);
    }
  });
});

describe("skeleton proportions (1.75 m adult, standing)", () => {
  const bbox = (node: string) => {
    const s = manifest.structures.find((x) => x.node === node);
    if (!s) throw new Error(`no ${node}`);
    return s.bbox;
  };

  it("has the shoulder, hip and knee joints at plausible heights", () => {
    expect(landmark("humerus.head-centre")[1]).toBeGreaterThan(1.33);
    expect(landmark("humerus.head-centre")[1]).toBeLessThan(1.5);
    expect(landmark("femur.head-centre")[1]).toBeGreaterThan(0.82);
    expect(landmark("femur.head-centre")[1]).toBeLessThan(0.98);
    expect(landmark("femur.knee-centre")[1]).toBeGreaterThan(0.42);
    expect(landmark("femur.knee-centre")[1]).toBeLessThan(0.56);
  });

  it("stands on the floor, head at about 1.75 m", () => {
    expect(bbox("skull").max[1]).toBeGreaterThan(1.68);
    expect(bbox("skull").max[1]).toBeLessThan(1.82);
    const lowest = Math.min(bbox("calcaneus-r").min[1] ?? 1, bbox("foot-phalanges-r").min[1] ?? 1);
    expect(lowest).toBeGreaterThan(-0.006);
    expect(lowest).toBeLessThan(0.02);
  });

  it("builds bones around their landmarks (each landmark within 6 mm of its bone's box)", () => {
    const checks: [string, string][] = [
      ["humerus-r", "humerus.medial-epicondyle"],
      ["humerus-r", "humerus.lateral-epicondyle"],
      ["humerus-r", "humerus.greater-tubercle"],
      ["radius-r", "radius.styloid"],
      ["ulna-r", "ulna.olecranon"],
      ["scapula-r", "scapula.acromion"],
      ["scapula-r", "scapula.inferior-angle"],
      ["scapula-r", "scapula.coracoid"],
      ["femur-r", "femur.greater-trochanter"],
      ["tibia-r", "tibia.tuberosity"],
      ["fibula-r", "fibula.lateral-malleolus"],
      ["hip-bone-r", "pelvis.asis"],
      ["hip-bone-r", "pelvis.ischial-tuberosity"],
      ["vertebra-c7", "vertebra-c7.spinous-process"],
      ["vertebra-l4", "vertebra-l4.spinous-process"],
      ["pisiform-r", "pisiform"],
      ["hamate-r", "hamate.hook"],
    ];
    const far: string[] = [];
    for (const [node, name] of checks) {
      const b = bbox(node);
      const p = landmark(name);
      const d = Math.hypot(
        ...[0, 1, 2].map((k) => Math.max((b.min[k] ?? 0) - (p[k] as number), 0, (p[k] as number) - (b.max[k] ?? 0))),
      );
      if (d > 0.006) far.push(`${name} is ${(d * 1000).toFixed(1)} mm outside ${node}`);
    }
    expect(far).toEqual([]);
  });

  it.skipIf(!haveSources)(
    "matches the reference skeleton's long-bone lengths within 3% (needs ../shared/anatomy-sources)",
    async () => {
      const { loadWorld } = await import("../../scripts/anatomy-import/sources.ts");
      const { measureBones } = await import("../../scripts/anatomy-import/bones.ts");
      const { toGltfV } = await import("../../scripts/anatomy-import/math.ts");
      const reference = measureBones(loadWorld(sources));
      const off: string[] = [];
      for (const bone of ["humerus", "radius", "ulna", "femur", "tibia", "fibula"]) {
        const ref = reference[bone];
        if (!ref) throw new Error(`no reference ${bone}`);
        const axis = toGltfV(ref.axes[0]);
        const pts = await nodePositions(join(dirA, "skeleton.glb"), `${bone}-r`);
        const along = pts.map((p) => (p[0] ?? 0) * axis[0] + (p[1] ?? 0) * axis[1] + (p[2] ?? 0) * axis[2]);
        const length = Math.max(...along) - Math.min(...along);
        const ratio = length / ref.extents[0];
        if (Math.abs(ratio - 1) > 0.03)
          off.push(`${bone}: ${(length * 1000).toFixed(0)} mm vs ${(ref.extents[0] * 1000).toFixed(0)} mm`);
      }
      expect(off).toEqual([]);
    },
    120_000,
  );
});

describe("generation", () => {
  it("is deterministic: the same inputs give byte-identical files", async () => {
    // One region file generated again, beside the one the build wrote from the same inputs (public/models, whose
    // cache key says which inputs). Other work may edit the repository meanwhile: when the inputs changed during
    // the run, try again (a few times) rather than compare different inputs.
    for (let attempt = 1; ; attempt++) {
      const before = inputsKey(ROOT);
      expect(readFileSync(cacheKeyFile(dirA), "utf8").trim()).toBe(before);
      await generateModels({ outDir: join(dirB, "1"), models: ["upper-limb"] });
      if (inputsKey(ROOT) !== before) {
        if (attempt < 3) continue;
        throw new Error("the inputs kept changing while the determinism test ran");
      }
      const a = readFileSync(join(dirA, "upper-limb.glb"));
      const b = readFileSync(join(dirB, "1", "upper-limb.glb"));
      expect(a.byteLength).toBeGreaterThan(10_000);
      expect(b.equals(a)).toBe(true);
      return;
    }
  }, 240_000);

  it("skips the work when the inputs are unchanged (cache key)", async () => {
    expect(existsSync(join(dirA, ".cache-key"))).toBe(false);
    expect(readFileSync(cacheKeyFile(dirA), "utf8").trim()).toBe(inputsKey(ROOT));
    const again = await generateModels({ outDir: dirA });
    expect(again.skipped).toBe(true);
    expect(again.manifest).toEqual(manifest);
  });

  it("changes the cache key when a record or a schema changes", () => {
    const root = mkdtempSync(join(tmpdir(), "palpate-key-"));
    try {
      mkdirSync(join(root, "content", "anatomy", "bones"), { recursive: true });
      const file = join(root, "content", "anatomy", "bones", "x.yaml");
      writeFileSync(file, "id: x\n");
      const k1 = inputsKey(root);
      expect(inputsKey(root)).toBe(k1);
      writeFileSync(file, "id: y\n");
      const k2 = inputsKey(root);
      expect(k2).not.toBe(k1);
      // The schemas the records are read with count too.
      mkdirSync(join(root, "src", "schemas"), { recursive: true });
      writeFileSync(join(root, "src", "schemas", "anatomy-record.ts"), "export {};\n");
      expect(inputsKey(root)).not.toBe(k2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("names the file and the field of an invalid record", () => {
    const fixture = join(ROOT, "tests", "fixtures", "models", "bad-records");
    expect(() => loadRecords(fixture)).toThrow(
      /content\/anatomy\/bones\/bad-bone\.yaml: geometry\.which: rib needs which: 1\.\.12/,
    );
    expect(() => loadRecords(fixture)).toThrow(/content\/anatomy\/bones\/bad-bone\.yaml: layer:/);
  });
});
