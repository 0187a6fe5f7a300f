// Full screen on a narrow screen: the structure list and info card are a bottom sheet, opened and closed with its
// handle (a tap, Enter or Space toggles it; a swipe up or down opens or closes it); Escape inside it closes it.
import { type PointerEvent, useCallback, useEffect, useId, useRef, useState } from "react";

/** Movement (CSS px) of a touch on the handle that counts as a swipe. */
const SWIPE_PX = 24;

export function useBottomSheet(fullscreen: boolean) {
  const sheetId = `${useId()}-sheet`;
  const sheetRef = useRef<HTMLDivElement>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const swiped = useRef(false);

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

  const onHandleClick = useCallback(() => {
    // After a swipe the following click (if any) must not toggle the sheet back.
    if (swiped.current) swiped.current = false;
    else setSheetOpen((open) => !open);
  }, []);

  const onHandlePointerDown = useCallback((e: PointerEvent<HTMLButtonElement>) => {
    swiped.current = false;
    if (e.pointerType === "mouse") return;
    const y = e.clientY;
    const handle = e.currentTarget;
    const onUp = (up: globalThis.PointerEvent) => {
      handle.removeEventListener("pointerup", onUp);
      const dy = up.clientY - y;
      if (Math.abs(dy) < SWIPE_PX) return;
      swiped.current = true;
      setSheetOpen(dy < 0);
    };
    handle.addEventListener("pointerup", onUp);
  }, []);

  return { sheetId, sheetRef, sheetOpen, onHandleClick, onHandlePointerDown };
}
