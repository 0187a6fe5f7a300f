// The list beside the canvas: every structure of the model, grouped by layer, each with select, hide and isolate
// buttons whose pressed state mirrors the scene. Its search box filters as you type (names and aliases);
// Enter selects and frames the first match. Fully operable by keyboard.
import { type KeyboardEvent, useId, useMemo, useRef, useState } from "react";
import { LAYER_KEYS, LAYER_LABELS, type ViewState } from "../lib/view-state.ts";
import { IconHide, IconIsolate } from "./icons.tsx";
import type { ModelInfo, StructureInfo } from "./types.ts";

interface Props {
  mode: "figure" | "explorer";
  structures: StructureInfo[];
  /** False until the model's data file has arrived (the list is then empty, and says nothing about matches). */
  loaded: boolean;
  /** Every structure the viewer knows (the explorer searches other models too). */
  allStructures: StructureInfo[];
  models: ModelInfo[];
  model: string;
  state: ViewState;
  interactive: boolean;
  onSelect(id: string): void;
  onHide(id: string): void;
  onIsolate(id: string): void;
  onSearchPick(structure: StructureInfo): void;
}

/** Lower case without accents, so "Flexor" finds "flexor" and "Musculus" finds "musculus". */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** True when every word of the query starts a word of the structure's name or one of its aliases. */
export function matchesQuery(s: StructureInfo, query: string): boolean {
  const terms = foldText(query)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (terms.length === 0) return true;
  const words = foldText([s.name, ...s.aliases, s.id].join(" ")).split(/[^a-z0-9]+/);
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}

export function StructureList(p: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const listRef = useRef<HTMLDivElement>(null);
  const matches = useMemo(
    () => p.structures.filter((s) => matchesQuery(s, query)).sort((a, b) => a.name.localeCompare(b.name)),
    [p.structures, query],
  );
  const elsewhere = useMemo(() => {
    if (p.mode !== "explorer" || query.trim() === "") return [];
    const here = new Set(p.structures.map((s) => s.id));
    return p.allStructures
      .filter((s) => !here.has(s.id) && s.models?.some((m) => m !== p.model) && matchesQuery(s, query))
      .slice(0, 8);
  }, [p.mode, p.allStructures, p.structures, p.model, query]);
  const groups = LAYER_KEYS.map((key) => ({ key, items: matches.filter((s) => s.group === key) })).filter(
    (g) => g.items.length > 0,
  );
  const titleOf = (model: string) => p.models.find((m) => m.model === model)?.title ?? model;
  const otherModel = (s: StructureInfo) => s.models?.find((m) => m !== p.model);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      const first = matches[0] ?? elsewhere[0];
      if (first && p.interactive) p.onSearchPick(first);
    } else if (e.key === "ArrowDown") {
      const button = listRef.current?.querySelector<HTMLButtonElement>("button");
      if (button) {
        e.preventDefault();
        button.focus();
      }
    } else if (e.key === "Escape" && query) {
      e.preventDefault();
      setQuery("");
    }
  };

  const row = (s: StructureInfo) => {
    const selected = p.state.selected === s.id;
    const hidden = p.state.hidden.includes(s.id);
    const isolated = p.state.isolated.includes(s.id);
    const role = p.state.focus.includes(s.id) ? "focus" : p.state.secondary.includes(s.id) ? "secondary" : "context";
    const roleText = role === "focus" ? ", highlighted" : role === "secondary" ? ", also marked" : "";
    return (
      <li
        key={s.id}
        className={`av-row av-${role}${hidden ? " av-is-hidden" : ""}${selected ? " av-is-selected" : ""}`}
      >
        {p.interactive ? (
          <>
            <button type="button" className="av-name" aria-pressed={selected} onClick={() => p.onSelect(s.id)}>
              <span className={`av-mark av-mark-${role}`} aria-hidden="true" />
              <span className="av-name-text">{s.name}</span>
              <span className="av-sr">
                {roleText}
                {hidden ? ", hidden" : ""}
              </span>
            </button>
            <button
              type="button"
              className="av-icon-button"
              aria-pressed={hidden}
              aria-label={`Hide ${s.name}`}
              title={hidden ? "Show again" : "Hide"}
              onClick={() => p.onHide(s.id)}
            >
              <IconHide />
            </button>
            <button
              type="button"
              className="av-icon-button"
              aria-pressed={isolated}
              aria-label={`Isolate ${s.name}`}
              title={isolated ? "Stop isolating" : "Show only this"}
              onClick={() => p.onIsolate(s.id)}
            >
              <IconIsolate />
            </button>
          </>
        ) : (
          <>
            <span className="av-name">
              <span className={`av-mark av-mark-${role}`} aria-hidden="true" />
              {s.page ? <a href={`/anatomy/${s.id}/`}>{s.name}</a> : <span className="av-name-text">{s.name}</span>}
              <span className="av-sr">{roleText}</span>
            </span>
            {/* Keeps the room of the hide and isolate buttons, so rows do not reflow when the viewer starts. */}
            <span className="av-row-spacer" aria-hidden="true" />
          </>
        )}
      </li>
    );
  };

  return (
    <div className="av-panel">
      <p className="av-panel-title" id={`${id}-title`}>
        Structures in this model {p.loaded && <span className="av-count">({p.structures.length})</span>}
      </p>
      <label className="av-search">
        <span className="av-sr">{p.mode === "explorer" ? "Search structures" : "Filter structures"}</span>
        <input
          type="search"
          placeholder={p.mode === "explorer" ? "Search, e.g. median nerve" : "Filter by name"}
          value={query}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-count`}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onSearchKey}
        />
      </label>
      <p className="av-sr" id={`${id}-count`} aria-live="polite">
        {query
          ? `${matches.length + elsewhere.length} match${matches.length + elsewhere.length === 1 ? "" : "es"}.`
          : ""}
        {query && p.interactive ? " Press Enter to select the first." : ""}
      </p>
      <div className="av-list" ref={listRef}>
        {groups.map((g) => (
          <div key={g.key} className="av-group">
            <p className="av-group-title" id={`${id}-${g.key}`}>
              <span className={`av-swatch av-g-${g.key}`} aria-hidden="true" />
              {LAYER_LABELS[g.key]}
              {p.state.layers.includes(g.key) ? "" : " (layer off)"}
            </p>
            <ul aria-labelledby={`${id}-${g.key}`}>{g.items.map(row)}</ul>
          </div>
        ))}
        {elsewhere.length > 0 && (
          <div className="av-group">
            <p className="av-group-title" id={`${id}-elsewhere`}>
              In other models
            </p>
            <ul aria-labelledby={`${id}-elsewhere`}>
              {elsewhere.map((s) => (
                <li key={s.id} className="av-row">
                  <button type="button" className="av-name" disabled={!p.interactive} onClick={() => p.onSearchPick(s)}>
                    <span className="av-name-text">{s.name}</span>
                    <span className="av-where">{titleOf(otherModel(s) ?? "")}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {p.loaded && groups.length === 0 && elsewhere.length === 0 && (
          <p className="av-empty">No structure matches “{query}”.</p>
        )}
      </div>
    </div>
  );
}
