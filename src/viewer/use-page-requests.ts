// Requests from page scripts (src/viewer/view-request.ts): the latest view asked for (presentation steps, a lesson's
// step-through; one made before the island hydrated counts), and stills for the presentation handout.
import { type RefObject, useEffect, useState } from "react";
import type { StageApi } from "./Stage3D.tsx";
import {
  pendingViewRequest,
  readViewRequest,
  SNAPSHOT_EVENT,
  VIEW_REQUEST_EVENT,
  type ViewRequest,
} from "./view-request.ts";

/** The latest view request made of the figure `root` (null: none yet); snapshots are answered from `api`. */
export function usePageRequests(
  root: RefObject<HTMLElement | null>,
  api: RefObject<StageApi | null>,
): ViewRequest | null {
  const [request, setRequest] = useState<ViewRequest | null>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    setRequest(pendingViewRequest(el));
    const onRequest = (e: Event) => setRequest(readViewRequest((e as CustomEvent<unknown>).detail));
    const onSnapshot = (e: Event) => {
      const detail = (e as CustomEvent<{ image: string | null }>).detail;
      if (detail) detail.image = api.current?.snapshot() ?? null;
    };
    el.addEventListener(VIEW_REQUEST_EVENT, onRequest);
    el.addEventListener(SNAPSHOT_EVENT, onSnapshot);
    return () => {
      el.removeEventListener(VIEW_REQUEST_EVENT, onRequest);
      el.removeEventListener(SNAPSHOT_EVENT, onSnapshot);
    };
  }, [root, api]);
  return request;
}
