// One loaded model as the viewer sees it: the structure nodes read from glTF extras (never guessed from names),
// their look for the current view state, bounds for framing, label anchors, and picking.
import {
  Box3,
  type BufferAttribute,
  type Camera,
  Color,
  type InterleavedBufferAttribute,
  type Material,
  Mesh,
  MeshBasicMaterial,
  type Object3D,
  type Raycaster,
  Vector3,
  type WebGLRenderer,
  WebGLRenderTarget,
} from "three";
import { type LayerKey, layerGroupOf, type Side } from "../lib/view-state.ts";
import { nearestDirection, nodeName, occluderNodes, targetNodes, type Visibility } from "../lib/visibility.ts";
import type { FibreKind, MaterialSet } from "./materials.ts";

export interface StructureNode {
  id: string;
  /** The generator's node name (`<id>-r`, `<id>-l`, midline `<id>`), as the visibility table names it. */
  name: string;
  side: "r" | "l" | "m";
  tissue: string;
  layer: number;
  group: LayerKey;
  root: Object3D;
  meshes: Mesh[];
  /** World-space bounds (the model does not move). */
  box: Box3;
}

/** What the scene should show; sets, so lookups per mesh are cheap. */
export interface Appearance {
  side: Side;
  focus: ReadonlySet<string>;
  secondary: ReadonlySet<string>;
  selected: string | null;
  hidden: ReadonlySet<string>;
  isolated: ReadonlySet<string>;
  layers: ReadonlySet<LayerKey>;
  xray: boolean;
}

export type Role = "focus" | "secondary" | "context";

interface MeshState {
  node: StructureNode;
  fibre: FibreKind;
  outline: Mesh | null;
  ghost: Mesh | null;
  /** Drawn translucent (x-ray context, see-through cover): picking prefers solid structures behind it. */
  translucent: boolean;
}

const noRaycast = () => {};

/** Below this opacity a surface counts as see-through (the skin at 0.45-0.5, x-ray at 0.14; not fascia at 0.7+). */
const SEE_THROUGH = 0.6;

function fibreKind(mesh: Mesh): FibreKind {
  const attribute = mesh.geometry.getAttribute("_fibre") as BufferAttribute | InterleavedBufferAttribute | undefined;
  if (!attribute) return 0;
  return attribute.itemSize >= 2 ? 2 : 1;
}

export class AnatomyModel {
  readonly nodes: StructureNode[] = [];
  readonly byId = new Map<string, StructureNode[]>();
  private readonly meshState = new Map<Mesh, MeshState>();
  private readonly drawnMeshes: Mesh[] = [];
  private readonly anchors = new Map<StructureNode, Vector3>();
  private vis: Visibility | null = null;
  /** The table as given, checked again when a part is added. */
  private table: Visibility | null = null;
  /** Node names drawn see-through because they cover the targets from where the camera is. */
  private seeThrough: ReadonlySet<string> = new Set();
  private coverKey: { a: Appearance | null; d: number } = { a: null, d: -1 };

  constructor(
    readonly root: Object3D,
    private readonly materials: MaterialSet,
  ) {
    this.register(root);
  }

  /**
   * Adds a part of the model (a file loaded on demand, src/lib/model-parts.ts) under the root. The visibility
   * table is checked again against the nodes now loaded.
   */
  add(part: Object3D): void {
    this.root.add(part);
    this.register(part);
    this.setVisibility(this.table);
    this.coverKey = { a: null, d: -1 };
  }

  private register(from: Object3D): void {
    from.updateMatrixWorld(true);
    from.traverse((object) => {
      const extras = object.userData as { id?: unknown; side?: unknown; tissue?: unknown; layer?: unknown };
      if (typeof extras.id !== "string") return;
      const meshes: Mesh[] = [];
      object.traverse((o) => {
        if ((o as Mesh).isMesh) meshes.push(o as Mesh);
      });
      if (meshes.length === 0) return;
      const tissue = typeof extras.tissue === "string" ? extras.tissue : "muscle";
      const layer = typeof extras.layer === "number" ? extras.layer : Number(extras.layer) || 1;
      const side = extras.side === "r" || extras.side === "l" ? extras.side : "m";
      const node: StructureNode = {
        id: extras.id,
        name: nodeName(extras.id, side),
        side,
        tissue,
        layer,
        group: layerGroupOf(tissue, layer),
        root: object,
        meshes,
        box: new Box3().setFromObject(object),
      };
      this.nodes.push(node);
      const list = this.byId.get(node.id) ?? [];
      list.push(node);
      this.byId.set(node.id, list);
      for (const mesh of meshes) {
        this.meshState.set(mesh, { node, fibre: fibreKind(mesh), outline: null, ghost: null, translucent: false });
      }
    });
  }

  /** One entry per structure id in the model, with the tissue and depth its extras give. */
  contents(): { id: string; tissue: string; layer: number }[] {
    return [...this.byId.values()].map(([n]) => ({ id: n?.id ?? "", tissue: n?.tissue ?? "", layer: n?.layer ?? 1 }));
  }

  /** The nodes of `id` on `side` (or midline); all its nodes when the model has none on that side. */
  nodesOn(id: string, side: Side): StructureNode[] {
    const all = this.byId.get(id) ?? [];
    const onSide = all.filter((n) => n.side === side || n.side === "m");
    return onSide.length > 0 ? onSide : all;
  }

  /** True for midline nodes, nodes on `side`, and any node of a structure the model has only on the other side. */
  isOnSide(node: StructureNode, side: Side): boolean {
    return node.side === "m" || node.side === side || !this.byId.get(node.id)?.some((n) => n.side === side);
  }

  roleOf(node: StructureNode, a: Appearance): Role {
    if (!this.isOnSide(node, a.side)) return "context";
    if (a.focus.has(node.id)) return "focus";
    if (a.secondary.has(node.id)) return "secondary";
    return "context";
  }

  isVisible(node: StructureNode, a: Appearance): boolean {
    if (a.hidden.has(node.id)) return false;
    if (a.isolated.size > 0) return a.isolated.has(node.id);
    return a.layers.has(node.group);
  }

  /** Applies the state: visibility, materials, outlines and show-through ghosts. Allocates only the first time. */
  apply(a: Appearance): void {
    const anyHighlight = a.focus.size > 0 || a.secondary.size > 0 || a.selected !== null;
    this.drawnMeshes.length = 0;
    for (const [mesh, state] of this.meshState) {
      const node = state.node;
      const visible = this.isVisible(node, a);
      node.root.visible = visible;
      mesh.visible = visible;
      if (!visible) continue;
      this.drawnMeshes.push(mesh);
      const role = this.roleOf(node, a);
      const selected = a.selected === node.id && this.isOnSide(node, a.side);
      // Covering a target from here: see-through, a secondary structure too (it never hides a primary one).
      const cover = role !== "focus" && !selected && this.seeThrough.has(node.name);
      let material: Material;
      if (role === "focus") material = this.materials.focus;
      else if (role === "secondary") material = cover ? this.materials.secondaryFaint : this.materials.secondary;
      else if (selected) material = this.materials.context(node.tissue, false, false, state.fibre);
      else material = this.materials.context(node.tissue, anyHighlight, a.xray || cover, state.fibre);
      mesh.material = material;
      // A see-through surface (x-ray, cleared cover, the skin) neither hides a label's point nor takes a click.
      state.translucent = material.transparent && material.opacity < SEE_THROUGH;
      // Outlines: never colour alone. Selected wins over the highlight outline. See-through cover has none (its
      // back faces would show through it as a dark blot).
      const outlineKind = selected ? "selected" : role === "context" || cover ? null : role;
      if (outlineKind) {
        state.outline ??= this.child(mesh, 1);
        state.outline.material = this.materials.outlines[outlineKind];
        state.outline.visible = true;
      } else if (state.outline) state.outline.visible = false;
      // Show-through where the highlighted part is hidden behind context (not needed in x-ray).
      if (role !== "context" && !a.xray && !cover) {
        state.ghost ??= this.child(mesh, 10);
        state.ghost.material = role === "focus" ? this.materials.focusGhost : this.materials.secondaryGhost;
        state.ghost.visible = true;
      } else if (state.ghost) state.ghost.visible = false;
    }
  }

  private child(mesh: Mesh, renderOrder: number): Mesh {
    const child = new Mesh(mesh.geometry);
    child.raycast = noRaycast;
    child.renderOrder = renderOrder;
    child.matrixAutoUpdate = false;
    mesh.add(child);
    child.updateMatrixWorld(true);
    return child;
  }

  /**
   * Uses a visibility table when it describes every node loaded (a stale or other table is ignored). The table
   * covers all the model's parts, so it may list nodes of parts not loaded yet.
   */
  setVisibility(vis: Visibility | null): void {
    this.table = vis;
    const fits = vis !== null && this.nodes.every((n) => vis.index.has(n.name));
    this.vis = fits ? vis : null;
  }

  visibility(): Visibility | null {
    return this.vis;
  }

  /**
   * Makes see-through what covers the targets (focus and selection on their side) seen from `direction` (target
   * towards camera), by the table's nearest sampled direction. True when that changed what `apply` draws.
   */
  syncCover(a: Appearance, direction: { x: number; y: number; z: number }): boolean {
    const vis = this.vis;
    if (!vis) return false;
    const d = nearestDirection(vis, [direction.x, direction.y, direction.z]);
    if (this.coverKey.a === a && this.coverKey.d === d) return false;
    this.coverKey = { a, d };
    const ids = a.selected ? [...a.focus, a.selected] : [...a.focus];
    const next = occluderNodes(vis, targetNodes(vis, ids, a.side), d);
    if (next.size === this.seeThrough.size && [...next].every((n) => this.seeThrough.has(n))) return false;
    this.seeThrough = next;
    return true;
  }

  /** Bounds of the given ids on a side (visible nodes only when `visibleOnly`); empty box when none. */
  boundsOf(ids: Iterable<string>, side: Side, target: Box3, a?: Appearance): Box3 {
    target.makeEmpty();
    for (const id of ids) {
      for (const node of this.nodesOn(id, side)) {
        if (!a || this.isVisible(node, a)) target.union(node.box);
      }
    }
    return target;
  }

  /** Bounds of everything drawn (or of the whole model when nothing is). */
  boundsOfDrawn(a: Appearance, target: Box3): Box3 {
    target.makeEmpty();
    for (const node of this.nodes) if (this.isVisible(node, a)) target.union(node.box);
    if (target.isEmpty()) for (const node of this.nodes) target.union(node.box);
    return target;
  }

  /** A point on the structure for its label: the vertex nearest the centre of its bounds. Cached. */
  anchorOf(node: StructureNode): Vector3 {
    let anchor = this.anchors.get(node);
    if (anchor) return anchor;
    const centre = node.box.getCenter(new Vector3());
    const v = new Vector3();
    let best = Number.POSITIVE_INFINITY;
    anchor = centre.clone();
    for (const mesh of node.meshes) {
      const position = mesh.geometry.getAttribute("position");
      const step = Math.max(1, Math.floor(position.count / 2000));
      for (let i = 0; i < position.count; i += step) {
        v.fromBufferAttribute(position, i).applyMatrix4(mesh.matrixWorld);
        const d = v.distanceToSquared(centre);
        if (d < best) {
          best = d;
          anchor.copy(v);
        }
      }
    }
    this.anchors.set(node, anchor);
    return anchor;
  }

  private readonly seenAnchors = new Map<StructureNode, Vector3>();
  /** Labelled structures with no point in sight (entirely behind others): their leader line is dashed. */
  private readonly behind = new Set<string>();
  private readonly candidateCache = new Map<StructureNode, Vector3[]>();

  /** Up to 48 vertices spread over the structure (world space), computed once. */
  private candidates(node: StructureNode): Vector3[] {
    let list = this.candidateCache.get(node);
    if (list) return list;
    list = [];
    for (const mesh of node.meshes) {
      const position = mesh.geometry.getAttribute("position");
      const step = Math.max(1, Math.floor((position.count * node.meshes.length) / 48));
      for (let i = 0; i < position.count; i += step) {
        list.push(new Vector3().fromBufferAttribute(position, i).applyMatrix4(mesh.matrixWorld));
      }
    }
    this.candidateCache.set(node, list);
    return list;
  }

  /**
   * For each labelled structure, picks a point the camera actually sees (nothing else in front), nearest the
   * middle of the structure, so a leader line never points at the structure in front of it. Run when the
   * camera rests, not every frame: it casts up to 48 rays per label.
   */
  chooseVisibleAnchors(ids: readonly string[], side: Side, raycaster: Raycaster, eye: Vector3): void {
    this.seenAnchors.clear();
    this.behind.clear();
    const solid = this.drawnMeshes.filter((m) => !this.meshState.get(m)?.translucent);
    const direction = new Vector3();
    for (const id of ids) {
      for (const node of this.nodesOn(id, side)) {
        if (!node.root.visible) continue;
        const centre = this.anchorOf(node);
        const ordered = [...this.candidates(node)].sort(
          (a, b) => a.distanceToSquared(centre) - b.distanceToSquared(centre),
        );
        let seen = false;
        for (const point of ordered) {
          const distance = direction.copy(point).sub(eye).length();
          raycaster.set(eye, direction.normalize());
          raycaster.far = distance + 0.002;
          const hit = raycaster.intersectObjects(solid, false)[0];
          // Seen when nothing is in front, or the first surface on the way is the structure itself.
          if (!hit || this.meshState.get(hit.object as Mesh)?.node === node) {
            this.seenAnchors.set(node, hit ? hit.point.clone() : point);
            seen = true;
            break;
          }
        }
        if (!seen) this.behind.add(id);
      }
    }
    raycaster.far = Number.POSITIVE_INFINITY;
  }

  isBehind(id: string): boolean {
    return this.behind.has(id);
  }

  /** Label anchor of the first drawn node of `id` on `side`, or null when none is drawn. No allocation. */
  visibleAnchor(id: string, side: Side): Vector3 | null {
    const all = this.byId.get(id);
    if (!all) return null;
    let fallback: StructureNode | null = null;
    for (const node of all) {
      if (!node.root.visible) continue;
      if (node.side === side || node.side === "m") return this.seenAnchors.get(node) ?? this.anchorOf(node);
      fallback ??= node;
    }
    // Only the other side is drawn: label it when the model has nothing on the requested side.
    if (fallback && !all.some((n) => n.side === side)) return this.seenAnchors.get(fallback) ?? this.anchorOf(fallback);
    return null;
  }

  /** The structure under the ray: the nearest drawn one, preferring solid over x-ray context. */
  pick(raycaster: Raycaster): StructureNode | null {
    const hits = raycaster.intersectObjects(this.drawnMeshes, false);
    let firstTranslucent: StructureNode | null = null;
    for (const hit of hits) {
      const state = this.meshState.get(hit.object as Mesh);
      if (!state) continue;
      if (!state.translucent) return state.node;
      firstTranslucent ??= state.node;
    }
    return firstTranslucent;
  }

  /**
   * Test hook (tests/e2e/visibility.spec.ts): renders an id pass of what is drawn now (opaque surfaces; see-through
   * ones left out) and counts the targets' pixels that show, against all their pixels drawn alone.
   */
  measureTargets(renderer: WebGLRenderer, camera: Camera, a: Appearance, width: number, height: number) {
    const ids = a.selected ? [...a.focus, a.selected] : [...a.focus];
    const targets = new Set(ids.flatMap((id) => this.nodesOn(id, a.side)));
    const red = new MeshBasicMaterial({ color: 0xff0000 });
    const green = new MeshBasicMaterial({ color: 0x00ff00 });
    const saved = [...this.meshState].map(([mesh, st]) => ({
      mesh,
      st,
      material: mesh.material,
      visible: mesh.visible,
      outline: st.outline?.visible ?? false,
      ghost: st.ghost?.visible ?? false,
    }));
    const rt = new WebGLRenderTarget(width, height);
    const pixels = new Uint8Array(width * height * 4);
    const count = (onlyTargets: boolean) => {
      for (const { mesh, st, visible } of saved) {
        if (st.outline) st.outline.visible = false;
        if (st.ghost) st.ghost.visible = false;
        const target = targets.has(st.node);
        mesh.visible = visible && (target || (!onlyTargets && !st.translucent && st.node.tissue !== "skin"));
        mesh.material = target ? red : green;
      }
      renderer.setRenderTarget(rt);
      renderer.setClearColor(0x000000, 1);
      renderer.clear();
      renderer.render(this.root, camera);
      renderer.readRenderTargetPixels(rt, 0, 0, width, height, pixels);
      renderer.setRenderTarget(null);
      let n = 0;
      for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 127 && (pixels[i + 1] ?? 0) < 128) n++;
      return n;
    };
    const clearColour = renderer.getClearColor(new Color());
    const clearAlpha = renderer.getClearAlpha();
    const seen = count(false);
    const total = count(true);
    for (const { mesh, st, material, visible, outline, ghost } of saved) {
      mesh.material = material;
      mesh.visible = visible;
      if (st.outline) st.outline.visible = outline;
      if (st.ghost) st.ghost.visible = ghost;
    }
    renderer.setClearColor(clearColour, clearAlpha);
    rt.dispose();
    red.dispose();
    green.dispose();
    return { seen, total, seeThrough: [...this.seeThrough].sort() };
  }

  /** Removes the outline and ghost meshes this class added (geometry belongs to the model cache). */
  dispose(): void {
    for (const [mesh, state] of this.meshState) {
      if (state.outline) mesh.remove(state.outline);
      if (state.ghost) mesh.remove(state.ghost);
    }
    this.meshState.clear();
  }
}
