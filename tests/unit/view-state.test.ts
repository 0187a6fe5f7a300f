// The viewer's URL-hash codec: round trips, defaults, and random or malformed input that must never throw.
import { describe, expect, it } from "vitest";
import { seededRandom as rng } from "../../src/lib/seeded-random.ts";
import {
  applyViewState,
  type CameraState,
  decodeViewState,
  encodeViewState,
  isViewerHash,
  LAYER_KEYS,
  LAYER_LABELS,
  type LayerKey,
  layerGroupOf,
  VIEW_NAMES,
  VIEW_STATE_KEYS,
  type ViewState,
  viewerOfHash,
} from "../../src/lib/view-state.ts";
import { DEFAULT_LAYERS, viewReducer } from "../../src/viewer/view-reducer.ts";

const base: ViewState = {
  viewer: "median-nerve",
  model: "upper-limb",
  side: "r",
  focus: ["median-nerve", "transverse-carpal-ligament"],
  secondary: ["flexor-digitorum-superficialis"],
  selected: null,
  hidden: [],
  isolated: [],
  layers: [...LAYER_KEYS],
  xray: false,
  labels: true,
  quiz: false,
  camera: { view: "palmar" },
};

const words = ["median", "nerve", "flexor", "carpi", "ulnar", "deltoid", "teres", "major", "minor", "2"];
function randomId(r: () => number): string {
  const n = 1 + Math.floor(r() * 3);
  return Array.from({ length: n }, () => words[Math.floor(r() * words.length)]).join("-");
}
function randomIds(r: () => number): string[] {
  return [...new Set(Array.from({ length: Math.floor(r() * 5) }, () => randomId(r)))].sort();
}
function randomCamera(r: () => number): CameraState {
  if (r() < 0.5) return { view: VIEW_NAMES[Math.floor(r() * VIEW_NAMES.length)] ?? "anterior" };
  const c = (offset = 0) => Math.round((r() * 4 - 2 + offset) * 1000) / 1000;
  return { position: [c(), c(), c(5)], target: [c(), c(), c()] };
}
function randomState(r: () => number): ViewState {
  return {
    viewer: randomId(r),
    model: randomId(r),
    side: r() < 0.5 ? "r" : "l",
    focus: randomIds(r),
    secondary: randomIds(r),
    selected: r() < 0.5 ? null : randomId(r),
    hidden: randomIds(r),
    isolated: randomIds(r),
    layers: LAYER_KEYS.filter(() => r() < 0.6),
    xray: r() < 0.5,
    labels: r() < 0.5,
    quiz: r() < 0.5,
    camera: randomCamera(r),
  };
}

describe("encodeViewState / decodeViewState", () => {
  it("round-trips a page figure's state without problems", () => {
    const hash = encodeViewState(base);
    expect(hash.startsWith("#viewer=median-nerve&v=1&")).toBe(true);
    const decoded = decodeViewState(hash);
    expect(decoded.isViewState).toBe(true);
    expect(decoded.problems).toEqual([]);
    expect(decoded.state).toEqual({
      viewer: "median-nerve",
      model: "upper-limb",
      side: "r",
      focus: ["median-nerve", "transverse-carpal-ligament"],
      secondary: ["flexor-digitorum-superficialis"],
      camera: { view: "palmar" },
    });
  });

  it("round-trips every field of random valid states", () => {
    const r = rng(42);
    for (let i = 0; i < 500; i++) {
      const state = randomState(r);
      const decoded = decodeViewState(encodeViewState(state));
      expect(decoded.problems, encodeViewState(state)).toEqual([]);
      const merged = applyViewState(base, decoded, {
        knownIds: new Set([
          ...state.focus,
          ...state.secondary,
          ...state.hidden,
          ...state.isolated,
          state.selected ?? "x",
        ]),
        models: [state.model],
      });
      expect(merged.problems).toEqual([]);
      // The viewer key chooses which viewer applies the state; the rest must come back unchanged.
      expect(decoded.state.viewer).toBe(state.viewer);
      expect(merged.state).toEqual({ ...state, viewer: base.viewer });
    }
  });

  it("gives equal hashes for equal states whatever the list order", () => {
    const a = encodeViewState({ ...base, hidden: ["b-b", "a-a", "b-b"], layers: ["bone", "skin"] });
    const b = encodeViewState({ ...base, hidden: ["a-a", "b-b"], layers: ["skin", "bone"] });
    expect(a).toBe(b);
    expect(a).toContain("hide=a-a,b-b");
    expect(a).toContain("layers=skin,bone");
  });

  it("writes cameras in millimetres with no negative zero", () => {
    const hash = encodeViewState({ ...base, camera: { position: [-0.00001, 1.23456, 2], target: [0, -0.0004, 1] } });
    expect(hash).toContain("cam=0,1.235,2,0,0,1");
    expect(decodeViewState(hash).state.camera).toEqual({ position: [0, 1.235, 2], target: [0, 0, 1] });
  });

  it("tells an empty layer set from the default of all layers", () => {
    expect(encodeViewState({ ...base, layers: [] })).toContain("layers=none");
    expect(encodeViewState(base)).not.toContain("layers=");
    expect(decodeViewState(encodeViewState({ ...base, layers: [] })).state.layers).toEqual([]);
    expect(decodeViewState(encodeViewState(base)).state.layers).toBeUndefined();
  });
});

describe("hashes that are not for a viewer", () => {
  it("leaves ordinary anchors alone without reporting anything", () => {
    for (const hash of ["", "#", "#section-2", "#m=upper-limb", "#top&viewer=x"]) {
      expect(isViewerHash(hash)).toBe(false);
      expect(decodeViewState(hash)).toEqual({ isViewState: false, state: {}, problems: [] });
      expect(viewerOfHash(hash)).toBeNull();
    }
  });

  it("names the viewer a hash is for", () => {
    expect(viewerOfHash("#viewer=median-nerve&v=1")).toBe("median-nerve");
    expect(viewerOfHash("#viewer=Bad%20Name")).toBeNull();
  });
});

describe("malformed and outdated hashes", () => {
  const cases: [string, string, Partial<ViewState>][] = [
    ["#viewer=a&v=1&view=sideways", "camera", { viewer: "a" }],
    ["#viewer=a&cam=1,2,3", "camera", { viewer: "a" }],
    ["#viewer=a&cam=1,2,3,1,2,3", "camera", { viewer: "a" }],
    ["#viewer=a&cam=1,2,NaN,0,0,0", "camera", { viewer: "a" }],
    ["#viewer=a&cam=1e400,0,0,0,0,0", "camera", { viewer: "a" }],
    ["#viewer=a&side=middle", "side", { viewer: "a" }],
    ["#viewer=a&xray=yes", "x-ray", { viewer: "a" }],
    ["#viewer=a&quiz=on", "quiz", { viewer: "a" }],
    ["#viewer=a&layers=bone,muscles", "muscles", { viewer: "a", layers: ["bone"] }],
    ["#viewer=a&f=median-nerve,Bad_Id,,x", "unreadable", { viewer: "a", focus: ["median-nerve", "x"] }],
    ["#viewer=a&sel=%E0%A4%A", "garbled", { viewer: "a" }],
    ["#viewer=a&zoom=3", "not known", { viewer: "a" }],
    ["#viewer=a&v=9&m=upper-limb", "newer version", { viewer: "a", model: "upper-limb" }],
    ["#viewer=a&m=upper-limb&m=trunk", "twice", { viewer: "a", model: "upper-limb" }],
    ["#viewer=a&view=anterior&cam=0,0,1,0,0,0", "camera twice", { viewer: "a", camera: { view: "anterior" } }],
    ["#viewer=&m=upper-limb", "viewer", { model: "upper-limb" }],
  ];
  for (const [hash, problem, state] of cases) {
    it(`reads what it can of ${hash} and reports "${problem}"`, () => {
      const decoded = decodeViewState(hash);
      expect(decoded.isViewState).toBe(true);
      expect(decoded.state).toEqual(state);
      expect(decoded.problems.join(" ")).toContain(problem);
    });
  }

  it("refuses an overlong hash as a whole", () => {
    const decoded = decodeViewState(`#viewer=a&f=${"a,".repeat(5000)}`);
    expect(decoded.state).toEqual({});
    expect(decoded.problems[0]).toMatch(/too long/);
  });

  it("never throws on random text and never returns a field it could not validate", () => {
    const r = rng(7);
    const alphabet = "viewer=&,.%-_#01234abcdefmnrslxyzAZ \u00e9\u{1F600}=cam=view=f=sel=layers=";
    for (let i = 0; i < 3000; i++) {
      const len = Math.floor(r() * 80);
      let text = r() < 0.7 ? "#viewer=" : "";
      for (let j = 0; j < len; j++) text += alphabet[Math.floor(r() * alphabet.length)];
      const decoded = decodeViewState(text);
      const s = decoded.state;
      for (const list of [s.focus, s.secondary, s.hidden, s.isolated]) {
        for (const id of list ?? []) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      }
      if (s.side !== undefined) expect(["r", "l"]).toContain(s.side);
      for (const layer of s.layers ?? []) expect(LAYER_KEYS as readonly LayerKey[]).toContain(layer);
      if (s.camera && "position" in s.camera) {
        for (const n of [...s.camera.position, ...s.camera.target]) expect(Number.isFinite(n)).toBe(true);
      }
      if (s.camera && "view" in s.camera) expect(VIEW_NAMES).toContain(s.camera.view);
    }
  });

  it("never throws on mutated valid hashes", () => {
    const r = rng(99);
    for (let i = 0; i < 2000; i++) {
      const chars = [...encodeViewState(randomState(r))];
      for (let k = 0; k < 3; k++) {
        const at = Math.floor(r() * chars.length);
        const op = r();
        if (op < 0.33) chars.splice(at, 1);
        else if (op < 0.66) chars.splice(at, 0, "%&=,-"[Math.floor(r() * 5)] ?? "");
        else chars[at] = String.fromCharCode(Math.floor(r() * 128));
      }
      expect(() => decodeViewState(chars.join(""))).not.toThrow();
    }
  });

  it("does not throw on values that are not strings", () => {
    expect(decodeViewState(undefined as unknown as string).isViewState).toBe(false);
  });
});

describe("applyViewState", () => {
  const context = {
    knownIds: new Set(["median-nerve", "ulnar-nerve", "transverse-carpal-ligament"]),
    models: ["upper-limb"],
  };

  it("drops ids the model does not contain and says so", () => {
    const decoded = decodeViewState(
      "#viewer=median-nerve&v=1&m=upper-limb&f=median-nerve,old-id&sel=gone&hide=ulnar-nerve",
    );
    const { state, problems } = applyViewState(base, decoded, context);
    expect(state.focus).toEqual(["median-nerve"]);
    expect(state.hidden).toEqual(["ulnar-nerve"]);
    expect(state.selected).toBeNull();
    expect(problems.join(" ")).toContain("1 structure named in the link is not in this model");
    expect(problems.join(" ")).toContain('"gone" is not in this model');
  });

  it("keeps the page's model when the link names one this viewer cannot show", () => {
    const { state, problems } = applyViewState(base, decodeViewState("#viewer=median-nerve&m=trunk"), context);
    expect(state.model).toBe("upper-limb");
    expect(problems.join(" ")).toContain('"trunk" is not available here');
  });

  it("opens a shared quiz link with the names hidden, and a link without it with them shown", () => {
    const quizHash = encodeViewState({ ...base, quiz: true });
    expect(quizHash).toContain("&quiz=1");
    expect(encodeViewState(base)).not.toContain("quiz");
    expect(applyViewState(base, decodeViewState(quizHash), context).state.quiz).toBe(true);
    const revealed = applyViewState({ ...base, quiz: true }, decodeViewState("#viewer=median-nerve&quiz=0"), context);
    expect(revealed.state.quiz).toBe(false);
    expect(applyViewState(base, decodeViewState("#viewer=median-nerve&v=1"), context).state.quiz).toBe(false);
  });

  it("keeps base values for fields the hash does not mention", () => {
    const { state, problems } = applyViewState(base, decodeViewState("#viewer=median-nerve&xray=1"), context);
    expect(problems).toEqual([]);
    expect(state).toEqual({ ...base, xray: true });
  });
});

describe("hostile links", () => {
  const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const KEYS = [...VIEW_STATE_KEYS, "view", "cam"];
  const PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "median-nerve<b>",
    "median-nerve\u0000",
    "median-nerve\n",
    "\u202Eevil-txt",
    "ｍｅｄｉａｎ-ｎｅｒｖｅ",
    "me\u0301dian",
    "\u{1F600}",
    "__proto__",
    "constructor",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "0x10",
    "",
  ];
  /** Every field of a decoded state is one the viewer can use as is: ids, names and numbers only. */
  function expectOnlyValidFields(state: Partial<ViewState>) {
    for (const id of [state.viewer, state.model, state.selected ?? undefined].filter((x) => x !== undefined)) {
      expect(id).toMatch(ID_PATTERN);
    }
    for (const list of [state.focus, state.secondary, state.hidden, state.isolated]) {
      for (const id of list ?? []) expect(id).toMatch(ID_PATTERN);
    }
    for (const layer of state.layers ?? []) expect(LAYER_KEYS as readonly string[]).toContain(layer);
    if (state.side !== undefined) expect(["r", "l"]).toContain(state.side);
    if (state.camera && "position" in state.camera) {
      for (const n of [...state.camera.position, ...state.camera.target]) expect(Number.isFinite(n)).toBe(true);
    }
    if (state.camera && "view" in state.camera) expect(VIEW_NAMES).toContain(state.camera.view);
  }
  /** Problems are plain sentences: no markup, control or direction-override characters from the link. */
  function expectPlainProblems(problems: string[]) {
    for (const p of problems) {
      expect(p).toMatch(/^[ -~]*$/); // printable ASCII only
      expect(p).not.toMatch(/[<>]/);
    }
  }

  for (const key of KEYS) {
    it(`reads hostile values of "${key}" without throwing, keeping none and saying so`, () => {
      for (const payload of PAYLOADS) {
        for (const value of [payload, encodeURIComponent(payload)]) {
          const hash = key === "viewer" ? `#viewer=${value}` : `#viewer=a&${key}=${value}`;
          const decoded = decodeViewState(hash);
          expect(decoded.isViewState).toBe(true);
          expectOnlyValidFields(decoded.state);
          expectPlainProblems(decoded.problems);
          // A payload that is not a plain id or name is never kept, and is reported.
          if (/[^a-z0-9-]/.test(payload)) expect(decoded.problems.length, hash).toBeGreaterThan(0);
        }
      }
    });
  }

  it("quotes hostile keys back as plain text", () => {
    const decoded = decodeViewState("#viewer=a&<script>=1&\u202Ex=1&\u0000=1");
    expect(decoded.problems).toHaveLength(3);
    expectPlainProblems(decoded.problems);
    expect(decoded.problems[0]).toContain('"?script?"');
  });

  it("does not touch object prototypes through __proto__ or constructor keys", () => {
    const decoded = decodeViewState("#viewer=a&__proto__=x&constructor=y&prototype=z&toString=w");
    expect(Object.keys(decoded.state)).toEqual(["viewer"]);
    expect(Object.getPrototypeOf(decoded.state)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
    expect(decoded.problems.filter((p) => p.includes("not known"))).toHaveLength(4);
  });

  it("rejects non-finite and non-decimal numbers in the camera and the version", () => {
    for (const n of ["NaN", "Infinity", "-Infinity", "1e309", "0x10", "1_0", " 1", "+1", "1.", ".5", "1e", ""]) {
      const decoded = decodeViewState(`#viewer=a&cam=${n},0,0,0,0,0`);
      expect(decoded.state.camera, `cam=${n}`).toBeUndefined();
      expect(decoded.problems.join(" ")).toContain("camera");
    }
    for (const v of ["NaN", "Infinity", "1e400", "-1", "0", "1.5", "abc"]) {
      expect(decodeViewState(`#viewer=a&v=${v}`).problems.join(" "), `v=${v}`).toMatch(/version/);
    }
    expect(decodeViewState("#viewer=a&cam=-0,0,2,0,0,0").state.camera).toEqual({
      position: [-0, 0, 2],
      target: [0, 0, 0],
    });
  });

  it("refuses huge input quickly, and reports a flood of repeated keys briefly", () => {
    const start = performance.now();
    for (const huge of [`#viewer=a&f=${"x".repeat(1_000_000)}`, `#viewer=${"&".repeat(1_000_000)}`]) {
      const decoded = decodeViewState(huge);
      expect(decoded.state).toEqual({});
      expect(decoded.problems).toEqual(["The link is too long to be a saved view; it was ignored."]);
    }
    expect(performance.now() - start).toBeLessThan(500);

    const repeated = decodeViewState(`#viewer=a${"&m=b".repeat(900)}`);
    expect(repeated.state).toEqual({ viewer: "a", model: "b" });
    expect(repeated.problems.length).toBeLessThanOrEqual(8);
    expect(repeated.problems.at(-1)).toMatch(/^\d+ more parts of the link could not be used\.$/);

    const manyIds = decodeViewState(`#viewer=a&f=${Array.from({ length: 600 }, (_, i) => `s${i}`).join(",")}`);
    expect(manyIds.state.focus?.length).toBeLessThanOrEqual(300);
    expect(manyIds.problems.join(" ")).toMatch(/unreadable and ignored/);
  });

  it("never throws and never keeps an invalid field on random hostile text", () => {
    const r = rng(2024);
    const pieces = [...PAYLOADS, "&", "=", ",", "%", "%3C", "%ZZ", "%E0%A4%A", "viewer=", "cam=", "f=", "#"];
    for (let i = 0; i < 3000; i++) {
      let text = "#viewer=a";
      const n = Math.floor(r() * 12);
      for (let j = 0; j < n; j++) {
        text += r() < 0.4 ? `&${KEYS[Math.floor(r() * KEYS.length)]}=` : "";
        text += pieces[Math.floor(r() * pieces.length)];
      }
      const decoded = decodeViewState(text);
      expectOnlyValidFields(decoded.state);
      expectPlainProblems(decoded.problems);
      expect(decoded.problems.length).toBeLessThanOrEqual(8);
    }
  });
});

describe("quiz state in the viewer's reducer", () => {
  it("hides names until revealed; asking for labels reveals them, hiding labels keeps the quiz", () => {
    const quiz = viewReducer(base, { type: "quiz", on: true });
    expect(quiz).toEqual({ ...base, quiz: true });
    expect(viewReducer(quiz, { type: "labels", on: false })).toEqual({ ...base, quiz: true, labels: false });
    expect(viewReducer({ ...quiz, labels: false }, { type: "labels", on: true })).toEqual(base);
    expect(viewReducer(quiz, { type: "quiz", on: false })).toEqual(base);
    // A shared quiz link survives the round trip through the address bar.
    expect(decodeViewState(encodeViewState(quiz)).state.quiz).toBe(true);
  });
});

describe("the endangerment-sites layer", () => {
  it("is a layer the viewer lists, named for readers, holding the zone records, off when a viewer opens", () => {
    expect(LAYER_KEYS).toContain("zone");
    expect(LAYER_LABELS.zone).toBe("Endangerment sites");
    expect(layerGroupOf("zone", 1)).toBe("zone");
    expect(DEFAULT_LAYERS).not.toContain("zone");
  });

  it("survives a URL round trip when switched on, and when switched off again", () => {
    const opened: ViewState = { ...base, viewer: "explore", model: "body", layers: [...DEFAULT_LAYERS] };
    const on = viewReducer(opened, { type: "layer", layer: "zone", on: true });
    expect(on.layers).toEqual([...DEFAULT_LAYERS, "zone"]);
    const hash = encodeViewState(on);
    expect(hash).toMatch(/[#&]layers=[a-z,]*\bzone\b/);
    const decoded = decodeViewState(hash);
    expect(decoded.problems).toEqual([]);
    expect(decoded.state.layers).toEqual(on.layers);
    const applied = applyViewState(opened, decoded, { knownIds: new Set(base.focus), models: ["body"] });
    expect(applied.state.layers).toContain("zone");
    const off = viewReducer(on, { type: "layer", layer: "zone", on: false });
    expect(decodeViewState(encodeViewState(off)).state.layers).not.toContain("zone");
  });

  it("is read from a hand-written link in any order, and an unknown layer beside it is reported", () => {
    const decoded = decodeViewState("#viewer=explore&layers=zone,skin,zones");
    expect(decoded.state.layers).toEqual(["skin", "zone"]);
    expect(decoded.problems).toEqual(['The layer "zones" is not known and was ignored.']);
  });
});
