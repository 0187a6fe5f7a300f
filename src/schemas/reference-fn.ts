// The type of Astro's `reference()` helper. It can only be called in src/content.config.ts, so schemas with fields
// that point at other collections are builders taking it as a parameter; type-only, so tests and the model
// generator can import those files without Astro.
import type { reference } from "astro:content";

export type ReferenceFn = typeof reference;
