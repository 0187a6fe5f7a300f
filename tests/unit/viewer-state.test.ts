// The island's view state: a figure's own start, what a shared link restores (or why it cannot), what a page's
// view request gives, the structure list and which structures get labels.
import { describe, expect, it } from "vitest";
import { encodeViewState, type ViewState } from "../../src/lib/view-state.ts";
import type { StructureInfo, ViewerPayload } from "../../src/viewer/types.ts";
import {
  framingIds,
  GONE_NOTICE,
  initialState,
  type LinkContext,
  labelledIds,
  listedStructures,
  readViewLink,
  requestedState,
  roleOf,
} from "../../src/viewer/viewer-state.ts";

function structure(id: string, group: StructureInfo["group"] = "superficial", models?: string[]): StructureInfo {
  return {
    id,
    name: id.replaceAll("-", " "),
    aliases: [],
    tissue: "muscle",
    layer: 1,
    group,
    page: true,
    ...(models ? { models } : {}),
  };
}

const structures = [
  structure("median-nerve", "nerve"),
  structure("pronator-teres"),
  structure("flexor-carpi-radialis"),
  structure("deltoid", "superficial", ["shoulder"]),
];

const payload: ViewerPayload = {
  mode: "figure",
  keyBase: "median-nerve",
  model: "upper-limb",
  models: [{ model: "upper-limb", title: "Upper limb", url: "/models/upper-limb.glb", parts: [] }],
  focus: ["pronator-teres", "median-nerve"],
  secondary: ["flexor-carpi-radialis"],
  side: "r",
  view: "anterior",
  caption: "The median nerve between the heads of pronator teres.",
  structures: structures.slice(0, 3),
  hasSkin: false,
};

const start = initialState(payload, "median-nerve");

function link(state: Partial<ViewState>, over: Partial<LinkContext> = {}): LinkContext {
  return {
    hash: encodeViewState({ ...start, ...state }),
    key: "median-nerve",
    pageKeys: ["median-nerve"],
    first: true,
    structures,
    payload,
    start,
    ...over,
  };
}

describe("initialState", () => {
  it("starts from the figure's highlights (sorted), side and view, labels on, nothing selected or hidden", () => {
    expect(start).toMatchObject({
      viewer: "median-nerve",
      model: "upper-limb",
      side: "r",
      focus: ["median-nerve", "pronator-teres"],
      secondary: ["flexor-carpi-radialis"],
      selected: null,
      hidden: [],
      isolated: [],
      labels: true,
      quiz: false,
      xray: false,
      camera: { view: "anterior" },
    });
    // The figure's own layers include the nerve layer its focus lies in.
    expect(start.layers).toContain("nerve");
    // The payload's arrays are not the state's.
    expect(start.focus).not.toBe(payload.focus);
  });
});

describe("framingIds", () => {
  const framed = { ...payload, frame: ["pronator-teres"] };
  it("uses the figure's own framing while the highlights are the figure's, in any order", () => {
    expect(framingIds(framed, { focus: ["median-nerve", "pronator-teres"], secondary: payload.secondary })).toEqual([
      "pronator-teres",
    ]);
  });
  it("frames the highlights once they differ, or when the figure names no framing", () => {
    expect(framingIds(framed, { focus: ["median-nerve"], secondary: [] })).toEqual(["median-nerve"]);
    expect(framingIds(payload, payload)).toEqual(["pronator-teres", "median-nerve", "flexor-carpi-radialis"]);
  });
});

describe("readViewLink", () => {
  it("restores this viewer's link: state, and a camera command for a named view", () => {
    const outcome = readViewLink(link({ selected: "median-nerve", xray: true, camera: { view: "posterior" } }));
    expect(outcome.kind).toBe("restore");
    if (outcome.kind !== "restore") return;
    expect(outcome.state.selected).toBe("median-nerve");
    expect(outcome.state.xray).toBe(true);
    expect(outcome.problems).toEqual([]);
    // Not the figure's own view: not turned to fit its focus.
    expect(outcome.camera).toEqual({
      kind: "view",
      view: "posterior",
      ids: ["median-nerve", "pronator-teres", "flexor-carpi-radialis"],
      fit: false,
    });
  });

  it("fits the figure's own view, and restores a free camera where it was", () => {
    const own = readViewLink(link({}));
    expect(own.kind === "restore" && own.camera).toMatchObject({ kind: "view", view: "anterior", fit: true });
    const free = readViewLink(link({ camera: { position: [0, 1, 2], target: [0, 1, 0] } }));
    expect(free.kind === "restore" && free.camera).toEqual({ kind: "free", position: [0, 1, 2], target: [0, 1, 0] });
  });

  it("drops structures the model lacks and says so", () => {
    const outcome = readViewLink(link({ focus: ["median-nerve", "deltoid"] }));
    expect(outcome.kind).toBe("restore");
    if (outcome.kind !== "restore") return;
    expect(outcome.state.focus).toEqual(["median-nerve"]);
    expect(outcome.problems.join(" ")).toMatch(/1 structure named in the link is not in this model/);
  });

  it("leaves a link to another viewer of the page alone", () => {
    const other = link({}, { key: "median-nerve", pageKeys: ["median-nerve", "median-nerve-2"] });
    expect(
      readViewLink({ ...other, hash: other.hash.replace("viewer=median-nerve", "viewer=median-nerve-2") }),
    ).toEqual({ kind: "none" });
  });

  it("has the page's first viewer say when the linked viewer is gone; the others stay quiet", () => {
    const gone = link({ viewer: "ulnar-nerve" });
    expect(readViewLink(gone)).toEqual({ kind: "gone", notice: GONE_NOTICE });
    expect(readViewLink({ ...gone, first: false })).toEqual({ kind: "none" });
  });

  it("ignores an ordinary anchor", () => {
    expect(readViewLink({ ...link({}), hash: "#symptoms" })).toEqual({ kind: "none" });
  });
});

describe("requestedState", () => {
  it("keeps the figure's own values for what the request leaves out", () => {
    const { state, problems } = requestedState({ view: "posterior" }, undefined, start, structures);
    expect(problems).toEqual([]);
    expect(state.focus).toEqual(start.focus);
    expect(state.camera).toEqual({ view: "posterior" });
    expect(state.labels).toBe(true);
  });

  it("sets highlights, side and labels, and drops ids of another model", () => {
    const { state, problems } = requestedState(
      { focus: ["deltoid", "pronator-teres"], secondary: [], side: "l" },
      false,
      start,
      structures,
    );
    expect(state.focus).toEqual(["pronator-teres"]);
    expect(state.secondary).toEqual([]);
    expect(state.side).toBe("l");
    expect(state.labels).toBe(false);
    expect(problems).toHaveLength(1);
  });
});

describe("listedStructures", () => {
  const known = new Map(structures.map((s) => [s.id, s]));
  const nameOf = (id: string) => known.get(id)?.name ?? `Named ${id}`;

  it("lists the model's structures before it is drawn, and adds the drawn nodes that have no record", () => {
    expect(listedStructures(structures, "upper-limb", null, known, nameOf).map((s) => s.id)).toEqual([
      "median-nerve",
      "pronator-teres",
      "flexor-carpi-radialis",
    ]);
    const drawn = listedStructures(
      structures,
      "shoulder",
      [
        { id: "deltoid", tissue: "muscle", layer: 1 },
        { id: "axillary-nerve", tissue: "nerve", layer: 3 },
      ],
      known,
      nameOf,
    );
    expect(drawn.map((s) => s.id)).toEqual([
      "median-nerve",
      "pronator-teres",
      "flexor-carpi-radialis",
      "deltoid",
      "axillary-nerve",
    ]);
    expect(drawn.at(-1)).toMatchObject({ name: "Named axillary-nerve", group: "nerve", page: false });
  });
});

describe("labelledIds", () => {
  it("labels the highlights and the selection, once each", () => {
    expect(labelledIds({ ...start, selected: "deltoid" }, null)).toEqual([
      "median-nerve",
      "pronator-teres",
      "flexor-carpi-radialis",
      "deltoid",
    ]);
    expect(labelledIds({ ...start, selected: "median-nerve" }, null)).toHaveLength(3);
  });

  it("labels nothing with labels off or in a quiz, and only what the model holds", () => {
    expect(labelledIds({ ...start, labels: false }, null)).toEqual([]);
    expect(labelledIds({ ...start, quiz: true }, null)).toEqual([]);
    expect(labelledIds(start, new Set(["pronator-teres"]))).toEqual(["pronator-teres"]);
  });
});

describe("roleOf", () => {
  it("is focus, secondary, or (anything else) selected", () => {
    expect(roleOf("median-nerve", start)).toBe("focus");
    expect(roleOf("flexor-carpi-radialis", start)).toBe("secondary");
    expect(roleOf("deltoid", start)).toBe("selected");
  });
});
