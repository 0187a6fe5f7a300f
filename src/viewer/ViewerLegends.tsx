// The figure's legends below the 3D view: the referred-pain pattern it draws (what the hatching means, the
// muscle's pattern in words) and, in the explorer with the sites' layer on, what the endangerment outlines are.
import type { ViewerPayload } from "./types.ts";

interface Props {
  payload: Pick<ViewerPayload, "mode" | "referredPain" | "zones">;
  /** The endangerment sites' layer is on. */
  zonesShown: boolean;
}

export function ViewerLegends({ payload, zonesShown }: Props) {
  return (
    <>
      {payload.referredPain && (
        <div className="av-pain">
          <p>
            <span className="av-pain-swatch" aria-hidden="true" />
            <strong>Referred pain from {payload.referredPain.name}</strong>, drawn as hatched areas on the skin: dense
            hatching where most people feel it, sparse where some do. These are typical patterns; they vary between
            people.
          </p>
          <p>{payload.referredPain.description}</p>
        </div>
      )}
      {payload.mode === "explorer" && (payload.zones?.length ?? 0) > 0 && zonesShown && (
        <div className="av-pain" data-zone-legend>
          <p>
            <span className="av-swatch av-g-zone" aria-hidden="true" /> <strong>Endangerment sites</strong>, outlined on
            the skin: places where a nerve, an artery or a vein lies close to the surface and firm pressure can harm it.
            What lies in each, what to avoid and when to stop:{" "}
            <a href="/learn/endangerment-sites/">the endangerment sites lesson</a>.
          </p>
        </div>
      )}
    </>
  );
}
