// Presentation mode: turns a lesson, condition or technique page into a full-screen sequence of steps, one per
// section (h2), per step of a step-through, or per <PresentStep> marker, each with its 3D view. Nothing is moved
// or copied: the page's own elements are shown or hidden per step, and the step's figure is pinned beside the
// text (present.css). Loaded on first use by PresentButton.astro, which also owns the address (#step=N).
import { requestView, snapshotFigure, type ViewRequest } from "../../viewer/view-request.ts";

/** Elements that never take part: page navigation, the "Present" action itself, related links. */
const SKIP = "nav, script, style, template, present-mode, .related, [data-present-skip]";
/** Where a new step starts. */
const BOUNDARY = "h2, [data-present-step], session-steps .step";
const FIGURE = "[data-anatomy-viewer]";
const FORM_FIELD = "input, textarea, select, [contenteditable]:not([contenteditable='false'])";

interface Step {
  title: string;
  /** Elements shown for this step (the page's own). */
  parts: HTMLElement[];
  /** The step's heading element (kept visible when the answer is hidden). */
  heading: HTMLElement | null;
  /** Elements hidden by "hide the answer". */
  answer: HTMLElement[];
  /** Figure shown beside the text: the step's own, a marker's, or the last one shown before. */
  figure: HTMLElement | null;
  /** View the step asks of its figure (empty: the figure's own). */
  view: ViewRequest;
}

export interface PresenterOptions {
  /** Called when the presentation ends (Esc, the Exit button, or the address no longer naming a step). */
  onLeave(): void;
}

const KEYS_HELP: [string, string][] = [
  ["→ ↓ Space Page Down N", "Next step"],
  ["← ↑ Shift+Space Page Up P", "Previous step"],
  ["Home / End", "First / last step"],
  ["F", "Full screen on or off"],
  ["L", "Labels on or off"],
  ["H", "Hide the answer (labels, text); again to reveal"],
  ["B or .", "Blank the screen; again to return"],
  ["?", "Show or hide this list"],
  ["Esc", "Leave full screen, then the presentation"],
  ["Ctrl+P", "Print a handout with a still of each 3D view"],
];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function parseView(raw: string | undefined): ViewRequest {
  if (!raw) return {};
  try {
    return JSON.parse(raw) as ViewRequest;
  } catch {
    return {};
  }
}

/** Element children only (no instanceof: the splitting also runs over a parsed document in unit tests). */
const isElement = (node: Node): node is HTMLElement => node.nodeType === 1;

function headingText(node: HTMLElement): string {
  const h = node.matches("h1, h2, h3") ? node : node.querySelector<HTMLElement>("h1, h2, h3");
  return (h?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** Splits the article into steps: the header, then a step at every boundary. */
export function collectSteps(article: HTMLElement): Step[] {
  const steps: Step[] = [];
  const boundaries = [...article.querySelectorAll<HTMLElement>(BOUNDARY)].filter((b) => !b.closest(SKIP));
  const boundarySet = new Set(boundaries);
  const splits = (node: HTMLElement) =>
    boundaries.some((b) => b !== node && node.contains(b)) ||
    (node.querySelector(FIGURE) !== null && !node.matches(".viewer-search-ignore, [data-present-step]"));
  let current: Step | null = null;
  const start = (boundary: HTMLElement | null, title: string) => {
    // A marker right before a heading gives that heading's step its view instead of starting a step of its own.
    const last: Step | undefined = steps.at(-1);
    if (boundary && !boundary.matches("[data-present-step]") && last && last.parts.length === 1) {
      const marker = last.parts[0];
      if (marker?.matches("[data-present-step]") && !marker.dataset["title"]) {
        last.title = title;
        last.heading = boundary;
        current = last;
        return;
      }
    }
    current = { title, parts: [], heading: boundary, answer: [], figure: null, view: {} };
    steps.push(current);
  };
  const walk = (node: HTMLElement) => {
    for (const child of node.children) {
      if (!isElement(child) || child.matches(SKIP)) continue;
      if (boundarySet.has(child)) {
        start(child, child.dataset["title"] ?? child.dataset["stepTitle"] ?? headingText(child));
      }
      if (child.matches("header") && child.parentElement === article) {
        start(child, headingText(child));
        current?.parts.push(child);
        continue;
      }
      if (!boundarySet.has(child) && splits(child)) {
        walk(child);
        continue;
      }
      if (!current) start(null, article.ownerDocument.title);
      current?.parts.push(child);
    }
  };
  walk(article);

  let carried: HTMLElement | null = null;
  const firstFigure = article.querySelector<HTMLElement>(FIGURE);
  for (const step of steps) {
    const marker = step.parts.find((p) => p.matches("[data-present-step]"));
    const sessionStep = step.heading?.matches(".step") ? step.heading : null;
    step.view = parseView(marker?.dataset["view"] ?? sessionStep?.dataset["view"]);
    step.figure =
      step.parts.flatMap((p) => (p.matches(FIGURE) ? [p] : [...p.querySelectorAll<HTMLElement>(FIGURE)]))[0] ??
      carried ??
      firstFigure;
    if (step.figure) carried = step.figure;
    step.answer = step.parts.flatMap((p) => {
      if (p === step.heading && p.matches("h1, h2, h3")) return [];
      if (p.querySelector(FIGURE) || p.matches("[data-present-step]")) return [];
      const inner = step.heading && p.contains(step.heading) ? p : p.matches("header") ? p : null;
      if (!inner) return [p];
      return [...inner.children].filter(
        (c): c is HTMLElement => isElement(c) && !c.matches(`h1, h2, h3, ${SKIP}`) && !c.querySelector("h1, h2, h3"),
      );
    });
  }
  return steps;
}

export class Presenter {
  readonly steps: Step[];
  index = 0;
  active = false;
  #article: HTMLElement;
  #options: PresenterOptions;
  #labels: boolean | null = null;
  #hidden = false;
  #blank = false;
  #stills = new Map<string, string>();
  #captureTimer = 0;
  #preparing = false;
  #ui: {
    bar: HTMLElement;
    counter: HTMLElement;
    live: HTMLElement;
    blank: HTMLElement;
    help: HTMLDialogElement;
    note: HTMLElement;
    labels: HTMLButtonElement;
    hide: HTMLButtonElement;
    prev: HTMLButtonElement;
    next: HTMLButtonElement;
  };
  #onKey = (e: KeyboardEvent) => this.onKey(e);
  #onBeforePrint = () => this.buildHandout(true);
  #onAfterPrint = () => this.removeHandout();

  constructor(article: HTMLElement, options: PresenterOptions) {
    this.#article = article;
    this.#options = options;
    this.steps = collectSteps(article);
    this.#ui = this.buildUi();
  }

  buildUi() {
    const bar = el("div", "present-bar");
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Presentation");
    const button = (text: string, key: string, onClick: () => void) => {
      const b = el("button", "present-button", text);
      b.type = "button";
      b.setAttribute("aria-keyshortcuts", key);
      b.addEventListener("click", onClick);
      return b;
    };
    const prev = button("← Previous", "ArrowLeft", () => this.go(this.index - 1));
    const counter = el("p", "present-counter");
    const next = button("Next →", "ArrowRight", () => this.go(this.index + 1));
    const labels = button("Labels", "L", () => this.toggleLabels());
    const hide = button("Hide answer", "H", () => this.toggleHidden());
    const keys = button("Keys", "Shift+?", () => this.toggleHelp());
    const print = button("Handout", "Control+P", () => void this.printHandout());
    const exit = button("Exit", "Escape", () => this.#options.onLeave());
    bar.append(prev, counter, next, el("span", "present-spacer"), labels, hide, keys, print, exit);

    const live = el("div", "visually-hidden present-live");
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    live.setAttribute("aria-atomic", "true");

    const blank = el("div", "present-blank");
    blank.hidden = true;
    blank.append(el("p", "visually-hidden", "Screen blanked. Press B to return."));

    const note = el("p", "present-note", "Answer hidden: press H to reveal.");
    note.hidden = true;

    const help = el("dialog", "present-help");
    help.setAttribute("aria-labelledby", "present-help-title");
    const title = el("h2", "", "Presentation keys");
    title.id = "present-help-title";
    const list = el("dl", "present-keys");
    for (const [k, what] of KEYS_HELP) list.append(el("dt", "", k), el("dd", "", what));
    const close = el("button", "present-button", "Close");
    close.type = "button";
    close.addEventListener("click", () => help.close());
    help.append(title, list, el("p", "", "Keys do nothing while a form field has focus."), close);

    return { bar, counter, live, blank, help, note, labels, hide, prev, next };
  }

  enter(index: number) {
    if (!this.active) {
      this.active = true;
      const root = document.documentElement;
      root.setAttribute("data-present", "");
      for (const step of this.steps) {
        for (const p of step.parts) {
          p.setAttribute("data-present-part", "");
          for (let a = p.parentElement; a && a !== this.#article; a = a.parentElement) {
            a.setAttribute("data-present-wrap", "");
          }
        }
        for (const a of step.answer) a.setAttribute("data-present-answer", "");
      }
      document.body.append(this.#ui.bar, this.#ui.note, this.#ui.live, this.#ui.blank, this.#ui.help);
      document.addEventListener("keydown", this.#onKey);
      window.addEventListener("beforeprint", this.#onBeforePrint);
      window.addEventListener("afterprint", this.#onAfterPrint);
      document.getElementById("main")?.focus({ preventScroll: true });
    }
    this.render(index);
  }

  leave() {
    if (!this.active) return;
    this.active = false;
    const root = document.documentElement;
    for (const name of ["data-present", "data-present-hide", "data-present-figure", "data-present-blank"])
      root.removeAttribute(name);
    for (const node of this.#article.querySelectorAll(
      "[data-present-part], [data-present-current], [data-present-answer], [data-present-stage], [data-present-has]",
    )) {
      for (const name of [
        "data-present-part",
        "data-present-current",
        "data-present-answer",
        "data-present-stage",
        "data-present-has",
      ]) {
        node.removeAttribute(name);
      }
    }
    for (const node of [this.#ui.bar, this.#ui.note, this.#ui.live, this.#ui.blank, this.#ui.help]) node.remove();
    for (const node of this.#article.querySelectorAll("[data-present-wrap]")) node.removeAttribute("data-present-wrap");
    document.removeEventListener("keydown", this.#onKey);
    window.removeEventListener("beforeprint", this.#onBeforePrint);
    window.removeEventListener("afterprint", this.#onAfterPrint);
    clearTimeout(this.#captureTimer);
    // Figures go back to the views their authors gave them.
    for (const figure of new Set(this.steps.map((s) => s.figure))) if (figure) requestView(figure, {});
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    this.#hidden = false;
    this.#blank = false;
    this.#labels = null;
    const step = this.steps[this.index];
    (step?.heading ?? step?.parts[0])?.scrollIntoView({ block: "start" });
  }

  go(index: number) {
    const clamped = Math.max(0, Math.min(this.steps.length - 1, index));
    if (clamped === this.index) return;
    history.pushState(history.state, "", `#step=${clamped + 1}`);
    this.render(clamped);
  }

  render(index: number) {
    this.index = Math.max(0, Math.min(this.steps.length - 1, index));
    const step = this.steps[this.index];
    if (!step) return;
    this.#hidden = false;
    const root = document.documentElement;
    root.removeAttribute("data-present-hide");
    for (const node of this.#article.querySelectorAll(
      "[data-present-current], [data-present-stage], [data-present-has]",
    )) {
      node.removeAttribute("data-present-current");
      node.removeAttribute("data-present-stage");
      node.removeAttribute("data-present-has");
    }
    for (const p of step.parts) p.setAttribute("data-present-current", "");
    const stage = step.figure;
    if (stage) {
      stage.setAttribute("data-present-stage", "");
      root.setAttribute("data-present-figure", "");
    } else root.removeAttribute("data-present-figure");
    // Wrappers around the shown elements stay, everything else in the article is hidden.
    for (const shown of [...step.parts, ...(stage ? [stage] : [])]) {
      for (let a = shown.parentElement; a && a !== this.#article; a = a.parentElement)
        a.setAttribute("data-present-has", "");
    }
    this.applyView();
    const total = this.steps.length;
    this.#ui.counter.textContent = `${this.index + 1} / ${total}`;
    this.#ui.counter.setAttribute("aria-label", `Step ${this.index + 1} of ${total}: ${step.title}`);
    this.#ui.prev.disabled = this.index === 0;
    this.#ui.next.disabled = this.index === total - 1;
    this.syncButtons();
    window.scrollTo({ top: 0 });
    this.announce();
    this.scheduleCapture();
  }

  /** The step's view on its figure, with the presenter's label choice (hidden answer: no labels). */
  applyView() {
    const step = this.steps[this.index];
    if (!step?.figure) return;
    const labels = this.#hidden ? false : (this.#labels ?? step.view.labels ?? true);
    requestView(step.figure, { ...step.view, labels });
  }

  announce() {
    const step = this.steps[this.index];
    if (!step) return;
    const head = `Step ${this.index + 1} of ${this.steps.length}: ${step.title}.`;
    const text = this.#hidden
      ? "Answer hidden."
      : step.parts
          .filter((p) => !p.querySelector(FIGURE) && p !== step.heading)
          .map((p) => (p.textContent ?? "").replace(/\s+/g, " ").trim())
          .filter(Boolean)
          .join(" ");
    this.#ui.live.textContent = `${head} ${text}`.trim();
  }

  syncButtons() {
    const step = this.steps[this.index];
    const labels = this.#hidden ? false : (this.#labels ?? step?.view.labels ?? true);
    this.#ui.labels.setAttribute("aria-pressed", String(labels));
    this.#ui.labels.hidden = !step?.figure;
    this.#ui.hide.setAttribute("aria-pressed", String(this.#hidden));
    this.#ui.note.hidden = !this.#hidden;
  }

  toggleLabels() {
    const step = this.steps[this.index];
    if (!step?.figure) return;
    const now = this.#hidden ? false : (this.#labels ?? step.view.labels ?? true);
    this.#labels = !now;
    this.#hidden = false;
    document.documentElement.removeAttribute("data-present-hide");
    this.applyView();
    this.syncButtons();
    this.#ui.live.textContent = this.#labels ? "Labels shown." : "Labels hidden.";
  }

  toggleHidden() {
    this.#hidden = !this.#hidden;
    document.documentElement.toggleAttribute("data-present-hide", this.#hidden);
    this.applyView();
    this.syncButtons();
    if (this.#hidden) this.#ui.live.textContent = "Answer hidden.";
    else this.announce();
  }

  toggleBlank(on = !this.#blank) {
    this.#blank = on;
    this.#ui.blank.hidden = !on;
    document.documentElement.toggleAttribute("data-present-blank", on);
  }

  toggleHelp() {
    const help = this.#ui.help;
    if (help.open) help.close();
    else help.showModal();
  }

  toggleFullscreen() {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }

  onKey(e: KeyboardEvent) {
    if (!this.active || e.defaultPrevented) return;
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "p") {
      e.preventDefault();
      void this.printHandout();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest(FORM_FIELD)) return;
    if (this.#ui.help.open) {
      if (e.key === "?") {
        e.preventDefault();
        this.#ui.help.close();
      }
      return;
    }
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (this.#blank) {
      if (key === "b" || key === "." || key === "Escape") {
        e.preventDefault();
        this.toggleBlank(false);
      }
      return;
    }
    const action = (() => {
      switch (key) {
        case "ArrowRight":
        case "ArrowDown":
        case "PageDown":
        case "n":
          return () => this.go(this.index + 1);
        case " ":
          return e.shiftKey ? () => this.go(this.index - 1) : () => this.go(this.index + 1);
        case "ArrowLeft":
        case "ArrowUp":
        case "PageUp":
        case "p":
          return () => this.go(this.index - 1);
        case "Home":
          return () => this.go(0);
        case "End":
          return () => this.go(this.steps.length - 1);
        case "f":
          return () => this.toggleFullscreen();
        case "l":
          return () => this.toggleLabels();
        case "h":
          return () => this.toggleHidden();
        case "b":
        case ".":
          return () => this.toggleBlank(true);
        case "?":
          return () => this.toggleHelp();
        case "Escape":
          return () => this.#options.onLeave();
        default:
          return null;
      }
    })();
    if (!action) return;
    e.preventDefault();
    action();
  }

  // Handout -----------------------------------------------------------------------------------------------------

  #stillKey(step: Step): string {
    return step.figure ? `${step.figure.dataset["viewerKey"] ?? ""}|${JSON.stringify(step.view)}` : "";
  }

  /** Keeps a still of each view once it has been shown, so a handout printed from the browser menu has them. */
  scheduleCapture() {
    clearTimeout(this.#captureTimer);
    const step = this.steps[this.index];
    if (!step?.figure || this.#stills.has(this.#stillKey(step))) return;
    this.#captureTimer = window.setTimeout(() => this.captureCurrent(), 1500);
  }

  captureCurrent(): boolean {
    const step = this.steps[this.index];
    const figure = step?.figure;
    if (!step || !figure || figure.dataset["status"] !== "ready") return false;
    const image = snapshotFigure(figure);
    if (image) this.#stills.set(this.#stillKey(step), image);
    return image !== null;
  }

  /** Shows each step's view in turn and keeps a still of it, then prints the handout. */
  async printHandout() {
    if (this.#preparing) return;
    this.#preparing = true;
    const back = this.index;
    const pending = this.steps
      .map((s, i) => [s, i] as const)
      .filter(([s]) => s.figure && !this.#stills.has(this.#stillKey(s)));
    const seen = new Set<string>();
    const views = new Set(pending.map(([s]) => this.#stillKey(s))).size;
    for (const [step, i] of pending) {
      const key = this.#stillKey(step);
      if (seen.has(key)) continue;
      seen.add(key);
      this.render(i);
      this.#ui.note.hidden = false;
      this.#ui.note.textContent = `Preparing the handout: view ${seen.size} of ${views}…`;
      this.#ui.live.textContent = this.#ui.note.textContent;
      await waitFor(
        () => step.figure?.dataset["status"] === "ready" || step.figure?.dataset["status"] === "error",
        15000,
      );
      // Let the camera settle on the step's view (the viewer's tween is about half a second).
      await new Promise((r) => setTimeout(r, 900));
      this.captureCurrent();
    }
    this.#ui.note.textContent = "Answer hidden: press H to reveal.";
    this.render(back);
    this.buildHandout(false);
    this.#preparing = false;
    window.print();
  }

  buildHandout(captureNow: boolean) {
    if (captureNow) this.captureCurrent();
    this.removeHandout();
    const handout = el("section", "present-handout");
    handout.setAttribute("aria-label", "Handout");
    handout.append(el("h1", "", document.title));
    let previous: string | undefined;
    this.steps.forEach((step, i) => {
      const block = el("article", "present-handout-step");
      block.dataset["step"] = String(i + 1);
      for (const part of step.parts) {
        if (part.matches(FIGURE) || part.querySelector(FIGURE)) continue;
        const copy = part.cloneNode(true) as HTMLElement;
        // No second "Present" action, no scripts, no navigation, none of the presentation's own marks.
        for (const node of copy.querySelectorAll(SKIP)) node.remove();
        for (const node of [copy, ...copy.querySelectorAll<HTMLElement>("*")]) {
          for (const name of node.getAttributeNames()) {
            if (name === "id" || name === "hidden" || name.startsWith("data-present")) node.removeAttribute(name);
          }
        }
        block.append(copy);
      }
      if (!block.querySelector("h1, h2, h3")) block.prepend(el("h2", "", step.title));
      // A view is printed where it first appears, not again for every following step that shows it too.
      const still = step.figure ? this.#stills.get(this.#stillKey(step)) : undefined;
      if (still && still !== previous) {
        const img = el("img", "present-still");
        img.src = still;
        img.alt = step.figure?.querySelector("[role='application']")?.getAttribute("aria-label") ?? "3D view";
        block.querySelector("h1, h2, h3")?.after(img);
      }
      previous = still;
      handout.append(block);
    });
    document.body.append(handout);
    document.documentElement.setAttribute("data-present-print", "");
  }

  removeHandout() {
    document.querySelector(".present-handout")?.remove();
    document.documentElement.removeAttribute("data-present-print");
  }
}

function waitFor(test: () => boolean, timeout: number): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const tick = () => {
      if (test() || performance.now() - started > timeout) resolve();
      else setTimeout(tick, 100);
    };
    tick();
  });
}
