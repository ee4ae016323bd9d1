import { Agenda, backoffStrategies, type Job, type RetryDetails } from 'agenda';
import { SqliteAgendaBackend } from '../../src/infrastructure/agenda/sqlite-agenda-backend';
import type { SqliteDatabase } from '../../src/infrastructure/sqlite/sqlite-database';
import { type TempSqliteFile, tempSqliteFile } from './support/temp-sqlite-database';

const PROCESS_EVERY_MS = 50;
/**
 * Short, because after each run agenda keeps a liveness timer of half the lock lifetime that stop() does not
 * clear; long enough that no run here outlives its lock.
 */
const LOCK_LIFETIME_MS = 500;

type JobEvent = `complete:${string}` | `fail:${string}` | `retry:${string}` | `retry exhausted:${string}`;

/** Resolves with the arguments of the first `count` emissions of `event` (listen before the job can run). */
const emissions = (agenda: Agenda, event: JobEvent, count: number): Promise<unknown[][]> =>
  new Promise((resolve) => {
    const seen: unknown[][] = [];
    const listener = (...args: unknown[]) => {
      seen.push(args);
      if (seen.length < count) return;
      agenda.off(event, listener);
      resolve(seen);
    };
    agenda.on(event as `complete:${string}`, listener);
  });

describe('agenda 6 on the SQLite backend', () => {
  let file: TempSqliteFile;
  let opened: { database: SqliteDatabase; agenda: Agenda }[] = [];

  /** An Agenda on its own connection to the test's file, as a service process would open it. */
  const openAgenda = (name: string) => {
    const database = file.open();
    const agenda = new Agenda({
      backend: new SqliteAgendaBackend(database),
      name,
      processEvery: PROCESS_EVERY_MS,
      defaultLockLifetime: LOCK_LIFETIME_MS,
    });
    opened.push({ database, agenda });
    return { database, agenda };
  };

  beforeEach(() => {
    file = tempSqliteFile();
    opened = [];
  });

  afterEach(async () => {
    for (const { agenda, database } of opened.reverse()) {
      await agenda.stop();
      database.close();
    }
    file.remove();
  });

  it('runs a scheduled job once, with its data', async () => {
    const { agenda } = openAgenda('node-a');
    const received: unknown[] = [];
    agenda.define('send-report', async (job: Job<{ to: string }>) => {
      received.push(job.attrs.data);
    });
    agenda.define('marker', async () => undefined);
    const completed = emissions(agenda, 'complete:send-report', 1);
    await agenda.start();
    const scheduled = await agenda.schedule(new Date(Date.now() + 100), 'send-report', { to: 'ops@example.com' });
    await completed;

    // The marker runs on a later scan, which must not pick the finished job again.
    const markerDone = emissions(agenda, 'complete:marker', 1);
    await agenda.now('marker');
    await markerDone;
    expect(received).toEqual([{ to: 'ops@example.com' }]);
    const stored = await agenda.db.getJobById(String(scheduled.attrs._id));
    expect(stored).toMatchObject({ nextRunAt: null, lastModifiedBy: 'node-a' });
    expect(stored?.lastFinishedAt).toBeInstanceOf(Date);
    expect(stored?.lockedAt).toBeUndefined();
  });

  it('retries a failing job with its backoff strategy, then keeps the failure on record', async () => {
    const { agenda } = openAgenda('node-a');
    let attempts = 0;
    agenda.define(
      'sync-ledger',
      async () => {
        attempts += 1;
        throw new Error(`ledger offline (attempt ${attempts})`);
      },
      { backoff: backoffStrategies.constant({ delay: 30, maxRetries: 2 }) },
    );
    const failures = emissions(agenda, 'fail:sync-ledger', 3);
    const retries = emissions(agenda, 'retry:sync-ledger', 2);
    const exhausted = emissions(agenda, 'retry exhausted:sync-ledger', 1);
    const completions = emissions(agenda, 'complete:sync-ledger', 3);
    await agenda.start();
    const job = await agenda.now('sync-ledger', { batch: 7 });

    const [failed, retried] = await Promise.all([failures, retries, exhausted, completions]);
    expect(failed.map(([error]) => (error as Error).message)).toEqual([1, 2, 3].map((n) => `ledger offline (attempt ${n})`));
    expect(retried.map(([, details]) => (details as RetryDetails).delay)).toEqual([30, 30]);

    const id = String(job.attrs._id);
    const stored = await agenda.db.getJobById(id);
    expect(stored).toMatchObject({ failCount: 3, failReason: 'ledger offline (attempt 3)', nextRunAt: null, data: { batch: 7 } });
    expect(stored?.failedAt).toBeInstanceOf(Date);
    expect((await agenda.queryJobs({ id, state: 'failed' })).total).toBe(1);
  });

  it('runs a job scheduled before a restart on the next instance opened on the same file', async () => {
    const before = openAgenda('node-a');
    let ranBeforeRestart = 0;
    before.agenda.define('close-day', async () => {
      ranBeforeRestart += 1;
    });
    await before.agenda.start();
    const scheduled = await before.agenda.schedule(new Date(Date.now() + 300), 'close-day', { day: '2026-11-30' });
    await before.agenda.stop();
    before.database.close();

    const after = openAgenda('node-b');
    const received: unknown[] = [];
    after.agenda.define('close-day', async (job: Job<{ day: string }>) => {
      received.push(job.attrs.data);
    });
    const completed = emissions(after.agenda, 'complete:close-day', 1);
    await after.agenda.start();
    await completed;

    expect(received).toEqual([{ day: '2026-11-30' }]);
    expect(ranBeforeRestart).toBe(0);
    expect(await after.agenda.db.getJobById(String(scheduled.attrs._id))).toMatchObject({ lastModifiedBy: 'node-b' });
  });

  it('every() keeps one single job per name however often it is called, and reschedules it after a run', async () => {
    const { agenda } = openAgenda('node-a');
    agenda.define('rollup', async () => undefined);
    const calls = [
      await agenda.every('1 hour', 'rollup', { scope: 'all' }),
      await agenda.every('1 hour', 'rollup', { scope: 'all' }),
      await agenda.every('30 minutes', 'rollup', { scope: 'all' }),
    ];
    expect(new Set(calls.map((job) => String(job.attrs._id))).size).toBe(1);

    const completed = emissions(agenda, 'complete:rollup', 1);
    await agenda.start();
    await completed;

    const { jobs, total } = await agenda.queryJobs({ name: 'rollup' });
    expect(total).toBe(1);
    expect(jobs[0]).toMatchObject({ type: 'single', repeatInterval: '30 minutes', state: 'repeating', data: { scope: 'all' } });
    expect(jobs[0]!.nextRunAt!.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
  });
});
