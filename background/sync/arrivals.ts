/**
 * What a download from the server brings, told to the code that applies it while it still
 * runs: a first pull applies one batch while the next is fetched, instead of waiting for the
 * last before applying the first.
 */
export function followArrivals() {
  let ended = false;
  /** A batch arrived that no one waiting was told of yet. */
  let unseen = false;
  let wake: (() => void) | null = null;
  const tell = () => {
    unseen = true;
    wake?.();
  };
  return {
    /** The download whose batches these are: once it ends, failed or not, nothing more comes. */
    endWith(download: Promise<unknown>): void {
      const end = () => ((ended = true), tell());
      void download.then(end, end);
    },
    /** A batch is in the mirror. */
    arrived: tell,
    /** Waits for a batch not seen yet or the end; false once nothing more can come. */
    async more(): Promise<boolean> {
      if (!unseen && !ended) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const fresh = unseen;
      unseen = false;
      return fresh || !ended;
    },
  };
}
