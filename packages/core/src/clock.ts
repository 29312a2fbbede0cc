/**
 * Domain code never reads the wall clock itself: a Clock is passed in, so every
 * judgement is reproducible in tests and when recomputed from the record.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is told; for tests and deterministic replays. */
export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set(next) {
      current = new Date(next);
    },
  };
}
