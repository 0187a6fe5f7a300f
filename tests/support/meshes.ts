// Right-side meshes of anatomy records for the builder tests: the ones the last models build kept
// (models/mesh-cache.ts) while its inputs are unchanged, otherwise built here (slow, but the same result).
import { buildBone } from "../../models/bones/index.ts";
import { inputsKey } from "../../models/build.ts";
import { loadRawMesh } from "../../models/mesh-cache.ts";
import { type LoadedRecord, loadRecords } from "../../models/records.ts";
import { buildSoftTissue } from "../../models/soft/index.ts";
import type { MeshData } from "../../models/types.ts";

export const ROOT = new URL("../../", import.meta.url).pathname;
export const records: LoadedRecord[] = loadRecords(ROOT);
export const byId = new Map(records.map((r) => [r.record.id, r]));

const key = inputsKey(ROOT);
const meshes = new Map<string, MeshData>();

/** A structure's right-side mesh (soft tissue or bone), as the last models build made it. */
export function mesh(id: string): MeshData {
  let m = meshes.get(id);
  if (!m) {
    const r = byId.get(id);
    if (!r) throw new Error(`no record ${id}`);
    const g = r.record.geometry;
    const built = loadRawMesh(ROOT, id, key) ?? (g?.builder === "bone" ? buildBone(g) : buildSoftTissue(r.record, "r"));
    if (!built) throw new Error(`${id}: no geometry`);
    m = built;
    meshes.set(id, m);
  }
  return m;
}
