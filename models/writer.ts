// Writes one model file: one glTF node per structure per side (named `<id>-r`, `<id>-l` or `<id>`), node extras
// {id, side, tissue, layer, region}, one material per tissue. glTF-Transform builds the document, reorders and
// quantizes it (KHR_mesh_quantization) and NodeIO writes it with interleaved vertex attributes; each buffer view
// is then compressed with EXT_meshopt_compression (one vertex stream per structure, one index stream per file,
// which keeps the JSON small for files with hundreds of structures). No Draco. Byte-identical output for
// identical input.
import { Document, Format, Logger, NodeIO, VertexLayout } from "@gltf-transform/core";
import { KHRMeshQuantization } from "@gltf-transform/extensions";
import { quantize, reorder } from "@gltf-transform/functions";
import { MeshoptEncoder } from "meshoptimizer";
import { linearFactors, tissueLook } from "../src/lib/tissue-colours.ts";
import type { MeshData } from "./types.ts";

export interface NodeSpec {
  name: string;
  mesh: MeshData;
  extras: { id: string; side: "r" | "l" | "m"; tissue: string; layer: number; region: string };
}

export interface WriteOptions {
  /** Position quantization bits (per-mesh volume), default 13. */
  positionBits?: number;
  /** Drop the fibre attribute (overview files). */
  noFibre?: boolean;
}

const EXT = "EXT_meshopt_compression";
const ELEMENT_ARRAY_BUFFER = 34963;

type Json = Record<string, unknown>;

/** Rounds floats in the JSON to 7 significant digits (node transforms, bounds) and drops default fields. */
function tidy(json: Json): void {
  const round = (v: number) => (Number.isInteger(v) ? v : Number(v.toPrecision(7)));
  for (const a of (json["accessors"] as Json[]) ?? []) {
    if (a["normalized"] === false) delete a["normalized"];
    if (a["byteOffset"] === 0) delete a["byteOffset"];
    for (const k of ["min", "max"]) if (Array.isArray(a[k])) a[k] = (a[k] as number[]).map(round);
  }
  for (const n of (json["nodes"] as Json[]) ?? []) {
    for (const k of ["translation", "scale"]) if (Array.isArray(n[k])) n[k] = (n[k] as number[]).map(round);
  }
  for (const m of (json["meshes"] as Json[]) ?? []) delete m["name"];
}

export async function writeGlb(title: string, nodes: NodeSpec[], options: WriteOptions = {}): Promise<Uint8Array> {
  await MeshoptEncoder.ready;
  const doc = new Document();
  doc.setLogger(new Logger(Logger.Verbosity.ERROR));
  doc.getRoot().getAsset().generator = "Palpate models/build.ts";
  const buffer = doc.createBuffer();
  const scene = doc.createScene(title);
  doc.getRoot().setDefaultScene(scene);
  const materials = new Map<string, ReturnType<Document["createMaterial"]>>();
  const materialFor = (tissue: string) => {
    let m = materials.get(tissue);
    if (!m) {
      // The viewer's natural look of the tissue (src/lib/tissue-colours.ts), as linear glTF factors (4 decimals: bytes).
      const look = tissueLook(tissue);
      const [r, g, b] = linearFactors(look.colour).map((v) => Math.round(v * 1e4) / 1e4) as [number, number, number];
      m = doc
        .createMaterial(tissue)
        .setBaseColorFactor([r, g, b, look.opacity ?? 1])
        .setRoughnessFactor(look.roughness)
        .setMetallicFactor(0);
      if (look.opacity !== undefined) m.setAlphaMode("BLEND").setDoubleSided(true);
      materials.set(tissue, m);
    }
    return m;
  };
  const maxVertices = Math.max(...nodes.map((n) => n.mesh.positions.length / 3));
  for (const spec of nodes) {
    const m = spec.mesh;
    // 16-bit index data of an odd number of triangles gets one degenerate triangle more, so each accessor is a
    // whole number of triangles after 4-byte alignment (the merged index stream is encoded as triangles).
    const pad = maxVertices < 65536 && (m.indices.length / 3) % 2 === 1 ? 3 : 0;
    const raw = pad
      ? Uint32Array.from([...m.indices, m.indices[0] ?? 0, m.indices[0] ?? 0, m.indices[0] ?? 0])
      : m.indices;
    const indices = maxVertices < 65536 ? new Uint16Array(raw) : new Uint32Array(raw);
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
      .setIndices(doc.createAccessor().setType("SCALAR").setArray(indices).setBuffer(buffer))
      .setMaterial(materialFor(spec.extras.tissue));
    if (m.fibre && !options.noFibre) {
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
    scene.addChild(
      doc
        .createNode(spec.name)
        .setMesh(mesh)
        .setExtras({ ...spec.extras }),
    );
  }
  await doc.transform(
    reorder({ encoder: MeshoptEncoder, target: "size" }),
    quantize({
      quantizePosition: options.positionBits ?? 14,
      quantizeNormal: 8,
      quantizeGeneric: 8,
      quantizationVolume: "scene",
    }),
  );
  doc.createExtension(KHRMeshQuantization).setRequired(true);
  const io = new NodeIO().registerExtensions([KHRMeshQuantization]).setVertexLayout(VertexLayout.SEPARATE);
  const written = await io.writeJSON(doc, { format: Format.GLB });
  const json = written.json as unknown as Json;
  const list = (k: string): Json[] => (json[k] as Json[] | undefined) ?? [];
  const resources = written.resources;
  const original = Object.values(resources)[0] as Uint8Array;
  const accessors = list("accessors");
  const oldViews = list("bufferViews");
  // Merge buffer views: all index data in one view (glTF-Transform already does), and all vertex data with the
  // same stride in one view, so a file has a handful of compressed streams instead of one per structure.
  const groups = new Map<
    string,
    { stride: number; isIndex: boolean; isNormal: boolean; parts: { view: number; bytes: Uint8Array }[] }
  >();
  const normalAccessors = new Set<number>();
  for (const m of list("meshes")) {
    for (const p of (m["primitives"] as Json[]) ?? [])
      normalAccessors.add((p["attributes"] as Record<string, number>)["NORMAL"] as number);
  }
  oldViews.forEach((view, i) => {
    const isIndex = view["target"] === ELEMENT_ARRAY_BUFFER;
    const users = accessors.filter((a) => a["bufferView"] === i);
    const stride = isIndex ? (users[0]?.["componentType"] === 5125 ? 4 : 2) : (view["byteStride"] as number);
    if (!stride) throw new Error(`${title}: buffer view ${i} has no stride`);
    const isNormal = users.some((a) => normalAccessors.has(accessors.indexOf(a)));
    const key = `${isIndex ? "i" : isNormal ? "n" : "v"}${stride}`;
    const start = (view["byteOffset"] as number) ?? 0;
    const g = groups.get(key) ?? { stride, isIndex, isNormal, parts: [] };
    g.parts.push({ view: i, bytes: original.subarray(start, start + (view["byteLength"] as number)) });
    groups.set(key, g);
  });
  const newViews: Json[] = [];
  const remap = new Map<number, { view: number; shift: number }>();
  const chunks: Uint8Array[] = [];
  let offset = 0;
  let fallbackOffset = 0;
  const order = (g: { isIndex: boolean; isNormal: boolean }) => (g.isIndex ? 0 : g.isNormal ? 2 : 1);
  for (const g of [...groups.values()].sort((a, b) => order(a) - order(b) || a.stride - b.stride)) {
    const length = g.parts.reduce((s, p) => s + p.bytes.byteLength, 0);
    const raw = new Uint8Array(length);
    let shift = 0;
    for (const p of g.parts) {
      raw.set(p.bytes, shift);
      remap.set(p.view, { view: newViews.length, shift });
      shift += p.bytes.byteLength;
    }
    const mode = g.isIndex ? "TRIANGLES" : "ATTRIBUTES";
    const count = length / g.stride;
    let source: Uint8Array = raw;
    let filter: string | undefined;
    if (g.isNormal && g.stride === 4) {
      // Octahedral filter for unit normals (8 bits): decoded back to normalized int8 xyz.
      const floats = new Float32Array(count * 4);
      const ints = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      for (let i = 0; i < count * 4; i++) floats[i] = i % 4 === 3 ? 0 : (ints[i] as number) / 127;
      source = MeshoptEncoder.encodeFilterOct(floats, count, 4, 8);
      filter = "OCTAHEDRAL";
    }
    const packed = MeshoptEncoder.encodeGltfBuffer(source, count, g.stride, mode);
    const view: Json = { buffer: 1, byteOffset: fallbackOffset, byteLength: length };
    if (!g.isIndex) view["byteStride"] = g.stride;
    view["target"] = g.isIndex ? ELEMENT_ARRAY_BUFFER : 34962;
    const ext: Json = {
      buffer: 0,
      byteOffset: offset,
      byteLength: packed.byteLength,
      byteStride: g.stride,
      mode,
      count,
    };
    if (filter) ext["filter"] = filter;
    view["extensions"] = { [EXT]: ext };
    newViews.push(view);
    chunks.push(packed);
    const pad = (4 - (packed.byteLength % 4)) % 4;
    if (pad) chunks.push(new Uint8Array(pad));
    offset += packed.byteLength + pad;
    fallbackOffset += Math.ceil(length / 4) * 4;
  }
  for (const a of accessors) {
    const r = remap.get(a["bufferView"] as number);
    if (!r) throw new Error(`${title}: accessor without a buffer view`);
    a["bufferView"] = r.view;
    a["byteOffset"] = ((a["byteOffset"] as number) ?? 0) + r.shift;
  }
  json["bufferViews"] = newViews;
  // Quantization used one volume for the scene: every structure node has the same dequantizing transform. Move
  // it to one parent node so the structure nodes carry only their name, extras and mesh.
  const nodesJson = list("nodes");
  const sceneJson = list("scenes")[0] ?? { nodes: [] };
  const first = nodesJson[0];
  const same = (k: string) => nodesJson.every((n) => JSON.stringify(n[k]) === JSON.stringify(first?.[k]));
  if (first && same("translation") && same("scale") && !nodesJson.some((n) => n["rotation"] || n["children"])) {
    const parent: Json = {
      name: `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-model`,
      children: sceneJson["nodes"],
    };
    if (first["translation"]) parent["translation"] = first["translation"];
    if (first["scale"]) parent["scale"] = first["scale"];
    for (const n of nodesJson) {
      delete n["translation"];
      delete n["scale"];
    }
    nodesJson.push(parent);
    sceneJson["nodes"] = [nodesJson.length - 1];
  }
  for (const m of list("meshes")) {
    for (const p of (m["primitives"] as Json[]) ?? []) if (p["mode"] === 4) delete p["mode"];
  }
  json["buffers"] = [{ byteLength: offset }, { byteLength: fallbackOffset, extensions: { [EXT]: { fallback: true } } }];
  json["extensionsUsed"] = [...new Set([...((json["extensionsUsed"] as string[]) ?? []), EXT])].sort();
  json["extensionsRequired"] = [...new Set([...((json["extensionsRequired"] as string[]) ?? []), EXT])].sort();
  tidy(json);
  const compressed = new Uint8Array(offset);
  let o = 0;
  for (const c of chunks) {
    compressed.set(c, o);
    o += c.byteLength;
  }
  return glb(JSON.stringify(json), compressed);
}

/** GLB container: header, JSON chunk (space-padded), BIN chunk (zero-padded). */
function glb(jsonText: string, binChunk: Uint8Array): Uint8Array {
  const jsonBytes = new TextEncoder().encode(jsonText);
  const jsonLen = Math.ceil(jsonBytes.byteLength / 4) * 4;
  const binLen = Math.ceil(binChunk.byteLength / 4) * 4;
  const total = 12 + 8 + jsonLen + 8 + binLen;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x46546c67, true);
  dv.setUint32(4, 2, true);
  dv.setUint32(8, total, true);
  dv.setUint32(12, jsonLen, true);
  dv.setUint32(16, 0x4e4f534a, true);
  out.fill(0x20, 20, 20 + jsonLen);
  out.set(jsonBytes, 20);
  dv.setUint32(20 + jsonLen, binLen, true);
  dv.setUint32(24 + jsonLen, 0x004e4942, true);
  out.set(binChunk, 28 + jsonLen);
  return out;
}
