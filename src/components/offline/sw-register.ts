// Registers the service worker on every page and tells the reader when a new version of the site is waiting:
// the notice's button lets the new worker take over and reloads, so nobody reads stale pages forever.
import { SW_URL, type ToWorker } from "../../sw/protocol.ts";

/** How often an open page asks the server for a new worker (a classroom tablet may stay on one page all day). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

function showUpdateNotice(waiting: ServiceWorker): void {
  const notice = document.querySelector<HTMLElement>("[data-update-notice]");
  const button = notice?.querySelector<HTMLButtonElement>("[data-update-reload]");
  const later = notice?.querySelector<HTMLButtonElement>("[data-update-later]");
  const text = notice?.querySelector<HTMLElement>("[data-update-text]");
  if (!notice || !button || !later || !text) return;
  notice.dataset["open"] = "";
  button.hidden = false;
  later.hidden = false;
  text.textContent = "A new version of Palpate is available.";
  // "Not now" closes the bar for this page; the next page opened asks again.
  later.onclick = () => {
    delete notice.dataset["open"];
    button.hidden = true;
    later.hidden = true;
    text.textContent = "";
    document.getElementById("main")?.focus();
  };
  button.onclick = () => {
    button.disabled = true;
    let reloading = false;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (reloading) return;
      reloading = true;
      location.reload();
    });
    waiting.postMessage({ type: "SKIP_WAITING" } satisfies ToWorker);
  };
}

/** A worker that finished installing while another controls the page is a new version. */
function watchForUpdates(registration: ServiceWorkerRegistration): void {
  if (registration.waiting && navigator.serviceWorker.controller) showUpdateNotice(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    installing?.addEventListener("statechange", () => {
      if (installing.state === "installed" && navigator.serviceWorker.controller) showUpdateNotice(installing);
    });
  });
  setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
}

/**
 * On a first visit the page loaded before the worker existed: once it is active, hand it this page's own URL and
 * the files it loaded so far (and later), so the page a reader opened first also works offline.
 */
function cacheFirstVisit(): void {
  const seen = new Set<string>();
  const pending: string[] = [location.pathname];
  const flush = (worker: ServiceWorker) => {
    const urls = pending.splice(0);
    if (urls.length > 0) worker.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: urls } });
  };
  let active: ServiceWorker | null = null;
  const collect = (entries: PerformanceEntryList) => {
    for (const entry of entries) {
      const url = new URL(entry.name);
      if (url.origin !== location.origin || url.pathname === SW_URL || seen.has(url.href)) continue;
      seen.add(url.href);
      pending.push(url.pathname + url.search);
    }
    if (active) flush(active);
  };
  const observer = new PerformanceObserver((list) => collect(list.getEntries()));
  observer.observe({ type: "resource", buffered: true });
  void navigator.serviceWorker.ready.then((registration) => {
    active = registration.active;
    if (active) flush(active);
    // Requests after the worker took control pass through it anyway.
    navigator.serviceWorker.addEventListener("controllerchange", () => observer.disconnect(), { once: true });
  });
}

if ("serviceWorker" in navigator && import.meta.env.DEV) {
  // `astro dev` has no sw.js; a worker left by `astro preview` on the same port would keep answering from its caches.
  void navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => void r.unregister()));
} else if ("serviceWorker" in navigator && location.protocol !== "file:") {
  if (!navigator.serviceWorker.controller) cacheFirstVisit();
  navigator.serviceWorker
    .register(SW_URL, { scope: "/" })
    .then(watchForUpdates)
    .catch(() => undefined); // no worker (private mode, blocked): the site works online as before
}
