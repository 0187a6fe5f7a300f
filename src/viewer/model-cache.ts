// Loads a model file once per page (meshopt-compressed glTF, decoder bundled, never fetched from elsewhere)
// and hands each viewer its own copy of the node tree; geometry is shared and freed when the last viewer goes.
import type { BufferGeometry, Group, Material, Mesh, Object3D } from "three";
import { MeshoptDecoder } from "three/examples/jsm/libs/meshopt_decoder.module.js";
import { loadGlb } from "./glb-loader.ts";

interface Entry {
  promise: Promise<Group>;
  users: number;
}

const cache = new Map<string, Entry>();

// The decoder compiles its WebAssembly as soon as this module loads. If that is refused (a stricter CSP without
// 'wasm-unsafe-eval', an old browser), its `ready` promise rejects before any model asks for it, which the
// browser reports as an uncaught error. Mark it handled here; the loader still sees the rejection when it awaits
// `ready` and the viewer shows its "could not be loaded" message.
MeshoptDecoder.ready.catch(() => {});

function isMesh(o: Object3D): o is Mesh {
  return (o as Mesh).isMesh === true;
}

/** Loads (or reuses) the model at `url` and returns a fresh copy of its scene for one viewer. */
export async function acquireModel(url: string): Promise<Object3D> {
  let entry = cache.get(url);
  if (!entry) {
    entry = { promise: loadGlb(url), users: 0 };
    cache.set(url, entry);
    // A failed request is not cached: a later viewer (or a retry) asks again.
    entry.promise.catch(() => cache.delete(url));
  }
  entry.users++;
  try {
    const scene = await entry.promise;
    // clone() shares geometries between viewers; materials are replaced by the viewer's own shared set.
    return scene.clone(true);
  } catch (error) {
    entry.users--;
    throw error;
  }
}

/** Gives a model back; when no viewer uses it any more its GPU buffers are freed and it leaves the cache. */
export function releaseModel(url: string): void {
  const entry = cache.get(url);
  if (!entry) return;
  entry.users--;
  if (entry.users > 0) return;
  cache.delete(url);
  entry.promise.then(
    (scene) => {
      const geometries = new Set<BufferGeometry>();
      const materials = new Set<Material>();
      scene.traverse((o) => {
        if (!isMesh(o)) return;
        geometries.add(o.geometry);
        for (const m of Array.isArray(o.material) ? o.material : [o.material]) materials.add(m);
      });
      for (const g of geometries) g.dispose();
      for (const m of materials) m.dispose();
    },
    () => {},
  );
}
