// Quick look at soft-tissue shapes without the full model build: builds the chosen records (with --bones every bone,
// with --obstacles the soft-tissue builders' named obstacles, drawn in the secondary highlight colour), writes them to
// a scratch model file and draws it with the figure posters' renderer (src/components/viewer/poster.ts: the same CPU
// rasterizer, shading and framing as a page's poster, so there is one renderer). Development tool, not part of the
// build. Several views are put side by side in one image (.webp or .png, by the file name).
//   node models/soft/preview.ts --ids deltoid,biceps-brachii --view anterior,right --out /tmp/p.png [--bones]
//   [--obstacles] [--region upper-limb]
// Views: the viewer's (anterior, posterior, right, left, lateral, medial, superior, inferior, ...).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { POSTER_HEIGHT, POSTER_WIDTH, renderPoster } from "../../src/components/viewer/poster.ts";
import { LAYER_KEYS, layerGroupOf, VIEW_NAMES, type ViewName } from "../../src/lib/view-state.ts";
import type { AnatomyRecord } from "../../src/schemas/anatomy-record.ts";
import { loadRecords } from "../records.ts";
import type { MeshData } from "../types.ts";
import { type NodeSpec, writeGlb } from "../writer.ts";
import { buildSoftTissue } from "./index.ts";

/** One mesh to draw, with the record facts the renderer reads. */
interface Drawable {
  id: string;
  tissue: string;
  layer: number;
  mesh: MeshData;
}

/** Draws the meshes from each view (the chosen ids framed, obstacles highlighted) into one image, side by side. */
async function renderViews(items: Drawable[], views: ViewName[], frame: string[], out: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "palpate-preview-"));
  try {
    const file = join(dir, "preview.glb");
    const specs: NodeSpec[] = items.map((d) => ({
      name: `${d.id}-r`,
      mesh: d.mesh,
      extras: { id: d.id, side: "r", tissue: d.tissue, layer: d.layer, region: "" },
    }));
    writeFileSync(file, await writeGlb("Preview", specs));
    const images: Buffer[] = [];
    for (const view of views) {
      images.push(
        await renderPoster({
          model: "preview",
          files: [file],
          view,
          side: "r",
          focus: [],
          secondary: items.filter((d) => d.id.startsWith("obstacle-")).map((d) => d.id),
          frame,
          groups: new Map(items.map((d) => [d.id, layerGroupOf(d.tissue, d.layer)])),
          layers: LAYER_KEYS,
        }).then((image) => image.webp),
      );
    }
    await sharp({
      create: {
        width: POSTER_WIDTH * views.length,
        height: POSTER_HEIGHT,
        channels: 4,
        background: { r: 29, g: 33, b: 38, alpha: 1 },
      },
    })
      .composite(images.map((input, i) => ({ input, left: i * POSTER_WIDTH, top: 0 })))
      .toFile(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
        items.push({ id: r.id, tissue: r.tissue, layer: r.layer, mesh: buildBone(r.geometry) });
      } catch (error) {
        console.error(`bone ${r.id}: ${(error as Error).message}`);
      }
    }
  }
  // Obstacles are no records: numbered, drawn as connective tissue in the secondary highlight colour.
  const obstacle = (mesh: MeshData) =>
    items.push({ id: `obstacle-${items.length}`, tissue: "ligament", layer: 1, mesh });
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
              obstacle(buildSoftGeometry(skeletonContext, g as never));
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
          obstacle(m);
          continue;
        }
        try {
          obstacle(buildSoftGeometry(skeletonContext, g as never));
        } catch (error) {
          console.error((error as Error).message);
        }
      }
    }
  }
  for (const r of chosen) {
    try {
      const m = buildSoftTissue(r, "r");
      if (m) items.push({ id: r.id, tissue: r.tissue, layer: r.layer, mesh: m });
    } catch (error) {
      console.error((error as Error).message);
    }
  }
  const views = (args.get("view") ?? "anterior").split(",");
  const unknown = views.filter((v) => !(VIEW_NAMES as readonly string[]).includes(v));
  if (unknown.length > 0) throw new Error(`--view ${unknown.join(", ")}: not a view (${VIEW_NAMES.join(", ")})`);
  // Framed: the chosen records (without them, everything drawn).
  const frame = chosen.length > 0 ? chosen.map((r) => r.id) : items.map((d) => d.id);
  const out = args.get("out") ?? "/tmp/soft-preview.png";
  await renderViews(items, views as ViewName[], frame, out);
  console.log(`${out}: ${items.length} meshes`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
