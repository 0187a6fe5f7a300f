// The viewer's live region: short results of the reader's actions, spoken by screen readers.
import { useCallback, useState } from "react";

export function useAnnouncer(): { announcement: string; announce(text: string): void } {
  const [announcement, setAnnouncement] = useState("");
  const announce = useCallback((text: string) => {
    // A trailing no-break space makes a repeated message a new one for screen readers.
    setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));
  }, []);
  return { announcement, announce };
}
