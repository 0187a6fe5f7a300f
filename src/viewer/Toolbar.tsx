// The viewer's controls: model (explorer), view preset, reset, labels, x-ray, layers, show all, copy link and
// full screen. Native buttons, selects and checkboxes, each with an icon and a text label.
import { useId, useRef } from "react";
import { LAYER_KEYS, LAYER_LABELS, type LayerKey, type ViewName, type ViewState } from "../lib/view-state.ts";
import { EmbedMenu } from "./EmbedMenu.tsx";
import {
  IconExitFullscreen,
  IconFullscreen,
  IconLabels,
  IconLayers,
  IconLink,
  IconQuiz,
  IconReset,
  IconShowAll,
  IconXray,
} from "./icons.tsx";
import type { ModelInfo } from "./types.ts";
import { useMenuDismiss } from "./use-menu-dismiss.ts";
import { VIEW_LABELS, viewsFor } from "./view-directions.ts";

interface Props {
  /** Not working yet (the server render, before hydration): inert and unseen, but taking its own space. */
  pending: boolean;
  mode: "figure" | "explorer";
  model: string;
  models: ModelInfo[];
  state: ViewState;
  enabled: boolean;
  /** The explorer's model menu stays usable when a model failed, to try another. */
  modelMenuEnabled: boolean;
  fullscreen: boolean;
  hasSkin: boolean;
  /** Endangerment sites to draw: the "zone" layer is offered only then. */
  hasZones: boolean;
  onModel(model: string): void;
  onView(view: ViewName): void;
  onReset(): void;
  onLabels(on: boolean): void;
  /** Hide names for a quiz (labels, hover names, list marks), or reveal them. */
  onQuiz(on: boolean): void;
  onXray(on: boolean): void;
  onLayer(layer: LayerKey, on: boolean): void;
  onShowAll(): void;
  onCopyLink(): void;
  onFullscreen(): void;
  /** Speaks a short result (the viewer's live region). */
  announce(text: string): void;
}

export function Toolbar(p: Props) {
  const id = useId();
  const layersRef = useRef<HTMLDetailsElement>(null);
  const view = "view" in p.state.camera ? p.state.camera.view : "";
  const changed = p.state.hidden.length > 0 || p.state.isolated.length > 0;

  useMenuDismiss(layersRef);

  return (
    <fieldset className={p.pending ? "av-toolbar av-toolbar-pending" : "av-toolbar"} inert={p.pending}>
      <legend className="visually-hidden">3D view controls</legend>
      {p.mode === "explorer" && p.models.length > 1 && (
        <label className="av-field">
          <span>Model</span>
          <select value={p.model} disabled={!p.modelMenuEnabled} onChange={(e) => p.onModel(e.currentTarget.value)}>
            {p.models.map((m) => (
              <option key={m.model} value={m.model}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="av-field">
        <span>View</span>
        <select
          value={view}
          disabled={!p.enabled}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (v) p.onView(v as ViewName);
          }}
        >
          {view === "" && <option value="">Custom</option>}
          {viewsFor(p.model).map((v) => (
            <option key={v} value={v}>
              {VIEW_LABELS[v]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="av-button" disabled={!p.enabled} onClick={p.onReset}>
        <IconReset />
        Reset
      </button>
      <button
        type="button"
        className="av-button"
        aria-pressed={p.state.labels && !p.state.quiz}
        disabled={!p.enabled}
        onClick={() => p.onLabels(!(p.state.labels && !p.state.quiz))}
      >
        <IconLabels />
        Labels
      </button>
      <button
        type="button"
        className="av-button"
        aria-pressed={p.state.quiz}
        disabled={!p.enabled}
        title={p.state.quiz ? "Show the names again" : "Hide every name of the highlighted structures, for a quiz"}
        onClick={() => p.onQuiz(!p.state.quiz)}
      >
        <IconQuiz />
        Hide names
      </button>
      <button
        type="button"
        className="av-button"
        aria-pressed={p.state.xray}
        disabled={!p.enabled}
        onClick={() => p.onXray(!p.state.xray)}
      >
        <IconXray />
        X-ray
      </button>
      <details className="av-menu" ref={layersRef}>
        <summary className="av-button" aria-disabled={!p.enabled || undefined}>
          <IconLayers />
          Layers
        </summary>
        {/* A closed menu's panel takes no space: the server render leaves it out. */}
        {!p.pending && (
          <fieldset className="av-menu-panel" disabled={!p.enabled}>
            <legend>Show layers</legend>
            {LAYER_KEYS.filter((k) => (k !== "skin" || p.hasSkin) && (k !== "zone" || p.hasZones)).map((k) => (
              <label key={k} className="av-check">
                <input
                  type="checkbox"
                  name={`${id}-layer`}
                  checked={p.state.layers.includes(k)}
                  onChange={(e) => p.onLayer(k, e.currentTarget.checked)}
                />
                <span className={`av-swatch av-g-${k}`} aria-hidden="true" />
                {LAYER_LABELS[k]}
              </label>
            ))}
          </fieldset>
        )}
      </details>
      <button type="button" className="av-button" disabled={!p.enabled || !changed} onClick={p.onShowAll}>
        <IconShowAll />
        Show all
      </button>
      <button type="button" className="av-button" disabled={!p.enabled} onClick={p.onCopyLink}>
        <IconLink />
        Copy link
      </button>
      <EmbedMenu state={p.state} enabled={p.enabled} pending={p.pending} announce={p.announce} />
      <button
        type="button"
        className="av-button"
        aria-pressed={p.fullscreen}
        disabled={!p.enabled}
        onClick={p.onFullscreen}
      >
        {p.fullscreen ? <IconExitFullscreen /> : <IconFullscreen />}
        Full screen
      </button>
    </fieldset>
  );
}
