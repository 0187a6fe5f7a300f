// The 3D quiz's question bank, built at build time from the anatomy records, the model manifest and the figures
// of the condition and technique guides, and the seeded rounds the browser deals from it. Pure TypeScript.

import type { StructureFacts } from "../anatomy-graph.ts";
import { REGION_LABELS } from "../regions.ts";
import { seededRandom } from "../seeded-random.ts";

/** The anatomy record fields the bank reads. */
export type BankRecord = Pick<StructureFacts, "id" | "name" | "aliases" | "tissue" | "regions" | "layer" | "group"> & {
  action?: string | undefined;
  summary: string;
};

/** A guide's 3D figure, as the bank reads it. */
export interface GuideFigure {
  kind: "condition" | "technique";
  slug: string;
  title: string;
  model: string;
  focus: string[];
  secondary: string[];
}

/** One structure the quiz can ask about. */
export interface BankStructure {
  id: string;
  name: string;
  aliases: string[];
  tissue: string;
  /** Home region (the record's first). */
  region: string;
  /** Depth, 1 = most superficial (which layers a Find-it question draws). */
  layer: number;
  group: string;
  /** The model a question about it loads (its home region's, or the whole body). */
  model: string;
  /** Every model that holds it (a Find-it list names what the shown model holds). */
  models: string[];
  /** Which side of the body its camera looks from. */
  view: "anterior" | "posterior";
  /** One line shown after the answer: its action, or where it is felt, or its summary's first sentence. */
  fact: string;
}

export interface BankSet {
  id: string;
  kind: "region" | "group" | "tissue" | "guides";
  label: string;
  ids: string[];
}

/** A "which tissue does this technique target / which structure is involved" question. */
export interface GuideQuestion {
  id: string;
  kind: "condition" | "technique";
  prompt: string;
  answer: string;
  /** Everything the figure highlights: never offered as a wrong choice. */
  involved: string[];
  model: string;
  href: string;
  title: string;
}

export interface QuestionBank {
  structures: BankStructure[];
  sets: BankSet[];
  guides: GuideQuestion[];
}

const TISSUE_SETS: [string, string, string[]][] = [
  ["muscles", "Muscles", ["muscle"]],
  ["nerves", "Nerves", ["nerve"]],
  ["bones", "Bones", ["bone"]],
  [
    "connective",
    "Ligaments, tendons and fascia",
    ["ligament", "tendon", "fascia", "retinaculum", "joint-capsule", "bursa"],
  ],
];

/** Tissues drawn only as context, never asked about: every other tissue is quizzed (a new one joins by itself). */
const CONTEXT_TISSUES = new Set(["skin", "vessel", "organ"]);

/** A group becomes its own set from this many structures up. */
const MIN_GROUP_SET = 2;

export interface BankInput {
  records: BankRecord[];
  /** Models that contain each structure id (from the manifest); structures in no model are left out. */
  modelsOf(id: string): readonly string[];
  /** Centre of a structure and of its model along the front-back axis (glTF z, front positive), when known. */
  depthOf?(id: string, model: string): { structure: number; model: number } | null;
  figures: GuideFigure[];
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/s.exec(text.trim());
  return (match?.[1] ?? text).replace(/\s+/g, " ").trim();
}

function factOf(r: BankRecord): string {
  if (r.action) return `Action: ${firstSentence(r.action)}`;
  return firstSentence(r.summary);
}

export function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Builds the bank: every modelled structure of a quizzed tissue, its sets, and the guides' target questions. */
export function buildQuestionBank(input: BankInput): QuestionBank {
  const structures: BankStructure[] = [];
  for (const r of input.records) {
    if (CONTEXT_TISSUES.has(r.tissue)) continue;
    const models = input.modelsOf(r.id);
    if (models.length === 0) continue;
    const region = r.regions[0] ?? "trunk";
    const model = models.includes(region) ? region : models.includes("body") ? "body" : (models[0] as string);
    const depth = input.depthOf?.(r.id, model) ?? null;
    structures.push({
      id: r.id,
      name: r.name,
      aliases: [...r.aliases],
      tissue: r.tissue,
      region,
      layer: r.layer,
      group: r.group,
      model,
      models: [...models],
      view: depth && depth.structure < depth.model ? "posterior" : "anterior",
      fact: factOf(r),
    });
  }
  structures.sort((a, b) => a.name.localeCompare(b.name));
  const byId = new Map(structures.map((s) => [s.id, s]));

  const sets: BankSet[] = [];
  for (const [region, label] of Object.entries(REGION_LABELS)) {
    const ids = structures.filter((s) => s.region === region).map((s) => s.id);
    if (ids.length > 0) sets.push({ id: `region-${region}`, kind: "region", label, ids });
  }
  const groups = new Map<string, string[]>();
  for (const s of structures) {
    if (s.tissue !== "muscle") continue;
    groups.set(s.group, [...(groups.get(s.group) ?? []), s.id]);
  }
  for (const [group, ids] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    if (ids.length < MIN_GROUP_SET) continue;
    sets.push({
      id: `group-${kebab(group)}`,
      kind: "group",
      label: group.charAt(0).toUpperCase() + group.slice(1),
      ids,
    });
  }
  for (const [id, label, tissues] of TISSUE_SETS) {
    const ids = structures.filter((s) => tissues.includes(s.tissue)).map((s) => s.id);
    if (ids.length > 0) sets.push({ id: `tissue-${id}`, kind: "tissue", label, ids });
  }

  const guides: GuideQuestion[] = [];
  for (const f of input.figures) {
    const involved = [...new Set([...f.focus, ...f.secondary])];
    for (const answer of f.focus) {
      const s = byId.get(answer);
      if (!s) continue;
      const prompt =
        f.kind === "technique"
          ? `${f.title}: which of these tissues does the technique target?`
          : `${f.title}: which of these structures is involved?`;
      if (guides.some((g) => g.prompt === prompt && g.answer === answer)) continue;
      guides.push({
        id: `${f.kind}-${f.slug}-${answer}`,
        kind: f.kind,
        prompt,
        answer,
        involved,
        model: byId.get(answer)?.model ?? f.model,
        href: `/${f.kind === "technique" ? "techniques" : "conditions"}/${f.slug}/`,
        title: f.title,
      });
    }
  }
  if (guides.length > 0) {
    sets.push({ id: "guides", kind: "guides", label: "Techniques and conditions", ids: guides.map((g) => g.id) });
  }
  return { structures, sets, guides };
}

/** A structure's one-line fact with its own names (and aliases) blanked out: a clue that does not give the answer. */
export function clueOf(s: Pick<BankStructure, "name" | "aliases" | "fact">): string {
  let text = s.fact;
  for (const name of [s.name, ...s.aliases].sort((a, b) => b.length - a.length)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    text = text.replace(new RegExp(`(?<![A-Za-z])${escaped}(?![A-Za-z])`, "gi"), "___");
  }
  return text;
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Tissues close enough to stand in for each other as wrong choices when a tissue has too few structures. */
const CONNECTIVE = new Set(["ligament", "tendon", "fascia", "retinaculum", "joint-capsule", "bursa", "cartilage"]);
export const tissueFamily = (tissue: string) => (CONNECTIVE.has(tissue) ? "connective" : tissue);

/**
 * Wrong choices for a structure: others of the same tissue in the same region (same group first, as the most
 * plausible); when there are fewer than three, widened step by step to the same tissue anywhere, then the same
 * family (ligaments, tendons, fascia...) in the region, then anywhere. Never the answer's name, never one of `exclude`.
 */
export function distractorPool(
  bank: QuestionBank,
  answer: BankStructure,
  exclude: readonly string[] = [],
): BankStructure[] {
  const ok = (s: BankStructure) => s.id !== answer.id && !exclude.includes(s.id) && !sameName(s.name, answer.name);
  const family = tissueFamily(answer.tissue);
  const steps: ((s: BankStructure) => boolean)[] = [
    (s) => s.tissue === answer.tissue && s.region === answer.region,
    (s) => s.tissue === answer.tissue,
    (s) => tissueFamily(s.tissue) === family && s.region === answer.region,
    (s) => tissueFamily(s.tissue) === family,
  ];
  const pool: BankStructure[] = [];
  for (const step of steps) {
    if (pool.length >= 3) break;
    for (const s of bank.structures) if (ok(s) && step(s) && !pool.includes(s)) pool.push(s);
  }
  return pool;
}

function pickDistractors(
  bank: QuestionBank,
  answer: BankStructure,
  random: () => number,
  exclude: readonly string[] = [],
): string[] {
  const pool = distractorPool(bank, answer, exclude);
  const group = shuffle(
    pool.filter((s) => s.group === answer.group),
    random,
  );
  const rest = shuffle(
    pool.filter((s) => s.group !== answer.group),
    random,
  );
  // Up to two from the same group, the rest from the region: plausible without being all near-twins.
  const ordered = [...group.slice(0, 2), ...rest, ...group.slice(2)];
  const chosen: BankStructure[] = [];
  for (const s of ordered) {
    if (chosen.length === 3) break;
    if (chosen.some((c) => sameName(c.name, s.name))) continue;
    chosen.push(s);
  }
  return chosen.map((s) => s.id);
}

export type Question =
  | { kind: "name"; answer: string; choices: string[] }
  | { kind: "find"; answer: string }
  | { kind: "guide"; answer: string; guide: string; choices: string[] };

export const ROUND_LENGTH = 10;

export interface RoundOptions {
  /** Ask only about these ids (the missed ones, the weak ones). */
  only?: readonly string[];
  /** "name", "find" or both, alternating. */
  mode?: "name" | "find" | "mixed";
}

/** Deals a round from a set: up to ten questions, seeded, alternating Name it and Find it in a mixed round. */
export function dealRound(bank: QuestionBank, setId: string, seed: number, options: RoundOptions = {}): Question[] {
  const random = seededRandom(seed);
  const set = bank.sets.find((s) => s.id === setId);
  if (setId === "guides" || set?.kind === "guides") {
    const pool = options.only
      ? bank.guides.filter((g) => options.only?.includes(g.id) || options.only?.includes(g.answer))
      : bank.guides;
    return shuffle(pool, random)
      .slice(0, ROUND_LENGTH)
      .flatMap((g): Question[] => {
        const answer = bank.structures.find((s) => s.id === g.answer);
        if (!answer) return [];
        const choices = shuffle([g.answer, ...pickDistractors(bank, answer, random, g.involved)], random);
        return [{ kind: "guide", answer: g.answer, guide: g.id, choices }];
      });
  }
  const ids = options.only ?? set?.ids ?? [];
  const known = ids.filter((id) => bank.structures.some((s) => s.id === id));
  const mode = options.mode ?? "mixed";
  return shuffle(known, random)
    .slice(0, ROUND_LENGTH)
    .map((id, i): Question => {
      const answer = bank.structures.find((s) => s.id === id) as BankStructure;
      const kind = mode === "mixed" ? (i % 2 === 0 ? "name" : "find") : mode;
      if (kind === "find") return { kind: "find", answer: id };
      return { kind: "name", answer: id, choices: shuffle([id, ...pickDistractors(bank, answer, random)], random) };
    });
}
