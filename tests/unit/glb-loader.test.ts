// The viewer's model reader (src/viewer/glb-loader.ts) against glTF-Transform's (models/read-glb.ts): the same
// nodes, extras and world-space vertices, for a file the generator's writer makes and for the e2e fixture; and a
// clear error for what is not such a file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Mesh, Object3D } from "three";
import { Vector3 } from "three";
import { afterAll, describe, expect, it } from "vitest";
import { type ModelNode, readModelNodes } from "../../models/read-glb.ts";
import type { MeshData } from "../../models/types.ts";
import { writeGlb } from "../../models/writer.ts";
import { parseGlb } from "../../src/viewer/glb-loader.ts";

const dir = mkdtempSync(join(tmpdir(), "palpate-glb-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small tube along y at x, so every node has different coordinates. */
function tube(x: number, withFibre: boolean): MeshData {
  const positions: number[] = [];
  const normals: number[] = [];
  const fibre: number[] = [];
  const indices: number[] = [];
  const ring = 8;
  for (let j = 0; j <= 4; j++) {
    for (let i = 0; i < ring; i++) {
      const a = (i / ring) * Math.PI * 2;
      positions.push(x + 0.01 * Math.cos(a), 1 + 0.05 * j, 0.01 * Math.sin(a));
      normals.push(Math.cos(a), 0, Math.sin(a));
      fibre.push(j / 4);
    }
  }
  for (let j = 0; j < 4; j++) {
    for (let i = 0; i < ring; i++) {
      const a = j * ring + i;
      const b = j * ring + ((i + 1) % ring);
      indices.push(a, a + ring, b, b, a + ring, b + ring);
    }
  }
  return {
    positions: Float32Array.from(positions),
    normals: Float32Array.from(normals),
    indices: Uint32Array.from(indices),
    ...(withFibre ? { fibre: Float32Array.from(fibre) } : {}),
  };
}

async function parseFile(file: string): Promise<Object3D> {
  const bytes = readFileSync(file);
  return parseGlb(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), file);
}

/** Structure nodes (those with extras) of a parsed scene, with world-space vertices. */
function structures(scene: Object3D): { name: string; extras: Record<string, unknown>; points: number[][] }[] {
  scene.updateMatrixWorld(true);
  const out: { name: string; extras: Record<string, unknown>; points: number[][] }[] = [];
  scene.traverse((o) => {
    if (typeof o.userData["id"] !== "string") return;
    const points: number[][] = [];
    o.traverse((m) => {
      if (!(m as Mesh).isMesh) return;
      const position = (m as Mesh).geometry.getAttribute("position");
      const v = new Vector3();
      for (let i = 0; i < position.count; i++)
        points.push(v.fromBufferAttribute(position, i).applyMatrix4(m.matrixWorld).toArray());
    });
    out.push({ name: o.name, extras: { ...o.userData }, points });
  });
  return out;
}

function expectSame(ours: ReturnType<typeof structures>, reference: ModelNode[]) {
  expect(ours.map((n) => n.name).sort()).toEqual(reference.map((n) => n.name).sort());
  for (const ref of reference) {
    const node = ours.find((n) => n.name === ref.name);
    expect(node?.extras).toMatchObject({ id: ref.id, side: ref.side, tissue: ref.tissue });
    const points = node?.points ?? [];
    expect(points.length * 3).toBe(ref.positions.length);
    let worst = 0;
    points.forEach((p, i) => {
      for (let k = 0; k < 3; k++) worst = Math.max(worst, Math.abs((p[k] ?? 0) - (ref.positions[3 * i + k] ?? 0)));
    });
    expect(worst, ref.name).toBeLessThan(1e-5);
  }
}

describe("the viewer's GLB reader", () => {
  it("reads what the generator writes: nodes, extras, vertices, normals and the fibre attribute", async () => {
    const file = join(dir, "written.glb");
    const extras = (id: string, side: "r" | "l" | "m") => ({
      id,
      side,
      tissue: "muscle",
      layer: 1,
      region: "upper-limb",
    });
    const glb = await writeGlb("Test", [
      { name: "a-r", mesh: tube(-0.1, true), extras: extras("a", "r") },
      { name: "a-l", mesh: tube(0.1, true), extras: extras("a", "l") },
      { name: "b", mesh: tube(0, false), extras: { ...extras("b", "m"), tissue: "nerve", layer: 3 } },
    ]);
    writeFileSync(file, glb);
    const scene = await parseFile(file);
    expectSame(structures(scene), await readModelNodes(file));
    const meshes: Mesh[] = [];
    scene.traverse((o) => {
      if ((o as Mesh).isMesh) meshes.push(o as Mesh);
    });
    expect(meshes).toHaveLength(3);
    for (const m of meshes) {
      const normal = m.geometry.getAttribute("normal");
      expect(normal.count).toBe(m.geometry.getAttribute("position").count);
      // Unit normals after decoding (octahedral filter, 8 bits): within a few percent of length 1.
      const n = new Vector3().fromBufferAttribute(normal, 0);
      expect(n.length()).toBeGreaterThan(0.95);
      expect(m.geometry.getIndex()?.count).toBe(4 * 8 * 6);
    }
    expect(meshes.filter((m) => m.geometry.getAttribute("_fibre")).length).toBe(2);
  });

  it("reads the e2e fixture (glTF-Transform's own meshopt layout)", async () => {
    const file = new URL("../fixtures/viewer/upper-limb.glb", import.meta.url).pathname;
    expectSame(structures(await parseFile(file)), await readModelNodes(file));
  });

  it("refuses what is not a model file, naming it", async () => {
    const html = new TextEncoder().encode("<!doctype html><title>Not found</title>".padEnd(64, " "));
    await expect(parseGlb(html.buffer as ArrayBuffer, "/models/x.glb")).rejects.toThrow(/\/models\/x\.glb: not a GLB/);
    const file = join(dir, "written.glb");
    const bytes = readFileSync(file);
    const truncated = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + Math.floor(bytes.byteLength / 2));
    await expect(parseGlb(truncated, "/models/y.glb")).rejects.toThrow(/\/models\/y\.glb: truncated/);
  });
});
