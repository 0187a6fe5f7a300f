// The viewer's shared materials: one per tissue and look, created once per viewer and reused by every mesh,
// so changing a highlight swaps a reference instead of building anything.
import {
  AlwaysStencilFunc,
  BackSide,
  Color,
  EqualStencilFunc,
  GreaterDepth,
  KeepStencilOp,
  type Material,
  MeshBasicMaterial,
  MeshStandardMaterial,
  NotEqualStencilFunc,
  ReplaceStencilOp,
  ShaderMaterial,
  Vector2,
} from "three";
import { FOCUS_COLOUR, SECONDARY_COLOUR, tissueLook, ZONE_COLOUR } from "../lib/tissue-colours.ts";

/** The highlight colours and tissue looks (src/lib/tissue-colours.ts), for the stage and the posters. */
export { FOCUS_COLOUR, SECONDARY_COLOUR, tissueLook, ZONE_COLOUR };

/** What the nearest surface at a pixel is, written to the stencil buffer by every solid surface. */
const STAMP = { context: 0, focus: 1, secondary: 2 } as const;

/**
 * Every solid surface stamps the stencil with its role; the nearest surface wins. A focus structure hidden behind
 * context or a secondary structure then shows through (the primary target matters most, even under a secondary
 * one, as the joint capsule lies under the deltoid); a secondary structure shows through context only. Neither
 * shows through its own accent, where the two would mix into a muddy colour.
 */
function stampStencil(material: Material, stamp: number): void {
  material.stencilWrite = true;
  material.stencilRef = stamp;
  material.stencilFunc = AlwaysStencilFunc;
  material.stencilZPass = ReplaceStencilOp;
}

/** Which fibre coordinate the mesh carries: none, along the fibres, or along and around. */
export type FibreKind = 0 | 1 | 2;

/**
 * Adds tendon ends and (with an "around" coordinate) faint fibre streaks to a muscle material. The generator
 * writes `_FIBRE` (0 at origin .. 1 at insertion); three's loader names it `_fibre`.
 */
function addFibreShading(material: MeshStandardMaterial, kind: FibreKind, tendon: string): void {
  if (kind === 0) return;
  const tendonColour = new Color(tendon);
  material.customProgramCacheKey = () => `fibre${kind}`;
  material.onBeforeCompile = (shader) => {
    shader.uniforms["tendonColour"] = { value: tendonColour };
    const type = kind === 2 ? "vec2" : "float";
    shader.vertexShader = shader.vertexShader
      .replace("#include <common>", `#include <common>\nattribute ${type} _fibre;\nvarying ${type} vFibre;`)
      .replace("#include <begin_vertex>", "#include <begin_vertex>\nvFibre = _fibre;");
    const along = kind === 2 ? "vFibre.x" : "vFibre";
    const streaks =
      kind === 2 ? "diffuseColor.rgb *= 0.93 + 0.07 * sin(vFibre.y * 150.7) * sin(vFibre.y * 37.7 + 1.3);" : "";
    shader.fragmentShader = shader.fragmentShader
      .replace("#include <common>", `#include <common>\nuniform vec3 tendonColour;\nvarying ${type} vFibre;`)
      .replace(
        "#include <color_fragment>",
        `#include <color_fragment>
        ${streaks}
        float tendonPart = 1.0 - smoothstep(0.03, 0.14, ${along}) * (1.0 - smoothstep(0.86, 0.97, ${along}));
        diffuseColor.rgb = mix(diffuseColor.rgb, tendonColour, tendonPart * 0.8);`,
      );
  };
}

const outlineVertex = /* glsl */ `
  uniform float thickness;
  uniform vec2 resolution;
  void main() {
    vec4 clip = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
    vec3 n = normalize(normalMatrix * normal);
    vec2 dir = (projectionMatrix * vec4(n, 0.0)).xy;
    float len = length(dir);
    // Pushes the back faces outwards by a constant number of pixels, whatever the distance.
    if (len > 1e-6) clip.xy += dir / len * thickness * 2.0 / resolution * clip.w;
    gl_Position = clip;
  }`;
const outlineFragment = /* glsl */ `
  uniform vec3 colour;
  void main() { gl_FragColor = vec4(colour, 1.0); }`;

export type OutlineKind = "focus" | "secondary" | "selected";

/** Every material one viewer uses. */
export class MaterialSet {
  /** Canvas size in device pixels, shared by the outline shaders. */
  readonly resolution = new Vector2(800, 600);
  readonly focus: MeshStandardMaterial;
  readonly secondary: MeshStandardMaterial;
  /** A secondary structure lying over a focus one: faint, so the primary target shows through it. */
  readonly secondaryFaint: MeshStandardMaterial;
  readonly focusGhost: MeshBasicMaterial;
  readonly secondaryGhost: MeshBasicMaterial;
  readonly outlines: Record<OutlineKind, ShaderMaterial>;
  private readonly looks = new Map<string, Material>();

  constructor() {
    this.focus = new MeshStandardMaterial({
      color: FOCUS_COLOUR,
      emissive: FOCUS_COLOUR,
      emissiveIntensity: 0.3,
      roughness: 0.42,
    });
    this.secondary = new MeshStandardMaterial({
      color: SECONDARY_COLOUR,
      emissive: SECONDARY_COLOUR,
      emissiveIntensity: 0.18,
      roughness: 0.45,
    });
    this.secondaryFaint = new MeshStandardMaterial({
      color: SECONDARY_COLOUR,
      emissive: SECONDARY_COLOUR,
      emissiveIntensity: 0.18,
      roughness: 0.45,
      transparent: true,
      opacity: 0.28,
      depthWrite: false,
    });
    stampStencil(this.focus, STAMP.focus);
    stampStencil(this.secondary, STAMP.secondary);
    // Drawn only where something is in front (depth test inverted): a highlighted structure shows through.
    const ghost = (colour: string, stamp: number, over: "all-but-self" | "context") => {
      const m = new MeshBasicMaterial({
        color: colour,
        transparent: true,
        opacity: 0.38,
        depthWrite: false,
        depthFunc: GreaterDepth,
      });
      // Tests the stamp without changing it: drawn where another role (or only context) is in front.
      m.stencilWrite = true;
      m.stencilWriteMask = 0;
      m.stencilRef = over === "context" ? STAMP.context : stamp;
      m.stencilFunc = over === "context" ? EqualStencilFunc : NotEqualStencilFunc;
      m.stencilFail = KeepStencilOp;
      m.stencilZFail = KeepStencilOp;
      m.stencilZPass = KeepStencilOp;
      return m;
    };
    this.focusGhost = ghost(FOCUS_COLOUR, STAMP.focus, "all-but-self");
    this.secondaryGhost = ghost(SECONDARY_COLOUR, STAMP.secondary, "context");
    const outline = (thickness: number) =>
      new ShaderMaterial({
        uniforms: {
          thickness: { value: thickness },
          resolution: { value: this.resolution },
          colour: { value: new Color("#1d1f22") },
        },
        vertexShader: outlineVertex,
        fragmentShader: outlineFragment,
        side: BackSide,
      });
    this.outlines = { focus: outline(2), secondary: outline(1.25), selected: outline(3) };
  }

  /** Context material for a tissue: natural or calm colours, solid or x-ray, with or without fibre shading. */
  context(tissue: string, calm: boolean, xray: boolean, fibre: FibreKind): Material {
    const key = `${tissue}|${calm ? 1 : 0}|${xray ? 1 : 0}|${tissue === "muscle" ? fibre : 0}`;
    let material = this.looks.get(key);
    if (!material) {
      const look = tissueLook(tissue, calm);
      const m = new MeshStandardMaterial({ color: look.colour, roughness: look.roughness, metalness: 0 });
      if (xray) {
        m.transparent = true;
        m.opacity = 0.14;
        m.depthWrite = false;
      } else if (look.opacity !== undefined) {
        m.transparent = true;
        m.opacity = look.opacity;
        // A see-through surface (skin, fascia) must not hide what lies beneath it from the depth test.
        m.depthWrite = false;
      }
      if (tissue === "muscle") addFibreShading(m, fibre, calm ? "#e2dcd2" : "#ece5d6");
      // See-through context (x-ray, skin) leaves the stamp of what lies beneath it.
      if (!m.transparent) stampStencil(m, STAMP.context);
      material = m;
      this.looks.set(key, material);
    }
    return material;
  }

  /** Outlines contrast with the canvas: dark on the light theme, light on the dark one; selection in the accent. */
  setTheme(dark: boolean): void {
    const set = (m: ShaderMaterial, colour: string) => (m.uniforms["colour"]?.value as Color | undefined)?.set(colour);
    set(this.outlines.focus, dark ? "#f2f2f2" : "#1d1f22");
    set(this.outlines.secondary, dark ? "#f2f2f2" : "#1d1f22");
    set(this.outlines.selected, dark ? "#5fd0bb" : "#0f6b5c");
  }

  dispose(): void {
    for (const m of this.looks.values()) m.dispose();
    this.looks.clear();
    for (const m of [
      this.focus,
      this.secondary,
      this.secondaryFaint,
      this.focusGhost,
      this.secondaryGhost,
      ...Object.values(this.outlines),
    ]) {
      m.dispose();
    }
  }
}
