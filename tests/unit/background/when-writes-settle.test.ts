import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenWritesSettle } from '../../../background/when-writes-settle';

describe('whenWritesSettle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once after a burst of writes has paused', () => {
    const job = vi.fn();
    const wrote = whenWritesSettle(job, { quietMs: 150, maxWaitMs: 1_000 });
    for (let i = 0; i < 10; i++) {
      wrote();
      vi.advanceTimersByTime(20);
    }
    expect(job).not.toHaveBeenCalled();
    vi.advanceTimersByTime(150);
    expect(job).toHaveBeenCalledTimes(1);
  });

  it('still runs during writes that never pause, at the longest wait', () => {
    const job = vi.fn();
    const wrote = whenWritesSettle(job, { quietMs: 150, maxWaitMs: 1_000 });
    for (let i = 0; i < 100; i++) {
      wrote();
      vi.advanceTimersByTime(25);
    }
    // 2.5 s of writes 25 ms apart: one run each second, not one per write.
    expect(job).toHaveBeenCalledTimes(2);
  });

  it('runs again for a write after the job ran', () => {
    const job = vi.fn();
    const wrote = whenWritesSettle(job, { quietMs: 150, maxWaitMs: 1_000 });
    wrote();
    vi.advanceTimersByTime(200);
    wrote();
    vi.advanceTimersByTime(200);
    expect(job).toHaveBeenCalledTimes(2);
  });
});
