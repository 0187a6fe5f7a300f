// A figure that has shown nothing for a long while in view (its structure list or a model file that never arrives,
// a lost context never restored) is stalled: the reader is told and may start it again.
import { useEffect, useState } from "react";

/** How long a figure may wait before it counts as stalled. A CPU renderer on a busy machine needs a few seconds
 *  for a first frame; a hang is far longer. */
export const STALL_MS = 20_000;

/** Stalled once `waiting` has held for STALL_MS; a new `attempt` (a retry) starts the wait anew. */
export function useStall(waiting: boolean, attempt: number): [boolean, (stalled: boolean) => void] {
  const [stalled, setStalled] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt restarts the wait after "Try again"
  useEffect(() => {
    if (!waiting) {
      setStalled(false);
      return;
    }
    const timer = window.setTimeout(() => setStalled(true), STALL_MS);
    return () => window.clearTimeout(timer);
  }, [waiting, attempt]);
  return [stalled, setStalled];
}
