// Writes one model file: one glTF node per structure per side (named `<id>-r`, `<id>-l` or `<id>`), node extras
// {id, side, tissue, layer, region}, one material per tissue, quantized and EXT_meshopt_compression-compressed
// (glTF-Transform + meshoptimizer; no Draco). Byte-identical output for identical input.
import { Document, NodeIO } from "@gltf-transform/core";
import { EXTMeshoptCompression, KHRMeshQuantization } from "@gltf-transform/extensions";
import { meshopt } from "@gltf-transform/functions";
import { MeshoptDecoder, MeshoptEncoder } from "meshoptimizer";
import type { MeshData } from "./types.ts";

export interface NodeSpec {
  name: string;
  mesh: MeshData;
  extras: { id: string; side: "r" | "l" | "m"; tissue: string; layer: number; region: string };
}

/** Display colours per tissue (linear-ish sRGB factors), roughness, and opacity. */
export const TISSUE_LOOK: Record<string, { colour: [number, number, number]; roughness: number; alpha?: number }> = {
  bone: { colour: [0.89, 0.84, 0.72], roughness: 0.72 },
  muscle: { colour: [0.62, 0.16, 0.14], roughness: 0.6 },
  tendon: { colour: [0.86, 0.86, 0.82], roughness: 0.45 },
  ligament: { colour: [0.84, 0.84, 0.8], roughness: 0.45 },
  retinaculum: { colour: [0.84, 0.84, 0.8], roughness: 0.45 },
  "joint-capsule": { colour: [0.82, 0.8, 0.74], roughness: 0.5, alpha: 0.85 },
  fascia: { colour: [0.9, 0.85, 0.78], roughness: 0.55, alpha: 0.6 },
  bursa: { colour: [0.72, 0.8, 0.88], roughness: 0.4, alpha: 0.75 },
  nerve: { colour: [0.92, 0.78, 0.22], roughness: 0.5 },
  vessel: { colour: [0.22, 0.33, 0.68], roughness: 0.5 },
  skin: { colour: [0.88, 0.7, 0.6], roughness: 0.6, alpha: 0.35 },
};

let ready: Promise<void> | undefined;
function encoderReady(): Promise<void> {
  ready ??= Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready]).then(() => undefined);
  return ready;
}

export async function writeGlb(title: string, nodes: NodeSpec[]): Promise<Uint8Array> {
  await encoderReady();
  const doc = new Document();
  doc.getRoot().getAsset().generator = "Palpate model generator (models/build.ts)";
  const buffer = doc.createBuffer();
  const scene = doc.createScene(title);
  doc.getRoot().setDefaultScene(scene);
  const materials = new Map<string, ReturnType<Document["createMaterial"]>>();
  const materialFor = (tissue: string) => {
    let m = materials.get(tissue);
    if (!m) {
      const look = TISSUE_LOOK[tissue] ?? { colour: [0.8, 0.8, 0.8] as [number, number, number], roughness: 0.6 };
      m = doc
        .createMaterial(tissue)
        .setBaseColorFactor([...look.colour, look.alpha ?? 1])
        .setRoughnessFactor(look.roughness)
        .setMetallicFactor(0);
      if (look.alpha !== undefined) m.setAlphaMode("BLEND").setDoubleSided(true);
      materials.set(tissue, m);
    }
    return m;
  };
  for (const spec of nodes) {
    const m = spec.mesh;
    const prim = doc
      .createPrimitive()
      .setAttribute(
        "POSITION",
        doc.createAccessor().setType("VEC3").setArray(new Float32Array(m.positions)).setBuffer(buffer),
      )
      .setAttribute(
        "NORMAL",
        doc.createAccessor().setType("VEC3").setArray(new Float32Array(m.normals)).setBuffer(buffer),
      )
      .setIndices(doc.createAccessor().setType("SCALAR").setArray(new Uint32Array(m.indices)).setBuffer(buffer))
      .setMaterial(materialFor(spec.extras.tissue));
    if (m.fibre) {
      const width = m.fibre.length / (m.positions.length / 3);
      prim.setAttribute(
        "_FIBRE",
        doc
          .createAccessor()
          .setType(width === 2 ? "VEC2" : "SCALAR")
          .setArray(new Float32Array(m.fibre))
          .setBuffer(buffer),
      );
    }
    const mesh = doc.createMesh(spec.name).addPrimitive(prim);
    const node = doc
      .createNode(spec.name)
      .setMesh(mesh)
      .setExtras({ ...spec.extras });
    scene.addChild(node);
  }
  await doc.transform(meshopt({ encoder: MeshoptEncoder, level: "medium" }));
  const io = new NodeIO()
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
    .registerDependencies({ "meshopt.encoder": MeshoptEncoder, "meshopt.decoder": MeshoptDecoder });
  return io.writeBinary(doc);
}
