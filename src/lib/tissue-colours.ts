// Tissue and highlight colours: the one copy, plain data for the viewer (src/viewer/materials.ts), the generator's
// glTF materials (models/writer.ts) and the figure posters (src/components/viewer/poster.ts, which also draw the
// generator's soft-tissue preview). The page's legends use the
// same two highlight colours as CSS custom properties (--focus-tissue, --secondary-tissue in src/styles/tokens.css),
// kept equal to these by tests/unit/tissue-colours.test.ts.

/** Highlight accents (blue/orange pair, distinguishable with the common colour-vision deficiencies). */
export const FOCUS_COLOUR = "#e66100";
export const SECONDARY_COLOUR = "#3a7bd5";

/**
 * Outline of an endangerment site (tissue `zone`, drawn on the skin, not a mesh): a teal distinct from the focus
 * orange, the secondary blue and the referred-pain magenta, at least 3:1 against the skin in both themes.
 */
export const ZONE_COLOUR = { light: "#00796b", dark: "#4db6ac" } as const;

/** Referred-pain areas, hatched on the skin (the viewer's decals and the posters). */
export const PAIN_COLOUR = "#c2185b";

/** A tissue's look: sRGB colour, roughness, and opacity when see-through. */
export interface TissueLook {
  colour: string;
  roughness: number;
  opacity?: number;
}

/** Natural colours, used when nothing is highlighted (the explorer before a selection) and in the model files. */
export const VIVID: Readonly<Record<string, TissueLook>> = {
  muscle: { colour: "#b5493f", roughness: 0.48 },
  tendon: { colour: "#e9e3d4", roughness: 0.35 },
  ligament: { colour: "#ddd6c0", roughness: 0.5 },
  retinaculum: { colour: "#ddd6c0", roughness: 0.5 },
  "joint-capsule": { colour: "#d9cfb4", roughness: 0.55 },
  fascia: { colour: "#cdd5db", roughness: 0.32, opacity: 0.45 },
  bursa: { colour: "#d6c3a0", roughness: 0.4 },
  cartilage: { colour: "#cfd8dc", roughness: 0.35 },
  nerve: { colour: "#e8c547", roughness: 0.4 },
  vessel: { colour: "#6b62a8", roughness: 0.4 },
  organ: { colour: "#8a4a5c", roughness: 0.45 },
  bone: { colour: "#ebe3cc", roughness: 0.72 },
  skin: { colour: "#e0b9a0", roughness: 0.6, opacity: 0.5 },
};

/** Calm colours for context while something is highlighted: muted, so the accents carry the eye. */
export const CALM: Readonly<Record<string, TissueLook>> = {
  muscle: { colour: "#c9aea8", roughness: 0.6 },
  tendon: { colour: "#e6e2d9", roughness: 0.5 },
  ligament: { colour: "#dbd7cb", roughness: 0.6 },
  retinaculum: { colour: "#dbd7cb", roughness: 0.6 },
  "joint-capsule": { colour: "#d8d3c4", roughness: 0.6 },
  fascia: { colour: "#d6dadd", roughness: 0.5, opacity: 0.45 },
  bursa: { colour: "#d8d0bf", roughness: 0.6 },
  cartilage: { colour: "#dde0df", roughness: 0.55 },
  nerve: { colour: "#dcd5b0", roughness: 0.55 },
  vessel: { colour: "#aeaabb", roughness: 0.55 },
  organ: { colour: "#c2aab0", roughness: 0.6 },
  bone: { colour: "#efe9da", roughness: 0.8 },
  skin: { colour: "#e5d0c2", roughness: 0.7, opacity: 0.45 },
};

/** Look of a tissue none of the tables names. */
export const DEFAULT_LOOK: TissueLook = { colour: "#cfc8bb", roughness: 0.6 };

/** A tissue's colour, roughness and opacity: natural, or calm while something is highlighted (or the default). */
export function tissueLook(tissue: string, calm = false): TissueLook {
  return (calm ? CALM : VIVID)[tissue] ?? DEFAULT_LOOK;
}

/** "#rrggbb" as three bytes 0..255 (sRGB). */
export function srgbBytes(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [
    Number.parseInt(m[1] as string, 16),
    Number.parseInt(m[2] as string, 16),
    Number.parseInt(m[3] as string, 16),
  ];
}

/** "#rrggbb" as linear factors 0..1 (glTF's baseColorFactor is linear; three converts hex colours the same way). */
export function linearFactors(hex: string): [number, number, number] {
  const lin = (b: number) => {
    const c = b / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = srgbBytes(hex);
  return [lin(r), lin(g), lin(b)];
}
