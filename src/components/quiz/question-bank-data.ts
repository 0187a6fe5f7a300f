// Builds the 3D quiz's question bank at build time from the content collections and the model manifest. One call per
// build: the page and /practice/3d/bank.json share it.
import { getCollection } from "astro:content";
import { buildQuestionBank, type GuideFigure, type QuestionBank } from "../../lib/practice/question-bank.ts";
import { readManifest } from "../viewer/viewer-payload.ts";

let cached: Promise<QuestionBank> | undefined;

async function build(): Promise<QuestionBank> {
  const records = (await getCollection("anatomy")).map((e) => e.data);
  const manifest = readManifest();
  const models = new Map<string, Set<string>>();
  const centreZ = new Map<string, number>();
  for (const s of manifest.structures) {
    const set = models.get(s.id) ?? new Set<string>();
    for (const m of s.models) set.add(m);
    models.set(s.id, set);
    if (s.side !== "l") centreZ.set(s.id, ((s.bbox.min[2] ?? 0) + (s.bbox.max[2] ?? 0)) / 2);
  }
  const modelZ = new Map(manifest.files.map((f) => [f.model, ((f.bbox.min[2] ?? 0) + (f.bbox.max[2] ?? 0)) / 2]));
  const figures: GuideFigure[] = [];
  for (const kind of ["condition", "technique"] as const) {
    const entries = kind === "condition" ? await getCollection("conditions") : await getCollection("techniques");
    for (const e of entries) {
      for (const f of e.data.anatomy) {
        figures.push({ kind, slug: e.id, title: e.data.title, model: f.model, focus: f.focus, secondary: f.secondary });
      }
    }
  }
  return buildQuestionBank({
    records,
    modelsOf: (id) => [...(models.get(id) ?? [])],
    depthOf: (id, model) => {
      const structure = centreZ.get(id);
      const whole = modelZ.get(model);
      return structure === undefined || whole === undefined ? null : { structure, model: whole };
    },
    figures,
  });
}

/** The bank, built once per build. */
export function questionBank(): Promise<QuestionBank> {
  cached ??= build();
  return cached;
}
