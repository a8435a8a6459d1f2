/** Where the engine reads time. Injected so tests and `--frozen-time` fix every timestamp. */
export interface Clock {
  now(): Date;
}

/**
 * A clock that stands still until told to move: the default for deterministic runs.
 *
 * @example
 * const clock = new ManualClock('2026-01-01T00:00:00Z');
 * clock.advance(60_000);
 * clock.now().toISOString(); // '2026-01-01T00:01:00.000Z'
 */
export class ManualClock implements Clock {
  private ms: number;

  constructor(start: string | number | Date) {
    const ms = new Date(start).getTime();
    if (Number.isNaN(ms)) throw new TypeError(`Not a valid time: ${String(start)}`);
    this.ms = ms;
  }

  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  set(time: string | number | Date): void {
    const ms = new Date(time).getTime();
    if (Number.isNaN(ms)) throw new TypeError(`Not a valid time: ${String(time)}`);
    this.ms = ms;
  }
}

/**
 * Wall-clock time.
 *
 * @example
 * const clock = systemClock;
 * clock.now();
 */
export const systemClock: Clock = { now: () => new Date() };

/**
 * Wall-clock time that tests can still move forward (`POST /_mock/clock`), e.g. to expire
 * a link token without waiting.
 *
 * @example
 * const clock = new ShiftableClock();
 * clock.advance(3_600_000); // an hour later than the wall clock
 */
export class ShiftableClock implements Clock {
  private offset = 0;

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  advance(ms: number): void {
    this.offset += ms;
  }

  set(time: string | number | Date): void {
    const ms = new Date(time).getTime();
    if (Number.isNaN(ms)) throw new TypeError(`Not a valid time: ${String(time)}`);
    this.offset = ms - Date.now();
  }
}

/** A clock the control plane can move. */
export type AdjustableClock = Clock & { advance(ms: number): void; set(time: string | number | Date): void };
