/**
 * Runs `job` once writes have paused for `quietMs`, and at least every `maxWaitMs` while they
 * keep coming. The badge's due scan reads the deals table, and IndexedDB makes a write wait
 * for a read transaction that started before it: scanning during a burst of writes (a thread's
 * messages recorded one by one) would hold every next write up. Returns the trigger to call
 * after each write.
 */
export function whenWritesSettle(
  job: () => void,
  { quietMs, maxWaitMs }: { quietMs: number; maxWaitMs: number },
): () => void {
  let quiet: ReturnType<typeof setTimeout> | null = null;
  let firstCallAt: number | null = null;
  const run = () => {
    quiet = null;
    firstCallAt = null;
    job();
  };
  return () => {
    const now = Date.now();
    firstCallAt ??= now;
    if (quiet) clearTimeout(quiet);
    const wait = Math.min(quietMs, Math.max(0, firstCallAt + maxWaitMs - now));
    quiet = setTimeout(run, wait);
  };
}
