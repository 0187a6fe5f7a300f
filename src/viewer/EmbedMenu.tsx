// The toolbar's "Embed" menu: the <iframe> snippet that shows this view on another site (/embed/ with the same
// hash as "Copy link"), with its width and height, and a button to copy it.
import { useEffect, useId, useRef, useState } from "react";
import { encodeViewState, type ViewState } from "../lib/view-state.ts";
import { IconEmbed } from "./icons.tsx";
import { useMenuDismiss } from "./use-menu-dismiss.ts";

interface Props {
  state: ViewState;
  enabled: boolean;
  /** The server render: the (closed, so sizeless) panel is left out. */
  pending: boolean;
  /** Announces a result to screen readers (the viewer's live region). */
  announce(text: string): void;
}

function SizeField(p: { label: string; value: number; onChange(n: number): void }) {
  return (
    <label>
      {p.label}{" "}
      <input
        type="number"
        min={200}
        max={4000}
        step={10}
        value={p.value}
        onChange={(e) => {
          const n = e.currentTarget.valueAsNumber;
          if (Number.isFinite(n)) p.onChange(Math.min(4000, Math.max(200, n)));
        }}
      />
    </label>
  );
}

/** The snippet for a view; the attribute values need no escaping (a URL of ids and numbers, fixed text). */
export function embedSnippet(origin: string, state: ViewState, width: number, height: number): string {
  const src = `${origin}/embed/${encodeViewState(state)}`;
  return `<iframe src="${src.replaceAll('"', "%22")}" width="${width}" height="${height}" title="3D anatomy view from Palpate" loading="lazy" allow="fullscreen"></iframe>`;
}

export function EmbedMenu({ state, enabled, pending, announce }: Props) {
  const id = useId();
  const ref = useRef<HTMLDetailsElement>(null);
  const [width, setWidth] = useState(800);
  const [height, setHeight] = useState(600);
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(location.origin), []);
  const snippet = embedSnippet(origin, state, width, height);

  useMenuDismiss(ref);

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
        <IconEmbed />
        Embed
      </summary>
      {!pending && (
        <fieldset className="av-menu-panel av-embed-panel" disabled={!enabled}>
          <legend>Embed this view on a website</legend>
          <div className="av-embed-size">
            <SizeField label="Width" value={width} onChange={setWidth} />
            <SizeField label="Height" value={height} onChange={setHeight} />
          </div>
          <label htmlFor={`${id}-code`}>HTML to paste</label>
          <textarea id={`${id}-code`} readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="av-button" onClick={copy}>
            Copy embed code
          </button>
        </fieldset>
      )}
    </details>
  );
}
