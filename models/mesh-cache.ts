// The raw meshes of the last models build (right side, before simplification), kept under .cache/ so the tests of
// the builders' output (tests/built/soft-anatomy.test.ts) read what the build made instead of building it again.
// A mesh is used only while the build's inputs are unchanged (the key is the models' inputs key); otherwise the
// caller builds it itself.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MeshData } from "./types.ts";

const dirOf = (root: string) => join(root, ".cache", "palpate-models", "meshes");

/** Starts a fresh cache for a build with this inputs key (meshes of other keys are ignored from now on). */
export function startMeshCache(root: string, key: string): void {
  rmSync(dirOf(root), { recursive: true, force: true });
  mkdirSync(dirOf(root), { recursive: true });
  writeFileSync(join(dirOf(root), "key"), key);
}

/** Stores one structure's raw mesh. */
export function saveRawMesh(root: string, id: string, mesh: MeshData): void {
  const parts = [mesh.positions, mesh.normals, mesh.indices, mesh.fibre ?? new Float32Array(0)];
  const header = new Uint32Array(parts.map((p) => p.length));
  const body = Buffer.concat([
    Buffer.from(header.buffer),
    ...parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)),
  ]);
  writeFileSync(join(dirOf(root), `${id}.bin`), body);
}

/** One structure's raw mesh from the last build, if that build had these inputs (`key`) and built it. */
export function loadRawMesh(root: string, id: string, key: string): MeshData | null {
  const keyFile = join(dirOf(root), "key");
  const file = join(dirOf(root), `${id}.bin`);
  if (!existsSync(keyFile) || !existsSync(file) || readFileSync(keyFile, "utf8") !== key) return null;
  const bytes = readFileSync(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const [np = 0, nn = 0, ni = 0, nf = 0] = new Uint32Array(buffer, 0, 4);
  let at = 16;
  const take = <T>(n: number, make: (b: ArrayBuffer, o: number, n: number) => T): T => {
    const out = make(buffer, at, n);
    at += n * 4;
    return out;
  };
  const positions = take(np, (b, o, n) => new Float32Array(b, o, n));
  const normals = take(nn, (b, o, n) => new Float32Array(b, o, n));
  const indices = take(ni, (b, o, n) => new Uint32Array(b, o, n));
  const fibre = take(nf, (b, o, n) => new Float32Array(b, o, n));
  return { positions, normals, indices, ...(nf > 0 ? { fibre } : {}) };
}
