// Schema of the `geometry` block of an anatomy record: what the model generator reads.
// Bones (geometry-bone.ts) and soft tissues (geometry-soft.ts) each define their own builders (discriminated by
// `builder`, so an error names the field of the chosen builder rather than every alternative).
import { z } from "zod";
import { boneGeometrySchema } from "./geometry-bone.ts";
import { softGeometrySchema } from "./geometry-soft.ts";

export const geometrySchema = z.discriminatedUnion("builder", [boneGeometrySchema, softGeometrySchema]);
export type Geometry = z.infer<typeof geometrySchema>;
