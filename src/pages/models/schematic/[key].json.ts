// Schematic outlines of a model from a named view and side (/models/schematic/<model>-<view>-<side>.json): the still
// the explorer shows before its 3D view is drawn, for the view it opens on (page figures show posters instead).
// The framing (viewBox) stays in its page.

import { getCollection } from "astro:content";
import type { APIRoute, GetStaticPaths } from "astro";
import {
  type AnatomyFacts,
  buildSchematicShapes,
  explorerStart,
  readManifest,
} from "../../../components/viewer/viewer-payload.ts";
import type { Side, ViewName } from "../../../lib/view-state.ts";

export const getStaticPaths = (() => {
  const start = explorerStart(readManifest());
  return [{ params: { key: `${start.model}-${start.view}-${start.side}` }, props: start }];
}) satisfies GetStaticPaths;

export interface Props {
  model: string;
  view: ViewName;
  side: Side;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const entries = await getCollection("anatomy");
  const records = new Map<string, AnatomyFacts>(entries.map((e) => [e.id, e.data]));
  const shapes = await buildSchematicShapes({ ...props, records, manifest: readManifest() });
  return new Response(JSON.stringify(shapes), { headers: { "Content-Type": "application/json" } });
};
