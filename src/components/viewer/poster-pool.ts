// Posters are drawn on the CPU, one core each: a few worker threads draw them while the build renders other pages
// (astro.config.mjs renders several pages at once). The workers run the sources directly (Node strips the types),
// found from the project root because the build bundles this module elsewhere. Idle workers do not keep the
// process alive; a worker that fails fails its jobs (the build names the poster) and is replaced by the next job.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { PosterImage, PosterInput } from "./poster.ts";

interface Job {
  resolve(image: PosterImage): void;
  reject(error: Error): void;
}
interface Entry {
  worker: Worker;
  jobs: Map<number, Job>;
}

const SIZE = Math.max(1, Math.min(4, availableParallelism()));
const workers: Entry[] = [];
let next = 0;

function start(root: string): Entry {
  const entry: Entry = { worker: new Worker(join(root, "src/components/viewer/poster-worker.ts")), jobs: new Map() };
  const fail = (error: Error) => {
    workers.splice(workers.indexOf(entry), 1);
    for (const job of entry.jobs.values()) job.reject(error);
    entry.jobs.clear();
  };
  entry.worker.on("message", ({ id, image, error }: { id: number; image?: PosterImage; error?: string }) => {
    const job = entry.jobs.get(id);
    entry.jobs.delete(id);
    if (entry.jobs.size === 0) entry.worker.unref();
    if (image) job?.resolve({ webp: Buffer.from(image.webp), anchors: image.anchors });
    else job?.reject(new Error(`poster worker: ${error}`));
  });
  entry.worker.on("error", fail);
  entry.worker.on("exit", (code) => {
    if (workers.includes(entry)) fail(new Error(`poster worker stopped (exit code ${code})`));
  });
  workers.push(entry);
  return entry;
}

/** Draws a poster on the least busy worker. */
export function renderInPool(input: PosterInput, root: string): Promise<PosterImage> {
  const entry = workers.length < SIZE ? start(root) : workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  const id = next++;
  entry.worker.ref();
  return new Promise((resolve, reject) => {
    entry.jobs.set(id, { resolve, reject });
    entry.worker.postMessage({ id, input });
  });
}
