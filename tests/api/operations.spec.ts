import os from 'node:os';
import type { Scheduler } from '../../src/application/shared/ports/scheduler.port';
import { TOKENS } from '../../src/main/tokens';
import { startTestApp, type TestApp } from '../support/test-app';

describe('operations: jobs and leases', () => {
  let app: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    app = await startTestApp();
    auth = { Authorization: `Bearer ${app.adminToken}` };
  });

  afterAll(async () => {
    await app.close();
  });

  it('lists scheduled jobs with their state, filters by name and state, and pages', async () => {
    const scheduler = app.opsledger.container.get<Scheduler>(TOKENS.scheduler);
    const later = new Date(Date.now() + 3_600_000);
    for (const serial of ['A1', 'A2', 'A3']) await scheduler.runAt('warranty.remind', later, { serial }, ['serial']);
    // The same unique key again schedules nothing new.
    await scheduler.runAt('warranty.remind', later, { serial: 'A1' }, ['serial']);
    await scheduler.runAt('report.daily', later, { day: '2026-11-22' });

    const all = await app.http.get('/api/jobs').set(auth).expect(200);
    expect(all.body).toMatchObject({ total: 4, page: 1, totalPages: 1 });
    const reminders = await app.http.get('/api/jobs?name=warranty.remind&state=scheduled&pageSize=2&page=2').set(auth).expect(200);
    expect(reminders.body).toMatchObject({ total: 3, page: 2, pageSize: 2, totalPages: 2 });
    expect(reminders.body.items).toHaveLength(1);
    expect(reminders.body.items[0]).toMatchObject({
      name: 'warranty.remind',
      state: 'scheduled',
      nextRunAt: later.toISOString(),
      failCount: 0,
      lastError: null,
    });
  });

  it('rejects an unknown job state with a problem naming the parameter', async () => {
    const res = await app.http.get('/api/jobs?state=exploded').set(auth).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(res.body)).toContain('state');
  });

  it('shows which instance holds each projection lease', async () => {
    const res = await app.http.get('/api/leases').set(auth).expect(200);
    const names = (res.body.items as Array<{ name: string; holder: string; expired: boolean }>).map((lease) => lease.name);
    expect(names).toEqual(expect.arrayContaining(['projection:warranties-v2']));
    expect(res.body.items.every((lease: { holder: string; expired: boolean }) => lease.holder === `${os.hostname()}:8080` && !lease.expired)).toBe(true);
  });

  it('keeps both views to admins', async () => {
    const wholesaler = { Authorization: `Bearer ${(await app.userToken('wholesaler')).token}` };
    await app.http.get('/api/jobs').set(wholesaler).expect(403);
    await app.http.get('/api/leases').expect(401);
  });
});

describe('operations: a failing job, as operators see it', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Jobs on, polled often, with short locks so agenda lets the process go soon after stop().
    app = await startTestApp({ RUN_JOBS: 'true', JOB_POLL_MS: '50', JOB_LOCK_MS: '1000' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('retries with back-off, then shows the job failed with its attempts and last error', async () => {
    const scheduler = app.opsledger.container.get<Scheduler>(TOKENS.scheduler);
    const attempts: number[] = [];
    scheduler.define<{ meter: string }>(
      'vendor.sync',
      async (data, context) => {
        attempts.push(context.attempt);
        throw new Error(`vendor down for ${data.meter}`);
      },
      { retries: 2, firstDelayMs: 20 },
    );
    await scheduler.runAt('vendor.sync', new Date(), { meter: 'M-1' });

    const auth = { Authorization: `Bearer ${app.adminToken}` };
    const until = Date.now() + 10_000;
    let job: Record<string, unknown> | undefined;
    // Settled once failed with no run scheduled: a failed job awaiting its retry still has a nextRunAt.
    while (!job || job['state'] !== 'failed' || job['nextRunAt'] !== null) {
      if (Date.now() > until) throw new Error(`job did not settle: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
      job = (await app.http.get('/api/jobs?name=vendor.sync').set(auth).expect(200)).body.items[0];
    }
    expect(attempts).toEqual([1, 2, 3]);
    expect(job).toMatchObject({ state: 'failed', failCount: 3, lastError: 'vendor down for M-1', data: { meter: 'M-1' } });
  });
});
