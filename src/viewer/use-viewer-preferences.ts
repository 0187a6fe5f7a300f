// The reader's display preferences, kept current: reduced motion, and the site theme (the header's switch, else the
// system setting). Both read false on the server and until the island has run.
import { useEffect, useState } from "react";
import { isDarkTheme, prefersReducedMotion } from "./page-prefs.ts";

export function useViewerPreferences(): { reducedMotion: boolean; dark: boolean } {
  const [reducedMotion, setReducedMotion] = useState(false);
  const [dark, setDark] = useState(false);
  useEffect(() => {
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
  return { reducedMotion, dark };
}
