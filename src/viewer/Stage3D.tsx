// The WebGL part of the viewer (loaded only after WebGL is known to work): canvas, lights, model, orbit
// controls, camera moves, picking, label placement and the highlight pulse. Renders on demand only.
import { Canvas, useFrame, useThree } from "@react-three/fiber";
import { type RefObject, useEffect, useMemo, useRef, useState } from "react";
import {
  Box3,
  DirectionalLight,
  type Group,
  HemisphereLight,
  type Object3D,
  type PerspectiveCamera,
  Raycaster,
  Vector2,
  Vector3,
} from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import type { CameraState, Side, ViewName } from "../lib/view-state.ts";
import { AnatomyModel, type Appearance } from "./anatomy-model.ts";
import { frameBox } from "./camera-presets.ts";
import { createLabelScratch, labelAt, placeLabels } from "./labels.ts";
import { MaterialSet } from "./materials.ts";
import { acquireModel, releaseModel } from "./model-cache.ts";
import { buildPainPatches, disposePatches, syncPatchVisibility } from "./referred-pain.ts";
import type { PainPatch } from "./types.ts";
import { viewDirection } from "./view-directions.ts";

/** A request to move the camera; `seq` changes for every new request. */
export type CameraCommand =
  | { seq: number; kind: "view"; view: ViewName; ids: string[] }
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
}

export interface StageProps {
  modelUrl: string;
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
  reducedMotion: boolean;
  /** CPU rendering: no multisampling, pixel ratio 1. */
  software: boolean;
  dark: boolean;
  /** Referred-pain patches to draw (right-side coordinates). */
  pain: PainPatch[] | undefined;
  /** Changes when the highlights change, to play the pulse again. */
  pulseKey: string;
  onReady(contents: ModelContents): void;
  onError(error: unknown): void;
  /** A click or tap on the model: the structure hit (and its side), or null for empty space. */
  onPick(id: string | null, side: "r" | "l" | "m" | null): void;
  onCameraMoved(camera: CameraState): void;
  onContextLost(lost: boolean): void;
  /** Name shown in the hover tooltip. */
  nameOf(id: string): string;
}

export default function Stage3D(props: StageProps) {
  return (
    <Canvas
      frameloop="demand"
      flat
      dpr={props.software ? 1 : [1, 1.75]}
      gl={{ antialias: !props.software, alpha: true, stencil: true, powerPreference: "high-performance" }}
      camera={{ fov: 30, near: 0.01, far: 40, position: [0, 1, 3] }}
      aria-hidden="true"
      tabIndex={-1}
    >
      <Scene {...props} />
    </Canvas>
  );
}

const PULSE_MS = 3600;
const PULSE_PERIOD_MS = 1200;
const TWEEN_MS = 550;
const FOCUS_EMISSIVE = 0.3;
const PULSE_NEXT_FRAME = -2;
const SOFTWARE_PULSE_FRAME_MS = 200;

function Scene(props: StageProps) {
  const { gl, camera: cam, scene, invalidate, setFrameloop, size } = useThree();
  const camera = cam as PerspectiveCamera;
  const materials = useMemo(() => new MaterialSet(), []);
  const [model, setModel] = useState<AnatomyModel | null>(null);
  const [patches, setPatches] = useState<Group | null>(null);
  const controls = useMemo(() => new OrbitControls(camera, gl.domElement), [camera, gl]);
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
      raycaster: new Raycaster(),
      pointer: new Vector2(),
      tween: {
        from: new Vector3(),
        fromTarget: new Vector3(),
        to: new Vector3(),
        toTarget: new Vector3(),
        start: -1,
        // Framing a structure ends on a free camera the link must record; presets and restores are already recorded.
        report: false,
      },
      pulseStart: -1,
      /** Timer of the next pulse frame on a software renderer (0: none pending). */
      pulseTimer: 0,
      reportWhenStill: false,
      /** Label anchors are re-chosen (visible points) once the camera rests after a change. */
      anchorsDirty: true,
      anchorRay: new Raycaster(),
      readyPending: false,
      ...createLabelScratch(),
    }),
    [],
  );

  // Lights ride with the camera, so the lighting stays the same however the model is turned.
  useEffect(() => {
    const hemi = new HemisphereLight("#ffffff", "#8d8577", 1.35);
    const key = new DirectionalLight("#fff6ea", 1.7);
    key.position.set(1.2, 1.6, 1.5);
    const fill = new DirectionalLight("#e8f0ff", 0.45);
    fill.position.set(-1.5, -0.3, 0.8);
    const rim = new DirectionalLight("#ffffff", 0.9);
    rim.position.set(-0.6, 0.8, -2);
    for (const light of [key, fill, rim]) {
      light.target.position.set(0, 0, -1);
      camera.add(light.target);
    }
    camera.add(hemi, key, fill, rim);
    scene.add(camera);
    return () => {
      camera.remove(hemi, key, fill, rim);
      scene.remove(camera);
      for (const light of [hemi, key, fill, rim]) light.dispose();
    };
  }, [camera, scene]);

  // Orbit controls: mouse, touch; changes render one frame; the end of a drag reports the camera for the link.
  useEffect(() => {
    controls.enableDamping = !props.reducedMotion;
    controls.dampingFactor = 0.12;
    controls.zoomToCursor = true;
    controls.minDistance = 0.05;
    controls.maxDistance = 8;
    controls.rotateSpeed = 0.8;
    const onChange = () => invalidate();
    const startPosition = new Vector3();
    const startTarget = new Vector3();
    const onStart = () => {
      scratch.tween.start = -1;
      startPosition.copy(camera.position);
      startTarget.copy(controls.target);
    };
    // A click is a start and an end without motion: only a real move changes the view in the link.
    // With damping the camera glides on after the drag ends; the frame loop reports it once it rests.
    const onEnd = () => {
      if (camera.position.distanceToSquared(startPosition) + controls.target.distanceToSquared(startTarget) < 1e-10) {
        return;
      }
      scratch.reportWhenStill = true;
      invalidate();
    };
    controls.addEventListener("change", onChange);
    controls.addEventListener("end", onEnd);
    controls.addEventListener("start", onStart);
    return () => {
      controls.removeEventListener("change", onChange);
      controls.removeEventListener("end", onEnd);
      controls.removeEventListener("start", onStart);
    };
  }, [controls, camera, invalidate, props.reducedMotion, scratch]);
  useEffect(() => () => controls.dispose(), [controls]);

  // Load the model; dispose everything this viewer made when the model changes or the viewer goes away.
  useEffect(() => {
    let root: Object3D | null = null;
    let current: AnatomyModel | null = null;
    let cancelled = false;
    acquireModel(props.modelUrl).then(
      (object) => {
        if (cancelled) return;
        root = object;
        current = new AnatomyModel(object, materials);
        scene.add(object);
        setModel(current);
      },
      (error: unknown) => {
        if (!cancelled) latest.current.onError(error);
      },
    );
    return () => {
      cancelled = true;
      setModel(null);
      if (root) scene.remove(root);
      current?.dispose();
      releaseModel(props.modelUrl);
    };
  }, [props.modelUrl, materials, scene]);
  useEffect(() => () => materials.dispose(), [materials]);

  // Appearance: swap shared materials and visibility, then one frame.
  useEffect(() => {
    if (!model) return;
    model.apply(props.appearance);
    if (patches) syncPatchVisibility(patches);
    scratch.anchorsDirty = true;
    invalidate();
  }, [model, patches, props.appearance, invalidate, scratch]);

  // Referred-pain patches, projected onto the surface once per model and side.
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
  }, [model, props.pain, props.side, scene]);

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
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per command (seq) and per loaded model
  useEffect(() => {
    if (!model) return;
    const command = latest.current.camera;
    const { appearance, side } = latest.current;
    const t = scratch.tween;
    if (command.kind === "free") {
      t.to.set(...command.position);
      t.toTarget.set(...command.target);
    } else {
      const box = scratch.box;
      if (command.ids.length > 0)
        model.boundsOf(command.ids, side, box, command.kind === "frame" ? undefined : appearance);
      else box.makeEmpty();
      if (box.isEmpty()) model.boundsOfDrawn(appearance, box);
      else if (command.kind === "view") expandForContext(box);
      if (command.kind === "view") scratch.dir.set(...viewDirection(command.view, side, latest.current.model));
      else scratch.dir.copy(camera.position).sub(controls.target).normalize();
      frameBox(box, scratch.dir, camera, t.to, t.toTarget, command.kind === "frame" ? 1.6 : 1.2);
    }
    t.report = command.kind === "frame";
    scratch.anchorsDirty = true;
    // The first placement jumps; later ones glide unless the reader prefers reduced motion.
    if (latest.current.reducedMotion || camera.userData["placed"] !== true) {
      camera.position.copy(t.to);
      controls.target.copy(t.toTarget);
      camera.userData["placed"] = true;
      t.start = -1;
      controls.update();
      if (t.report) latest.current.onCameraMoved(cameraState(camera, controls.target));
    } else {
      t.from.copy(camera.position);
      t.fromTarget.copy(controls.target);
      t.start = performance.now();
    }
    invalidate();
  }, [model, cameraSeq]);

  // New labels are placed on the next frame.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the label list is the trigger
  useEffect(() => {
    scratch.anchorsDirty = true;
    invalidate();
  }, [props.labelIds, invalidate]);

  // The first frame with the model marks the viewer ready.
  useEffect(() => {
    if (!model) return;
    scratch.readyPending = true;
    invalidate();
  }, [model, invalidate, scratch]);

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

  // Keyboard camera moves.
  useEffect(() => {
    const api: StageApi = {
      orbit(dx, dy) {
        const o = scratch.offset.copy(camera.position).sub(controls.target);
        const radius = o.length();
        let theta = Math.atan2(o.x, o.z) - dx;
        let phi = Math.acos(Math.min(1, Math.max(-1, o.y / radius))) - dy;
        phi = Math.min(Math.PI - 0.01, Math.max(0.01, phi));
        theta = Number.isFinite(theta) ? theta : 0;
        o.set(
          radius * Math.sin(phi) * Math.sin(theta),
          radius * Math.cos(phi),
          radius * Math.sin(phi) * Math.cos(theta),
        );
        camera.position.copy(controls.target).add(o);
        moved();
      },
      pan(dx, dy) {
        const distance = camera.position.distanceTo(controls.target);
        camera.updateMatrixWorld();
        scratch.right.setFromMatrixColumn(camera.matrixWorld, 0).multiplyScalar(dx * distance);
        scratch.up.setFromMatrixColumn(camera.matrixWorld, 1).multiplyScalar(dy * distance);
        camera.position.add(scratch.right).add(scratch.up);
        controls.target.add(scratch.right).add(scratch.up);
        moved();
      },
      zoom(factor) {
        const o = scratch.offset.copy(camera.position).sub(controls.target);
        const length = Math.min(controls.maxDistance, Math.max(controls.minDistance, o.length() * factor));
        camera.position.copy(controls.target).add(o.setLength(length));
        moved();
      },
    };
    const moved = () => {
      scratch.tween.start = -1;
      scratch.anchorsDirty = true;
      controls.update();
      invalidate();
      latest.current.onCameraMoved(cameraState(camera, controls.target));
    };
    props.api.current = api;
    return () => {
      props.api.current = null;
    };
  }, [camera, controls, invalidate, props.api, scratch]);

  // Picking: click or tap selects (a drag does not); hovering with a mouse shows the name.
  useEffect(() => {
    if (!model) return;
    const el = gl.domElement;
    let down: { x: number; y: number; id: number } | null = null;
    let hoverFrame = 0;
    let lastHover: string | null = null;
    const pickAt = (clientX: number, clientY: number) => {
      const rect = el.getBoundingClientRect();
      scratch.pointer.set(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
      scratch.raycaster.setFromCamera(scratch.pointer, camera);
      return model.pick(scratch.raycaster);
    };
    const onDown = (e: PointerEvent) => {
      down = { x: e.clientX, y: e.clientY, id: e.pointerId };
    };
    const onUp = (e: PointerEvent) => {
      if (!down || down.id !== e.pointerId) return;
      const moved = Math.hypot(e.clientX - down.x, e.clientY - down.y);
      down = null;
      if (moved > 6 || e.button > 0) return;
      const labelled = labelAt(latest.current.overlay.current, e.clientX, e.clientY);
      if (labelled) return latest.current.onPick(labelled, null);
      const node = pickAt(e.clientX, e.clientY);
      latest.current.onPick(node?.id ?? null, node?.side ?? null);
    };
    const tooltip = latest.current.tooltip.current;
    const hideTooltip = () => {
      lastHover = null;
      if (tooltip) tooltip.hidden = true;
      el.style.cursor = "";
    };
    const onMove = (e: PointerEvent) => {
      if (e.pointerType !== "mouse" || e.buttons !== 0) return;
      if (hoverFrame) return;
      const { clientX, clientY } = e;
      // One raycast per animation frame at most.
      hoverFrame = requestAnimationFrame(() => {
        hoverFrame = 0;
        // Over a label: it names the structure already, and a click selects it.
        if (labelAt(latest.current.overlay.current, clientX, clientY)) {
          hideTooltip();
          el.style.cursor = "pointer";
          return;
        }
        const id = pickAt(clientX, clientY)?.id ?? null;
        if (!id) return hideTooltip();
        el.style.cursor = "pointer";
        if (!tooltip) return;
        if (id !== lastHover) {
          tooltip.textContent = latest.current.nameOf(id);
          lastHover = id;
        }
        const rect = el.getBoundingClientRect();
        tooltip.hidden = false;
        tooltip.style.transform = `translate(${Math.round(clientX - rect.left + 14)}px, ${Math.round(clientY - rect.top + 12)}px)`;
      });
    };
    el.addEventListener("pointerdown", onDown);
    el.addEventListener("pointerup", onUp);
    el.addEventListener("pointermove", onMove);
    el.addEventListener("pointerleave", hideTooltip);
    return () => {
      cancelAnimationFrame(hoverFrame);
      el.removeEventListener("pointerdown", onDown);
      el.removeEventListener("pointerup", onUp);
      el.removeEventListener("pointermove", onMove);
      el.removeEventListener("pointerleave", hideTooltip);
      hideTooltip();
    };
  }, [model, gl, camera, scratch]);

  // A lost WebGL context is restored by three; the viewer says so meanwhile and redraws afterwards.
  useEffect(() => {
    const el = gl.domElement;
    const onLost = (e: Event) => {
      e.preventDefault();
      latest.current.onContextLost(true);
    };
    const onRestored = () => {
      latest.current.onContextLost(false);
      invalidate();
    };
    el.addEventListener("webglcontextlost", onLost);
    el.addEventListener("webglcontextrestored", onRestored);
    return () => {
      el.removeEventListener("webglcontextlost", onLost);
      el.removeEventListener("webglcontextrestored", onRestored);
    };
  }, [gl, invalidate]);

  useFrame(() => {
    const now = performance.now();
    const t = scratch.tween;
    if (t.start >= 0) {
      const k = Math.min(1, (now - t.start) / TWEEN_MS);
      const e = k < 0.5 ? 4 * k * k * k : 1 - (-2 * k + 2) ** 3 / 2;
      camera.position.lerpVectors(t.from, t.to, e);
      controls.target.lerpVectors(t.fromTarget, t.toTarget, e);
      if (k >= 1) {
        t.start = -1;
        scratch.anchorsDirty = true;
        if (t.report) latest.current.onCameraMoved(cameraState(camera, controls.target));
      } else invalidate();
    }
    // Damping needs frames until the motion settles; update() reports a change (and so a frame) while it moves.
    const moving = controls.update();
    if (scratch.reportWhenStill && !moving) {
      scratch.reportWhenStill = false;
      scratch.anchorsDirty = true;
      latest.current.onCameraMoved(cameraState(camera, controls.target));
    }
    if (scratch.anchorsDirty && model && !moving && t.start < 0 && latest.current.labelIds.length > 0) {
      scratch.anchorsDirty = false;
      camera.updateMatrixWorld();
      model.chooseVisibleAnchors(latest.current.labelIds, latest.current.side, scratch.anchorRay, camera.position);
    }
    if (scratch.pulseStart === PULSE_NEXT_FRAME) {
      scratch.pulseStart = now;
      invalidate();
    } else if (scratch.pulseStart >= 0) {
      const elapsed = now - scratch.pulseStart;
      if (elapsed >= PULSE_MS) {
        scratch.pulseStart = -1;
        materials.focus.emissiveIntensity = FOCUS_EMISSIVE;
      } else {
        materials.focus.emissiveIntensity =
          FOCUS_EMISSIVE + 0.35 * (0.5 - 0.5 * Math.cos((2 * Math.PI * elapsed) / PULSE_PERIOD_MS));
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
    if (scratch.readyPending && model) {
      scratch.readyPending = false;
      const contents = model.contents();
      // The frame being prepared is drawn right after this callback; report on the next animation frame.
      requestAnimationFrame(() => latest.current.onReady(contents));
    }
  });

  return null;
}

/** A structure seen from above or the side can be very thin; give it some room so the context shows. */
function expandForContext(box: Box3): void {
  const size = box.getSize(new Vector3());
  const min = 0.14;
  box.expandByVector(
    new Vector3(Math.max(0, min - size.x) / 2, Math.max(0, min - size.y) / 2, Math.max(0, min - size.z) / 2),
  );
}

function cameraState(camera: PerspectiveCamera, target: Vector3): CameraState {
  return {
    position: [camera.position.x, camera.position.y, camera.position.z],
    target: [target.x, target.y, target.z],
  };
}
