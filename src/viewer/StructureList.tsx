// The list beside the canvas: every structure of the model, grouped by layer, each with select, hide and isolate
// buttons whose pressed state mirrors the scene. Its search box filters as you type (names and aliases), best match
// first; Enter selects and frames the first match. Fully operable by keyboard: the list is one Tab stop, and arrow keys
// move inside it (a roving tabindex): Up and Down between structures, Home and End to the first and last, Left
// and Right between a structure's select, hide and isolate buttons.
import { type FocusEvent, type KeyboardEvent, useId, useMemo, useRef, useState } from "react";
import { rankMatches, wordsOf } from "../lib/structure-search.ts";
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

export function StructureList(p: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const listRef = useRef<HTMLDivElement>(null);
  /** The list's one Tab stop: a row (structure id) and a column (0 select, 1 hide, 2 isolate). */
  const [current, setCurrent] = useState<{ id: string; col: number } | null>(null);
  // Best match first (src/lib/structure-search.ts); with no query, alphabetical.
  const matches = useMemo(() => rankMatches(p.structures, query), [p.structures, query]);
  const elsewhere = useMemo(() => {
    if (p.mode !== "explorer" || query.trim() === "") return [];
    const here = new Set(p.structures.map((s) => s.id));
    const others = p.allStructures.filter((s) => !here.has(s.id) && s.models?.some((m) => m !== p.model));
    return rankMatches(others, query).slice(0, 8);
  }, [p.mode, p.allStructures, p.structures, p.model, query]);
  // Grouped by layer; while searching, in the order of each group's best match, so the first row listed is the one
  // Enter selects.
  const groupOrder = wordsOf(query).length === 0 ? LAYER_KEYS : [...new Set(matches.map((s) => s.group))];
  const groups = groupOrder
    .map((key) => ({ key, items: matches.filter((s) => s.group === key) }))
    .filter((g) => g.items.length > 0);
  const titleOf = (model: string) => p.models.find((m) => m.model === model)?.title ?? model;
  const otherModel = (s: StructureInfo) => s.models?.find((m) => m !== p.model);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      const first = matches[0] ?? elsewhere[0];
      if (first && p.interactive) p.onSearchPick(first);
    } else if (e.key === "ArrowDown") {
      const first = listRef.current?.querySelector<HTMLElement>("[data-col]");
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === "Escape" && query) {
      e.preventDefault();
      setQuery("");
    }
  };

  // The Tab stop: the remembered cell while its row is listed, else the selected structure's row, else the first.
  const rowIds = [...groups.flatMap((g) => g.items.map((s) => s.id)), ...elsewhere.map((s) => s.id)];
  const stopId =
    current && rowIds.includes(current.id)
      ? current.id
      : p.state.selected && rowIds.includes(p.state.selected)
        ? p.state.selected
        : rowIds[0];
  const stopCol = current && current.id === stopId ? current.col : 0;
  const tabIndexOf = (rowId: string, col: number) => (rowId === stopId && col === stopCol ? 0 : -1);

  const onListFocus = (e: FocusEvent<HTMLDivElement>) => {
    const cell = e.target.closest<HTMLElement>("[data-col]");
    const rowId = cell?.closest<HTMLElement>("[data-row]")?.dataset["row"];
    if (cell && rowId) setCurrent({ id: rowId, col: Number(cell.dataset["col"]) });
  };

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const list = listRef.current;
    const cell = (e.target as HTMLElement).closest<HTMLElement>("[data-col]");
    const row = cell?.closest<HTMLElement>("[data-row]");
    if (!list || !cell || !row) return;
    const rows = [...list.querySelectorAll<HTMLElement>("[data-row]")];
    const cells = (r: HTMLElement) => [...r.querySelectorAll<HTMLElement>("[data-col]")];
    const at = rows.indexOf(row);
    const col = Number(cell.dataset["col"]);
    /** The cell of another row nearest the current column. */
    const inRow = (r: HTMLElement | undefined) => {
      if (!r) return undefined;
      const list = cells(r);
      return list.find((c) => Number(c.dataset["col"]) === col) ?? list[list.length - 1];
    };
    let next: HTMLElement | undefined;
    switch (e.key) {
      case "ArrowDown":
        next = inRow(rows[at + 1]);
        break;
      case "ArrowUp":
        // Above the first structure is the search box.
        next =
          at === 0
            ? (list.parentElement?.querySelector<HTMLElement>(".av-search input") ?? undefined)
            : inRow(rows[at - 1]);
        break;
      case "Home":
        next = inRow(rows[0]);
        break;
      case "End":
        next = inRow(rows[rows.length - 1]);
        break;
      case "ArrowRight":
      case "ArrowLeft": {
        const list = cells(row);
        next = list[list.indexOf(cell) + (e.key === "ArrowRight" ? 1 : -1)];
        break;
      }
      default:
        return;
    }
    e.preventDefault();
    next?.focus();
  };

  const row = (s: StructureInfo) => {
    const selected = p.state.selected === s.id;
    const hidden = p.state.hidden.includes(s.id);
    const isolated = p.state.isolated.includes(s.id);
    // A quiz asks for the names of the highlighted structures: the list must not mark them.
    const role = p.state.quiz
      ? "context"
      : p.state.focus.includes(s.id)
        ? "focus"
        : p.state.secondary.includes(s.id)
          ? "secondary"
          : "context";
    const roleText = role === "focus" ? ", highlighted" : role === "secondary" ? ", also marked" : "";
    return (
      <li
        key={s.id}
        data-row={s.id}
        className={`av-row av-${role}${hidden ? " av-is-hidden" : ""}${selected ? " av-is-selected" : ""}`}
      >
        {p.interactive ? (
          <>
            <button
              type="button"
              className="av-name"
              aria-pressed={selected}
              data-col={0}
              tabIndex={tabIndexOf(s.id, 0)}
              onClick={() => p.onSelect(s.id)}
            >
              <span className={`av-mark av-mark-${role}`} aria-hidden="true" />
              <span className="av-name-text">{s.name}</span>
              <span className="visually-hidden">
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
              data-col={1}
              tabIndex={tabIndexOf(s.id, 1)}
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
              data-col={2}
              tabIndex={tabIndexOf(s.id, 2)}
              onClick={() => p.onIsolate(s.id)}
            >
              <IconIsolate />
            </button>
          </>
        ) : (
          <>
            <span className="av-name">
              <span className={`av-mark av-mark-${role}`} aria-hidden="true" />
              {s.page ? (
                <a href={`/anatomy/${s.id}/`} data-col={0} tabIndex={tabIndexOf(s.id, 0)}>
                  {s.name}
                </a>
              ) : (
                <span className="av-name-text">{s.name}</span>
              )}
              <span className="visually-hidden">{roleText}</span>
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
      {/* A search box works only once the island runs (and has the list): none in the server render, only its room,
          so the list does not move down when it comes. */}
      {!p.loaded && <div className="av-search av-search-pending" aria-hidden="true" />}
      {p.loaded && (
        <label className="av-search">
          <span className="visually-hidden">{p.mode === "explorer" ? "Search structures" : "Filter structures"}</span>
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
      )}
      <p className="visually-hidden" id={`${id}-count`} aria-live="polite">
        {query
          ? `${matches.length + elsewhere.length} match${matches.length + elsewhere.length === 1 ? "" : "es"}.`
          : ""}
        {query && p.interactive ? " Press Enter to select the first." : ""}
      </p>
      <p className="visually-hidden" id={`${id}-keys`}>
        One Tab stop: Up and Down arrows move between structures, Home and End go to the first and last, Left and Right
        move between a structure's select, hide and isolate buttons.
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: a group of lists with its own key help; no fieldset needed */}
      <div
        className="av-list"
        ref={listRef}
        role="group"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-keys`}
        onKeyDown={onListKey}
        onFocus={onListFocus}
      >
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
                <li key={s.id} className="av-row" data-row={s.id}>
                  <button
                    type="button"
                    className="av-name"
                    disabled={!p.interactive}
                    data-col={0}
                    tabIndex={tabIndexOf(s.id, 0)}
                    onClick={() => p.onSearchPick(s)}
                  >
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
