// Whether an element is on screen (with a margin), so a viewer off screen or in a hidden tab draws nothing.
import { type RefObject, useEffect, useState } from "react";
import { inViewNow } from "./in-view.ts";

export function useInView(ref: RefObject<HTMLElement | null>, rootMargin = "100px"): boolean {
  const [active, setActive] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver !== "function") return;
    const observer = new IntersectionObserver((entries) => setActive(inViewNow(entries)), { rootMargin });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, rootMargin]);
  return active;
}
