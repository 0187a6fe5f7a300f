// The WebGL part of the viewer (loaded only after WebGL is known to work): canvas, lights, model, camera
// controls, camera moves, picking, label placement and the highlight pulse. Renders on demand only.
import { Canvas, useFrame, useThree } from "@react-three/fiber";
import { type RefObject, useEffect, useMemo, useRef, useState } from "react";
import { Box3, Group, type PerspectiveCamera, Raycaster, Vector3 } from "three";
import type { CameraState, Side, Vec3, ViewName } from "../lib/view-state.ts";
import { bestDirection, figureDirection, targetNodes } from "../lib/visibility.ts";
import { AnatomyModel, type Appearance } from "./anatomy-model.ts";
import { useCameraLights } from "./camera-lights.ts";
import { expandForContext, frameBox } from "./camera-presets.ts";
import { FOCUS_EMISSIVE, PULSE_MS, pulseIntensity } from "./highlight-pulse.ts";
import { createLabelScratch, placeLabels } from "./labels.ts";
import { MaterialSet, ZONE_COLOUR } from "./materials.ts";
import { acquireModel, releaseModel } from "./model-cache.ts";
import { loadVisibility } from "./model-data.ts";
import {
  createControls,
  fitLimits,
  freeze,
  glideTo,
  setOneFinger,
  setSmoothing,
  wheelScale,
  zoomToward,
} from "./orbit-camera.ts";
import { buildPainPatches, buildZoneOutlines, disposePatches, syncPatchVisibility } from "./referred-pain.ts";
import type { PainPatch, ZoneOutline } from "./types.ts";
import { usePicking } from "./use-picking.ts";
import { viewDirection } from "./view-directions.ts";

/** A request to move the camera; `seq` changes for every new request. */
export type CameraCommand =
  /** `fit`: the figure's own view, turned if its focus is hidden from there (src/lib/visibility.ts). */
  | { seq: number; kind: "view"; view: ViewName; ids: string[]; fit?: boolean }
  | { seq: number; kind: "free"; position: [number, number, number]; target: [number, number, number] }
  | { seq: number; kind: "frame"; ids: string[] };

/** The structures a loaded model holds, read from its node extras. */
export type ModelContents = { id: string; tissue: string; layer: number }[];

/** A camera request before it is numbered. */
export type CameraRequest = CameraCommand extends infer C ? (C extends unknown ? Omit<C, "seq"> : never) : never;

/** Keyboard camera moves, called by the island's key handler. */
export interface StageApi {
  orbit(dx: number, dy: number): void;
  pan(dx: number, dy: number): void;
  zoom(factor: number): void;
  /** Renders a frame and returns it as a PNG data URL (the presentation handout's still). */
  snapshot(): string | null;
}

export interface StageProps {
  /** The model's first-load file. */
  modelUrl: string;
  /** Its other files (parts, src/lib/model-parts.ts) that what is drawn needs; loaded as they appear here. */
  partUrls: string[];
  model: string;
  side: Side;
  appearance: Appearance;
  camera: CameraCommand;
  /** Ids whose label elements exist in the overlay (focus, secondary, selected), with `labels` on. */
  labelIds: string[];
  overlay: RefObject<HTMLDivElement | null>;
  tooltip: RefObject<HTMLDivElement | null>;
  api: RefObject<StageApi | null>;
  active: boolean;
  /** Touch: one finger turns the model (engaged) or scrolls the page (not yet engaged). */
  touchEngaged: boolean;
  reducedMotion: boolean;
  /** CPU rendering: no multisampling, pixel ratio 1 (else the device's, capped at 2). */
  software: boolean;
  dark: boolean;
  /** Referred-pain patches to draw (right-side coordinates). */
  pain: PainPatch[] | undefined;
  /** Endangerment sites the model may show, and whether their layer is on. */
  zones?: ZoneOutline[] | undefined;
  showZones?: boolean;
  /** Changes when the highlights change, to play the pulse again. */
  pulseKey: string;
  onReady(contents: ModelContents): void;
  onError(error: unknown): void;
  /** A click or tap on the model: the structure hit (and its side), or null for empty space. */
  onPick(id: string | null, side: "r" | "l" | "m" | null): void;
  onCameraMoved(camera: CameraState): void;
  /** The half of the view the selected structure is drawn in (null: none), when it changes; the card docks opposite. */
  onSelectionSide?(side: "left" | "right" | null): void;
  onContextLost(lost: boolean): void;
  /** Name shown in the hover tooltip. */
  nameOf(id: string): string;
}

export default function Stage3D(props: StageProps) {
  return (
    <Canvas
      frameloop="demand"
      flat
      dpr={props.software ? 1 : [1, 2]}
      gl={{ antialias: !props.software, alpha: true, stencil: true, powerPreference: "high-performance" }}
      camera={{ fov: 30, near: 0.01, far: 40, position: [0, 1, 3] }}
      aria-hidden="true"
      tabIndex={-1}
    >
      <Scene {...props} />
    </Canvas>
  );
}

const PULSE_NEXT_FRAME = -2;
const SOFTWARE_PULSE_FRAME_MS = 200;

function Scene(props: StageProps) {
  const { gl, camera: cam, scene, invalidate, setFrameloop, size } = useThree();
  const camera = cam as PerspectiveCamera;
  const materials = useMemo(() => new MaterialSet(), []);
  const [model, setModel] = useState<AnatomyModel | null>(null);
  const modelRef = useRef<AnatomyModel | null>(null);
  modelRef.current = model;
  const [patches, setPatches] = useState<Group | null>(null);
  const controls = useMemo(() => createControls(camera, gl.domElement), [camera, gl]);
  const latest = useRef(props);
  latest.current = props;

  // Per-frame scratch objects: allocated once, reused every frame.
  const scratch = useMemo(
    () => ({
      box: new Box3(),
      dir: new Vector3(),
      pos: new Vector3(),
      target: new Vector3(),
      offset: new Vector3(),
      right: new Vector3(),
      up: new Vector3(),
      to: new Vector3(),
      toTarget: new Vector3(),
      /** The whole model's bounds: the orbit target stays inside them. */
      bounds: new Box3(),
      focus: new Vector3(),
      pulseStart: -1,
      /** Timer of the next pulse frame on a software renderer (0: none pending). */
      pulseTimer: 0,
      /** Report the camera to the link once it rests: "moved" only if it differs from `before`, "always" for framing. */
      report: "none" as "none" | "moved" | "always",
      selectionSide: null as "left" | "right" | null,
      before: { position: new Vector3(), target: new Vector3() },
      /** Label anchors are re-chosen (visible points) once the camera rests after a change. */
      anchorsDirty: true,
      anchorRay: new Raycaster(),
      readyPending: false,
      ...createLabelScratch(),
    }),
    [],
  );

  useCameraLights(camera, scene);

  // Camera controls: mouse, touch, wheel; a change draws frames until the camera rests, and a real move (not a
  // click) is reported for the link once it has.
  useEffect(() => {
    setSmoothing(controls, props.reducedMotion);
  }, [controls, props.reducedMotion]);
  useEffect(() => {
    setOneFinger(controls, props.touchEngaged);
  }, [controls, props.touchEngaged]);
  useEffect(() => {
    const el = gl.domElement;
    const wake = () => invalidate();
    /** Remember where a move started, unless a report is already waiting (it keeps the earlier start). */
    const expectReport = () => {
      if (scratch.report !== "none") return;
      scratch.report = "moved";
      controls.getPosition(scratch.before.position, true);
      controls.getTarget(scratch.before.target, true);
    };
    const onStart = () => {
      expectReport();
      invalidate();
    };
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const { appearance, side, reducedMotion } = latest.current;
      const m = modelRef.current;
      let focus: Vector3 | null = null;
      if (m && appearance.selected) {
        m.boundsOf([appearance.selected], side, scratch.box, appearance);
        if (!scratch.box.isEmpty()) focus = scratch.box.getCenter(scratch.focus);
      }
      expectReport();
      zoomToward(controls, wheelScale(e), focus, scratch.bounds, !reducedMotion);
      scratch.anchorsDirty = true;
      invalidate();
    };
    controls.addEventListener("controlstart", onStart);
    controls.addEventListener("control", wake);
    controls.addEventListener("controlend", wake);
    controls.addEventListener("transitionstart", wake);
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      controls.removeEventListener("controlstart", onStart);
      controls.removeEventListener("control", wake);
      controls.removeEventListener("controlend", wake);
      controls.removeEventListener("transitionstart", wake);
      el.removeEventListener("wheel", onWheel);
    };
  }, [controls, gl, invalidate, scratch]);
  useEffect(() => () => controls.dispose(), [controls]);

  // Load the model (its first-load file and the parts the first view needs) in one go; dispose everything this
  // viewer made when the model changes or the viewer goes away.
  const loadedParts = useRef(new Set<string>());
  const pendingParts = useRef(0);
  const [partsVersion, setPartsVersion] = useState(0);
  useEffect(() => {
    const root = new Group();
    let current: AnatomyModel | null = null;
    let cancelled = false;
    const urls = [props.modelUrl, ...latest.current.partUrls];
    const loaded = new Set(urls);
    loadedParts.current = loaded;
    // The visibility table (camera fit, see-through cover) comes with the model when something is highlighted or
    // selected; otherwise (the explorer opening) only once it is.
    tableAsked.current = wantsTable(latest.current.appearance);
    const table = tableAsked.current ? loadVisibility(props.modelUrl) : Promise.resolve(null);
    Promise.all([Promise.all(urls.map((url) => acquireModel(url))), table]).then(
      ([objects, vis]) => {
        if (cancelled) return;
        current = new AnatomyModel(root, materials);
        for (const object of objects) current.add(object);
        current.setVisibility(vis);
        scene.add(root);
        setModel(current);
      },
      (error: unknown) => {
        if (!cancelled) latest.current.onError(error);
      },
    );
    return () => {
      cancelled = true;
      setModel(null);
      scene.remove(root);
      current?.dispose();
      for (const url of loaded) releaseModel(url);
    };
  }, [props.modelUrl, materials, scene]);

  const tableAsked = useRef(false);
  const tablePending = useRef(false);
  useEffect(() => {
    if (!model || tableAsked.current || !wantsTable(props.appearance)) return;
    tableAsked.current = true;
    tablePending.current = true;
    loadVisibility(latest.current.modelUrl).then((vis) => {
      tablePending.current = false;
      if (modelRef.current !== model) return;
      model.setVisibility(vis);
      setPartsVersion((v) => v + 1);
    });
  }, [model, props.appearance]);

  // Parts needed later (a layer turned on, a structure of another layer selected or isolated) join the model.
  const partKey = props.partUrls.join(" ");
  // biome-ignore lint/correctness/useExhaustiveDependencies: partKey stands for the list of parts
  useEffect(() => {
    if (!model) return;
    const loaded = loadedParts.current;
    for (const url of latest.current.partUrls) {
      if (loaded.has(url)) continue;
      loaded.add(url);
      pendingParts.current++;
      acquireModel(url).then(
        (object) => {
          pendingParts.current--;
          if (modelRef.current !== model) return;
          model.add(object);
          setPartsVersion((v) => v + 1);
        },
        (error: unknown) => {
          pendingParts.current--;
          // Not kept: asked again the next time the list changes. The rest of the model stays usable.
          loaded.delete(url);
          console.warn(`Palpate viewer: ${url} could not be loaded`, error);
          setPartsVersion((v) => v + 1);
        },
      );
    }
  }, [model, partKey]);
  useEffect(() => () => materials.dispose(), [materials]);

  // Appearance: swap shared materials and visibility, then one frame (again when a part has joined).
  // biome-ignore lint/correctness/useExhaustiveDependencies: partsVersion is a trigger (new nodes to style)
  useEffect(() => {
    if (!model) return;
    model.apply(props.appearance);
    if (patches) syncPatchVisibility(patches);
    scratch.anchorsDirty = true;
    invalidate();
  }, [model, patches, props.appearance, invalidate, scratch, partsVersion]);

  // The model's bounds set how far the camera may move: the target stays on the model, the model stays in sight.
  useEffect(() => {
    if (!model) return;
    scratch.bounds.makeEmpty();
    for (const node of model.nodes) scratch.bounds.union(node.box);
    fitLimits(controls, camera, scratch.bounds);
    return () => {
      scratch.bounds.makeEmpty();
      controls.setBoundary();
    };
  }, [model, controls, camera, scratch]);

  // Referred-pain patches, projected onto the surface once per model, side and set of loaded parts (the skin may
  // join later).
  // biome-ignore lint/correctness/useExhaustiveDependencies: partsVersion is a trigger (the surface changed)
  useEffect(() => {
    if (!model || !props.pain || props.pain.length === 0) return;
    const group = buildPainPatches(model, props.pain, props.side);
    scene.add(group);
    setPatches(group);
    return () => {
      scene.remove(group);
      disposePatches(group);
      setPatches(null);
    };
  }, [model, props.pain, props.side, scene, partsVersion]);

  // Endangerment sites, projected when their layer is switched on (and again for another model, side or theme).
  // The canvas carries how many outline pieces are drawn, for tests (tests/e2e/endangerment.spec.ts).
  const wantZones = props.showZones === true && (props.zones?.length ?? 0) > 0;
  useEffect(() => {
    if (!model || !wantZones || !props.zones) return;
    const group = buildZoneOutlines(model, props.zones, props.dark ? ZONE_COLOUR.dark : ZONE_COLOUR.light);
    scene.add(group);
    gl.domElement.dataset["zones"] = String(group.children.length);
    invalidate();
    return () => {
      scene.remove(group);
      disposePatches(group);
      delete gl.domElement.dataset["zones"];
      invalidate();
    };
  }, [model, wantZones, props.zones, props.dark, scene, gl, invalidate]);

  useEffect(() => {
    materials.setTheme(props.dark);
    invalidate();
  }, [materials, props.dark, invalidate]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: size is the trigger (the drawing buffer follows it)
  useEffect(() => {
    gl.getDrawingBufferSize(materials.resolution);
    invalidate();
  }, [gl, materials, size, invalidate]);

  // Camera commands (preset, restore from a link, frame a structure).
  const cameraSeq = props.camera.seq;
  // Which command was carried out on which model: a command waits while a part holding its structures loads.
  const placed = useRef<{ model: AnatomyModel | null; seq: number }>({ model: null, seq: -1 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per command (seq) and per loaded model
  useEffect(() => {
    if (!model) return;
    if (placed.current.model === model && placed.current.seq === cameraSeq) return;
    const command = latest.current.camera;
    if (command.kind !== "free" && pendingParts.current > 0 && command.ids.some((id) => !model.byId.has(id))) return;
    if (command.kind === "frame" && tablePending.current) return;
    placed.current = { model, seq: cameraSeq };
    const { appearance, side } = latest.current;
    const t = scratch;
    if (command.kind === "free") {
      t.to.set(...command.position);
      t.toTarget.set(...command.target);
    } else {
      const box = scratch.box;
      if (command.ids.length > 0)
        model.boundsOf(command.ids, side, box, command.kind === "frame" ? undefined : appearance);
      else box.makeEmpty();
      // A figure framed on structures it does not draw (a layer it does not open) frames its highlights instead.
      if (box.isEmpty() && command.kind === "view") {
        model.boundsOf([...appearance.focus, ...appearance.secondary], side, box, appearance);
      }
      if (box.isEmpty()) model.boundsOfDrawn(appearance, box);
      else if (command.kind === "view") expandForContext(box);
      if (command.kind === "view") scratch.dir.set(...viewDirection(command.view, side, latest.current.model));
      else scratch.dir.copy(camera.position).sub(controls.getTarget(scratch.target, false)).normalize();
      // Look from where the targets show: a figure's own view unless it hides them; "Show me" from the best side.
      const vis = model.visibility();
      if (vis && command.kind === "view" && command.fit) {
        const targets = targetNodes(vis, appearance.focus, side);
        if (targets.length > 0) {
          scratch.dir.set(
            ...(vis.directions[figureDirection(vis, targets, scratch.dir.toArray() as Vec3).index] as Vec3),
          );
        }
      } else if (vis && command.kind === "frame" && command.ids.length > 0) {
        const targets = targetNodes(vis, command.ids, side);
        if (targets.length > 0) {
          scratch.dir.set(...(vis.directions[bestDirection(vis, targets, scratch.dir.toArray() as Vec3)] as Vec3));
        }
      }
      frameBox(box, scratch.dir, camera, t.to, t.toTarget, command.kind === "frame" ? 1.6 : 1.2);
    }
    // Framing a structure ends on a free camera the link must record; presets and restores are already recorded.
    scratch.report = command.kind === "frame" ? "always" : "none";
    scratch.anchorsDirty = true;
    // The first placement jumps; later ones glide unless the reader prefers reduced motion.
    const glide = !latest.current.reducedMotion && camera.userData["placed"] === true;
    camera.userData["placed"] = true;
    glideTo(controls, t.to, t.toTarget, glide);
    invalidate();
  }, [model, cameraSeq, partsVersion]);

  // Test hook, only when a test asks for it before the page loads (tests/e2e/visibility.spec.ts).
  useEffect(() => {
    if (!model || !(window as { __palpateTestHooks?: boolean }).__palpateTestHooks) return;
    const canvas = gl.domElement as HTMLCanvasElement & { palpateMeasure?: (() => unknown) | undefined };
    canvas.palpateMeasure = () => {
      camera.updateMatrixWorld();
      const { width, height } = canvas.getBoundingClientRect();
      const w = Math.round(width);
      const h = Math.round(height);
      return {
        ...model.measureTargets(gl, camera, latest.current.appearance, w, h),
        width: w,
        height: h,
        fov: camera.fov,
        eye: camera.position.toArray(),
        target: controls.getTarget(new Vector3(), false).toArray(),
      };
    };
    return () => {
      canvas.palpateMeasure = undefined;
    };
  }, [model, gl, camera, controls]);

  // New labels are placed on the next frame.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the label list is the trigger
  useEffect(() => {
    scratch.anchorsDirty = true;
    invalidate();
  }, [props.labelIds, invalidate]);

  // The first frame with the model marks the viewer ready (and one after a part joins tells what it now holds).
  // biome-ignore lint/correctness/useExhaustiveDependencies: partsVersion is a trigger
  useEffect(() => {
    if (!model) return;
    scratch.readyPending = true;
    invalidate();
  }, [model, invalidate, scratch, partsVersion]);

  // Pulse the focus accent a few times after the highlights change (never with reduced motion).
  // biome-ignore lint/correctness/useExhaustiveDependencies: pulseKey is the trigger
  useEffect(() => {
    if (!model || props.reducedMotion) {
      materials.focus.emissiveIntensity = FOCUS_EMISSIVE;
      scratch.pulseStart = -1;
      invalidate();
      return;
    }
    // Timed from the next frame: the first frame of a model can take long (shader compilation), and the reader
    // should see the whole pulse.
    scratch.pulseStart = PULSE_NEXT_FRAME;
    invalidate();
  }, [model, props.pulseKey, props.reducedMotion]);

  useEffect(() => () => window.clearTimeout(scratch.pulseTimer), [scratch]);

  // Nothing renders while the viewer is off screen.
  useEffect(() => {
    setFrameloop(props.active ? "demand" : "never");
    if (props.active) invalidate();
  }, [props.active, setFrameloop, invalidate]);

  // Keyboard camera moves: immediate, from wherever a glide has got to.
  useEffect(() => {
    const api: StageApi = {
      orbit(dx, dy) {
        freeze(controls, scratch);
        void controls.rotate(-dx, -dy, false);
        moved();
      },
      pan(dx, dy) {
        freeze(controls, scratch);
        const distance = controls.distance;
        void controls.truck(dx * distance, -dy * distance, false);
        moved();
      },
      zoom(factor) {
        freeze(controls, scratch);
        void controls.dollyTo(controls.distance * factor, false);
        moved();
      },
      snapshot() {
        // Read back in the same task as the render: the drawing buffer is still intact.
        gl.render(scene, camera);
        try {
          return gl.domElement.toDataURL("image/png");
        } catch {
          return null;
        }
      },
    };
    const moved = () => {
      scratch.report = "none";
      scratch.anchorsDirty = true;
      controls.update(0);
      invalidate();
      latest.current.onCameraMoved(cameraState(camera, controls.getTarget(scratch.target, false)));
    };
    props.api.current = api;
    return () => {
      props.api.current = null;
    };
  }, [camera, controls, invalidate, props.api, scratch, gl, scene]);

  usePicking(model, gl.domElement, camera, latest);

  // A lost WebGL context is restored by three; the viewer says so meanwhile, and is ready again once it has drawn
  // the model (a frame drawn while the context is lost shows nothing).
  useEffect(() => {
    const el = gl.domElement;
    const onLost = (e: Event) => {
      e.preventDefault();
      latest.current.onContextLost(true);
    };
    const onRestored = () => {
      latest.current.onContextLost(false);
      scratch.readyPending = true;
      invalidate();
    };
    el.addEventListener("webglcontextlost", onLost);
    el.addEventListener("webglcontextrestored", onRestored);
    // Lost before this listener was there (the event is not sent again).
    if (gl.getContext().isContextLost()) latest.current.onContextLost(true);
    return () => {
      el.removeEventListener("webglcontextlost", onLost);
      el.removeEventListener("webglcontextrestored", onRestored);
    };
  }, [gl, invalidate, scratch]);

  useFrame((_, delta) => {
    const now = performance.now();
    // Glides and drag smoothing need frames until the camera rests; update() says whether it moved. The first
    // frame after an idle spell has a long delta: capped, so a glide starts from where it was, not at its end.
    const moving = controls.update(Math.min(delta, 0.1));
    if (moving) invalidate();
    else if (scratch.report !== "none" && !controls.currentAction) {
      const target = controls.getTarget(scratch.target, false);
      const changed =
        camera.position.distanceToSquared(scratch.before.position) + target.distanceToSquared(scratch.before.target) >
        1e-10;
      if (scratch.report === "always" || changed) {
        scratch.anchorsDirty = true;
        latest.current.onCameraMoved(cameraState(camera, target));
      }
      scratch.report = "none";
    }
    // At rest, whatever covers the targets from here is see-through (cheap when nothing changed).
    if (model && !moving) {
      const target = controls.getTarget(scratch.target, false);
      if (model.syncCover(latest.current.appearance, scratch.v.copy(camera.position).sub(target))) {
        model.apply(latest.current.appearance);
        scratch.anchorsDirty = true;
        invalidate();
      }
    }
    if (scratch.anchorsDirty && model && !moving && latest.current.labelIds.length > 0) {
      scratch.anchorsDirty = false;
      camera.updateMatrixWorld();
      model.chooseVisibleAnchors(latest.current.labelIds, latest.current.side, scratch.anchorRay, camera.position);
    }
    if (scratch.pulseStart === PULSE_NEXT_FRAME) {
      scratch.pulseStart = now;
      invalidate();
    } else if (scratch.pulseStart >= 0) {
      const elapsed = now - scratch.pulseStart;
      materials.focus.emissiveIntensity = pulseIntensity(elapsed);
      if (elapsed >= PULSE_MS) scratch.pulseStart = -1;
      else {
        if (!latest.current.software) invalidate();
        else if (scratch.pulseTimer === 0) {
          // A CPU renderer draws a frame far slower than the browser asks for them: frames asked at display rate
          // queue up and keep the machine busy for many seconds after the pulse. A few frames a second suffice.
          scratch.pulseTimer = window.setTimeout(() => {
            scratch.pulseTimer = 0;
            invalidate();
          }, SOFTWARE_PULSE_FRAME_MS);
        }
      }
    }
    if (model) placeLabels(model, latest.current, camera, size.width, size.height, scratch);
    if (model && !moving) {
      const selected = latest.current.appearance.selected;
      const anchor = selected ? model.visibleAnchor(selected, latest.current.side) : null;
      let selectionSide: "left" | "right" | null = null;
      if (anchor) {
        scratch.v.copy(anchor).project(camera);
        selectionSide = scratch.v.x < 0 ? "left" : "right";
      }
      if (selectionSide !== scratch.selectionSide) {
        scratch.selectionSide = selectionSide;
        latest.current.onSelectionSide?.(selectionSide);
      }
    }
    // Ready means drawn: not while the context is lost (the first frame may come before the "lost" event does).
    if (scratch.readyPending && model && !gl.getContext().isContextLost()) {
      scratch.readyPending = false;
      const contents = model.contents();
      // The frame being prepared is drawn right after this callback; report on the next animation frame.
      requestAnimationFrame(() => latest.current.onReady(contents));
    }
  });

  return null;
}

/** Whether the view needs the visibility table: something to frame from its best side or to keep in sight. */
function wantsTable(a: Appearance): boolean {
  return a.focus.size > 0 || a.secondary.size > 0 || a.selected !== null;
}

/** A structure seen from above or the side can be very thin; give it some room so the context shows. */

function cameraState(camera: PerspectiveCamera, target: Vector3): CameraState {
  return {
    position: [camera.position.x, camera.position.y, camera.position.z],
    target: [target.x, target.y, target.z],
  };
}
