// The viewer shows what it names (issue 13): for every figure on a condition, technique and lesson page, every
// atlas figure of a muscle, and "Show me" on every atlas muscle (in its atlas model and in the explorer's whole
// body), the part of the target structures the reader actually sees, measured in an id buffer of the generated
// model from the camera the viewer takes, with the cover the viewer makes see-through counted as not hiding.
// Needs public/models (npm run models).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../../models/manifest.ts";
import { atlasModel, atlasView, type StructureFacts } from "../../src/lib/anatomy-graph.ts";
import { isViewName, type Side, type ViewName } from "../../src/lib/view-state.ts";
import { mdxPages, yamlRecords } from "../support/content.ts";
import { measureScenario, modelsDir, type Scenario, summary } from "../support/visibility.ts";

/**
 * At least this part of the targets' pixels must show with nothing opaque in front. The issue's floor is half: a
 * structure more than half visible shows its shape, extent and attachments, and the rest is still drawn through
 * its cover (the show-through tint and outline). 0.6 keeps a margin above that floor while leaving room below
 * today's worst case (72 % when this test was written; median 96-98 %), so a model change that buries a target
 * fails here rather than in front of a student.
 */
const THRESHOLD = 0.6;

const manifest = JSON.parse(readFileSync(join(modelsDir, "manifest.json"), "utf8")) as Manifest;

interface Spec {
  model?: string | undefined;
  focus: string[];
  secondary?: string[] | undefined;
  side?: string | undefined;
  view?: string | undefined;
  frame?: string[] | undefined;
}

function figure(label: string, spec: Spec): Scenario {
  const view = spec.view ?? "anterior";
  if (!isViewName(view)) throw new Error(`${label}: unknown view ${view}`);
  return {
    label,
    kind: "figure",
    model: spec.model ?? "body",
    side: (spec.side === "l" ? "l" : "r") as Side,
    focus: spec.focus,
    secondary: spec.secondary ?? [],
    view,
    frame: spec.frame,
  };
}

const pageFigures: Scenario[] = [];
for (const kind of ["conditions", "techniques", "lessons"] as const) {
  for (const page of mdxPages<{ anatomy?: Spec[] }>(kind)) {
    for (const [i, spec] of (page.data.anatomy ?? []).entries())
      pageFigures.push(figure(`${kind}/${page.slug}#${i + 1}`, spec));
  }
}

type Record_ = StructureFacts & { geometry?: unknown; bilateral?: boolean };
const models = [...new Set(manifest.files.map((f) => f.model))].map((model) => ({
  model,
  ids: new Set(manifest.structures.filter((s) => s.models.includes(model)).map((s) => s.id)),
}));
const muscles = yamlRecords<Record_>("anatomy")
  .map((r) => r.data)
  .filter((r) => r.tissue === "muscle" && manifest.structures.some((s) => s.id === r.id));

const atlasFigures: Scenario[] = muscles.map((r) => ({
  ...figure(`atlas/${r.id}`, { model: atlasModel(r, models), focus: [r.id], view: atlasView(r) }),
}));
const showMe: Scenario[] = muscles.flatMap((r) => [
  {
    label: `show me ${r.id} (atlas figure)`,
    kind: "show" as const,
    model: atlasModel(r, models),
    side: "r" as Side,
    focus: [r.id],
    secondary: [],
    view: atlasView(r) as ViewName,
    selected: r.id,
  },
  {
    label: `show me ${r.id} (explorer)`,
    kind: "show" as const,
    model: "body",
    side: "r" as Side,
    focus: [],
    secondary: [],
    view: "anterior" as ViewName,
    selected: r.id,
  },
]);

/** VISIBILITY_BEFORE=1 also measures the viewer as it was (named view, nothing see-through), for the report. */
const withBefore = process.env["VISIBILITY_BEFORE"] === "1";

async function measureAll(list: Scenario[]) {
  const out: { label: string; before?: number; after: number; changed: boolean }[] = [];
  for (const s of list) {
    const after = await measureScenario(s, "after");
    const before = withBefore ? (await measureScenario(s, "before")).fraction : undefined;
    out.push({
      label: s.label,
      ...(before === undefined ? {} : { before }),
      after: after.fraction,
      changed: after.changed,
    });
  }
  return out;
}

function report(name: string, rows: Awaited<ReturnType<typeof measureAll>>) {
  const a = summary(rows.map((r) => ({ label: r.label, fraction: r.after })));
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  const b = withBefore ? summary(rows.map((r) => ({ label: r.label, fraction: r.before ?? 0 }))) : undefined;
  console.log(
    `${name} (${rows.length}): ${b ? `before min ${pct(b.min)} median ${pct(b.median)}; ` : ""}after min ${pct(a.min)} median ${pct(a.median)}` +
      `; views turned: ${
        rows
          .filter((r) => r.changed)
          .map((r) => r.label)
          .join(", ") || "none"
      }` +
      `\n  worst after: ${a.worst.join(", ")}`,
  );
}

describe("the viewer shows its targets", () => {
  it("has figures and muscles to measure", () => {
    expect(pageFigures.length).toBeGreaterThan(40);
    expect(muscles.length).toBeGreaterThan(60);
  });

  it(`every page figure shows at least ${THRESHOLD * 100} % of its focus`, async () => {
    const rows = await measureAll(pageFigures);
    report("page figures", rows);
    expect(rows.filter((r) => r.after < THRESHOLD).map((r) => `${r.label}: ${(r.after * 100).toFixed(0)}%`)).toEqual(
      [],
    );
  });

  it(`every atlas muscle figure shows at least ${THRESHOLD * 100} % of its muscle`, async () => {
    const rows = await measureAll(atlasFigures);
    report("atlas figures", rows);
    expect(rows.filter((r) => r.after < THRESHOLD).map((r) => `${r.label}: ${(r.after * 100).toFixed(0)}%`)).toEqual(
      [],
    );
  });

  it(`"Show me" on every atlas muscle shows at least ${THRESHOLD * 100} % of it`, async () => {
    const rows = await measureAll(showMe);
    report("show me", rows);
    expect(rows.filter((r) => r.after < THRESHOLD).map((r) => `${r.label}: ${(r.after * 100).toFixed(0)}%`)).toEqual(
      [],
    );
  });
});
