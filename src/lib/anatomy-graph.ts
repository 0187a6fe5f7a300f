// The anatomy graph: which teaching pages point at each structure, and how the atlas groups structures.
// Pure TypeScript (no astro:content, no DOM) so it can be tested directly and reused by pages and tests.

import { REGION_LABELS, REGIONS, type Region } from "./regions.ts";

/** Tissues in the order the atlas lists them (muscles first: students look them up most). */
export const ATLAS_TISSUES = [
  "muscle",
  "tendon",
  "fascia",
  "retinaculum",
  "ligament",
  "joint-capsule",
  "bursa",
  "cartilage",
  "nerve",
  "vessel",
  "organ",
  "bone",
  "skin",
  "zone",
] as const;
export type AtlasTissue = (typeof ATLAS_TISSUES)[number];

/** Plural heading text for each tissue. */
export const TISSUE_LABELS: Readonly<Record<AtlasTissue, string>> = {
  muscle: "Muscles",
  tendon: "Tendons",
  fascia: "Fascia",
  retinaculum: "Retinacula",
  ligament: "Ligaments",
  "joint-capsule": "Joint capsules",
  bursa: "Bursae",
  cartilage: "Cartilage",
  nerve: "Nerves",
  vessel: "Vessels",
  organ: "Organs",
  bone: "Bones",
  skin: "Skin",
  zone: "Endangerment sites",
};

/** Singular text for one structure's tissue ("Muscle", "Joint capsule"). */
export function tissueName(tissue: string): string {
  if (tissue === "zone") return "Endangerment site";
  const text = tissue.replace(/-/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The fields of an anatomy record the graph needs. */
export interface StructureFacts {
  id: string;
  name: string;
  aliases: string[];
  tissue: string;
  regions: string[];
  layer: number;
  group: string;
  palpation?: string | undefined;
  referredPain?:
    | { patches: { centre: [number, number, number] }[]; view?: "anterior" | "posterior" | "lateral" | undefined }
    | undefined;
}

/** One 3D figure a page shows (frontmatter `anatomy`). */
export interface ViewerUse {
  model?: string | undefined;
  focus: string[];
  secondary: string[];
  referredPain?: string | undefined;
  /** Camera preset, side and framed ids, when the figure names them (the visibility test frames as the viewer). */
  view?: string | undefined;
  side?: string | undefined;
  frame?: string[] | undefined;
}

/** The teaching collections that can point at a structure. */
export type PageKind = "conditions" | "techniques" | "lessons";

/** A teaching page as the graph sees it. */
export interface TeachingPage {
  kind: PageKind;
  id: string;
  title: string;
  /** Frontmatter figures (every teaching page places its figures from frontmatter `anatomy`). */
  specs: readonly ViewerUse[];
}

/** How a page involves a structure: a main target (focus or referred pain) or a tissue also marked. */
export type Role = "focus" | "secondary";

export interface PageLinkOut {
  kind: PageKind;
  id: string;
  title: string;
  href: string;
  role: Role;
}

/** Site path of a teaching page. */
export function pageHref(kind: PageKind, id: string): string {
  return kind === "lessons" ? `/learn/${id}/` : `/${kind}/${id}/`;
}

/** Every structure id a page points at, with the strongest role it gives each (focus beats secondary). */
export function structuresOfPage(page: TeachingPage): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const use of page.specs) {
    for (const id of [...use.focus, ...(use.referredPain ? [use.referredPain] : [])]) roles.set(id, "focus");
    for (const id of use.secondary) if (!roles.has(id)) roles.set(id, "secondary");
  }
  return roles;
}

const KIND_ORDER: readonly PageKind[] = ["conditions", "techniques", "lessons"];

/**
 * For every structure id, the pages that point at it, sorted by kind, then role (focus first), then title.
 * Ids that no page names are absent; ids that are not anatomy records are kept (the caller decides).
 */
export function pagesByStructure(pages: readonly TeachingPage[]): Map<string, PageLinkOut[]> {
  const index = new Map<string, PageLinkOut[]>();
  for (const page of pages) {
    for (const [id, role] of structuresOfPage(page)) {
      const list = index.get(id) ?? [];
      list.push({ kind: page.kind, id: page.id, title: page.title, href: pageHref(page.kind, page.id), role });
      index.set(id, list);
    }
  }
  for (const list of index.values()) {
    list.sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        (a.role === b.role ? 0 : a.role === "focus" ? -1 : 1) ||
        a.title.localeCompare(b.title),
    );
  }
  return index;
}

/** Structure ids named by any page that are not in `known` (for integrity tests and build errors). */
export function unknownStructureIds(pages: readonly TeachingPage[], known: ReadonlySet<string>): string[] {
  const missing = new Set<string>();
  for (const page of pages) for (const id of structuresOfPage(page).keys()) if (!known.has(id)) missing.add(id);
  return [...missing].sort();
}

/** The region a structure is filed under: its home region (first in `regions`). */
export function homeRegion(s: Pick<StructureFacts, "id" | "regions">): Region {
  const region = s.regions[0];
  if (!region || !(REGIONS as readonly string[]).includes(region)) {
    throw new Error(`content/anatomy/**/${s.id}.yaml: regions[0] "${region}" is not an atlas region.`);
  }
  return region as Region;
}

export interface TissueGroup<T> {
  tissue: AtlasTissue;
  label: string;
  items: T[];
}
export interface RegionGroup<T> {
  region: Region;
  label: string;
  tissues: TissueGroup<T>[];
}

/** Structures grouped by home region (head to foot), then by tissue, then by name; empty groups left out. */
export function structuresByRegionAndTissue<T extends StructureFacts>(structures: readonly T[]): RegionGroup<T>[] {
  const sorted = [...structures].sort((a, b) => a.name.localeCompare(b.name));
  return REGIONS.map((region) => ({
    region,
    label: REGION_LABELS[region],
    tissues: ATLAS_TISSUES.map((tissue) => ({
      tissue,
      label: TISSUE_LABELS[tissue],
      items: sorted.filter((s) => homeRegion(s) === region && s.tissue === tissue),
    })).filter((g) => g.items.length > 0),
  })).filter((g) => g.tissues.length > 0);
}

/** A model file the viewer can load, and the structure ids it contains (undefined: not known yet). */
export interface ModelContents {
  model: string;
  ids?: ReadonlySet<string> | undefined;
}

/**
 * The model an atlas page shows a structure in: the first of its regions whose model contains it, else the
 * whole body, else the skeleton; when no model lists it yet (models not generated for that region), its home
 * region's model if it exists, else the whole body. Never a model the viewer does not have.
 */
export function atlasModel(s: Pick<StructureFacts, "id" | "regions" | "tissue">, models: readonly ModelContents[]) {
  const byName = new Map(models.map((m) => [m.model, m]));
  const candidates = [...s.regions, "body", ...(s.tissue === "bone" ? ["skeleton"] : [])];
  for (const name of candidates) {
    const m = byName.get(name);
    if (m && (m.ids === undefined || m.ids.has(s.id))) return name;
  }
  for (const name of [...s.regions, "body"]) if (byName.has(name)) return name;
  return models[0]?.model ?? "body";
}

/** Camera presets the atlas picks from. */
export type AtlasView = "anterior" | "posterior" | "lateral";

const POSITION_WORDS: readonly [RegExp, AtlasView][] = [
  [/\bprone\b/i, "posterior"],
  [/\bsupine\b/i, "anterior"],
  [/\bside-lying\b/i, "lateral"],
  [/\bpronated\b/i, "posterior"],
  [/\bsupinated\b/i, "anterior"],
];

/**
 * The side the atlas first shows a structure from. A referred-pain zone decides by where most of it lies
 * (front or back of the body); otherwise the first client position in the palpation guide does, because that
 * is the side a student works from (prone: back; supine: front; side-lying: side). Anterior when neither says.
 */
export function atlasView(s: Pick<StructureFacts, "palpation" | "referredPain">): AtlasView {
  const patches = s.referredPain?.patches ?? [];
  if (s.referredPain?.view) return s.referredPain.view;
  if (patches.length > 0) {
    const back = patches.filter((p) => p.centre[2] < 0).length;
    return back * 2 >= patches.length ? "posterior" : "anterior";
  }
  const text = s.palpation ?? "";
  let best: { at: number; view: AtlasView } | undefined;
  for (const [pattern, view] of POSITION_WORDS) {
    const at = text.search(pattern);
    if (at >= 0 && (!best || at < best.at)) best = { at, view };
  }
  return best?.view ?? "anterior";
}

/** Lower-case text a filter box matches against: name, aliases, group, tissue. */
export function filterText(s: Pick<StructureFacts, "name" | "aliases" | "group" | "tissue">): string {
  return [s.name, ...s.aliases, s.group, s.tissue.replace(/-/g, " ")].join(" | ").toLowerCase();
}
