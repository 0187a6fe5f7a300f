// Referred-pain patches drawn on the body surface as hatched ellipses (decals projected onto the skin, or onto
// the structures beneath when the model has no skin). Dense hatching: most people; sparse: some people.
import { Color, Euler, Group, Matrix4, Mesh, ShaderMaterial, Vector2, Vector3 } from "three";
import { DecalGeometry } from "three/examples/jsm/geometries/DecalGeometry.js";
import type { Side } from "../lib/view-state.ts";
import type { AnatomyModel, StructureNode } from "./anatomy-model.ts";
import type { PainPatch } from "./types.ts";

export const PAIN_COLOUR = "#c2185b";

const vertex = /* glsl */ `
  varying vec2 vUv;
  void main() {
    vUv = uv;
    gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  }`;
const fragment = /* glsl */ `
  uniform vec3 colour;
  uniform vec2 size;
  uniform float dense;
  varying vec2 vUv;
  void main() {
    vec2 p = (vUv - 0.5) * 2.0;
    float r = length(p);
    if (r > 1.0) discard;
    // Diagonal hatching, spaced in metres so every patch looks alike whatever its size.
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

/** Builds the patches for `side` (records give the right side; the left is mirrored). Dispose with disposePatches. */
export function buildPainPatches(model: AnatomyModel, patches: PainPatch[], side: Side): Group {
  const group = new Group();
  group.name = "referred-pain";
  const skin = model.nodes.filter((n) => n.group === "skin");
  const targets: StructureNode[] = skin.length > 0 ? skin : model.nodes.filter((n) => n.group !== "bone");
  const centre = new Vector3();
  const normal = new Vector3();
  const v = new Vector3();
  const n = new Vector3();
  for (const patch of patches) {
    centre.set(side === "l" ? -patch.centre[0] : patch.centre[0], patch.centre[1], patch.centre[2]);
    // The nearest surface point and its normal decide which way the patch faces.
    let best = Number.POSITIVE_INFINITY;
    const hit = new Vector3();
    for (const node of targets) {
      if (node.box.distanceToPoint(centre) > best) continue;
      for (const mesh of node.meshes) {
        const position = mesh.geometry.getAttribute("position");
        const normals = mesh.geometry.getAttribute("normal");
        for (let i = 0; i < position.count; i++) {
          v.fromBufferAttribute(position, i).applyMatrix4(mesh.matrixWorld);
          const d = v.distanceTo(centre);
          if (d < best) {
            best = d;
            hit.copy(v);
            if (normals) n.fromBufferAttribute(normals, i).transformDirection(mesh.matrixWorld);
            else n.copy(v).sub(node.box.getCenter(new Vector3())).normalize();
            normal.copy(n);
          }
        }
      }
    }
    if (!Number.isFinite(best)) continue;
    const [a, b] = patch.radii;
    const depth = Math.max(0.02, Math.min(a, b));
    const orientation = new Euler().setFromRotationMatrix(
      new Matrix4().lookAt(hit.clone().add(normal), hit, new Vector3(0, 1, 0)),
    );
    const size = new Vector3(2 * a, 2 * b, depth);
    const material = patchMaterial(patch.kind === "essential", new Vector2(size.x, size.y));
    for (const node of targets) {
      if (node.box.distanceToPoint(hit) > Math.max(a, b) + depth) continue;
      for (const mesh of node.meshes) {
        const geometry = new DecalGeometry(mesh, hit, orientation, size);
        if (geometry.getAttribute("position").count === 0) {
          geometry.dispose();
          continue;
        }
        const decal = new Mesh(geometry, material);
        decal.renderOrder = 20;
        decal.raycast = () => {};
        decal.userData["node"] = node;
        group.add(decal);
      }
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
