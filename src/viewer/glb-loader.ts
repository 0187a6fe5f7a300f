// Reads the model files the generator writes (models/writer.ts): GLB with EXT_meshopt_compression buffer views,
// KHR_mesh_quantization attributes, one mesh per structure node with its extras. Only what those files use, so
// the 3D chunk does not carry three's full GLTFLoader (animation, skinning, textures, materials: about 22 KB gzip);
// a file using anything else is refused with an error naming it, not drawn wrongly.
import {
  BufferAttribute,
  BufferGeometry,
  Group,
  InterleavedBuffer,
  InterleavedBufferAttribute,
  Mesh,
  MeshBasicMaterial,
  type Object3D,
  type TypedArray,
} from "three";
import { MeshoptDecoder } from "three/examples/jsm/libs/meshopt_decoder.module.js";

interface GltfJson {
  asset?: { version?: string };
  extensionsRequired?: string[];
  buffers?: { byteLength: number; extensions?: Record<string, unknown> }[];
  bufferViews?: {
    buffer: number;
    byteOffset?: number;
    byteLength: number;
    byteStride?: number;
    extensions?: {
      EXT_meshopt_compression?: {
        buffer: number;
        byteOffset?: number;
        byteLength: number;
        byteStride: number;
        mode: "ATTRIBUTES" | "TRIANGLES" | "INDICES";
        count: number;
        filter?: "NONE" | "OCTAHEDRAL" | "QUATERNION" | "EXPONENTIAL";
      };
    };
  }[];
  accessors?: {
    bufferView?: number;
    byteOffset?: number;
    componentType: number;
    normalized?: boolean;
    count: number;
    type: keyof typeof ITEM_SIZE;
  }[];
  meshes?: { primitives: { attributes: Record<string, number>; indices?: number; mode?: number }[] }[];
  nodes?: {
    name?: string;
    mesh?: number;
    children?: number[];
    translation?: [number, number, number];
    rotation?: [number, number, number, number];
    scale?: [number, number, number];
    extras?: Record<string, unknown>;
  }[];
  scenes?: { nodes?: number[] }[];
  scene?: number;
}

const ITEM_SIZE = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 } as const;
const ARRAYS: Record<
  number,
  { new (buffer: ArrayBuffer, offset: number, length: number): TypedArray; BYTES_PER_ELEMENT: number }
> = {
  5120: Int8Array,
  5121: Uint8Array,
  5122: Int16Array,
  5123: Uint16Array,
  5125: Uint32Array,
  5126: Float32Array,
};
/** Extensions these files may require; any other required extension is refused. */
const UNDERSTOOD = new Set(["EXT_meshopt_compression", "KHR_mesh_quantization"]);
const GLB_MAGIC = 0x46546c67;
const JSON_CHUNK = 0x4e4f534a;
const BIN_CHUNK = 0x004e4942;

/** One placeholder material: the viewer draws every mesh with its own materials (materials.ts). */
let placeholder: MeshBasicMaterial | null = null;

/** glTF attribute name -> three's, as GLTFLoader names them (POSITION -> position, _FIBRE -> _fibre). */
const attributeName = (name: string) => name.toLowerCase();

/** Parses a model file; throws an Error naming `url` and what is wrong. */
export async function parseGlb(data: ArrayBuffer, url: string): Promise<Group> {
  const fail = (what: string): never => {
    throw new Error(`${url}: ${what}`);
  };
  if (data.byteLength < 20) fail("not a GLB file (too short)");
  const view = new DataView(data);
  if (view.getUint32(0, true) !== GLB_MAGIC) fail("not a GLB file");
  if (view.getUint32(8, true) > data.byteLength) fail("truncated (shorter than its header says)");
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== JSON_CHUNK || 20 + jsonLength > data.byteLength) fail("no JSON chunk");
  let json: GltfJson;
  try {
    json = JSON.parse(new TextDecoder().decode(new Uint8Array(data, 20, jsonLength))) as GltfJson;
  } catch {
    return fail("its JSON chunk is not valid JSON");
  }
  let bin: Uint8Array | null = null;
  const binStart = 20 + jsonLength;
  if (binStart + 8 <= data.byteLength && view.getUint32(binStart + 4, true) === BIN_CHUNK) {
    const binLength = view.getUint32(binStart, true);
    if (binStart + 8 + binLength > data.byteLength) fail("truncated binary chunk");
    bin = new Uint8Array(data, binStart + 8, binLength);
  }
  for (const ext of json.extensionsRequired ?? [])
    if (!UNDERSTOOD.has(ext)) fail(`needs ${ext}, which the viewer cannot read`);

  await MeshoptDecoder.ready;
  const views = new Map<number, Uint8Array>();
  const decodedView = (index: number): Uint8Array => {
    const known = views.get(index);
    if (known) return known;
    const bv = json.bufferViews?.[index] ?? fail(`buffer view ${index} missing`);
    const ext = bv.extensions?.EXT_meshopt_compression;
    let bytes: Uint8Array;
    if (ext) {
      if (ext.buffer !== 0 || !bin) fail(`buffer view ${index}: compressed data outside the binary chunk`);
      const start = ext.byteOffset ?? 0;
      if (start + ext.byteLength > (bin?.byteLength ?? 0)) fail(`buffer view ${index}: past the end of the data`);
      bytes = new Uint8Array(ext.count * ext.byteStride);
      const source = (bin as Uint8Array).subarray(start, start + ext.byteLength);
      try {
        MeshoptDecoder.decodeGltfBuffer(bytes, ext.count, ext.byteStride, source, ext.mode, ext.filter ?? "NONE");
      } catch (error) {
        fail(`buffer view ${index} could not be decoded (${(error as Error).message})`);
      }
    } else {
      if (bv.buffer !== 0 || !bin) fail(`buffer view ${index}: data outside the binary chunk`);
      const start = bv.byteOffset ?? 0;
      if (start + bv.byteLength > (bin?.byteLength ?? 0)) fail(`buffer view ${index}: past the end of the data`);
      bytes = (bin as Uint8Array).slice(start, start + bv.byteLength);
    }
    views.set(index, bytes);
    return bytes;
  };
  const accessor = (index: number): BufferAttribute | InterleavedBufferAttribute => {
    const a = json.accessors?.[index] ?? fail(`accessor ${index} missing`);
    const Array_ = ARRAYS[a.componentType] ?? fail(`accessor ${index}: component type ${a.componentType}`);
    const itemSize = ITEM_SIZE[a.type] ?? fail(`accessor ${index}: type ${a.type}`);
    if (a.bufferView === undefined) fail(`accessor ${index}: no buffer view`);
    const bytes = decodedView(a.bufferView as number);
    const bv = json.bufferViews?.[a.bufferView as number];
    const element = Array_.BYTES_PER_ELEMENT;
    const stride = bv?.extensions?.EXT_meshopt_compression?.byteStride ?? bv?.byteStride ?? itemSize * element;
    const offset = a.byteOffset ?? 0;
    const normalized = a.normalized === true;
    if (stride === itemSize * element) {
      if (offset + a.count * stride > bytes.byteLength) fail(`accessor ${index}: past the end of its buffer view`);
      const array = new Array_(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, a.count * itemSize);
      return new BufferAttribute(array, itemSize, normalized);
    }
    if (stride % element !== 0 || offset % element !== 0) fail(`accessor ${index}: misaligned`);
    const start = Math.floor(offset / stride) * stride;
    const count = Math.ceil((offset + a.count * stride - start) / stride);
    if (start + count * stride > bytes.byteLength) fail(`accessor ${index}: past the end of its buffer view`);
    const array = new Array_(bytes.buffer as ArrayBuffer, bytes.byteOffset + start, (count * stride) / element);
    const buffer = new InterleavedBuffer(array, stride / element);
    return new InterleavedBufferAttribute(buffer, itemSize, (offset - start) / element, normalized);
  };

  placeholder ??= new MeshBasicMaterial();
  const material = placeholder;
  const build = (index: number, depth: number): Object3D => {
    if (depth > 32) fail("nodes nested too deep");
    const n = json.nodes?.[index] ?? fail(`node ${index} missing`);
    let object: Object3D;
    if (n.mesh !== undefined) {
      const mesh = json.meshes?.[n.mesh] ?? fail(`mesh ${n.mesh} missing`);
      const prim = mesh.primitives[0];
      if (!prim || mesh.primitives.length !== 1) fail(`mesh ${n.mesh}: one primitive expected`);
      if ((prim?.mode ?? 4) !== 4) fail(`mesh ${n.mesh}: triangles expected`);
      const geometry = new BufferGeometry();
      for (const [name, a] of Object.entries(prim?.attributes ?? {}))
        geometry.setAttribute(attributeName(name), accessor(a));
      if (prim?.indices !== undefined) {
        const indices = accessor(prim.indices);
        if (!(indices instanceof BufferAttribute)) fail(`mesh ${n.mesh}: interleaved indices`);
        geometry.setIndex(indices as BufferAttribute);
      }
      object = new Mesh(geometry, material);
    } else object = new Group();
    object.name = n.name ?? "";
    if (n.extras) object.userData = { ...n.extras };
    if (n.translation) object.position.fromArray(n.translation);
    if (n.rotation) object.quaternion.fromArray(n.rotation);
    if (n.scale) object.scale.fromArray(n.scale);
    for (const child of n.children ?? []) object.add(build(child, depth + 1));
    return object;
  };
  const scene = new Group();
  for (const index of json.scenes?.[json.scene ?? 0]?.nodes ?? []) scene.add(build(index, 0));
  return scene;
}

/** Fetches and parses a model file. */
export async function loadGlb(url: string): Promise<Group> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return parseGlb(await response.arrayBuffer(), url);
}
