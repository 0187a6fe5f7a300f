// A worker thread that draws posters (poster-pool.ts sends the jobs): each keeps its own decoded models.
import { parentPort } from "node:worker_threads";
import { type PosterInput, renderPoster } from "./poster.ts";

parentPort?.on("message", async ({ id, input }: { id: number; input: PosterInput }) => {
  try {
    const image = await renderPoster(input);
    parentPort?.postMessage({ id, image });
  } catch (error) {
    parentPort?.postMessage({ id, error: (error as Error).stack ?? String(error) });
  }
});
