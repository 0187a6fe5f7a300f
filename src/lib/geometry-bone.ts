// Geometry block variants for bones (read by models/). Placeholder: the generator defines the real builders.
import { z } from "astro/zod";

export const boneGeometrySchema = z.object({ builder: z.literal("bone-todo") }).strict();
