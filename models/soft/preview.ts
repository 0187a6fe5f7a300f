// Quick look at soft-tissue shapes without the full model build: a small software renderer (orthographic,
// z-buffer, smooth shading; triangles scanned by models/raster.ts) writing PNGs. Development tool, not part of the build.
//   node models/soft/preview.ts --ids deltoid,biceps-brachii --view anterior --out /tmp/p.png [--bones]
//   [--centre x,y,z --size 0.4] [--width 900]
// Views: anterior, posterior, right (lateral of the right side), left, superior, inferior.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { srgbBytes, VIVID } from "../../src/lib/tissue-colours.ts";
import type { AnatomyRecord } from "../../src/schemas/anatomy-record.ts";
import { orthoCamera, rasterize } from "../raster.ts";
import { loadRecords } from "../records.ts";
import type { MeshData, Vec3 } from "../types.ts";
import { buildSoftTissue } from "./index.ts";

export type Rgb = [number, number, number];
export interface Drawable {
  mesh: MeshData;
  colour: Rgb;
}

/** The tissues' natural colours (src/lib/tissue-colours.ts) as bytes. */
const TISSUE_RGB: Record<string, Rgb> = Object.fromEntries(
  Object.entries(VIVID).map(([tissue, look]) => [tissue, srgbBytes(look.colour)]),
);

type View = "anterior" | "posterior" | "right" | "left" | "superior" | "inferior";

/** Camera basis: screen right, screen up, toward the viewer. */
function basis(view: View): { r: Vec3; u: Vec3; f: Vec3 } {
  switch (view) {
    case "anterior":
      return { r: [1, 0, 0], u: [0, 1, 0], f: [0, 0, 1] };
    case "posterior":
      return { r: [-1, 0, 0], u: [0, 1, 0], f: [0, 0, -1] };
    case "right":
      return { r: [0, 0, 1], u: [0, 1, 0], f: [-1, 0, 0] };
    case "left":
      return { r: [0, 0, -1], u: [0, 1, 0], f: [1, 0, 0] };
    case "superior":
      return { r: [1, 0, 0], u: [0, 0, -1], f: [0, 1, 0] };
    case "inferior":
      return { r: [1, 0, 0], u: [0, 0, 1], f: [0, -1, 0] };
  }
}

const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

export function renderRgb(
  items: Drawable[],
  view: View,
  opts: { width: number; height: number; centre: Vec3; size: number },
): Uint8Array {
  const { width: W, height: H } = opts;
  const { r, u, f } = basis(view);
  const camera = orthoCamera({
    right: r,
    up: u,
    toward: f,
    centre: opts.centre,
    pixelSize: opts.size / Math.min(W, H),
    width: W,
    height: H,
  });
  const img = new Uint8Array(W * H * 3).fill(40);
  const zbuf = new Float32Array(W * H).fill(-Infinity);
  const light: Vec3 = (() => {
    const l: Vec3 = [r[0] * -0.4 + u[0] * 0.6 + f[0], r[1] * -0.4 + u[1] * 0.6 + f[1], r[2] * -0.4 + u[2] * 0.6 + f[2]];
    const n = Math.hypot(...l);
    return [l[0] / n, l[1] / n, l[2] / n];
  })();
  for (const { mesh, colour } of items) {
    const n = mesh.positions.length / 3;
    const shade = new Float32Array(n);
    const tend = new Float32Array(n);
    const fw = mesh.fibre ? mesh.fibre.length / n : 0;
    if (fw === 2) for (let i = 0; i < n; i++) tend[i] = mesh.fibre?.[2 * i + 1] ?? 0;
    for (let i = 0; i < n; i++) {
      const nn: Vec3 = [mesh.normals[3 * i] ?? 0, mesh.normals[3 * i + 1] ?? 0, mesh.normals[3 * i + 2] ?? 0];
      const lam = dot(nn, light);
      shade[i] = 0.25 + 0.75 * Math.max(0, lam) + 0.15 * Math.max(0, -lam);
    }
    rasterize(camera.project(mesh.positions), mesh.indices, W, H, false, (k, z, w0, w1, w2, a, b, c) => {
      if (z <= (zbuf[k] ?? 0)) return;
      zbuf[k] = z;
      const s = w0 * (shade[a] ?? 0) + w1 * (shade[b] ?? 0) + w2 * (shade[c] ?? 0);
      const td = w0 * (tend[a] ?? 0) + w1 * (tend[b] ?? 0) + w2 * (tend[c] ?? 0);
      img[3 * k] = Math.min(255, (colour[0] + (215 - colour[0]) * td) * s);
      img[3 * k + 1] = Math.min(255, (colour[1] + (215 - colour[1]) * td) * s);
      img[3 * k + 2] = Math.min(255, (colour[2] + (225 - colour[2]) * td) * s);
    });
  }
  return img;
}

export function render(
  items: Drawable[],
  view: View,
  opts: { width: number; height: number; centre: Vec3; size: number },
): Uint8Array {
  return encodePng(renderRgb(items, view, opts), opts.width, opts.height);
}

/** Several views side by side in one PNG. */
export function renderStrip(
  items: Drawable[],
  views: View[],
  opts: { width: number; height: number; centre: Vec3; size: number },
): Uint8Array {
  const W = opts.width * views.length;
  const out = new Uint8Array(W * opts.height * 3);
  views.forEach((v, n) => {
    const img = renderRgb(items, v, opts);
    for (let y = 0; y < opts.height; y++) {
      out.set(img.subarray(y * opts.width * 3, (y + 1) * opts.width * 3), (y * W + n * opts.width) * 3);
    }
  });
  return encodePng(out, W, opts.height);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
export function encodePng(rgb: Uint8Array, W: number, H: number): Uint8Array {
  const raw = new Uint8Array((W * 3 + 1) * H);
  for (let y = 0; y < H; y++) {
    raw[y * (W * 3 + 1)] = 0;
    raw.set(rgb.subarray(y * W * 3, (y + 1) * W * 3), y * (W * 3 + 1) + 1);
  }
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, W);
  dv.setUint32(4, H);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", new Uint8Array(deflateSync(raw))),
    chunk("IEND", new Uint8Array()),
  ];
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

async function main(): Promise<void> {
  const args = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a.startsWith("--")) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith("--")) {
        args.set(a.slice(2), next);
        i++;
      } else args.set(a.slice(2), "1");
    }
  }
  const root = new URL("../../", import.meta.url).pathname;
  const records = loadRecords(root).map((r) => r.record);
  const wanted = args.get("ids")?.split(",");
  const region = args.get("region");
  const chosen = records.filter(
    (r: AnatomyRecord) =>
      r.tissue !== "bone" &&
      (r.tissue !== "skin" || wanted?.includes(r.id)) &&
      (!wanted || wanted.includes(r.id)) &&
      (!region || r.regions.includes(region as AnatomyRecord["regions"][number])),
  );
  const items: Drawable[] = [];
  const { initMeshing } = await import("../sdf.ts");
  await initMeshing();
  if (args.has("bones")) {
    const { buildBone } = await import("../bones/index.ts");
    for (const r of records) {
      if (r.geometry?.builder !== "bone") continue;
      try {
        const m = buildBone(r.geometry);
        items.push({ mesh: m, colour: TISSUE_RGB.bone ?? [200, 200, 200] });
      } catch (error) {
        console.error(`bone ${r.id}: ${(error as Error).message}`);
      }
    }
  }
  if (args.has("obstacles")) {
    const { NAMED_OBSTACLES } = await import("./obstacles.ts");
    const { buildSoftGeometry, skeletonContext } = await import("./index.ts");
    for (const list of Object.values(NAMED_OBSTACLES)) {
      for (const o of list) {
        if ("stack" in o) {
          // Slices as flat discs.
          for (const sl of o.stack) {
            try {
              const g = {
                builder: "bursa",
                centre: sl.centre,
                radiiMm: sl.radiiMm,
                thicknessMm: 2,
                faceToward: { landmark: "humerus.head-top", offset: [0, 5, 0] },
                longToward: { landmark: "humerus.head-top", offset: [-5, 0, 0] },
                avoid: [],
              };
              items.push({ mesh: buildSoftGeometry(skeletonContext, g as never), colour: [90, 160, 90] });
            } catch (error) {
              console.error((error as Error).message);
            }
          }
          continue;
        }
        const g =
          "sphere" in o
            ? {
                builder: "bursa",
                centre: o.sphere,
                radiiMm: [o.radiusMm, o.radiusMm],
                thicknessMm: o.radiusMm * 2,
                faceToward: { landmark: "humerus.head-top", offset: [0, 1, 0] },
              }
            : "rod" in o
              ? { builder: "tube", path: o.rod, radiusMm: o.radiusMm, avoid: [] }
              : "plate" in o
                ? {
                    builder: "band",
                    rails: [
                      [o.plate[0], o.plate[2]],
                      [o.plate[1], o.plate[2]],
                    ],
                    thicknessMm: o.thicknessMm,
                  }
                : { builder: "skin", parts: [{ from: o.ellipsoid, to: o.ellipsoid, radiusMm: 1 }] };
        if (g.builder === "skin" && "ellipsoid" in o) {
          // Ellipsoid: a unit sphere bursa scaled per axis.
          const { resolvePoint } = await import("./context.ts");
          const c = resolvePoint(skeletonContext, o.ellipsoid);
          const m = buildSoftGeometry(skeletonContext, {
            builder: "bursa",
            centre: { xyz: [0, 0, 0] },
            radiiMm: [1000, 1000],
            thicknessMm: 2000,
            faceToward: { xyz: [0, 0, 1] },
            avoid: [],
          });
          for (let i = 0; i < m.positions.length; i += 3) {
            m.positions[i] = c[0] + (m.positions[i] ?? 0) * (o.radiiMm[0] / 1000);
            m.positions[i + 1] = c[1] + (m.positions[i + 1] ?? 0) * (o.radiiMm[1] / 1000);
            m.positions[i + 2] = c[2] + (m.positions[i + 2] ?? 0) * (o.radiiMm[2] / 1000);
          }
          items.push({ mesh: m, colour: [90, 160, 90] });
          continue;
        }
        try {
          items.push({ mesh: buildSoftGeometry(skeletonContext, g as never), colour: [90, 160, 90] });
        } catch (error) {
          console.error((error as Error).message);
        }
      }
    }
  }
  for (const r of chosen) {
    try {
      const m = buildSoftTissue(r, "r");
      if (m) items.push({ mesh: m, colour: TISSUE_RGB[r.tissue] ?? [200, 200, 200] });
    } catch (error) {
      console.error((error as Error).message);
    }
  }
  let centre: Vec3;
  let size: number;
  if (args.has("centre")) {
    centre = (args.get("centre") ?? "0,1,0").split(",").map(Number) as Vec3;
    size = Number(args.get("size") ?? 0.5);
  } else {
    const min: Vec3 = [Infinity, Infinity, Infinity];
    const max: Vec3 = [-Infinity, -Infinity, -Infinity];
    for (const it of items.slice(args.has("bones") ? 0 : 0)) {
      if (it.colour === TISSUE_RGB.bone && chosen.length) continue;
      for (let i = 0; i < it.mesh.positions.length; i++) {
        const k = (i % 3) as 0 | 1 | 2;
        const v = it.mesh.positions[i] ?? 0;
        min[k] = Math.min(min[k], v);
        max[k] = Math.max(max[k], v);
      }
    }
    centre = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
    size = Math.max(max[0] - min[0], max[1] - min[1], max[2] - min[2]) * 1.1;
  }
  const width = Number(args.get("width") ?? (args.has("view") && (args.get("view") ?? "").includes(",") ? 500 : 800));
  const views = (args.get("view") ?? "anterior").split(",") as View[];
  const out = args.get("out") ?? "/tmp/soft-preview.png";
  writeFileSync(out, renderStrip(items, views, { width, height: width, centre, size }));
  console.log(`${out}: ${items.length} meshes`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
