// Types shared by the generator modules (bones, soft tissues, writer).

/** A point or vector in the glTF body frame: metres, +Y up, body faces +Z, body's right is -X. */
export type Vec3 = [number, number, number];

/** An indexed triangle mesh, ready for the glTF writer. */
export interface MeshData {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
  /** Optional per-vertex scalar the viewer's shader may use (e.g. fibre coordinate along a muscle, 0..1). */
  fibre?: Float32Array;
  /** Set by a builder that returned only the right half of a midline structure: the generator adds its mirror. */
  rightHalf?: true;
}
