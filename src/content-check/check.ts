// The content check: every content file against its schema, and every id a page or record points at against the
// collection it names, before anything is built. Each problem names the file and the field, so an author can fix it
// without reading code. `npm run build` runs it first (scripts/check-content.ts); the build's own components keep
// their checks as a second line.
import { z } from "zod";
import { inModel, MODELS } from "../../models/model-files.ts";
import { CONDITION_BODY_SECTIONS } from "../components/condition/sections.ts";
import { TECHNIQUE_BODY_SECTIONS } from "../components/technique/sections.ts";
import { COLLECTION_SOURCES, type CollectionName, collectionSchemas } from "../schemas/collections.ts";
import type { ReferenceFn } from "../schemas/reference-fn.ts";
import { type RawEntry, readCollection } from "./load.ts";

export interface ContentProblem {
  file: string;
  /** The field, as a path ("anatomy[0].focus[1]", "aliases[2]"), or where in the body ("body, line 12: <Term>"). */
  field: string;
  message: string;
}

export const formatProblem = (p: ContentProblem) => `${p.file}: ${p.field}: ${p.message}`;

const NAMES: Record<CollectionName, string> = {
  anatomy: "anatomy record (content/anatomy/)",
  references: "reference (content/references.yaml)",
  redFlags: "red flag (content/red-flags.yaml)",
  glossary: "glossary term (content/glossary/)",
  lessons: "lesson (content/lessons/)",
  conditions: "condition guide (content/conditions/)",
  techniques: "technique guide (content/techniques/)",
  outcomeMeasures: "outcome measure (content/outcome-measures.yaml)",
  specialTests: "special test (content/special-tests.yaml)",
  visceralReferral: "organ (content/visceral-referral.yaml)",
};

/** A zod issue path as a field name: anatomy[0].focus[1]. */
function fieldOf(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `${out ? "." : ""}${String(key)}`;
  return out || "(whole entry)";
}

/** The 1-based line of an offset in a text. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

/** Checks the content under `root` (the project folder); returns every problem found, none when all is well. */
export function checkContent(root: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (file: string, field: string, message: string) => problems.push({ file, field, message });

  // 1. Read every collection; a file that cannot be read stops the check (nothing else can be trusted).
  const entries = {} as Record<CollectionName, RawEntry[]>;
  for (const name of Object.keys(COLLECTION_SOURCES) as CollectionName[]) {
    try {
      entries[name] = readCollection(root, COLLECTION_SOURCES[name]);
    } catch (error) {
      const [file, ...rest] = (error as Error).message.split(": ");
      add(file ?? name, "(file)", rest.join(": "));
    }
  }
  if (problems.length > 0) return problems;

  // 2. Ids: present, unique per collection, and a record's own id equal to its file name.
  const known = {} as Record<CollectionName, Set<string>>;
  for (const name of Object.keys(entries) as CollectionName[]) {
    const seen = new Map<string, string>();
    for (const e of entries[name]) {
      const field = fieldOf(e.at, ["id"]);
      if (!e.id) add(e.file, field, "missing id");
      else if (seen.has(e.id)) add(e.file, field, `duplicate ${NAMES[name]} id "${e.id}" (also ${seen.get(e.id)})`);
      else seen.set(e.id, e.at ? `${e.file} ${e.at}` : e.file);
      if (name === "anatomy" && e.id && !e.file.endsWith(`/${e.id}.yaml`)) {
        add(e.file, "id", `"${e.id}" must equal the file name`);
      }
    }
    known[name] = new Set(seen.keys());
  }

  // 3. Schemas, with each reference to another collection checked against its ids.
  const ref = ((collection: CollectionName) =>
    z.string().superRefine((id, ctx) => {
      if (!known[collection]?.has(id))
        ctx.addIssue({ code: "custom", message: `unknown ${NAMES[collection]} id "${id}"` });
    })) as unknown as ReferenceFn;
  const schemas = collectionSchemas(ref);
  for (const name of Object.keys(entries) as CollectionName[]) {
    for (const e of entries[name]) {
      const result = schemas[name].safeParse(e.data);
      if (!result.success)
        for (const issue of result.error.issues) add(e.file, fieldOf(e.at, issue.path), issue.message);
    }
  }

  // 4. Anatomy names: an alias belongs to one structure, and is never another structure's name.
  const anatomy = new Map(entries.anatomy.map((e) => [e.id, e.data]));
  const owner = new Map<string, string>();
  for (const e of entries.anatomy) owner.set(String(e.data["name"] ?? "").toLowerCase(), e.id);
  const aliasOwner = new Map<string, string>();
  for (const e of entries.anatomy) {
    const aliases = Array.isArray(e.data["aliases"]) ? (e.data["aliases"] as unknown[]) : [];
    aliases.forEach((alias, i) => {
      const key = String(alias).toLowerCase();
      const other = aliasOwner.get(key) ?? owner.get(key);
      if (other && other !== e.id) add(e.file, `aliases[${i}]`, `"${String(alias)}" already names "${other}"`);
      else aliasOwner.set(key, e.id);
    });
  }

  // 5. Endangerment sites: the structures at risk and within, and the references, exist.
  for (const e of entries.anatomy) {
    const zone = e.data["zone"] as Record<string, unknown> | undefined;
    if (!zone) continue;
    for (const key of ["atRisk", "within", "frame"] as const) {
      const ids = Array.isArray(zone[key]) ? (zone[key] as unknown[]).map(String) : [];
      ids.forEach((id, i) => {
        const record = anatomy.get(id);
        if (!record) add(e.file, `zone.${key}[${i}]`, `unknown anatomy id "${id}" (no content/anatomy record)`);
        else if (record["tissue"] === "zone") add(e.file, `zone.${key}[${i}]`, `"${id}" is a zone, not a structure`);
      });
    }
    const refs = Array.isArray(zone["references"]) ? (zone["references"] as unknown[]).map(String) : [];
    refs.forEach((id, i) => {
      if (!known.references.has(id))
        add(e.file, `zone.references[${i}]`, `unknown reference id "${id}" (not in content/references.yaml)`);
    });
  }

  const stringsOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
  // 6. Figures (frontmatter `anatomy`, placed with <Figure n>): a known model, known ids, each id in that model.
  const models = new Set(MODELS.map((m) => m.model));
  const checkFigure = (file: string, field: string, figure: Record<string, unknown>) => {
    const model = String(figure["model"] ?? "");
    if (!models.has(model)) {
      add(file, `${field}.model`, `unknown model "${model}" (known: ${[...models].join(", ")})`);
      return;
    }
    for (const key of ["focus", "secondary", "frame"] as const) {
      const ids = Array.isArray(figure[key]) ? (figure[key] as unknown[]) : [];
      ids.forEach((raw, i) => {
        const id = String(raw);
        const record = anatomy.get(id);
        if (!record) add(file, `${field}.${key}[${i}]`, `unknown anatomy id "${id}" (no content/anatomy record)`);
        else if (!inModel({ tissue: String(record["tissue"]), regions: stringsOf(record["regions"]) }, model)) {
          add(
            file,
            `${field}.${key}[${i}]`,
            `"${id}" is not in the ${model} model (its regions: ${String(record["regions"])})`,
          );
        }
      });
    }
    const zone = figure["zone"];
    if (typeof zone === "string") {
      const record = anatomy.get(zone);
      if (!record) add(file, `${field}.zone`, `unknown anatomy id "${zone}"`);
      else if (record["tissue"] !== "zone") add(file, `${field}.zone`, `"${zone}" is not an endangerment site`);
    }
    const pain = figure["referredPain"];
    if (typeof pain === "string") {
      const record = anatomy.get(pain);
      if (!record) add(file, `${field}.referredPain`, `unknown anatomy id "${pain}"`);
      else if (!record["referredPain"]) add(file, `${field}.referredPain`, `"${pain}" has no referredPain block`);
    }
  };

  for (const collection of ["lessons", "conditions", "techniques"] as const) {
    for (const page of entries[collection]) {
      const { file, data } = page;
      const body = page.body ?? "";
      const figures = Array.isArray(data["anatomy"]) ? (data["anatomy"] as Record<string, unknown>[]) : [];
      for (const [i, figure] of figures.entries()) checkFigure(file, `anatomy[${i}]`, figure ?? {});

      // Required body sections, in order.
      const sections =
        collection === "conditions"
          ? CONDITION_BODY_SECTIONS
          : collection === "techniques"
            ? TECHNIQUE_BODY_SECTIONS
            : null;
      if (sections) {
        const found = [...body.replace(/```[\s\S]*?```/g, "").matchAll(/^## +(.+?)\s*$/gm)].map((m) => m[1] ?? "");
        const missing = sections.filter((s) => !found.includes(s));
        if (missing.length > 0 || found.join("|") !== sections.join("|")) {
          add(
            file,
            "body (## headings)",
            missing.length > 0
              ? `missing section${missing.length > 1 ? "s" : ""} ${missing.map((s) => `"${s}"`).join(", ")}; the ## headings must be, in order: ${sections.join("; ")}`
              : `the ## headings must be, in order: ${sections.join("; ")}; found: ${found.join("; ")}`,
          );
        }
      }

      // Components in the body that point at other content.
      const listed = new Set(Array.isArray(data["references"]) ? (data["references"] as unknown[]).map(String) : []);
      for (const m of body.matchAll(/<Cite\s+id="([^"]*)"/g)) {
        for (const id of (m[1] ?? "").split(/\s+/).filter(Boolean)) {
          const where = `body, line ${lineAt(body, m.index ?? 0)}: <Cite id="${id}">`;
          if (!known.references.has(id))
            add(file, where, `unknown reference id "${id}" (not in content/references.yaml)`);
          else if (!listed.has(id)) add(file, where, `"${id}" is not in the page's frontmatter references`);
        }
      }
      for (const m of body.matchAll(/<Term\s+id="([^"]*)"/g)) {
        const id = m[1] ?? "";
        if (!known.glossary.has(id)) {
          add(
            file,
            `body, line ${lineAt(body, m.index ?? 0)}: <Term id="${id}">`,
            `unknown glossary id "${id}" (no content/glossary/${id}.yaml)`,
          );
        }
      }
      // Figures: facts in frontmatter `anatomy`, placed in the body once each with <Figure n={i} />.
      for (const m of body.matchAll(/<AnatomyViewer\b/g)) {
        add(
          file,
          `body, line ${lineAt(body, m.index ?? 0)}: <AnatomyViewer>`,
          "put the figure in frontmatter `anatomy` and place it with <Figure n={i} />",
        );
      }
      const placed = [...body.matchAll(/<Figure\s+n=\{(\d+)\}\s*\/>/g)];
      if (collection === "conditions") {
        for (const m of placed) {
          add(file, `body, line ${lineAt(body, m.index ?? 0)}: <Figure>`, "condition figures are placed by the layout");
        }
      } else {
        for (const m of placed) {
          const n = Number(m[1]);
          if (n >= figures.length) {
            add(
              file,
              `body, line ${lineAt(body, m.index ?? 0)}: <Figure n={${n}}>`,
              `there is no anatomy[${n}] (the page has ${figures.length} figure${figures.length === 1 ? "" : "s"})`,
            );
          }
        }
        figures.forEach((_, i) => {
          const count = placed.filter((m) => Number(m[1]) === i).length;
          if (count !== 1)
            add(file, `anatomy[${i}]`, `placed ${count} times in the body; place it once with <Figure n={${i}} />`);
        });
      }
    }
  }
  return problems;
}
