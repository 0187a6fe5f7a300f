// Target volumes of muscles, from one rule (models/README.md, "Target volumes"):
//   1. a part that states `volumeReason` keeps its own `volumeCm3` (without one it has no target: its shape is given
//      by maxRadiusMm or thicknessMm, for the reason stated);
//   2. otherwise its reference family's summed volume: every reference path matched by its `volumeFrom` patterns,
//      or, without them, every reference path its geometry names (`from:` in its path, fascicles and slips), each
//      counted once;
//   3. otherwise (no reference path) its own `volumeCm3`, marked "typed";
//   4. otherwise none (the shape is given by maxRadiusMm or thicknessMm).
import type { SoftGeometry, SoftPart, SoftPath } from "../../src/schemas/geometry-soft.ts";

export type VolumeSource = "reason" | "family" | "typed" | "none";

export interface VolumeTarget {
  cm3: number | undefined;
  source: VolumeSource;
  /** Reference paths summed (source "family"). */
  family: string[];
  /** A typed volumeCm3 the rule did not use (it has a family and no volumeReason). */
  ignoredCm3?: number;
}

/** What the rule needs to know about the reference paths: their names and volumes. */
export interface ReferenceVolumes {
  names(): readonly string[];
  volumeCm3(name: string): number | undefined;
}

/** Whether a reference path name matches a pattern (exact, or a prefix ending in `*`). */
export function matchesPattern(name: string, pattern: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

const pathSource = (p: SoftPath): string | undefined => (Array.isArray(p) ? undefined : p.from);

/** Reference paths a part's geometry names (its centre line, fascicles and slips), in order, once each. */
export function namedPaths(g: SoftPart): string[] {
  const out: string[] = [];
  const add = (p: SoftPath) => {
    const s = pathSource(p);
    if (s && !out.includes(s)) out.push(s);
  };
  if (g.builder === "spindle") {
    add(g.path);
    for (const s of g.slips ?? []) add(s.path);
  } else if (g.builder === "sheet") for (const f of g.fascicles) add(f);
  return out;
}

/** The reference family of a part: paths matched by `volumeFrom`, else the paths it names. */
export function referenceFamily(g: SoftPart, refs: ReferenceVolumes): string[] {
  if ((g.builder === "spindle" || g.builder === "sheet") && g.volumeFrom) {
    const patterns = g.volumeFrom;
    const found = refs.names().filter((n) => patterns.some((p) => matchesPattern(n, p)));
    const unmatched = patterns.filter((p) => !found.some((n) => matchesPattern(n, p)));
    if (unmatched.length) throw new Error(`volumeFrom: no reference path matches ${unmatched.join(", ")}`);
    return found;
  }
  return namedPaths(g);
}

/** Target volume of one part by the rule above. */
export function partVolumeTarget(g: SoftPart, refs: ReferenceVolumes): VolumeTarget {
  if (g.builder !== "spindle" && g.builder !== "sheet") return { cm3: undefined, source: "none", family: [] };
  if (g.volumeReason !== undefined) {
    return {
      cm3: g.volumeCm3,
      source: g.volumeCm3 !== undefined ? "reason" : "none",
      family: referenceFamily(g, refs),
    };
  }
  const family = referenceFamily(g, refs);
  const volumes = family.map((n) => refs.volumeCm3(n));
  if (family.length > 0 && volumes.every((v) => v !== undefined)) {
    const cm3 = volumes.reduce<number>((s, v) => s + (v ?? 0), 0);
    return { cm3, source: "family", family, ...(g.volumeCm3 !== undefined ? { ignoredCm3: g.volumeCm3 } : {}) };
  }
  if (g.volumeCm3 !== undefined) return { cm3: g.volumeCm3, source: "typed", family: [] };
  return { cm3: undefined, source: "none", family: [] };
}

/** The parts of a soft geometry block (a group's parts, or the block itself). */
export const softParts = (g: SoftGeometry): SoftPart[] =>
  g.builder === "group" ? g.parts : g.builder === "skin" ? [] : [g];

/** A part with its target volume written into `volumeCm3` (unless its size is given another way). */
export function withTargetVolume(g: SoftPart, refs: ReferenceVolumes): SoftPart {
  if (g.builder === "spindle" && g.maxRadiusMm === undefined) {
    const t = partVolumeTarget(g, refs);
    return t.cm3 === undefined ? g : { ...g, volumeCm3: t.cm3 };
  }
  if (g.builder === "sheet" && g.thicknessMm === undefined) {
    const t = partVolumeTarget(g, refs);
    return t.cm3 === undefined ? g : { ...g, volumeCm3: t.cm3 };
  }
  return g;
}

/** Attachment points of a part, for measurements that leave the attachments alone: the ends of its lines. */
export function attachmentLines(g: SoftPart): SoftPath[] {
  switch (g.builder) {
    case "spindle":
      return [g.path, ...(g.slips ?? []).map((s) => s.path)];
    case "sheet":
      return g.fascicles;
    case "band":
      return g.rails ?? (g.path ? [g.path] : []);
    case "tube":
      return [g.path, ...(g.branches ?? []).map((b) => b.path)];
    default:
      return [];
  }
}
