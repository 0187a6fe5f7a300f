// One data file per model (/models/<model>.data.json), plus one for the explorer: the structures with their card
// facts. Every figure of the model on every page fetches this file once instead of carrying a copy in the HTML.

import { getCollection } from "astro:content";
import type { APIRoute, GetStaticPaths } from "astro";
import {
  type AnatomyFacts,
  availableModels,
  buildModelStructures,
  readManifest,
} from "../../components/viewer/viewer-payload.ts";
import type { ModelData } from "../../viewer/types.ts";

export const getStaticPaths = (() =>
  [...availableModels(readManifest()).map((m) => m.model), "explorer"].map((model) => ({
    params: { model },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = params.model ?? "";
  const entries = await getCollection("anatomy");
  const records = new Map<string, AnatomyFacts>(entries.map((e) => [e.id, e.data]));
  const manifest = readManifest();
  const data: ModelData =
    model === "explorer"
      ? { structures: buildModelStructures("explorer", "body", records, manifest) }
      : { structures: buildModelStructures("figure", model, records, manifest) };
  return new Response(JSON.stringify(data), { headers: { "Content-Type": "application/json" } });
};
