// Backdrops of the page figures' stills (/models/still/<model>-<view>-<side>.svg): every outline of a model from
// one view and side, which a figure's server-drawn still shows behind its highlighted outlines (viewer-payload.ts).
import { getCollection } from "astro:content";
import type { APIRoute } from "astro";
import { type AnatomyFacts, buildStillBackdropSvg, readManifest } from "../../../components/viewer/viewer-payload.ts";
import type { Props } from "../schematic/[key].json.ts";

// The same models, views and sides as the schematic outlines.
export { getStaticPaths } from "../schematic/[key].json.ts";

export const GET: APIRoute<Props> = async ({ props }) => {
  const records = new Map<string, AnatomyFacts>((await getCollection("anatomy")).map((e) => [e.id, e.data]));
  const svg = await buildStillBackdropSvg({ ...props, records, manifest: readManifest() });
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml" } });
};
