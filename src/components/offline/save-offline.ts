// "Save the whole site for offline": shows the size of the whole site before starting, asks the service worker to
// cache every file (progress bar and spoken milestones), and removes the saved copy on request.
import {
  type FromWorker,
  isSiteFileList,
  type SavedRecord,
  SITE_FILES_URL,
  type SiteFileList,
  type ToWorker,
} from "../../sw/protocol.ts";
import { savedRecord } from "./saved-pages.ts";

/** "24.3 MB": decimal megabytes, as phones and operating systems show storage. */
export function formatBytes(bytes: number): string {
  if (bytes < 1e6) return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long" });

/** Sends a message to the active worker and calls back with each answer on its port. */
async function ask(message: ToWorker, onAnswer: (answer: FromWorker) => void): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) throw new Error("The offline helper of this site is not running; reload the page and try again.");
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<FromWorker>) => onAnswer(event.data);
  worker.postMessage(message, [channel.port2]);
}

class SaveOffline extends HTMLElement {
  #list: SiteFileList | undefined;

  connectedCallback() {
    const summary = this.querySelector<HTMLElement>("[data-save-summary]");
    if (!summary) return;
    if (!("serviceWorker" in navigator) || !("caches" in window)) {
      summary.textContent = "This browser cannot keep Palpate for offline use.";
      return;
    }
    this.querySelector<HTMLButtonElement>("[data-save-start]")?.addEventListener("click", () => void this.save());
    this.querySelector<HTMLButtonElement>("[data-save-remove]")?.addEventListener(
      "click",
      () => void this.removeSaved(),
    );
    void this.load();
  }

  #el<T extends HTMLElement>(name: string): T {
    const el = this.querySelector<T>(`[data-save-${name}]`);
    if (!el) throw new Error(`save-offline: [data-save-${name}] is missing`);
    return el;
  }

  async load() {
    const summary = this.#el("summary");
    try {
      const response = await fetch(SITE_FILES_URL, { cache: "no-cache" });
      const list: unknown = response.ok ? await response.json() : undefined;
      if (!isSiteFileList(list)) throw new Error("bad list");
      this.#list = list;
      summary.textContent = `The whole site is ${formatBytes(list.bytes)} (${list.files.length} files): every page, 3D model and the search index.`;
    } catch {
      summary.textContent = "The size of the site could not be read. Connect to the internet to save it.";
    }
    const start = this.#el<HTMLButtonElement>("start");
    start.hidden = false;
    start.disabled = !this.#list;
    await this.showState(await savedRecord());
  }

  async showState(record: SavedRecord | undefined) {
    const state = this.#el("state");
    const remove = this.#el<HTMLButtonElement>("remove");
    remove.hidden = !record;
    if (!record) {
      state.textContent = "Not saved on this device yet. Pages you open are kept as you read them.";
      return;
    }
    const when = dateFormat.format(new Date(record.savedAt));
    const outdated = this.#list && this.#list.version !== record.version;
    state.textContent = outdated
      ? `Saved on ${when}, from an earlier version of the site. Save again to update it.`
      : `Saved on this device on ${when} (${formatBytes(record.bytes)}). Every page works without a connection.`;
    this.#el<HTMLButtonElement>("start").textContent = outdated ? "Update the saved copy" : "Save the whole site again";
  }

  async save() {
    const list = this.#list;
    if (!list) return;
    const start = this.#el<HTMLButtonElement>("start");
    const remove = this.#el<HTMLButtonElement>("remove");
    const live = this.#el("live");
    const progress = this.#el<HTMLProgressElement>("bar");
    const box = this.#el("progress");
    // Enough room? Browsers report an estimate; warn instead of failing halfway.
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    if (estimate?.quota !== undefined && estimate.quota - (estimate.usage ?? 0) < list.bytes) {
      live.textContent = `This device has less than ${formatBytes(list.bytes)} of space for Palpate. Free some space and try again.`;
      return;
    }
    // Ask the browser not to clear the saved copy when space runs low (it may decide on its own).
    await navigator.storage?.persist?.().catch(() => false);
    start.disabled = true;
    remove.disabled = true;
    progress.max = list.bytes;
    progress.value = 0;
    box.hidden = false;
    live.textContent = `Saving ${formatBytes(list.bytes)}…`;
    let spoken = 0;
    const finish = () => {
      start.disabled = false;
      remove.disabled = false;
    };
    try {
      await ask({ type: "SAVE_SITE" }, (answer) => {
        if (answer.type === "progress") {
          progress.value = answer.bytes;
          this.#el("count").textContent =
            `${formatBytes(answer.bytes)} of ${formatBytes(answer.totalBytes)} (${answer.done} of ${answer.total} files)`;
          // Spoken every quarter, not every file.
          const quarter = Math.floor((4 * answer.bytes) / answer.totalBytes);
          if (quarter > spoken && quarter < 4) {
            spoken = quarter;
            live.textContent = `Saving: ${quarter * 25}% done.`;
          }
        } else if (answer.type === "saved") {
          box.hidden = true;
          live.textContent = `Saved: ${formatBytes(answer.record.bytes)}, ${answer.record.files} files. The whole site now works without a connection.`;
          finish();
          void this.showState(answer.record);
        } else if (answer.type === "error") {
          box.hidden = true;
          live.textContent = `Saving stopped: ${answer.message}`;
          finish();
        }
      });
    } catch (error) {
      box.hidden = true;
      live.textContent = `Saving could not start: ${error instanceof Error ? error.message : String(error)}`;
      finish();
    }
  }

  async removeSaved() {
    const live = this.#el("live");
    try {
      await ask({ type: "REMOVE_SAVED" }, (answer) => {
        if (answer.type === "removed") {
          live.textContent = "The saved copy was removed from this device.";
          this.#el<HTMLButtonElement>("start").textContent = "Save the whole site for offline";
          void this.showState(undefined);
          this.#el<HTMLButtonElement>("start").focus();
        } else if (answer.type === "error") live.textContent = `Removing failed: ${answer.message}`;
      });
    } catch (error) {
      live.textContent = `Removing failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

customElements.define("save-offline", SaveOffline);
