import type { Clock } from '../../src/application/shared/ports/clock.port';

const DAY_MS = 86_400_000;

/** A clock a spec moves by hand, to reach dates (a warranty's end, a reminder's day) without waiting. */
export class AdjustableClock implements Clock {
  private current: number;

  constructor(start: Date | string = new Date()) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advanceDays(days: number): void {
    this.current += days * DAY_MS;
  }
}
