// Full screen for the viewer's figure: the browser's Fullscreen API where it works, else (an iPhone, a refused
// request) the figure fills the window by its own CSS (.av-full).
import { type RefObject, useCallback, useEffect, useState } from "react";

export function useFullscreen(root: RefObject<HTMLElement | null>): { fullscreen: boolean; toggle(): void } {
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === root.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, [root]);
  const toggle = useCallback(() => {
    const el = root.current;
    if (!el) return;
    if (document.fullscreenElement === el) void document.exitFullscreen();
    else if (typeof el.requestFullscreen === "function" && document.fullscreenEnabled) {
      el.requestFullscreen().catch(() => setFullscreen((f) => !f));
    } else setFullscreen((f) => !f);
  }, [root]);
  return { fullscreen, toggle };
}
