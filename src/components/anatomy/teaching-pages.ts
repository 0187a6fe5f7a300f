// Loads the lessons, conditions and techniques as the anatomy graph sees them (title and frontmatter 3D figures),
// once per build, so every atlas page reads the same computed cross-links.
import { getCollection } from "astro:content";
import { type PageLinkOut, pagesByStructure, type TeachingPage } from "../../lib/anatomy-graph.ts";

let cached: Promise<{ pages: TeachingPage[]; byStructure: Map<string, PageLinkOut[]> }> | undefined;

async function load() {
  const [conditions, techniques, lessons] = await Promise.all([
    getCollection("conditions"),
    getCollection("techniques"),
    getCollection("lessons"),
  ]);
  const pages: TeachingPage[] = [
    ...conditions.map((e) => ({
      kind: "conditions" as const,
      id: e.id,
      title: e.data.title,
      specs: e.data.anatomy,
    })),
    ...techniques.map((e) => ({
      kind: "techniques" as const,
      id: e.id,
      title: e.data.title,
      // Figures, plus one per referred-pain zone the guide draws (3D and picture).
      specs: [
        ...e.data.anatomy,
        ...e.data.referredPainZones.map((z) => ({ focus: [z.id], secondary: [], referredPain: z.id })),
      ],
    })),
    ...lessons.map((e) => ({ kind: "lessons" as const, id: e.id, title: e.data.title, specs: e.data.anatomy })),
  ];
  return { pages, byStructure: pagesByStructure(pages) };
}

/** Every teaching page and, for each structure id, the pages that show it. */
export function teachingGraph() {
  cached ??= load();
  return cached;
}
