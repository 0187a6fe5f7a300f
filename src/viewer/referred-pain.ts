// Referred-pain patches drawn on the body surface as hatched ellipses (decals projected onto the skin, or onto
// the structures beneath when the model has no skin). Dense hatching: most people; sparse: some people. The
// endangerment sites are drawn by the same projection, as tinted areas with one outline.
import { Color, Euler, Group, Matrix4, Mesh, ShaderMaterial, Vector2, Vector3 } from "three";
import { DecalGeometry } from "three/examples/jsm/geometries/DecalGeometry.js";
import { PAIN_COLOUR } from "../lib/tissue-colours.ts";
import type { Side } from "../lib/view-state.ts";
import type { AnatomyModel, StructureNode } from "./anatomy-model.ts";
import { decalAxes, nearestSurfacePoint, type SurfacePoints, ZONE_REACH } from "./decal-placement.ts";
import type { PainPatch, ZoneOutline } from "./types.ts";

export { PAIN_COLOUR };

const vertex = /* glsl */ `
  varying vec2 vUv;
  void main() {
    vUv = uv;
    gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  }`;
// The patch: diagonal hatching, spaced in metres so every patch looks alike whatever its size, and a rim. (The
// shaders' comments are kept out here: text inside a shader string ships to the browser.)
const fragment = /* glsl */ `
  uniform vec3 colour;
  uniform vec2 size;
  uniform float dense;
  varying vec2 vUv;
  void main() {
    vec2 p = (vUv - 0.5) * 2.0;
    float r = length(p);
    if (r > 1.0) discard;
    vec2 w = (vUv - 0.5) * size;
    float spacing = mix(0.012, 0.007, dense);
    float line = abs(fract((w.x + w.y) / spacing) - 0.5);
    float hatch = 1.0 - smoothstep(0.12, 0.2, line);
    float rim = smoothstep(0.86, 0.9, r);
    float alpha = max(max(hatch * 0.85, dense * 0.32), rim * 0.95);
    if (alpha < 0.02) discard;
    gl_FragColor = vec4(colour, alpha);
  }`;

function patchMaterial(dense: boolean, size: Vector2): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { colour: { value: new Color(PAIN_COLOUR) }, size: { value: size }, dense: { value: dense ? 1 : 0 } },
    vertexShader: vertex,
    fragmentShader: fragment,
    transparent: true,
    depthWrite: false,
    polygonOffset: true,
    polygonOffsetFactor: -4,
    polygonOffsetUnits: -4,
  });
}

/** An ellipse projected onto the surface: where it landed and which way its decal faces. */
interface Projected {
  /** Position of the ellipse in the list given. */
  index: number;
  hit: Vector3;
  orientation: Euler;
  size: Vector3;
  /** The decal's axes in world space (columns of its orientation): across (radii[0]) and up (radii[1]). */
  axes: [Vector3, Vector3];
}

/** A mesh's vertices in world space, read when first asked for (most meshes lie too far from every ellipse). */
function worldSurface(node: StructureNode, mesh: Mesh): SurfacePoints & { node: StructureNode } {
  let positions: Float32Array | undefined;
  let normals: Float32Array | undefined;
  const read = () => {
    const position = mesh.geometry.getAttribute("position");
    const normal = mesh.geometry.getAttribute("normal");
    const v = new Vector3();
    positions = new Float32Array(position.count * 3);
    for (let i = 0; i < position.count; i++)
      v.fromBufferAttribute(position, i)
        .applyMatrix4(mesh.matrixWorld)
        .toArray(positions, 3 * i);
    if (normal) {
      normals = new Float32Array(normal.count * 3);
      for (let i = 0; i < normal.count; i++)
        v.fromBufferAttribute(normal, i)
          .transformDirection(mesh.matrixWorld)
          .toArray(normals, 3 * i);
    }
  };
  return {
    node,
    get positions() {
      if (!positions) read();
      return positions as Float32Array;
    },
    get normals() {
      if (!positions) read();
      return normals;
    },
  };
}

/**
 * Finds where each ellipse (right-side coordinates, mirrored for `side` "l") meets the skin, or the structures
 * beneath when the model has no skin, and decals it there; `material(i, p)` gives the material of ellipse i. An
 * ellipse whose centre lies farther than `maxDistance` from every surface (another region's model) is left out.
 */
function projectEllipses(
  model: AnatomyModel,
  ellipses: readonly { centre: readonly number[]; radii: readonly [number, number] }[],
  side: Side,
  group: Group,
  material: (projected: Projected[]) => (i: number) => ShaderMaterial,
  maxDistance = Number.POSITIVE_INFINITY,
): void {
  const skin = model.nodes.filter((n) => n.group === "skin");
  const targets: StructureNode[] = skin.length > 0 ? skin : model.nodes.filter((n) => n.group !== "bone");
  const surfaces = targets.flatMap((node) => node.meshes.map((mesh) => worldSurface(node, mesh)));
  const projected: (Projected | null)[] = [];
  for (const [index, patch] of ellipses.entries()) {
    const x = patch.centre[0] ?? 0;
    const centre = new Vector3(side === "l" ? -x : x, patch.centre[1] ?? 0, patch.centre[2] ?? 0);
    // The nearest surface point and its normal decide which way the patch faces.
    const near = nearestSurfacePoint(centre.toArray(), surfaces, maxDistance, (s) =>
      s.node.box.distanceToPoint(centre),
    );
    if (!near) {
      projected.push(null);
      continue;
    }
    const hit = new Vector3(...near.at);
    const normal = near.normal ?? hit.clone().sub(near.surface.node.box.getCenter(new Vector3())).normalize().toArray();
    const { across, up, out } = decalAxes(normal);
    const [a, b] = patch.radii;
    const axes: [Vector3, Vector3] = [new Vector3(...across), new Vector3(...up)];
    const rotation = new Matrix4().makeBasis(axes[0], axes[1], new Vector3(...out));
    projected.push({
      index,
      hit,
      orientation: new Euler().setFromRotationMatrix(rotation),
      size: new Vector3(2 * a, 2 * b, Math.max(0.02, Math.min(a, b))),
      axes,
    });
  }
  const found = projected.filter((p): p is Projected => p !== null);
  const materialOf = material(found);
  found.forEach((p, i) => {
    const reach = Math.max(p.size.x, p.size.y) / 2 + p.size.z;
    for (const node of targets) {
      if (node.box.distanceToPoint(p.hit) > reach) continue;
      for (const mesh of node.meshes) {
        const geometry = new DecalGeometry(mesh, p.hit, p.orientation, p.size);
        if (geometry.getAttribute("position").count === 0) {
          geometry.dispose();
          continue;
        }
        const decal = new Mesh(geometry, materialOf(i));
        decal.renderOrder = 20;
        decal.raycast = () => {};
        decal.userData["node"] = node;
        group.add(decal);
      }
    }
  });
}

/** Builds the patches for `side` (records give the right side; the left is mirrored). Dispose with disposePatches. */
export function buildPainPatches(model: AnatomyModel, patches: PainPatch[], side: Side): Group {
  const group = new Group();
  group.name = "referred-pain";
  projectEllipses(model, patches, side, group, (found) => (i) => {
    const p = found[i] as Projected;
    return patchMaterial(patches[p.index]?.kind === "essential", new Vector2(p.size.x, p.size.y));
  });
  return group;
}

// An endangerment site: the union of its ellipses, tinted, with one outline round the union. Each decal draws only
// the part of the union no earlier ellipse covers (no doubled tint), and the outline only where no other ellipse
// continues the area. Distances are computed in world space from each ellipse's centre and scaled axes.
const MAX_ZONE_ELLIPSES = 8;
const zoneVertex = /* glsl */ `
  varying vec3 vWorld;
  void main() {
    vec4 w = modelMatrix * vec4(position, 1.0);
    vWorld = w.xyz;
    gl_Position = projectionMatrix * viewMatrix * w;
  }`;
// A point an earlier ellipse covers is drawn by that ellipse's decal (discarded here). The outline is a band just
// inside this ellipse's edge where no other ellipse continues the area, with a pale line inside it so it reads on
// red muscle and on pale skin alike; the band is at least 3 mm wide, and at least two pixels when the body is seen
// from afar (fwidth: metres per pixel there).
const zoneFragment = /* glsl */ `
  #define N ${MAX_ZONE_ELLIPSES}
  uniform vec3 colour;
  uniform int count;
  uniform int self;
  uniform vec3 centres[N];
  uniform vec3 across[N];
  uniform vec3 up[N];
  uniform float size[N];
  varying vec3 vWorld;
  float reach(int i) {
    vec3 d = vWorld - centres[i];
    return length(vec2(dot(d, across[i]), dot(d, up[i])));
  }
  void main() {
    float own = 1e3;
    float others = 1e3;
    for (int i = 0; i < N; i++) {
      if (i >= count) break;
      float r = reach(i);
      if (i == self) own = r;
      else {
        if (i < self && r < 1.0) discard;
        others = min(others, r);
      }
    }
    if (own > 1.0) discard;
    float inside = (1.0 - own) * size[self];
    float outside = step(1.0, others);
    float px = fwidth(inside);
    float w = max(0.003, 2.0 * px);
    float soft = max(0.0008, px);
    float edge = (1.0 - smoothstep(w, w + soft, inside)) * outside;
    float h = w + max(0.0018, 1.5 * px);
    float halo = (1.0 - smoothstep(h, h + soft, inside)) * outside * (1.0 - edge);
    vec3 rgb = mix(colour, vec3(1.0), halo);
    float alpha = max(0.22, max(edge * 0.95, halo * 0.7));
    gl_FragColor = vec4(rgb, alpha);
  }`;

/**
 * Outlines the zones on the model's skin (both sides of bilateral zones), in `colour`. Ellipses farther than a few
 * centimetres from the skin belong to another region's model and are left out. Dispose with disposePatches.
 */
export function buildZoneOutlines(model: AnatomyModel, zones: readonly ZoneOutline[], colour: string): Group {
  const group = new Group();
  group.name = "endangerment-zones";
  for (const zone of zones) {
    for (const side of zone.bilateral ? (["r", "l"] as const) : (["r"] as const)) {
      projectEllipses(
        model,
        zone.patches.slice(0, MAX_ZONE_ELLIPSES),
        side,
        group,
        (found) => {
          const pad = <T>(list: T[], fill: T) => [...list, ...Array(MAX_ZONE_ELLIPSES - list.length).fill(fill)];
          const shared = {
            colour: { value: new Color(colour) },
            count: { value: found.length },
            centres: {
              value: pad(
                found.map((p) => p.hit),
                new Vector3(),
              ),
            },
            across: {
              value: pad(
                found.map((p) => p.axes[0].clone().divideScalar(p.size.x / 2)),
                new Vector3(),
              ),
            },
            size: {
              value: pad(
                found.map((p) => Math.sqrt((p.size.x * p.size.y) / 4)),
                0,
              ),
            },
            up: {
              value: pad(
                found.map((p) => p.axes[1].clone().divideScalar(p.size.y / 2)),
                new Vector3(),
              ),
            },
          };
          const materials = found.map(
            (_, i) =>
              new ShaderMaterial({
                uniforms: { ...shared, self: { value: i } },
                vertexShader: zoneVertex,
                fragmentShader: zoneFragment,
                transparent: true,
                depthWrite: false,
                polygonOffset: true,
                polygonOffsetFactor: -4,
                polygonOffsetUnits: -4,
              }),
          );
          return (i) => materials[i] as ShaderMaterial;
        },
        ZONE_REACH,
      );
    }
  }
  return group;
}

/** Shows a patch only where the surface it lies on is drawn. */
export function syncPatchVisibility(group: Group): void {
  for (const child of group.children) {
    const node = child.userData["node"] as StructureNode | undefined;
    child.visible = node ? node.root.visible : true;
  }
}

export function disposePatches(group: Group): void {
  const materials = new Set<ShaderMaterial>();
  for (const child of group.children) {
    const mesh = child as Mesh;
    mesh.geometry.dispose();
    materials.add(mesh.material as ShaderMaterial);
  }
  for (const m of materials) m.dispose();
  group.clear();
}
