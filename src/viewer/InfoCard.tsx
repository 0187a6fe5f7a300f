// The card for the selected structure: name, other names, tissue, attachments, action, nerve supply, a link
// to its atlas page, and buttons to frame, isolate or hide it.
import { useId } from "react";
import { IconClose, IconFrame, IconHide, IconIsolate } from "./icons.tsx";
import type { StructureInfo } from "./types.ts";

interface Props {
  info: StructureInfo;
  role: "focus" | "secondary" | "selected";
  hidden: boolean;
  isolated: boolean;
  /** Where the card sits when it floats over the view (wide viewers): the half away from the selection. */
  dock: "left" | "right";
  onClose(): void;
  onHide(): void;
  onIsolate(): void;
  onFrame(): void;
}

const TISSUE_NAMES: Record<string, string> = {
  "joint-capsule": "joint capsule",
};

export function InfoCard({ info, role, hidden, isolated, dock, onClose, onHide, onIsolate, onFrame }: Props) {
  const id = useId();
  const facts: [string, string | undefined][] = [
    ["Origin", info.origin],
    ["Insertion", info.insertion],
    ["Action", info.action],
    ["Innervation", info.innervation],
  ];
  const tissue = TISSUE_NAMES[info.tissue] ?? info.tissue;
  return (
    <section className={`av-card av-${role} av-dock-${dock}`} aria-labelledby={`${id}-name`}>
      <div className="av-card-head">
        <p className="av-card-name" id={`${id}-name`}>
          <span className={`av-mark av-mark-${role}`} aria-hidden="true" />
          {info.name}
        </p>
        <button type="button" className="av-icon-button" aria-label="Close the card" onClick={onClose}>
          <IconClose />
        </button>
      </div>
      <dl>
        {info.aliases.length > 0 && (
          <div className="av-fact">
            <dt>Also known as</dt>
            <dd>{info.aliases.join("; ")}</dd>
          </div>
        )}
        <div className="av-fact">
          <dt>Tissue</dt>
          <dd>
            {tissue.charAt(0).toUpperCase() + tissue.slice(1)}
            {info.family ? ` (${info.family})` : ""}
          </dd>
        </div>
        {facts.map(([label, value]) =>
          value ? (
            <div key={label} className="av-fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ) : null,
        )}
        {!info.origin && info.blurb && (
          <div className="av-fact">
            <dt>About</dt>
            <dd>{info.blurb}</dd>
          </div>
        )}
      </dl>
      <div className="av-card-actions">
        <button type="button" className="av-button" onClick={onFrame}>
          <IconFrame />
          Show me
        </button>
        <button type="button" className="av-button" aria-pressed={isolated} onClick={onIsolate}>
          <IconIsolate />
          Isolate
        </button>
        <button type="button" className="av-button" aria-pressed={hidden} onClick={onHide}>
          <IconHide />
          Hide
        </button>
        {info.page && (
          <a className="av-card-link" href={`/anatomy/${info.id}/`}>
            {info.name} in the atlas
          </a>
        )}
      </div>
    </section>
  );
}
