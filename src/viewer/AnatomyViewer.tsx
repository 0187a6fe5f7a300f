// The 3D anatomy viewer island. The server renders the placeholder, toolbar and structure list; in the browser
// it checks WebGL, then loads the 3D stage lazily (three.js only downloads when it can be used). It keeps the
// view state, mirrors it into the URL hash as the reader works, and restores it from a shared link.
import {
  type KeyboardEvent,
  lazy,
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
import { partsNeeded } from "../lib/model-parts.ts";
import type { CameraState, LayerKey, ViewName, ViewState } from "../lib/view-state.ts";
import type { Appearance } from "./anatomy-model.ts";
import { InfoCard } from "./InfoCard.tsx";
import { LabelOverlay } from "./LabelOverlay.tsx";
import { loadModelData, retryUrl } from "./model-data.ts";
import { Placeholder } from "./Placeholder.tsx";
import type { CameraCommand, CameraRequest, ModelContents, StageApi } from "./Stage3D.tsx";
import { StructureList } from "./StructureList.tsx";
import { stageKeyCommand } from "./stage-keys.ts";
import { Toolbar } from "./Toolbar.tsx";
import { useTouchEngagement } from "./touch-engagement.ts";
import type { StructureInfo, ViewerPayload, ViewerStatus } from "./types.ts";
import { useAnnouncer } from "./use-announcer.ts";
import { useBottomSheet } from "./use-bottom-sheet.ts";
import { useFullscreen } from "./use-fullscreen.ts";
import { useInView } from "./use-in-view.ts";
import { usePageRequests } from "./use-page-requests.ts";
import { useStall } from "./use-stall.ts";
import { useViewUrlSync, viewUrl } from "./use-view-url-sync.ts";
import { useViewerPreferences } from "./use-viewer-preferences.ts";
import { ViewerLegends } from "./ViewerLegends.tsx";
import { type ViewAction, viewReducer } from "./view-reducer.ts";
import { pageViewers } from "./viewer-keys.ts";
import {
  framingIds,
  initialState,
  labelledIds,
  listedStructures,
  readViewLink,
  requestedState,
  roleOf,
} from "./viewer-state.ts";
import { stageLabel, statusMessage, type ViewerReason } from "./viewer-text.ts";
import { probeWebGL, warmUpWebGL } from "./webgl.ts";

const Stage3D = lazy(() => import("./Stage3D.tsx"));

interface Props {
  /** The ViewerPayload as JSON (one string keeps the page small). */
  data: string;
  /** The figure's poster, drawn by the server (AnatomyViewer.astro). */
  children?: ReactNode;
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
  const [reason, setReason] = useState<ViewerReason>("");
  const [mountStage, setMountStage] = useState(false);
  const [stageKey, setStageKey] = useState(0);
  const [software, setSoftware] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const [contents, setContents] = useState<ModelContents | null>(null);
  const [notice, setNotice] = useState<string[]>([]);
  const { announcement, announce } = useAnnouncer();
  /** `seen`: the figure has been in view (or within 100 px of it) at least once. The island hydrates earlier, when
   *  the figure comes within 300 px, to fetch its structure list; its 3D code, model and GPU context wait for this,
   *  so a figure below the first screen costs the page's load nothing on the main thread. */
  const { inView: active, seen } = useInView(rootRef);
  const { reducedMotion, dark } = useViewerPreferences();
  const { fullscreen, toggle: toggleFullscreen } = useFullscreen(rootRef);
  const sheet = useBottomSheet(fullscreen);
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

  // Browser-only start: the viewer's key in links (its place among the page's viewers).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once after hydration
  useEffect(() => {
    setHydrated(true);
    const root = rootRef.current;
    keyRef.current = pageViewers().find((v) => v.el === root)?.key ?? payload.keyBase;
    root?.setAttribute("data-viewer-key", keyRef.current);
    initial.current = { ...initial.current, viewer: keyRef.current };
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
    const link = readViewLink({
      hash: location.hash,
      key: keyRef.current,
      pageKeys: pageViewers().map((v) => v.key),
      first: root !== null && document.querySelector("[data-anatomy-viewer]") === root,
      structures,
      payload,
      start: initial.current,
    });
    if (link.kind === "restore") {
      dispatchRaw({ type: "replace", state: link.state });
      setNotice(link.problems);
      moveCamera(link.camera);
    } else if (link.kind === "gone") setNotice([link.notice]);
    probeWebGL().then((support) => {
      setSoftware(support.software);
      if (support.available) setMountStage(true);
      else {
        setStatus("fallback");
        setReason("no-webgl");
      }
    });
  }

  // Views asked for by the page (presentation steps, a lesson's step-through) and stills for the handout.
  const request = usePageRequests(rootRef, apiRef);
  const appliedRequest = useRef("");
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
    const base = { ...initial.current, model: state.model };
    const { state: next, problems } = requestedState(view, labels, base, shared);
    if (problems.length > 0) console.warn(`Palpate viewer ${keyRef.current}: ${problems.join(" ")}`);
    dispatchRaw({ type: "replace", state: next });
    const cam = "view" in next.camera ? next.camera.view : payload.view;
    moveCamera({ kind: "view", view: cam, ids: framingIds(payload, next) });
  }, [request, shared]);

  // A figure still loading (its structure list, the stage, or restoring a lost context) long after it came into view
  // says so, with a way out; "Try again" (stageKey) starts the wait anew.
  const [stalled, setStalled] = useStall(hydrated && active && status === "loading", stageKey);

  useViewUrlSync(state, touched, keyRef);

  const touch = useTouchEngagement(stageRef, fullscreen);
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
  const modelStructures = useMemo(
    () => (shared ? listedStructures(shared, state.model, contents, info, nameOf) : []),
    [shared, state.model, contents, info, nameOf],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: only what labelledIds reads (a new list redraws labels)
  const labelIds = useMemo(
    () => (status === "ready" ? labelledIds(state, presentIds) : []),
    [state.labels, state.quiz, state.focus, state.secondary, state.selected, status, presentIds],
  );

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
    const url = viewUrl(state, keyRef.current, location.origin);
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
      const command = api && stageKeyCommand(e);
      if (!command) return;
      switch (command.kind) {
        case "orbit":
          api.orbit(command.dx, command.dy);
          break;
        case "pan":
          api.pan(command.dx, command.dy);
          break;
        case "zoom":
          api.zoom(command.factor);
          break;
        case "home":
          setView("view" in initial.current.camera ? initial.current.camera.view : payload.view, true);
          break;
        case "clear-selection":
          // Escape with nothing selected is not the stage's: it goes on to the page.
          if (!state.selected) return;
          select(null);
          break;
      }
      e.preventDefault();
    },
    [setView, payload.view, state.selected, select],
  );

  const highlighted = [...state.focus, ...state.secondary];
  const modelTitle = modelInfo?.title ?? state.model;
  // Unique per island (Astro gives each island's React root its own id prefix); two figures of one structure
  // on a page share a key base, so the key base cannot name the element.
  const helpId = `${useId()}-help`;
  const interactive = hydrated && status !== "fallback" && status !== "error";
  const selectedInfo: StructureInfo | undefined = state.selected
    ? (info.get(state.selected) ?? modelStructures.find((s) => s.id === state.selected))
    : undefined;
  const message = statusMessage({ mode: payload.mode, reason, status, stalled, hydrated });

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
      {/* The server render has the toolbar too, inert and unseen until the island runs (and hidden on a page without
          JavaScript), so it keeps its own space and nothing moves when the controls come alive. */}
      {(!hydrated || (status !== "fallback" && !(status === "error" && payload.mode === "figure"))) && (
        <Toolbar
          pending={!hydrated}
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
          aria-label={stageLabel(state, modelTitle, nameOf)}
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
          <LabelOverlay ref={overlayRef} ids={labelIds} state={state} dark={dark} nameOf={nameOf} />
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
            aria-expanded={sheet.sheetOpen}
            aria-controls={sheet.sheetId}
            onClick={sheet.onHandleClick}
            onPointerDown={sheet.onHandlePointerDown}
          >
            <span className="av-sheet-grip" aria-hidden="true" />
            {sheet.sheetOpen
              ? "Close the list"
              : selectedInfo && status === "ready"
                ? `${selectedInfo.name}: details and structures`
                : "Structures"}
          </button>
        )}
        {/* Beside or below the stage this wrapper does not exist for layout (display: contents); in full screen on a
            narrow screen it is the bottom sheet. */}
        <div id={sheet.sheetId} className="av-sheet" data-open={sheet.sheetOpen ? "" : undefined} ref={sheet.sheetRef}>
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
      <ViewerLegends payload={payload} zonesShown={state.layers.includes("zone")} />
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
