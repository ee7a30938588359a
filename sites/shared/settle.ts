/**
 * Single-page sites change the address first and fill the page in later. This tells whether
 * a page that cannot be read yet has had time to appear: only then is it called unreadable.
 */
export function settleTracker(settleMs: number, recheck: () => void) {
  let place: string | null = null;
  let since = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    /** True when `where` has been the place for long enough; else schedules a recheck. */
    settled(where: string | null): boolean {
      if (where !== place) {
        place = where;
        since = Date.now();
      }
      clearTimeout(timer);
      const waited = Date.now() - since;
      if (waited >= settleMs) return true;
      timer = setTimeout(recheck, settleMs - waited);
      return false;
    },
  };
}
