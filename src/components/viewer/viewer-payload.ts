// Builds, at build time, what a viewer island needs: its per-figure payload (inlined in the page) and the data
// shared by every figure of a model (the structures with their card facts), which src/pages/models/ writes to one
// JSON file per model, and its poster (poster.ts). Which structures each model holds is read from
// public/models/manifest.json, which the palpate:models integration (src/integrations/models.ts) generates before
// any page renders.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "../../../models/manifest.ts";
import { figureLayers, type ModelPart, OVERVIEW_MODEL } from "../../lib/model-parts.ts";
import { type LayerKey, layerGroupOf, type Side, type Vec3, type ViewName } from "../../lib/view-state.ts";
import type { ModelInfo, PainPatch, StructureInfo, ViewerPayload, ZoneOutline } from "../../viewer/types.ts";
import { figurePoster, type Poster, type PosterPatch } from "./poster.ts";

/** The anatomy record fields the viewer uses. */
export interface AnatomyFacts {
  name: string;
  aliases: string[];
  tissue: string;
  regions: string[];
  layer: number;
  group: string;
  origin?: string | undefined;
  insertion?: string | undefined;
  action?: string | undefined;
  innervation?: string | undefined;
  summary: string;
  referredPain?: { description: string; patches: PainPatch[] } | undefined;
  bilateral?: boolean | undefined;
  /** Endangerment sites (tissue zone): the area on the skin. */
  zone?: { patches: Pick<PainPatch, "centre" | "radii">[] } | undefined;
}

/** The outline the viewer draws for an endangerment site record. */
export function zoneOutline(id: string, facts: AnatomyFacts): ZoneOutline {
  return {
    id,
    name: facts.name,
    bilateral: facts.bilateral ?? true,
    patches: (facts.zone?.patches ?? []).map((p) => ({ centre: p.centre, radii: p.radii })),
  };
}

let manifestCache: { path: string; manifest: Manifest } | undefined;

/** Reads public/models/manifest.json once per build. Throws, naming the file, when it is missing or unreadable. */
export function readManifest(root = process.cwd()): Manifest {
  const path = join(root, "public", "models", "manifest.json");
  if (manifestCache?.path === path) return manifestCache.manifest;
  if (!existsSync(path)) {
    throw new Error(
      `${path}: missing. The models are generated when \`astro build\` or \`astro dev\` starts ` +
        "(src/integrations/models.ts); run `npm run models` to generate them alone.",
    );
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message}); run \`npm run models -- --force\`.`);
  }
  if (!Array.isArray(manifest.files) || !Array.isArray(manifest.structures)) {
    throw new Error(`${path}: no \`files\` or \`structures\` list; run \`npm run models -- --force\`.`);
  }
  manifestCache = { path, manifest };
  return manifest;
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/s.exec(text.trim());
  return (match?.[1] ?? text).replace(/\s+/g, " ").trim();
}

/** The models a viewer may show, from the manifest. */
export function availableModels(manifest: Manifest): ModelInfo[] {
  const models = new Map<string, ModelInfo>();
  for (const f of manifest.files) {
    const part: ModelPart = { part: f.part ?? "", url: `/models/${f.file}`, groups: f.groups as LayerKey[] };
    const info = models.get(f.model) ?? { model: f.model, title: f.title, url: "", parts: [] };
    if (part.part === "") info.url = part.url;
    else info.parts.push(part);
    models.set(f.model, info);
  }
  return [...models.values()];
}

/** Each model with the ids of the structures it holds, for picking the model that shows a structure. */
export function modelContents(manifest: Manifest): { model: string; ids: Set<string> }[] {
  return availableModels(manifest).map(({ model }) => ({
    model,
    ids: new Set(manifest.structures.filter((s) => s.models.includes(model)).map((s) => s.id)),
  }));
}

/** Where the explorer opens (its page and the embed): the whole body (or the first model) from the front, right. */
export function explorerStart(manifest: Manifest): { model: string; view: ViewName; side: Side } {
  const models = availableModels(manifest);
  const model = models.find((m) => m.model === OVERVIEW_MODEL)?.model ?? models[0]?.model ?? OVERVIEW_MODEL;
  return { model, view: "anterior", side: "r" };
}

/** Every file of a model (public/...): its first-load file and its parts, for the build-time outlines. */
function modelFiles(model: string, manifest: Manifest, root: string): string[] {
  const info = availableModels(manifest).find((m) => m.model === model);
  const urls = info ? [info.url, ...info.parts.map((p) => p.url)] : [`/models/${model}.glb`];
  return urls.map((url) => join(root, "public", url));
}

export interface PayloadInput {
  mode: "figure" | "explorer";
  model: string;
  focus: string[];
  secondary: string[];
  side: Side;
  view: ViewName;
  /** Structures the camera frames (default: focus and secondary). */
  frame?: string[] | undefined;
  caption: string;
  referredPain?: string | undefined;
  /** Endangerment site (zone record id) a figure outlines; the explorer outlines every site. */
  zone?: string | undefined;
  records: Map<string, AnatomyFacts>;
  manifest: Manifest;
  /** Page file for error messages. */
  where: string;
  /** Project root (public/ lives here). */
  root?: string;
}

/** Structures a figure's model (or, for the explorer, every model) holds, with their card facts, sorted by name. */
export function buildModelStructures(
  mode: "figure" | "explorer",
  model: string,
  records: Map<string, AnatomyFacts>,
  manifest: Manifest,
): StructureInfo[] {
  const explorer = mode === "explorer";
  const entries = new Map<string, { models: Set<string>; tissue: string; layer: number; name: string }>();
  for (const s of manifest.structures) {
    if (!explorer && !s.models.includes(model)) continue;
    const entry = entries.get(s.id) ?? {
      models: new Set<string>(),
      tissue: s.tissue,
      layer: Number(s.layer) || 1,
      name: s.name,
    };
    for (const m of s.models) entry.models.add(m);
    entries.set(s.id, entry);
  }
  const structures: StructureInfo[] = [];
  for (const [id, entry] of entries) {
    const facts = records.get(id);
    const tissue = facts?.tissue ?? entry.tissue;
    const layer = facts?.layer ?? entry.layer;
    const s: StructureInfo = {
      id,
      name: facts?.name ?? entry.name,
      aliases: facts?.aliases ?? [],
      tissue,
      layer,
      group: layerGroupOf(tissue, layer),
      page: facts !== undefined,
    };
    if (facts) {
      s.family = facts.group;
      if (facts.origin) s.origin = facts.origin;
      if (facts.insertion) s.insertion = facts.insertion;
      if (facts.action) s.action = facts.action;
      if (facts.innervation) s.innervation = facts.innervation;
      if (!facts.origin) s.blurb = firstSentence(facts.summary);
    }
    if (explorer)
      s.models = [...entry.models].sort((a, b) => (a === "body" ? -1 : b === "body" ? 1 : a.localeCompare(b)));
    structures.push(s);
  }
  structures.sort((a, b) => a.name.localeCompare(b.name));
  return structures;
}

/** Per mode and model, for the build (every figure of a model shares one list). */
const structuresCache = new Map<string, { manifest: Manifest; structures: StructureInfo[] }>();

/** buildModelStructures, once per mode, model and manifest for the whole build. */
function modelStructures(
  mode: "figure" | "explorer",
  model: string,
  records: Map<string, AnatomyFacts>,
  manifest: Manifest,
): StructureInfo[] {
  const key = `${mode}:${model}`;
  const cached = structuresCache.get(key);
  if (cached && cached.manifest === manifest) return cached.structures;
  const structures = buildModelStructures(mode, model, records, manifest);
  structuresCache.set(key, { manifest, structures });
  return structures;
}

/** The island's payload. Throws (naming the page) when the model or a referred-pain id is unknown. */
export async function buildViewerPayload(input: PayloadInput): Promise<ViewerPayload> {
  const { mode, model, side, records, manifest, where } = input;
  const models = availableModels(manifest);
  if (mode === "figure" && !models.some((m) => m.model === model)) {
    throw new Error(
      `${where}: unknown model "${model}" in AnatomyViewer (known: ${models.map((m) => m.model).join(", ")}).`,
    );
  }
  const explorer = mode === "explorer";
  const structures = modelStructures(mode, model, records, manifest);
  const highlighted = new Set([...input.focus, ...input.secondary]);
  const payload: ViewerPayload = {
    mode,
    keyBase: explorer ? "explore" : (input.focus[0] ?? model),
    model,
    models: explorer ? models : models.filter((m) => m.model === model),
    focus: input.focus,
    secondary: input.secondary,
    side,
    view: input.view,
    caption: input.caption,
    structures: structures.filter((s) => highlighted.has(s.id)),
    hasSkin: structures.some((s) => s.group === "skin" && (!s.models || s.models.includes(model))),
  };
  if (input.frame) payload.frame = input.frame;
  if (input.referredPain) {
    const facts = records.get(input.referredPain);
    if (!facts?.referredPain) {
      throw new Error(
        `${where}: AnatomyViewer referredPain "${input.referredPain}" has no referredPain block in its anatomy record.`,
      );
    }
    payload.referredPain = {
      id: input.referredPain,
      name: facts.name,
      description: facts.referredPain.description,
      patches: facts.referredPain.patches,
    };
  }
  if (input.zone) {
    const facts = records.get(input.zone);
    if (facts?.tissue !== "zone") {
      throw new Error(`${where}: AnatomyViewer zone "${input.zone}" is not an endangerment site record (tissue zone).`);
    }
    payload.zones = [zoneOutline(input.zone, facts)];
  } else if (explorer) {
    payload.zones = [...records]
      .filter(([, f]) => f.tissue === "zone")
      .map(([id, f]) => zoneOutline(id, f))
      .sort((a, b) => a.id.localeCompare(b.id));
  }
  return payload;
}

/**
 * A page figure's poster (poster.ts): its first view as the viewer opens it, from the same files, layers and
 * framing.
 */
export async function buildViewerPoster(input: PayloadInput, payload: ViewerPayload): Promise<Poster | undefined> {
  const { model, manifest, records, root = process.cwd() } = input;
  const groups = new Map(modelStructures("figure", model, records, manifest).map((s) => [s.id, s.group]));
  try {
    return await figurePoster(
      {
        model,
        files: modelFiles(model, manifest, root),
        visibilityFile: join(root, "public", "models", `${model}.visibility.json`),
        view: input.view,
        side: input.side,
        focus: input.focus,
        secondary: input.secondary,
        frame: input.frame,
        groups,
        layers: figureLayers(payload),
        patches: posterPatches(payload),
        // A figure opens with its highlighted structures labelled (AnatomyViewer's initial state), in this order.
        labels: [...[...input.focus].sort(), ...[...input.secondary].sort()],
      },
      root,
    );
  } catch (error) {
    throw new Error(
      `${input.where}: the poster of the figure of ${model} (focus ${input.focus.join(", ") || "none"}) could not be drawn: ${(error as Error).message}`,
    );
  }
}

/** The referred-pain and endangerment-site ellipses a figure draws, on its side (records give the right side). */
function posterPatches(payload: ViewerPayload): PosterPatch[] {
  const onSide = (c: Vec3, side: Side): Vec3 => (side === "l" ? [-c[0], c[1], c[2]] : c);
  const out: PosterPatch[] = (payload.referredPain?.patches ?? []).map((p) => ({
    centre: onSide(p.centre, payload.side),
    radii: p.radii,
    kind: p.kind,
  }));
  // Endangerment sites show when the figure opens with their layer (a site's figure), not in the explorer's first view.
  const zones = figureLayers(payload).includes("zone") ? (payload.zones ?? []) : [];
  for (const zone of zones) {
    for (const side of zone.bilateral ? (["r", "l"] as const) : (["r"] as const)) {
      for (const p of zone.patches) out.push({ centre: onSide(p.centre, side), radii: p.radii, kind: "zone" });
    }
  }
  return out;
}
