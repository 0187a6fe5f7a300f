// The 3D anatomy viewer island. The server renders the placeholder, toolbar and structure list; in the browser
// it checks WebGL, then loads the 3D stage lazily (three.js only downloads when it can be used). It keeps the
// view state, mirrors it into the URL hash as the reader works, and restores it from a shared link.
import {
  type KeyboardEvent,
  lazy,
  type PointerEvent,
  type ReactNode,
  Suspense,
  startTransition,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useReducer,
  useRef,
  useState,
} from "react";
import { figureLayers, partsNeeded } from "../lib/model-parts.ts";
import {
  applyViewState,
  type CameraState,
  decodeViewState,
  encodeViewState,
  isViewerHash,
  type LayerKey,
  layerGroupOf,
  type ViewName,
  type ViewState,
  viewerOfHash,
} from "../lib/view-state.ts";
import type { Appearance } from "./anatomy-model.ts";
import { InfoCard } from "./InfoCard.tsx";
import { inViewNow } from "./in-view.ts";
import { LABEL_RANK } from "./label-layout.ts";
import { loadModelData, retryUrl } from "./model-data.ts";
import { Placeholder } from "./Placeholder.tsx";
import { isDarkTheme, prefersReducedMotion } from "./page-prefs.ts";
import type { CameraCommand, CameraRequest, ModelContents, StageApi } from "./Stage3D.tsx";
import { StructureList } from "./StructureList.tsx";
import { Toolbar } from "./Toolbar.tsx";
import { useTouchEngagement } from "./touch-engagement.ts";
import type { StructureInfo, ViewerPayload, ViewerStatus } from "./types.ts";
import { VIEW_LABELS } from "./view-directions.ts";
import { type ViewAction, viewReducer } from "./view-reducer.ts";
import {
  pendingViewRequest,
  readViewRequest,
  SNAPSHOT_EVENT,
  VIEW_REQUEST_EVENT,
  type ViewRequest,
} from "./view-request.ts";
import { pageViewers } from "./viewer-keys.ts";
import { probeWebGL, warmUpWebGL } from "./webgl.ts";

const Stage3D = lazy(() => import("./Stage3D.tsx"));

interface Props {
  /** The ViewerPayload as JSON (one string keeps the page small). */
  data: string;
  /** The figure's poster, drawn by the server (AnatomyViewer.astro). */
  children?: ReactNode;
}

const SIDE_WORDS = { r: "right", l: "left" } as const;

/** How long a figure in view may stay "loading" before the reader is offered to start it again. A CPU renderer
 *  on a busy machine needs a few seconds for a first frame; a hang is far longer. */
const STALL_MS = 20_000;

function initialState(p: ViewerPayload, viewer: string): ViewState {
  return {
    viewer,
    model: p.model,
    side: p.side,
    focus: [...p.focus].sort(),
    secondary: [...p.secondary].sort(),
    selected: null,
    hidden: [],
    isolated: [],
    // The layers of the model's first-load file and those of what the figure highlights (the rest loads when turned
    // on), with the skin under a referred-pain zone and a site's outline (src/lib/model-parts.ts).
    layers: figureLayers(p),
    xray: false,
    labels: true,
    quiz: false,
    camera: { view: p.view },
  };
}

/** Ids a named view frames: the figure's own framing while its highlights are the figure's, else the highlights. */
function framingIds(payload: ViewerPayload, s: { focus: readonly string[]; secondary: readonly string[] }): string[] {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join();
  if (payload.frame && same(s.focus, payload.focus) && same(s.secondary, payload.secondary)) return payload.frame;
  return [...s.focus, ...s.secondary];
}

export default function AnatomyViewer({ data, children }: Props) {
  const payload = useMemo(() => JSON.parse(data) as ViewerPayload, [data]);
  // The model's full structure list arrives after hydration (one fetch per model per page); until then the
  // payload's highlighted structures name what the server render shows.
  const [shared, setShared] = useState<StructureInfo[] | null>(null);
  const known = shared ?? payload.structures;
  const info = useMemo(() => new Map(known.map((s) => [s.id, s])), [known]);
  const rootRef = useRef<HTMLElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const apiRef = useRef<StageApi | null>(null);
  const keyRef = useRef(payload.keyBase);
  const initial = useRef<ViewState>(initialState(payload, payload.keyBase));
  const [state, dispatchRaw] = useReducer(viewReducer, initial.current);
  const [status, setStatus] = useState<ViewerStatus>("loading");
  const [reason, setReason] = useState<"" | "no-webgl" | "load-failed" | "context-lost">("");
  const [mountStage, setMountStage] = useState(false);
  /** The figure has shown nothing for STALL_MS while in view (its structure list or a model file that never arrives,
   *  a lost context never restored): the reader is told and may start it again (stageKey: a new canvas, and every
   *  file still missing asked for anew). */
  const [stalled, setStalled] = useState(false);
  const [stageKey, setStageKey] = useState(0);
  const [software, setSoftware] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const [contents, setContents] = useState<ModelContents | null>(null);
  const [notice, setNotice] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const [active, setActive] = useState(true);
  /** The figure has been in view (or within 100 px of it) at least once. The island hydrates earlier, when the figure
   *  comes within 300 px, to fetch its structure list; its 3D code, model and GPU context wait for this, so a figure
   *  below the first screen costs the page's load nothing on the main thread. */
  const [seen, setSeen] = useState(false);
  const [reducedMotion, setReducedMotion] = useState(false);
  const [dark, setDark] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  /** Full screen on a narrow screen: the list and card are a bottom sheet, pulled up with its handle. */
  const [sheetOpen, setSheetOpen] = useState(false);
  /** Which half of the view the selected structure is in, so the card docks in the other. */
  const [selectionSide, setSelectionSide] = useState<"left" | "right" | null>(null);
  const [copyFallback, setCopyFallback] = useState("");
  const [camera, setCamera] = useState<CameraCommand>({
    seq: 0,
    kind: "view",
    view: payload.view,
    ids: framingIds(payload, payload),
    fit: true,
  });
  const touched = useRef(false);
  const seq = useRef(0);

  const nameOf = useCallback(
    (id: string) => info.get(id)?.name ?? id.charAt(0).toUpperCase() + id.slice(1).replaceAll("-", " "),
    [info],
  );

  const announce = useCallback((text: string) => {
    // A trailing no-break space makes a repeated message a new one for screen readers.
    setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));
  }, []);

  /** Reader actions: change the state and remember that the address bar should now describe this view. */
  const dispatch = useCallback((action: ViewAction) => {
    touched.current = true;
    dispatchRaw(action);
  }, []);

  const moveCamera = useCallback((command: CameraRequest) => {
    seq.current += 1;
    setCamera({ ...command, seq: seq.current } as CameraCommand);
  }, []);

  const modelInfo = payload.models.find((m) => m.model === state.model) ?? payload.models[0];
  const modelUrl = modelInfo?.url ?? `/models/${state.model}.glb`;
  // The parts of the model what is drawn needs: shown layers, and highlighted, selected or isolated structures.
  const neededGroups = [...state.focus, ...state.secondary, ...state.isolated, state.selected ?? ""]
    .map((id) => info.get(id)?.group)
    .filter((g): g is LayerKey => g !== undefined);
  const partKey = partsNeeded(modelInfo?.parts ?? [], state.layers, neededGroups)
    .filter((p) => p.part !== "")
    .map((p) => p.url)
    .join(" ");
  const partUrls = useMemo(
    () => (partKey ? partKey.split(" ").map((url) => retryUrl(url, stageKey)) : []),
    [partKey, stageKey],
  );

  // Browser-only start: hash key, shared link, WebGL check, motion and theme preferences.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once after hydration
  useEffect(() => {
    setHydrated(true);
    const root = rootRef.current;
    keyRef.current = pageViewers().find((v) => v.el === root)?.key ?? payload.keyBase;
    root?.setAttribute("data-viewer-key", keyRef.current);
    initial.current = { ...initial.current, viewer: keyRef.current };
    const motion = matchMedia("(prefers-reduced-motion: reduce)");
    const scheme = matchMedia("(prefers-color-scheme: dark)");
    const onMotion = () => setReducedMotion(prefersReducedMotion());
    const onTheme = () => setDark(isDarkTheme());
    onMotion();
    onTheme();
    motion.addEventListener("change", onMotion);
    scheme.addEventListener("change", onTheme);
    const themeObserver = new MutationObserver(onTheme);
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return () => {
      motion.removeEventListener("change", onMotion);
      scheme.removeEventListener("change", onTheme);
      themeObserver.disconnect();
    };
  }, []);

  // The model's structure list (it starts the stage); asked for anew by "Try again" while it has not arrived.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after hydration and on each retry (stageKey)
  useEffect(() => {
    if (shared) return;
    let cancelled = false;
    // The GPU wakes in a worker while the structure list downloads.
    warmUpWebGL();
    loadModelData(payload.mode, payload.model, stageKey).then(
      (data) => {
        if (cancelled) return;
        // The list of every structure is the largest render of the island (hundreds of rows in the explorer): as a
        // transition React draws it in slices, so taps and scrolling are never held up by it.
        startTransition(() => setShared(data.structures));
        begin(data.structures);
      },
      () => {
        if (cancelled) return;
        setStatus("error");
        setReason("load-failed");
      },
    );
    return () => {
      cancelled = true;
    };
  }, [stageKey]);

  /** Once the model's structures are known: restore a shared link's view, then start the 3D stage. */
  function begin(structures: StructureInfo[]) {
    const root = rootRef.current;
    let start: ViewState = initial.current;
    const hash = location.hash;
    if (isViewerHash(hash)) {
      const target = viewerOfHash(hash);
      const keys = pageViewers().map((v) => v.key);
      if (target === keyRef.current) {
        const decoded = decodeViewState(hash);
        const model = decoded.state.model ?? start.model;
        const knownIds = new Set(structures.filter((s) => !s.models || s.models.includes(model)).map((s) => s.id));
        const applied = applyViewState(start, decoded, { knownIds, models: payload.models.map((m) => m.model) });
        start = applied.state;
        dispatchRaw({ type: "replace", state: start });
        setNotice(applied.problems);
        const cam = start.camera;
        seq.current += 1;
        setCamera(
          "view" in cam
            ? {
                seq: seq.current,
                kind: "view",
                view: cam.view,
                ids: framingIds(payload, start),
                fit: cam.view === payload.view,
              }
            : { seq: seq.current, kind: "free", position: cam.position, target: cam.target },
        );
      } else if (
        root !== null &&
        document.querySelector("[data-anatomy-viewer]") === root &&
        !keys.includes(target ?? "")
      ) {
        setNotice(["The link names a 3D view that is not on this page any more; showing the page's own views."]);
      }
    }
    probeWebGL().then((support) => {
      setSoftware(support.software);
      if (support.available) setMountStage(true);
      else {
        setStatus("fallback");
        setReason("no-webgl");
      }
    });
  }

  // Render nothing while off screen or in a hidden tab; build nothing before the figure first comes into view.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    if (typeof IntersectionObserver !== "function") {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        const now = inViewNow(entries);
        setActive(now);
        if (now) setSeen(true);
      },
      { rootMargin: "100px" },
    );
    observer.observe(root);
    return () => observer.disconnect();
  }, []);

  // Views asked for by the page (presentation steps, a lesson's step-through) and stills for the handout.
  const [request, setRequest] = useState<ViewRequest | null>(null);
  const appliedRequest = useRef("");
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    setRequest(pendingViewRequest(root));
    const onRequest = (e: Event) => setRequest(readViewRequest((e as CustomEvent<unknown>).detail));
    const onSnapshot = (e: Event) => {
      const detail = (e as CustomEvent<{ image: string | null }>).detail;
      if (detail) detail.image = apiRef.current?.snapshot() ?? null;
    };
    root.addEventListener(VIEW_REQUEST_EVENT, onRequest);
    root.addEventListener(SNAPSHOT_EVENT, onSnapshot);
    return () => {
      root.removeEventListener(VIEW_REQUEST_EVENT, onRequest);
      root.removeEventListener(SNAPSHOT_EVENT, onSnapshot);
    };
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: applies each new request once the structures are known
  useEffect(() => {
    if (!request || !shared) return;
    const { labels, ...view } = request;
    const key = JSON.stringify(view);
    if (key === appliedRequest.current && labels !== undefined) {
      // Only the labels changed: keep the camera where the presenter left it.
      dispatchRaw({ type: "labels", on: labels });
      return;
    }
    appliedRequest.current = key;
    const knownIds = new Set(shared.filter((s) => !s.models || s.models.includes(state.model)).map((s) => s.id));
    const base = { ...initial.current, model: state.model };
    const { state: next, problems } = applyViewState(
      base,
      {
        isViewState: true,
        state: {
          ...(view.focus ? { focus: view.focus } : {}),
          ...(view.secondary ? { secondary: view.secondary } : {}),
          ...(view.side ? { side: view.side } : {}),
          ...(view.view ? { camera: { view: view.view } } : {}),
          ...(labels !== undefined ? { labels } : {}),
        },
        problems: [],
      },
      { knownIds, models: [state.model] },
    );
    if (problems.length > 0) console.warn(`Palpate viewer ${keyRef.current}: ${problems.join(" ")}`);
    dispatchRaw({ type: "replace", state: next });
    const cam = "view" in next.camera ? next.camera.view : payload.view;
    moveCamera({ kind: "view", view: cam, ids: framingIds(payload, next) });
  }, [request, shared]);

  // A figure still loading (its structure list, the stage, or restoring a lost context) long after it came into view
  // says so, with a way out.
  // biome-ignore lint/correctness/useExhaustiveDependencies: stageKey restarts the wait after "Try again"
  useEffect(() => {
    if (!(hydrated && active && status === "loading")) {
      setStalled(false);
      return;
    }
    const timer = window.setTimeout(() => setStalled(true), STALL_MS);
    return () => window.clearTimeout(timer);
  }, [hydrated, active, status, stageKey]);

  // Keep the address bar a link to this view once the reader has changed something (not while a presentation
  // owns the address: its steps are #step=N).
  useEffect(() => {
    if (!touched.current || document.documentElement.hasAttribute("data-present")) return;
    const timer = setTimeout(() => {
      const url = `${location.pathname}${location.search}${encodeViewState({ ...state, viewer: keyRef.current })}`;
      history.replaceState(history.state, "", url);
    }, 250);
    return () => clearTimeout(timer);
  }, [state]);

  const touch = useTouchEngagement(stageRef, fullscreen);
  const sheetId = `${useId()}-sheet`;
  const sheetRef = useRef<HTMLDivElement>(null);
  // Escape inside the open sheet closes it (and leaves the selection alone).
  useEffect(() => {
    const sheet = sheetRef.current;
    if (!sheet || !fullscreen || !sheetOpen) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.stopPropagation();
      setSheetOpen(false);
      sheet.previousElementSibling instanceof HTMLElement && sheet.previousElementSibling.focus();
    };
    sheet.addEventListener("keydown", onKey);
    return () => sheet.removeEventListener("keydown", onKey);
  }, [fullscreen, sheetOpen]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === rootRef.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  const appearance = useMemo<Appearance>(
    () => ({
      side: state.side,
      focus: new Set(state.focus),
      secondary: new Set(state.secondary),
      selected: state.selected,
      hidden: new Set(state.hidden),
      isolated: new Set(state.isolated),
      layers: new Set(state.layers),
      xray: state.xray,
    }),
    [state.side, state.focus, state.secondary, state.selected, state.hidden, state.isolated, state.layers, state.xray],
  );

  const presentIds = useMemo(() => (contents ? new Set(contents.map((c) => c.id)) : null), [contents]);
  // Before the model loads, the build's list; after, exactly what the model holds (nodes without a record
  // get a name from their id).
  const modelStructures = useMemo(() => {
    if (!shared) return [];
    // The whole model's list, parts not loaded yet included (they load when a structure of theirs is chosen).
    const listed = shared.filter((s) => !s.models || s.models.includes(state.model));
    if (!contents) return listed;
    const extra: StructureInfo[] = contents
      .filter((c) => !info.has(c.id))
      .map((c) => ({
        id: c.id,
        name: nameOf(c.id),
        aliases: [],
        tissue: c.tissue,
        layer: c.layer,
        group: layerGroupOf(c.tissue, c.layer),
        page: false,
      }));
    return [...listed, ...extra];
  }, [shared, state.model, contents, info, nameOf]);

  const labelIds = useMemo(() => {
    if (!state.labels || state.quiz || status !== "ready") return [];
    const ids = [...state.focus, ...state.secondary];
    if (state.selected && !ids.includes(state.selected)) ids.push(state.selected);
    return ids.filter((id) => !presentIds || presentIds.has(id));
  }, [state.labels, state.quiz, state.focus, state.secondary, state.selected, status, presentIds]);

  const onReady = useCallback((present: ModelContents) => {
    setContents(present);
    setStatus("ready");
    setReason("");
  }, []);
  const onError = useCallback(() => {
    setStatus("error");
    setReason("load-failed");
  }, []);
  // Restored, the stage reports ready again once it has drawn the model (onReady), not before.
  const onContextLost = useCallback((lost: boolean) => {
    setReason(lost ? "context-lost" : "");
    if (lost) setStatus("loading");
  }, []);
  const onCameraMoved = useCallback((cam: CameraState) => dispatch({ type: "camera", camera: cam }), [dispatch]);

  const select = useCallback(
    (id: string | null, options: { frame?: boolean } = {}) => {
      dispatch({ type: "select", id });
      if (id) {
        const s = info.get(id);
        announce(`${nameOf(id)} selected${s ? `, ${s.tissue}` : ""}. Details are shown in the card.`);
        if (options.frame) moveCamera({ kind: "frame", ids: [id] });
      } else announce("Selection cleared.");
    },
    [dispatch, info, nameOf, announce, moveCamera],
  );
  const onPick = useCallback(
    (id: string | null, side: "r" | "l" | "m" | null) => {
      // In the explorer a click on the other side's structure moves the selection there; page figures keep the
      // side their author chose.
      if (id && payload.mode === "explorer" && (side === "r" || side === "l")) dispatch({ type: "side", side });
      select(id);
    },
    [select, dispatch, payload.mode],
  );

  const toggleHidden = useCallback(
    (id: string) => {
      const hiding = !state.hidden.includes(id);
      dispatch({ type: "toggle-hidden", id });
      announce(`${nameOf(id)} ${hiding ? "hidden" : "shown"}.`);
    },
    [state.hidden, dispatch, announce, nameOf],
  );
  const toggleIsolated = useCallback(
    (id: string) => {
      const adding = !state.isolated.includes(id);
      dispatch({ type: "toggle-isolated", id });
      const rest = adding ? [...state.isolated, id] : state.isolated.filter((x) => x !== id);
      announce(
        rest.length === 0 ? "Isolation ended: all structures shown." : `Showing only ${rest.map(nameOf).join(", ")}.`,
      );
    },
    [state.isolated, dispatch, announce, nameOf],
  );

  const reset = useCallback(() => {
    dispatch({ type: "replace", state: { ...initial.current, model: state.model } });
    moveCamera({ kind: "view", view: payload.view, ids: framingIds(payload, initial.current), fit: true });
    announce("View reset.");
  }, [dispatch, moveCamera, payload, state.model, announce]);

  const setView = useCallback(
    (view: ViewName, fit = false) => {
      dispatch({ type: "view", view });
      moveCamera({
        kind: "view",
        view,
        ids: framingIds(payload, { focus: state.focus, secondary: state.secondary }),
        fit,
      });
    },
    [dispatch, moveCamera, payload, state.focus, state.secondary],
  );

  const copyLink = useCallback(async () => {
    const url = `${location.origin}${location.pathname}${location.search}${encodeViewState({ ...state, viewer: keyRef.current })}`;
    history.replaceState(history.state, "", url);
    try {
      await navigator.clipboard.writeText(url);
      setCopyFallback("");
      announce("Link to this view copied.");
    } catch {
      // No clipboard access (permissions, old browser): show the link to copy by hand.
      setCopyFallback(url);
      announce("The link is shown below the toolbar; copy it from there.");
    }
  }, [state, announce]);

  const toggleFullscreen = useCallback(() => {
    const root = rootRef.current;
    if (!root) return;
    if (document.fullscreenElement === root) void document.exitFullscreen();
    else if (typeof root.requestFullscreen === "function" && document.fullscreenEnabled) {
      root.requestFullscreen().catch(() => setFullscreen((f) => !f));
    } else setFullscreen((f) => !f);
  }, []);

  /** A swipe up or down on the sheet's handle opens or closes it; a tap (or Enter, Space) toggles it. */
  const sheetSwiped = useRef(false);
  const startSheetSwipe = useCallback((e: PointerEvent<HTMLButtonElement>) => {
    sheetSwiped.current = false;
    if (e.pointerType === "mouse") return;
    const y = e.clientY;
    const handle = e.currentTarget;
    const onUp = (up: globalThis.PointerEvent) => {
      handle.removeEventListener("pointerup", onUp);
      const dy = up.clientY - y;
      if (Math.abs(dy) < 24) return;
      sheetSwiped.current = true;
      setSheetOpen(dy < 0);
    };
    handle.addEventListener("pointerup", onUp);
  }, []);

  const switchModel = useCallback(
    (model: string, thenSelect?: string) => {
      if (model === state.model) return;
      dispatch({ type: "model", model });
      setContents(null);
      setStatus("loading");
      setReason("");
      if (thenSelect) {
        dispatch({ type: "select", id: thenSelect });
        moveCamera({ kind: "frame", ids: [thenSelect] });
      } else moveCamera({ kind: "view", view: "anterior", ids: [] });
      announce(`Loading ${payload.models.find((m) => m.model === model)?.title ?? model}.`);
    },
    [state.model, dispatch, moveCamera, announce, payload.models],
  );

  const onStageKey = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const api = apiRef.current;
      if (!api || e.altKey || e.ctrlKey || e.metaKey) return;
      const step = 0.15;
      const handled = (() => {
        switch (e.key) {
          case "ArrowLeft":
            e.shiftKey ? api.pan(-0.05, 0) : api.orbit(-step, 0);
            return true;
          case "ArrowRight":
            e.shiftKey ? api.pan(0.05, 0) : api.orbit(step, 0);
            return true;
          case "ArrowUp":
            e.shiftKey ? api.pan(0, 0.05) : api.orbit(0, -step);
            return true;
          case "ArrowDown":
            e.shiftKey ? api.pan(0, -0.05) : api.orbit(0, step);
            return true;
          case "+":
          case "=":
            api.zoom(0.85);
            return true;
          case "-":
          case "_":
            api.zoom(1 / 0.85);
            return true;
          case "Home":
            setView("view" in initial.current.camera ? initial.current.camera.view : payload.view, true);
            return true;
          case "Escape":
            if (state.selected) {
              select(null);
              return true;
            }
            return false;
          default:
            return false;
        }
      })();
      if (handled) e.preventDefault();
    },
    [setView, payload.view, state.selected, select],
  );

  const highlighted = [...state.focus, ...state.secondary];
  const sideWord = SIDE_WORDS[state.side];
  const viewLabel = "view" in state.camera ? VIEW_LABELS[state.camera.view].toLowerCase() : "custom view";
  const modelTitle = modelInfo?.title ?? state.model;
  // In a quiz the names of the highlighted structures are what the reader is asked for.
  const names = (ids: string[]) =>
    state.quiz ? `${ids.length} structure${ids.length === 1 ? "" : "s"}` : ids.map(nameOf).join(", ");
  const stageLabel = [
    `3D model: ${modelTitle}, ${sideWord} side, ${viewLabel}.`,
    state.focus.length > 0 ? `Highlighted: ${names(state.focus)}.` : "",
    state.secondary.length > 0 ? `Also marked: ${names(state.secondary)}.` : "",
    state.quiz ? "Names are hidden for a quiz." : "",
    state.selected ? `Selected: ${nameOf(state.selected)}.` : "",
    state.isolated.length > 0 ? `Showing only ${state.isolated.map(nameOf).join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  // Unique per island (Astro gives each island's React root its own id prefix); two figures of one structure
  // on a page share a key base, so the key base cannot name the element.
  const helpId = `${useId()}-help`;
  const interactive = hydrated && status !== "fallback" && status !== "error";
  const selectedInfo: StructureInfo | undefined = state.selected
    ? (info.get(state.selected) ?? modelStructures.find((s) => s.id === state.selected))
    : undefined;
  const message =
    reason === "no-webgl"
      ? payload.mode === "explorer"
        ? "Interactive 3D needs WebGL, which this browser does not offer. The list names every structure, with links to the atlas."
        : "Interactive 3D needs WebGL, which this browser does not offer. The highlighted structures are listed here."
      : reason === "load-failed"
        ? payload.mode === "explorer"
          ? "This 3D model could not be loaded. Try another model, or reload the page later."
          : "The 3D model could not be loaded. The highlighted structures are listed here."
        : stalled
          ? "The 3D view is taking much longer than usual."
          : reason === "context-lost"
            ? "Restoring the 3D view…"
            : status === "loading" && hydrated
              ? "Loading the 3D model…"
              : "";

  return (
    <figure
      ref={rootRef}
      className={`av av-${payload.mode}${fullscreen ? " av-full" : ""}${state.quiz ? " av-quiz" : ""}`}
      data-anatomy-viewer=""
      data-viewer-base={payload.keyBase}
      data-status={status}
      data-model={state.model}
      data-selected={state.selected ?? ""}
      data-highlighted={highlighted.join(" ")}
    >
      {/* Controls exist only once they work: the server render (and a page without JavaScript) has none. */}
      {!hydrated && <div className="av-toolbar av-toolbar-pending" aria-hidden="true" />}
      {hydrated && status !== "fallback" && !(status === "error" && payload.mode === "figure") && (
        <Toolbar
          modelMenuEnabled={hydrated}
          mode={payload.mode}
          model={state.model}
          models={payload.models}
          state={state}
          enabled={interactive}
          fullscreen={fullscreen}
          hasSkin={shared ? modelStructures.some((s) => s.group === "skin") : payload.hasSkin}
          hasZones={(payload.zones?.length ?? 0) > 0}
          onModel={(m) => switchModel(m)}
          onView={setView}
          onReset={reset}
          onLabels={(on) => {
            dispatch({ type: "labels", on });
            announce(on ? "Labels shown." : "Labels hidden.");
          }}
          onQuiz={(on) => {
            dispatch({ type: "quiz", on });
            announce(
              on ? "Names hidden for a quiz: no labels, no names on hover, no marks in the list." : "Names revealed.",
            );
          }}
          onXray={(on) => {
            dispatch({ type: "xray", on });
            announce(on ? "X-ray on: surrounding structures are see-through." : "X-ray off.");
          }}
          onLayer={(layer: LayerKey, on: boolean) => dispatch({ type: "layer", layer, on })}
          onShowAll={() => {
            dispatch({ type: "show-all" });
            announce("All structures shown.");
          }}
          onCopyLink={copyLink}
          onFullscreen={toggleFullscreen}
          announce={announce}
        />
      )}
      {notice.length > 0 && (
        <div className="av-notice" role="status">
          <p>Part of this link could not be used: {notice.join(" ")}</p>
          <button type="button" className="av-button" onClick={() => setNotice([])}>
            Dismiss
          </button>
        </div>
      )}
      {copyFallback && (
        <p className="av-copy">
          <label>
            Link to this view{" "}
            <input type="text" readOnly value={copyFallback} onFocus={(e) => e.currentTarget.select()} />
          </label>
        </p>
      )}
      <div className="av-body">
        <div
          ref={stageRef}
          className="av-stage"
          role="application"
          aria-roledescription="3D viewer"
          aria-label={stageLabel}
          aria-describedby={helpId}
          tabIndex={interactive ? 0 : -1}
          onKeyDown={onStageKey}
          data-touch={touch.engaged ? "engaged" : "page"}
        >
          <Placeholder
            still={children}
            view={payload.view}
            structures={known}
            state={state}
            hidden={status === "ready"}
            nameOf={nameOf}
          />
          {mountStage && seen && status !== "error" && (
            <Suspense fallback={null}>
              {/* Transparent until the model is drawn, so the placeholder below shows through while loading. */}
              <div className="av-canvas">
                <Stage3D
                  key={stageKey}
                  // A retry asks for every file anew (its parts and visibility table too): a stalled request for the
                  // same address would be joined, not repeated.
                  modelUrl={retryUrl(modelUrl, stageKey)}
                  partUrls={partUrls}
                  model={state.model}
                  side={state.side}
                  appearance={appearance}
                  camera={camera}
                  labelIds={labelIds}
                  overlay={overlayRef}
                  tooltip={tooltipRef}
                  api={apiRef}
                  active={active}
                  touchEngaged={touch.engaged}
                  reducedMotion={reducedMotion}
                  software={software}
                  dark={dark}
                  pain={payload.referredPain?.patches}
                  zones={payload.zones}
                  showZones={state.layers.includes("zone")}
                  pulseKey={`${state.model}|${state.focus.join(",")}`}
                  onReady={onReady}
                  onError={onError}
                  onPick={onPick}
                  onCameraMoved={onCameraMoved}
                  onSelectionSide={setSelectionSide}
                  onContextLost={onContextLost}
                  nameOf={nameOf}
                />
              </div>
            </Suspense>
          )}
          <div
            ref={overlayRef}
            className="av-labels"
            aria-hidden="true"
            data-version={`${labelIds.join(",")}|${dark}|${state.model}`}
          >
            <svg className="av-leaders" aria-hidden="true">
              {labelIds.map((id) => (
                <g key={id} data-leader={id} className={`av-leader av-${roleOf(id, state)}`}>
                  <line />
                  <circle r="3.5" />
                </g>
              ))}
            </svg>
            {labelIds.map((id) => (
              <span
                key={id}
                data-label={id}
                data-rank={
                  id === state.selected
                    ? LABEL_RANK.selected
                    : LABEL_RANK[roleOf(id, state) === "focus" ? "focus" : "secondary"]
                }
                className={`av-label av-${roleOf(id, state)}`}
                hidden
              >
                <span className={`av-mark av-mark-${roleOf(id, state)}`} />
                {nameOf(id)}
              </span>
            ))}
          </div>
          <div ref={tooltipRef} className="av-tooltip" aria-hidden="true" hidden />
          <p className="av-touch-hint" hidden={!touch.hint}>
            Tap to turn the model, or use two fingers
          </p>
          {message && (
            <p className="av-message" role={status === "loading" && !stalled ? undefined : "note"}>
              {message}
              {stalled && (
                <>
                  {" "}
                  <button
                    type="button"
                    className="av-button av-retry"
                    onClick={() => {
                      setStalled(false);
                      setReason("");
                      setStatus("loading");
                      setStageKey((k) => k + 1);
                    }}
                  >
                    Try again
                  </button>
                </>
              )}
            </p>
          )}
        </div>
        {fullscreen && (
          <button
            type="button"
            className="av-sheet-handle"
            aria-expanded={sheetOpen}
            aria-controls={sheetId}
            onClick={() => {
              // After a swipe the following click (if any) must not toggle the sheet back.
              if (sheetSwiped.current) sheetSwiped.current = false;
              else setSheetOpen((open) => !open);
            }}
            onPointerDown={startSheetSwipe}
          >
            <span className="av-sheet-grip" aria-hidden="true" />
            {sheetOpen
              ? "Close the list"
              : selectedInfo && status === "ready"
                ? `${selectedInfo.name}: details and structures`
                : "Structures"}
          </button>
        )}
        {/* Beside or below the stage this wrapper does not exist for layout (display: contents); in full screen on a
            narrow screen it is the bottom sheet. */}
        <div id={sheetId} className="av-sheet" data-open={sheetOpen ? "" : undefined} ref={sheetRef}>
          {selectedInfo && status === "ready" && (
            <InfoCard
              dock={selectionSide === "left" ? "right" : "left"}
              info={selectedInfo}
              role={roleOf(selectedInfo.id, state)}
              hidden={state.hidden.includes(selectedInfo.id)}
              isolated={state.isolated.includes(selectedInfo.id)}
              onClose={() => {
                select(null);
                // The close button disappears with the card: keep the keyboard user in the viewer.
                stageRef.current?.focus();
              }}
              onHide={() => toggleHidden(selectedInfo.id)}
              onIsolate={() => toggleIsolated(selectedInfo.id)}
              onFrame={() => moveCamera({ kind: "frame", ids: [selectedInfo.id] })}
            />
          )}
          <StructureList
            mode={payload.mode}
            structures={modelStructures}
            loaded={shared !== null}
            allStructures={known}
            models={payload.models}
            model={state.model}
            state={state}
            interactive={interactive}
            onSelect={(id) => select(state.selected === id ? null : id, { frame: payload.mode === "explorer" })}
            onHide={toggleHidden}
            onIsolate={toggleIsolated}
            onSearchPick={(s) => {
              const here = modelStructures.some((m) => m.id === s.id);
              const other = s.models?.find((m) => m !== state.model);
              if (!here && other) switchModel(other, s.id);
              else select(s.id, { frame: true });
            }}
          />
        </div>
      </div>
      {payload.referredPain && (
        <div className="av-pain">
          <p>
            <span className="av-pain-swatch" aria-hidden="true" />
            <strong>Referred pain from {payload.referredPain.name}</strong>, drawn as hatched areas on the skin: dense
            hatching where most people feel it, sparse where some do. These are typical patterns; they vary between
            people.
          </p>
          <p>{payload.referredPain.description}</p>
        </div>
      )}
      {payload.mode === "explorer" && (payload.zones?.length ?? 0) > 0 && state.layers.includes("zone") && (
        <div className="av-pain" data-zone-legend>
          <p>
            <span className="av-swatch av-g-zone" aria-hidden="true" /> <strong>Endangerment sites</strong>, outlined on
            the skin: places where a nerve, an artery or a vein lies close to the surface and firm pressure can harm it.
            What lies in each, what to avoid and when to stop:{" "}
            <a href="/learn/endangerment-sites/">the endangerment sites lesson</a>.
          </p>
        </div>
      )}
      <p id={helpId} className="visually-hidden">
        Drag or use the arrow keys to turn the model, Shift with arrow keys or a right-drag to move it, the mouse wheel,
        a pinch or the plus and minus keys to zoom, and Home to return to the starting view. On a touch screen, tap the
        model first; until then one finger scrolls the page. The list of structures beside the model selects, hides and
        isolates structures.
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <figcaption>{payload.caption}</figcaption>
    </figure>
  );
}

function roleOf(id: string, state: ViewState): "focus" | "secondary" | "selected" {
  if (state.focus.includes(id)) return "focus";
  if (state.secondary.includes(id)) return "secondary";
  return "selected";
}
