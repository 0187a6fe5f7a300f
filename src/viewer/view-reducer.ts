// How reader actions change the viewer's state. Pure: the island keeps the state, the scene follows it.
import {
  type CameraState,
  LAYER_KEYS,
  type LayerKey,
  type Side,
  type ViewName,
  type ViewState,
} from "../lib/view-state.ts";

/** Layers drawn when a viewer opens: everything but the skin, which would cover the rest, and the endangerment sites. */
export const DEFAULT_LAYERS: LayerKey[] = LAYER_KEYS.filter((k) => k !== "skin" && k !== "zone");

export type ViewAction =
  | { type: "select"; id: string | null }
  | { type: "side"; side: Side }
  | { type: "toggle-hidden"; id: string }
  | { type: "toggle-isolated"; id: string }
  | { type: "show-all" }
  | { type: "layer"; layer: LayerKey; on: boolean }
  | { type: "xray"; on: boolean }
  | { type: "labels"; on: boolean }
  | { type: "quiz"; on: boolean }
  | { type: "camera"; camera: CameraState }
  | { type: "view"; view: ViewName }
  | { type: "model"; model: string }
  | { type: "replace"; state: ViewState };

function toggle(list: string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id].sort();
}

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case "select":
      return state.selected === action.id ? state : { ...state, selected: action.id };
    case "side":
      return state.side === action.side ? state : { ...state, side: action.side };
    case "toggle-hidden": {
      const hidden = toggle(state.hidden, action.id);
      // Hiding the only isolated structure would leave nothing: leave isolation instead.
      const isolated = state.isolated.filter((id) => !hidden.includes(id));
      return { ...state, hidden, isolated };
    }
    case "toggle-isolated": {
      const isolated = toggle(state.isolated, action.id);
      // An isolated structure is meant to be seen.
      return { ...state, isolated, hidden: state.hidden.filter((id) => id !== action.id) };
    }
    case "show-all":
      return { ...state, hidden: [], isolated: [], layers: [...DEFAULT_LAYERS] };
    case "layer": {
      const layers = LAYER_KEYS.filter((k) => (k === action.layer ? action.on : state.layers.includes(k)));
      return { ...state, layers };
    }
    case "xray":
      return { ...state, xray: action.on };
    case "labels":
      // Asking for labels during a quiz reveals the names.
      return { ...state, labels: action.on, quiz: action.on ? false : state.quiz };
    case "quiz":
      return { ...state, quiz: action.on };
    case "camera":
      return { ...state, camera: action.camera };
    case "view":
      return { ...state, camera: { view: action.view } };
    case "model":
      return state.model === action.model
        ? state
        : { ...state, model: action.model, selected: null, hidden: [], isolated: [], camera: { view: "anterior" } };
    case "replace":
      return action.state;
  }
}
