// The toolbar's "Embed" menu: the <iframe> snippet that shows this view on another site (/embed/ with the same
// hash as "Copy link"), with its width and height, and a button to copy it.
import { useEffect, useId, useRef, useState } from "react";
import { encodeViewState, type ViewState } from "../lib/view-state.ts";

interface Props {
  state: ViewState;
  enabled: boolean;
  /** Announces a result to screen readers (the viewer's live region). */
  announce(text: string): void;
}

const clampSize = (n: number, fallback: number) => (Number.isFinite(n) ? Math.min(4000, Math.max(200, n)) : fallback);

/** The snippet for a view; the attribute values need no escaping (a URL of ids and numbers, fixed text). */
export function embedSnippet(origin: string, state: ViewState, width: number, height: number): string {
  const src = `${origin}/embed/${encodeViewState(state)}`;
  return `<iframe src="${src.replaceAll('"', "%22")}" width="${width}" height="${height}" title="3D anatomy view from Palpate" loading="lazy" allow="fullscreen"></iframe>`;
}

export function EmbedMenu({ state, enabled, announce }: Props) {
  const id = useId();
  const ref = useRef<HTMLDetailsElement>(null);
  const [width, setWidth] = useState(800);
  const [height, setHeight] = useState(600);
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(location.origin), []);
  const snippet = embedSnippet(origin, state, width, height);

  // Closes on Escape and on a click elsewhere, like the layers menu.
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const onPointer = (e: PointerEvent) => {
      if (details.open && !details.contains(e.target as Node)) details.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && details.open) {
        details.open = false;
        details.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    details.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      details.removeEventListener("keydown", onKey);
    };
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      announce("Embed code copied.");
    } catch {
      ref.current?.querySelector("textarea")?.select();
      announce("Copy the selected embed code by hand.");
    }
  };

  return (
    <details className="av-menu av-embed" ref={ref}>
      <summary className="av-button" aria-disabled={!enabled || undefined}>
        <svg
          className="av-icon"
          viewBox="0 0 20 20"
          width="20"
          height="20"
          aria-hidden="true"
          focusable="false"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.7"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M7 6l-4 4 4 4M13 6l4 4-4 4" />
        </svg>
        Embed
      </summary>
      <fieldset className="av-menu-panel av-embed-panel" disabled={!enabled}>
        <legend>Embed this view on a website</legend>
        <div className="av-embed-size">
          <label>
            Width{" "}
            <input
              type="number"
              min={200}
              max={4000}
              step={10}
              value={width}
              onChange={(e) => setWidth(clampSize(e.currentTarget.valueAsNumber, 800))}
            />
          </label>
          <label>
            Height{" "}
            <input
              type="number"
              min={200}
              max={4000}
              step={10}
              value={height}
              onChange={(e) => setHeight(clampSize(e.currentTarget.valueAsNumber, 600))}
            />
          </label>
        </div>
        <label htmlFor={`${id}-code`}>HTML to paste</label>
        <textarea id={`${id}-code`} readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="av-button" onClick={copy}>
          Copy embed code
        </button>
      </fieldset>
    </details>
  );
}
