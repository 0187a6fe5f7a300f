// The generator's manifest (public/models/manifest.json): what each model file holds. One definition for the
// generator, the pages that read it at build time and the tests.

type Side = "r" | "l" | "m";

/** One model file. */
export interface ManifestFile {
  model: string;
  file: string;
  title: string;
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
