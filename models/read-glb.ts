// Reads a generated model back (meshopt glTF): each structure node's extras and its triangles in world space.
// For the tests and build-time checks that measure what the viewer will draw.
import { NodeIO } from "@gltf-transform/core";
import { EXTMeshoptCompression, KHRMeshQuantization } from "@gltf-transform/extensions";
import { MeshoptDecoder } from "meshoptimizer";

export interface ModelNode {
  name: string;
  id: string;
  side: "r" | "l" | "m";
  tissue: string;
  layer: number;
  /** World positions, x y z interleaved. */
  positions: Float32Array;
  indices: Uint32Array;
}

export async function readModelNodes(path: string): Promise<ModelNode[]> {
  await MeshoptDecoder.ready;
  const io = new NodeIO()
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
    .registerDependencies({ "meshopt.decoder": MeshoptDecoder });
  const doc = await io.read(path);
  const out: ModelNode[] = [];
  const e: number[] = [];
  for (const node of doc.getRoot().listNodes()) {
    const x = node.getExtras() as { id?: unknown; side?: unknown; tissue?: unknown; layer?: unknown };
    const mesh = node.getMesh();
    if (typeof x.id !== "string" || !mesh) continue;
    const m = node.getWorldMatrix();
    const positions: number[] = [];
    const indices: number[] = [];
    for (const prim of mesh.listPrimitives()) {
      const position = prim.getAttribute("POSITION");
      if (!position) continue;
      const base = positions.length / 3;
      for (let i = 0; i < position.getCount(); i++) {
        position.getElement(i, e);
        const [px = 0, py = 0, pz = 0] = e;
        positions.push(
          m[0] * px + m[4] * py + m[8] * pz + m[12],
          m[1] * px + m[5] * py + m[9] * pz + m[13],
          m[2] * px + m[6] * py + m[10] * pz + m[14],
        );
      }
      const index = prim.getIndices();
      if (index) for (let i = 0; i < index.getCount(); i++) indices.push(base + (index.getScalar(i) as number));
      else for (let i = 0; i < position.getCount(); i++) indices.push(base + i);
    }
    out.push({
      name: node.getName(),
      id: x.id,
      side: x.side === "r" || x.side === "l" ? x.side : "m",
      tissue: typeof x.tissue === "string" ? x.tissue : "muscle",
      layer: Number(x.layer) || 1,
      positions: Float32Array.from(positions),
      indices: Uint32Array.from(indices),
    });
  }
  return out;
}
