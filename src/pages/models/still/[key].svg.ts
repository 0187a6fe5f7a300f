// Backdrops of the page figures' stills (/models/still/<model>-<view>-<side>.svg): every outline of a model from
// one view and side, which a figure's server-drawn still shows behind its highlighted outlines (viewer-payload.ts).
import { getCollection } from "astro:content";
import type { APIRoute } from "astro";
import { type AnatomyFacts, buildStillBackdropSvg, readManifest } from "../../../components/viewer/viewer-payload.ts";
import type { Side, ViewName } from "../../../lib/view-state.ts";

// The same models, views and sides as the schematic outlines.
export { getStaticPaths } from "../schematic/[key].json.ts";

interface Props {
  model: string;
  view: ViewName;
  side: Side;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const entries = await getCollection("anatomy");
  const records = new Map<string, AnatomyFacts>(entries.map((e) => [e.id, e.data]));
  const svg = await buildStillBackdropSvg(props.model, props.view, props.side, records, readManifest());
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml" } });
};
