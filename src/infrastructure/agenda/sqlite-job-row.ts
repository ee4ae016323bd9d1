import { randomBytes } from 'node:crypto';
import { toJobId, type JobParameters } from 'agenda';
import { invalid } from '../../domain/shared/domain-error';

export interface JobRow {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly priority: number;
  readonly next_run_at: number | null;
  readonly locked_at: number | null;
  readonly disabled: number;
  readonly doc: string;
}

/** Date fields kept in `doc`, as ISO strings (nextRunAt and lockedAt are columns). */
const DOC_DATE_FIELDS = ['lastRunAt', 'lastFinishedAt', 'failedAt', 'startDate', 'endDate', 'debounceStartedAt'] as const;

/**
 * Fields only the job processor writes (agenda's Job.save leaves them out): an update that does not carry
 * one keeps the stored value, so a save from user code cannot unlock a running job or forget its failures.
 */
const PROCESSOR_FIELDS = ['lockedAt', 'lastRunAt', 'lastFinishedAt', 'failedAt', 'failCount', 'failReason', 'progress'] as const;

/** 24 hex characters, the shape of a MongoDB ObjectId, so tools written for agenda's Mongo ids accept them. */
export const newJobId = (): string => randomBytes(12).toString('hex');

/** Epoch milliseconds of a date field as agenda may hand it over (a Date, or its string or number form). */
export const epochMs = (value: unknown): number | null => {
  if (value === null || value === undefined) return null;
  const time = new Date(value as Date).getTime();
  if (Number.isNaN(time)) throw invalid('agenda_jobs.invalid_date', `Not a date: ${String(value)}`);
  return time;
};

export const toJobRow = (id: string, job: JobParameters): JobRow => {
  // _id is the row key; unique and uniqueOpts steer one save and are not part of the job.
  const { _id, unique: _unique, uniqueOpts: _uniqueOpts, name, type, priority, nextRunAt, lockedAt, disabled, ...rest } = job;
  const doc: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(rest)) {
    if (value !== undefined && value !== null) doc[field] = value;
  }
  for (const field of DOC_DATE_FIELDS) {
    const time = epochMs(doc[field]);
    if (time !== null) doc[field] = new Date(time).toISOString();
  }
  doc.data = rest.data ?? null;
  return {
    id,
    name,
    type,
    priority,
    next_run_at: epochMs(nextRunAt),
    locked_at: epochMs(lockedAt),
    disabled: disabled === true ? 1 : 0,
    doc: JSON.stringify(doc),
  };
};

export const fromJobRow = <DATA = unknown>(row: JobRow): JobParameters<DATA> => {
  const doc = JSON.parse(row.doc) as Record<string, unknown>;
  for (const field of DOC_DATE_FIELDS) {
    const value = doc[field];
    if (typeof value === 'string') doc[field] = new Date(value);
  }
  return {
    ...doc,
    _id: toJobId(row.id),
    name: row.name,
    type: row.type as JobParameters['type'],
    priority: row.priority,
    nextRunAt: row.next_run_at === null ? null : new Date(row.next_run_at),
    ...(row.locked_at === null ? {} : { lockedAt: new Date(row.locked_at) }),
    disabled: row.disabled === 1,
    data: doc.data as DATA,
  };
};

/** The job `incoming` describes, with the processor fields it leaves undefined taken from `stored`. */
export const overwriteJob = (stored: JobParameters, incoming: JobParameters): JobParameters => {
  const next: JobParameters = { ...incoming };
  for (const field of PROCESSOR_FIELDS) {
    if (next[field] === undefined && stored[field] !== undefined) Object.assign(next, { [field]: stored[field] });
  }
  return next;
};
