// The generator's manifest (public/models/manifest.json): what each model file holds. One definition for the
// generator, the pages that read it at build time and the tests.

type Side = "r" | "l" | "m";

/** One model file: a model's first-load file or one of its parts (src/lib/model-parts.ts). */
export interface ManifestFile {
  model: string;
  /** "" for the first-load file (`<model>.glb`), else the layer group of the part (`<model>.<part>.glb`). */
  part: string;
  file: string;
  title: string;
  /** Layer groups of the structures in the file. */
  groups: string[];
  bytes: number;
  triangles: number;
  bbox: { min: number[]; max: number[] };
  nodes: string[];
}
/** One structure on one side, and the files that contain it. */
export interface ManifestStructure {
  id: string;
  side: Side;
  node: string;
  name: string;
  tissue: string;
  layer: number;
  region: string;
  models: string[];
  bbox: { min: number[]; max: number[] };
  triangles: number;
}
/** The whole manifest. */
export interface Manifest {
  version: 1;
  files: ManifestFile[];
  structures: ManifestStructure[];
}
