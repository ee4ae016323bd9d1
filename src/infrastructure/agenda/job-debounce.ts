import type { DebounceOptions, JobParameters } from 'agenda';

/** When a debounced job runs next, and since when its current burst of saves has been going on. */
export interface DebouncedSchedule {
  readonly nextRunAt: Date | null;
  readonly debounceStartedAt: Date | undefined;
}

/*
 * agenda's debounce, as its Mongo repository applies it. Trailing (the default): each save pushes the run
 * to `delay` after it, unless the burst has lasted `maxWait`, then it runs now and a new burst begins.
 * Leading: the first save's schedule stands; later saves in the burst only update the job.
 */

/** The schedule of a debounced job that has no match yet. */
export const firstDebounced = (debounce: DebounceOptions, requested: Date | null, now: Date): DebouncedSchedule =>
  debounce.strategy === 'leading'
    ? { nextRunAt: requested, debounceStartedAt: now }
    : { nextRunAt: new Date(now.getTime() + debounce.delay), debounceStartedAt: now };

/** The schedule of a debounced job saved again while `existing` matches its unique key. */
export const nextDebounced = (debounce: DebounceOptions, existing: JobParameters, now: Date): DebouncedSchedule => {
  const startedAt = existing.debounceStartedAt ?? now;
  if (debounce.strategy === 'leading') return { nextRunAt: existing.nextRunAt, debounceStartedAt: startedAt };
  if (debounce.maxWait && now.getTime() - startedAt.getTime() >= debounce.maxWait) {
    return { nextRunAt: now, debounceStartedAt: undefined };
  }
  return { nextRunAt: new Date(now.getTime() + debounce.delay), debounceStartedAt: startedAt };
};
