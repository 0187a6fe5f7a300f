// Posters are drawn on the CPU, one core each: a few worker threads draw them while the build renders other pages
// (astro.config.mjs renders several pages at once). The workers run the sources directly (Node strips the types),
// found from the project root because the build bundles this module elsewhere. Idle workers do not keep the
// process alive.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { PosterInput } from "./poster.ts";

interface Job {
  resolve(webp: Buffer): void;
  reject(error: Error): void;
}

const SIZE = Math.max(1, Math.min(4, availableParallelism()));
const workers: { worker: Worker; busy: number }[] = [];
const jobs = new Map<number, Job>();
let next = 0;

function worker(root: string) {
  if (workers.length < SIZE) {
    const w = new Worker(join(root, "src/components/viewer/poster-worker.ts"));
    const entry = { worker: w, busy: 0 };
    w.on("message", ({ id, webp, error }: { id: number; webp?: Uint8Array; error?: string }) => {
      const job = jobs.get(id);
      jobs.delete(id);
      entry.busy--;
      if (entry.busy === 0) w.unref();
      if (!job) return;
      if (webp) job.resolve(Buffer.from(webp));
      else job.reject(new Error(`poster worker: ${error}`));
    });
    w.on("error", (error: Error) => {
      for (const job of jobs.values()) job.reject(error);
      jobs.clear();
    });
    workers.push(entry);
  }
  return workers.reduce((a, b) => (b.busy < a.busy ? b : a));
}

/** Draws a poster on the least busy worker. */
export function renderInPool(input: PosterInput, root: string): Promise<Buffer> {
  const entry = worker(root);
  const id = next++;
  entry.busy++;
  entry.worker.ref();
  return new Promise((resolve, reject) => {
    jobs.set(id, { resolve, reject });
    entry.worker.postMessage({ id, input });
  });
}
