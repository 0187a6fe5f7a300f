// npm run models:shots: renders every generated model (public/models, or --dir) from standard views with three.js
// in headless Chromium and writes PNGs to models/shots/. Options:
//   --models=skeleton,upper-limb   which models (default: all in the manifest)
//   --views=anterior,posterior,lateral,medial,superior   (default: anterior,posterior,lateral)
//   --frame=minx,miny,minz,maxx,maxy,maxz   frame this box instead of the whole model (close-ups)
//   --size=900   image height in pixels;  --name=suffix   added to the file names
//   --parts=connective,deep   also load these parts of each model (`all`: every part; default: first-load file only)
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium } from "@playwright/test";
import { ROOT } from "./build.ts";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v = "true"] = a.replace(/^--/, "").split("=");
    return [k as string, v];
  }),
);
const dir = args.get("dir") ?? join(ROOT, "public", "models");
const outDir = join(ROOT, "models", "shots");
const size = Number(args.get("size") ?? 900);
const views = (args.get("views") ?? "anterior,posterior,lateral").split(",");
const frame = args.get("frame")?.split(",").map(Number);
const suffix = args.get("name") ? `-${args.get("name")}` : "";
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
  files: { model: string; part: string; file: string }[];
};
const parts = args.get("parts")?.split(",") ?? [];
const models = args.get("models")?.split(",") ?? manifest.files.map((f) => f.model);

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".html": "text/html",
  ".glb": "model/gltf-binary",
  ".json": "application/json",
};
const page = `<!doctype html><html><head><style>html,body{margin:0;background:#1d2126}canvas{display:block}</style>
<script type="importmap">{"imports":{"three":"/three/build/three.module.js","three/addons/":"/three/examples/jsm/"}}</script>
</head><body><script type="module">
import * as THREE from "three";
import { GLTFLoader } from "three/addons/loaders/GLTFLoader.js";
import { MeshoptDecoder } from "three/addons/libs/meshopt_decoder.module.js";
const q = new URLSearchParams(location.search);
const renderer = new THREE.WebGLRenderer({ antialias: true });
renderer.setPixelRatio(1);
const W = Number(q.get("w")), H = Number(q.get("h"));
renderer.setSize(W, H);
document.body.appendChild(renderer.domElement);
const scene = new THREE.Scene();
scene.background = new THREE.Color(0x1d2126);
scene.add(new THREE.HemisphereLight(0xffffff, 0x445566, 1.6));
const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
const loaded = await Promise.all(q.get("file").split(",").map((f) => loader.loadAsync("/models/" + f)));
const gltf = { scene: new THREE.Group() };
for (const l of loaded) gltf.scene.add(l.scene);
scene.add(gltf.scene);
// Frame what the region is about: everything but the skin, which encloses the whole body in every file.
gltf.scene.updateMatrixWorld(true);
const box = new THREE.Box3();
gltf.scene.traverse((o) => {
  if (!o.isMesh) return;
  let n = o;
  while (n && !(n.userData && n.userData.id)) n = n.parent;
  if (!n || n.userData.id !== "skin") box.expandByObject(o);
});
if (box.isEmpty()) box.setFromObject(gltf.scene);
const f = q.get("frame");
if (f) { const v = f.split(",").map(Number); box.set(new THREE.Vector3(v[0], v[1], v[2]), new THREE.Vector3(v[3], v[4], v[5])); }
const c = box.getCenter(new THREE.Vector3()), s = box.getSize(new THREE.Vector3());
const dirs = { anterior: [0, 0, 1], posterior: [0, 0, -1], lateral: [-1, 0, 0], medial: [1, 0, 0], superior: [0, 1, 0.001], left: [1, 0, 0] };
const d = new THREE.Vector3(...dirs[q.get("view")]);
const up = new THREE.Vector3(0, 1, 0);
const right = new THREE.Vector3().crossVectors(up, d).normalize();
const halfW = Math.abs(right.x) * s.x / 2 + Math.abs(right.y) * s.y / 2 + Math.abs(right.z) * s.z / 2;
const halfH = q.get("view") === "superior" ? s.z / 2 : s.y / 2;
const aspect = W / H;
const half = Math.max(halfH, halfW / aspect) * 1.08;
const cam = new THREE.OrthographicCamera(-half * aspect, half * aspect, half, -half, 0.01, 20);
cam.position.copy(c).addScaledVector(d, 5);
if (q.get("view") === "superior") cam.up.set(0, 0, -1);
cam.lookAt(c);
const key = new THREE.DirectionalLight(0xffffff, 2.2);
key.position.copy(cam.position).add(new THREE.Vector3(1.5, 2.5, 0).applyQuaternion(cam.quaternion));
scene.add(key);
const fill = new THREE.DirectionalLight(0xffffff, 0.6);
fill.position.copy(c).addScaledVector(d, -3).add(new THREE.Vector3(0, 2, 0));
scene.add(fill);
renderer.render(scene, cam);
document.title = "ready";
</script></body></html>`;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  let file: string | undefined;
  if (url.pathname === "/") {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(page);
    return;
  }
  if (url.pathname.startsWith("/models/")) file = join(dir, normalize(url.pathname.slice(8)));
  else if (url.pathname.startsWith("/three/"))
    file = join(ROOT, "node_modules", "three", normalize(url.pathname.slice(7)));
  if (!file || !existsSync(file)) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as AddressInfo).port;
const executablePath = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium"].find((p) => p && existsSync(p));
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ["--disable-background-networking", "--disable-component-update", "--disable-quic", "--use-angle=swiftshader"],
});
mkdirSync(outDir, { recursive: true });
try {
  const tab = await browser.newPage();
  tab.on("pageerror", (e) => console.error("page error:", e.message));
  for (const model of models) {
    const entry = manifest.files.find((f) => f.model === model);
    if (!entry) throw new Error(`no model ${model} in ${dir}/manifest.json`);
    for (const view of views) {
      const w =
        view === "lateral" || view === "medial"
          ? Math.round(size * 0.6)
          : Math.round(size * (model === "skeleton" || model === "body" ? 0.6 : 0.9));
      const files = manifest.files
        .filter((f) => f.model === model && (f.part === "" || parts.includes("all") || parts.includes(f.part)))
        .map((f) => f.file);
      const qs = new URLSearchParams({ file: files.join(","), view, w: String(frame ? size : w), h: String(size) });
      if (frame) qs.set("frame", frame.join(","));
      await tab.setViewportSize({ width: frame ? size : w, height: size });
      await tab.goto(`http://127.0.0.1:${port}/?${qs}`);
      await tab.waitForFunction(() => document.title === "ready", undefined, { timeout: 60_000 });
      const out = join(outDir, `${model}-${view}${suffix}.png`);
      await tab.locator("canvas").screenshot({ path: out });
      console.log(out);
    }
  }
} finally {
  await browser.close();
  server.close();
}
