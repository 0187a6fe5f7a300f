// Geometry block variants for soft tissues (read by models/). Placeholder: the generator defines the real builders.
import { z } from "astro/zod";

export const softGeometrySchema = z.object({ builder: z.literal("soft-todo") }).strict();
