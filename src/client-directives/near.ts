// `client:near`: hydrates an island when it comes within `rootMargin` (default 300px) of the screen, as
// `client:visible` does, but never before the page has loaded and the browser has a quiet moment. A 3D figure just
// below the first screen then fetches its code and structure list without competing with the page's first paint:
// with `client:visible`, Lighthouse put the atlas page's largest paint (its summary paragraph) 0.6-1 s later.
// Registered by src/integrations/client-near.ts.
import type { ClientDirective } from "astro";

const near: ClientDirective = (load, options, el) => {
  const value = options.value as { rootMargin?: string } | boolean | undefined;
  const rootMargin = (typeof value === "object" && value.rootMargin) || "300px";
  const watch = () => {
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        io.disconnect();
        void load().then((hydrate) => hydrate());
      },
      { rootMargin },
    );
    for (const child of el.children) io.observe(child);
  };
  const whenQuiet = () => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(watch, { timeout: 1500 });
    else setTimeout(watch, 200);
  };
  if (document.readyState === "complete") whenQuiet();
  else addEventListener("load", whenQuiet, { once: true });
};

export default near;
