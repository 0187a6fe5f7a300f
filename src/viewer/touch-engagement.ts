// Cooperative touch, as maps on phones do it: one finger over a figure scrolls the page until the reader engages
// the figure (a tap on it, or two fingers); a one-finger drag over a figure that is not engaged shows a short hint.
// Tapping outside the figure, or scrolling it out of view, ends the engagement. Mouse and pen are never gated.
import { type RefObject, useEffect, useState } from "react";
import { inViewNow } from "./in-view.ts";
import { withinSlop } from "./pointer.ts";

export interface TouchEngagement {
  /** One finger turns the model (the stage's touch-action is none). */
  engaged: boolean;
  /** The "tap to turn, or use two fingers" hint is showing. */
  hint: boolean;
}

// A touch counts as a tap within the picking's slop (pointer.ts), however long it is held: a touch held still is as
// deliberate as a tap (a scroll always moves).
const HINT_MS = 1500;

/** Engagement of the figure whose stage is `stage`; `always` (full screen: no page to scroll) engages it. */
export function useTouchEngagement(stage: RefObject<HTMLElement | null>, always: boolean): TouchEngagement {
  const [engagedByReader, setEngaged] = useState(false);
  const [hint, setHint] = useState(false);
  const engaged = always || engagedByReader;

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    let hintTimer = 0;
    const showHint = () => {
      setHint(true);
      window.clearTimeout(hintTimer);
      hintTimer = window.setTimeout(() => setHint(false), HINT_MS);
    };
    const touches = new Map<number, { x: number; y: number }>();
    let hinted = false;
    const onDown = (e: PointerEvent) => {
      if (e.pointerType !== "touch") return;
      if (touches.size === 0) hinted = false;
      touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
    };
    const onMove = (e: PointerEvent) => {
      const start = touches.get(e.pointerId);
      if (!start || engaged || hinted || touches.size !== 1) return;
      if (!withinSlop(start, { x: e.clientX, y: e.clientY })) {
        hinted = true;
        showHint();
      }
    };
    const onUp = (e: PointerEvent) => {
      const start = touches.get(e.pointerId);
      touches.delete(e.pointerId);
      if (!start || engaged) return;
      if (withinSlop(start, { x: e.clientX, y: e.clientY }) && !hinted) {
        setEngaged(true);
        setHint(false);
      }
    };
    // The browser took the touch for scrolling the page: the reader tried to turn the model with one finger.
    const onCancel = (e: PointerEvent) => {
      const start = touches.get(e.pointerId);
      touches.delete(e.pointerId);
      if (start && !engaged && !hinted) {
        hinted = true;
        showHint();
      }
    };
    // Two fingers engage at once; their moves are kept from scrolling or zooming the page while the touch-action
    // of the gesture already under way still allows that.
    // The hint stays while the finger is down, and a moment after.
    const onTouchEnd = (e: TouchEvent) => {
      if (e.touches.length === 0 && hinted) showHint();
    };
    const onTouch = (e: TouchEvent) => {
      if (e.touches.length < 2) return;
      if (e.cancelable) e.preventDefault();
      setEngaged(true);
      setHint(false);
    };
    el.addEventListener("pointerdown", onDown);
    el.addEventListener("pointermove", onMove);
    el.addEventListener("pointerup", onUp);
    el.addEventListener("pointercancel", onCancel);
    el.addEventListener("touchstart", onTouch, { passive: false });
    el.addEventListener("touchmove", onTouch, { passive: false });
    el.addEventListener("touchend", onTouchEnd);
    return () => {
      window.clearTimeout(hintTimer);
      el.removeEventListener("pointerdown", onDown);
      el.removeEventListener("pointermove", onMove);
      el.removeEventListener("pointerup", onUp);
      el.removeEventListener("pointercancel", onCancel);
      el.removeEventListener("touchstart", onTouch);
      el.removeEventListener("touchmove", onTouch);
      el.removeEventListener("touchend", onTouchEnd);
    };
  }, [stage, engaged]);

  // A touch outside the figure, or the figure leaving the screen, gives one finger back to the page.
  useEffect(() => {
    const el = stage.current;
    if (!el || !engagedByReader) return;
    const onOutside = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !el.contains(e.target)) setEngaged(false);
    };
    document.addEventListener("pointerdown", onOutside, true);
    let observer: IntersectionObserver | null = null;
    if (typeof IntersectionObserver === "function") {
      observer = new IntersectionObserver((entries) => {
        if (!inViewNow(entries)) setEngaged(false);
      });
      observer.observe(el);
    }
    return () => {
      document.removeEventListener("pointerdown", onOutside, true);
      observer?.disconnect();
    };
  }, [stage, engagedByReader]);

  return { engaged, hint };
}
