// The 3D view a presentation step or a step-through step asks of the page's figure, checked at build time: every
// id must have an anatomy record and the view must be a known one, else the build fails naming the file and field.
import { getCollection } from "astro:content";
import { VIEWS } from "../../schemas/common.ts";
import type { ViewRequest } from "../../viewer/view-request.ts";

export interface StepViewProps {
  /** Primary target tissues (anatomy ids) to highlight. */
  focus?: string[] | undefined;
  /** Secondary tissues (anatomy ids). */
  secondary?: string[] | undefined;
  side?: "r" | "l" | undefined;
  /** Camera preset, e.g. "posterior". */
  view?: string | undefined;
  /** Labels on (default) or off, e.g. off for a "what is this?" step. */
  labels?: boolean | undefined;
}

/** The step's view as JSON for a data attribute, or undefined when the step names none. */
export async function stepViewData(
  props: StepViewProps,
  where: string,
  component: string,
): Promise<string | undefined> {
  const { focus, secondary, side, view, labels } = props;
  if ([focus, secondary, side, view, labels].every((v) => v === undefined)) return undefined;
  const known = new Set((await getCollection("anatomy")).map((e) => e.id));
  for (const [field, ids] of [
    ["focus", focus ?? []],
    ["secondary", secondary ?? []],
  ] as const) {
    for (const id of ids) {
      if (!known.has(id)) throw new Error(`${where}: unknown anatomy id "${id}" in ${component} ${field}.`);
    }
  }
  if (view !== undefined && !(VIEWS as readonly string[]).includes(view)) {
    throw new Error(`${where}: unknown view "${view}" in ${component} (known: ${VIEWS.join(", ")}).`);
  }
  if (side !== undefined && side !== "r" && side !== "l") {
    throw new Error(`${where}: ${component} side must be "r" or "l", not "${String(side)}".`);
  }
  const request: ViewRequest = {
    ...(focus ? { focus } : {}),
    ...(secondary ? { secondary } : {}),
    ...(side ? { side } : {}),
    ...(view ? { view: view as ViewRequest["view"] & string } : {}),
    ...(labels !== undefined ? { labels } : {}),
  };
  return JSON.stringify(request);
}
