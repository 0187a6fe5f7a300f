// The address bar as a link to the view: once the reader has changed something, the hash follows the view (a
// quarter second after the last change), except while a presentation owns the address (its steps are #step=N).
import { type RefObject, useEffect } from "react";
import { encodeViewState, type ViewState } from "../lib/view-state.ts";

/** This page's address with the view's hash; with `origin`, absolute (for the clipboard). */
export function viewUrl(state: ViewState, key: string, origin = ""): string {
  return `${origin}${location.pathname}${location.search}${encodeViewState({ ...state, viewer: key })}`;
}

/**
 * Mirrors `state` into the address bar under the viewer key `key` once `touched` (a reader action, not the
 * figure's start or a page's request) is set.
 */
export function useViewUrlSync(state: ViewState, touched: RefObject<boolean>, key: RefObject<string>): void {
  useEffect(() => {
    if (!touched.current || document.documentElement.hasAttribute("data-present")) return;
    const timer = setTimeout(() => history.replaceState(history.state, "", viewUrl(state, key.current)), 250);
    return () => clearTimeout(timer);
  }, [state, touched, key]);
}
