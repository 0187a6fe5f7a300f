// Whether an element is on screen (with a margin), so a viewer off screen or in a hidden tab draws nothing, and
// whether it has been at least once, so nothing is built for a figure nobody has scrolled to yet.
import { type RefObject, useEffect, useState } from "react";
import { inViewNow } from "./in-view.ts";

export function useInView(
  ref: RefObject<HTMLElement | null>,
  rootMargin = "100px",
): { inView: boolean; seen: boolean } {
  const [inView, setInView] = useState(true);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver !== "function") {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        const now = inViewNow(entries);
        setInView(now);
        if (now) setSeen(true);
      },
      { rootMargin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, rootMargin]);
  return { inView, seen };
}
