// Schematic outlines of each model from each named view and side (/models/schematic/<model>-<view>-<side>.json):
// the still a figure shows before its 3D view is drawn. The figure's framing (viewBox) stays in its page.

import { getCollection } from "astro:content";
import type { APIRoute, GetStaticPaths } from "astro";
import {
  type AnatomyFacts,
  availableModels,
  buildSchematicShapes,
  readManifest,
} from "../../../components/viewer/viewer-payload.ts";
import type { Side, ViewName } from "../../../lib/view-state.ts";
import { VIEWS } from "../../../schemas/common.ts";

export const getStaticPaths = (() =>
  availableModels(readManifest()).flatMap((m) =>
    VIEWS.flatMap((view) =>
      (["r", "l"] as const).map((side) => ({
        params: { key: `${m.model}-${view}-${side}` },
        props: { model: m.model, view, side },
      })),
    ),
  )) satisfies GetStaticPaths;

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
