import type { JobParameters, JobRepository, JobsOverview } from 'agenda';

export type JobRepositoryFactory = () => Promise<{ repository: JobRepository; cleanup: () => Promise<void> }>;

const MINUTE = 60_000;
const at = (offsetMs: number): Date => new Date(Date.now() + offsetMs);

const newJob = (overrides: Partial<JobParameters> = {}): JobParameters => ({
  name: 'send-report',
  priority: 0,
  nextRunAt: at(-MINUTE),
  type: 'normal',
  data: {},
  ...overrides,
});

/** Arguments of getNextJobToRun for a scan now: jobs due within 5 s, locks older than 10 minutes expired. */
const scanNow = () => ({ nextScanAt: at(5_000), lockDeadline: at(-10 * MINUTE) });

/** The behaviour every agenda JobRepository adapter must show (each test gets a fresh, empty repository). */
export const describeJobRepositoryContract = (name: string, factory: JobRepositoryFactory): void => {
  describe(`JobRepository contract: ${name}`, () => {
    let repository: JobRepository;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ repository, cleanup } = await factory());
    });

    afterEach(async () => {
      await cleanup();
    });

    const save = (overrides: Partial<JobParameters> = {}) => repository.saveJob(newJob(overrides), undefined);
    const idOf = (job: JobParameters): string => String(job._id);
    const stored = async (job: JobParameters): Promise<JobParameters> => {
      const found = await repository.getJobById(idOf(job));
      if (!found) throw new Error(`job ${idOf(job)} is not stored`);
      return found;
    };
    const nextToRun = (jobName = 'send-report', scan = scanNow(), now?: Date) =>
      repository.getNextJobToRun(jobName, scan.nextScanAt, scan.lockDeadline, now, undefined);
    const removedId = async (): Promise<string> => {
      const job = await save({ name: 'short-lived' });
      await repository.removeJobs({ id: job._id });
      return idOf(job);
    };

    describe('saveJob and getJobById', () => {
      it('inserts a new job with an id; dates come back as Date objects', async () => {
        const nextRunAt = at(MINUTE);
        const saved = await save({ nextRunAt, priority: 10, data: { serial: 'SN-1', lines: [1, 2] } });

        expect(typeof saved._id).toBe('string');
        const found = await stored(saved);
        expect(found).toMatchObject({ name: 'send-report', type: 'normal', priority: 10, data: { serial: 'SN-1', lines: [1, 2] } });
        expect(found.nextRunAt).toBeInstanceOf(Date);
        expect(found.nextRunAt?.getTime()).toBe(nextRunAt.getTime());
        expect(found.lockedAt == null).toBe(true);
      });

      it('round-trips every date field and the failure fields of an inserted job', async () => {
        const times = { lastRunAt: at(-3 * MINUTE), lastFinishedAt: at(-2 * MINUTE), failedAt: at(-2 * MINUTE), startDate: at(-MINUTE), endDate: at(MINUTE) };
        const found = await stored(await save({ ...times, failCount: 2, failReason: 'timeout', repeatInterval: '5 minutes' }));

        for (const [field, value] of Object.entries(times)) {
          const date = found[field as keyof typeof times];
          expect(date).toBeInstanceOf(Date);
          expect(date?.getTime()).toBe(value.getTime());
        }
        expect(found).toMatchObject({ failCount: 2, failReason: 'timeout', repeatInterval: '5 minutes' });
      });

      it('updates a job by id, keeping the id and leaving one job', async () => {
        const saved = await save({ priority: 5, data: { version: 1 } });
        const updated = await repository.saveJob({ ...saved, priority: 20, data: { version: 2 } }, { lastModifiedBy: 'node-b' });

        expect(updated._id).toBe(saved._id);
        expect(await stored(saved)).toMatchObject({ priority: 20, data: { version: 2 }, lastModifiedBy: 'node-b' });
        expect((await repository.queryJobs()).total).toBe(1);
      });

      it('hands back the job unchanged when its id no longer exists, and stores nothing', async () => {
        const saved = await save();
        await repository.removeJobs({ id: saved._id });

        const again = await repository.saveJob({ ...saved, priority: 99 }, undefined);
        expect(again).toMatchObject({ _id: saved._id, priority: 99 });
        expect(await repository.getJobById(idOf(saved))).toBeNull();
        expect((await repository.queryJobs()).total).toBe(0);
      });

      it('answers null for an unknown id', async () => {
        expect(await repository.getJobById(await removedId())).toBeNull();
      });

      it('keeps the disabled flag of a saved job', async () => {
        expect((await stored(await save({ disabled: true }))).disabled).toBe(true);
      });
    });

    describe('single jobs (agenda.every)', () => {
      it('upserts by name: a second save updates the one job', async () => {
        const first = await save({ type: 'single', nextRunAt: at(MINUTE), priority: 5, data: { run: 1 } });
        const laterRun = at(2 * MINUTE);
        const second = await save({ type: 'single', nextRunAt: laterRun, priority: 10, data: { run: 2 } });

        expect(second._id).toBe(first._id);
        const found = await stored(first);
        expect(found).toMatchObject({ type: 'single', priority: 10, data: { run: 2 } });
        expect(found.nextRunAt?.getTime()).toBe(laterRun.getTime());
        expect((await repository.queryJobs({ name: 'send-report' })).total).toBe(1);
      });

      it('keeps the stored next run when the new one is already past', async () => {
        const scheduled = at(5 * MINUTE);
        const first = await save({ type: 'single', nextRunAt: scheduled });
        await save({ type: 'single', nextRunAt: at(-MINUTE), data: { restarted: true } });

        const found = await stored(first);
        expect(found.nextRunAt?.getTime()).toBe(scheduled.getTime());
        expect(found.data).toEqual({ restarted: true });
      });

      it('keeps normal jobs of the same name apart', async () => {
        await save({ type: 'normal' });
        await save({ type: 'single' });
        await save({ type: 'single' });
        expect((await repository.queryJobs({ name: 'send-report' })).total).toBe(2);
      });
    });

    describe('unique jobs', () => {
      it('upserts the job whose dotted unique paths match, and inserts for another key', async () => {
        const first = await save({ data: { serial: 'SN-1', note: 'first' }, unique: { 'data.serial': 'SN-1' } });
        const second = await save({ data: { serial: 'SN-1', note: 'second' }, unique: { 'data.serial': 'SN-1' } });
        const other = await save({ data: { serial: 'SN-2', note: 'other' }, unique: { 'data.serial': 'SN-2' } });

        expect(second._id).toBe(first._id);
        expect(other._id).not.toBe(first._id);
        expect((await stored(first)).data).toEqual({ serial: 'SN-1', note: 'second' });
        expect((await repository.queryJobs()).total).toBe(2);
      });

      it('matches unique values by type: the string "1" is not the number 1', async () => {
        const text = await save({ data: { code: '1' }, unique: { 'data.code': '1' } });
        const number = await save({ data: { code: 1 }, unique: { 'data.code': 1 } });
        expect(number._id).not.toBe(text._id);
      });

      it('only matches jobs of the same name', async () => {
        const report = await save({ data: { serial: 'SN-1' }, unique: { 'data.serial': 'SN-1' } });
        const invoice = await save({ name: 'send-invoice', data: { serial: 'SN-1' }, unique: { 'data.serial': 'SN-1' } });
        expect(invoice._id).not.toBe(report._id);
      });

      it('with insertOnly returns the existing job unchanged', async () => {
        const first = await save({ data: { serial: 'SN-1', note: 'first' }, unique: { 'data.serial': 'SN-1' } });
        const again = await save({
          data: { serial: 'SN-1', note: 'ignored' },
          unique: { 'data.serial': 'SN-1' },
          uniqueOpts: { insertOnly: true },
        });

        expect(again._id).toBe(first._id);
        expect(again.data).toEqual({ serial: 'SN-1', note: 'first' });
        expect((await stored(first)).data).toEqual({ serial: 'SN-1', note: 'first' });
      });
    });

    describe('debounced jobs', () => {
      const key = { 'data.account': 'A-1' };

      it('trailing: schedules after the delay and pushes the run back on every save, keeping the burst start', async () => {
        const before = Date.now();
        const first = await save({ nextRunAt: new Date(), data: { account: 'A-1' }, unique: key, uniqueOpts: { debounce: { delay: 5_000 } } });
        expect(first.nextRunAt!.getTime()).toBeGreaterThanOrEqual(before + 5_000);
        expect(first.debounceStartedAt).toBeInstanceOf(Date);

        const second = await save({
          nextRunAt: new Date(),
          data: { account: 'A-1', n: 2 },
          unique: key,
          uniqueOpts: { debounce: { delay: 60_000 } },
        });
        expect(second._id).toBe(first._id);
        expect(second.nextRunAt!.getTime()).toBeGreaterThanOrEqual(before + 60_000);
        expect(second.debounceStartedAt?.getTime()).toBe(first.debounceStartedAt?.getTime());
        expect((await stored(first)).data).toEqual({ account: 'A-1', n: 2 });
      });

      it('trailing with maxWait: a burst older than maxWait runs now and starts afresh', async () => {
        const burstStart = at(-MINUTE);
        const first = await save({ nextRunAt: at(MINUTE), data: { account: 'A-1' }, unique: key, debounceStartedAt: burstStart });
        const before = Date.now();
        const forced = await save({
          nextRunAt: new Date(),
          data: { account: 'A-1' },
          unique: key,
          uniqueOpts: { debounce: { delay: 60_000, maxWait: 30_000 } },
        });

        expect(forced._id).toBe(first._id);
        expect(forced.nextRunAt!.getTime()).toBeGreaterThanOrEqual(before);
        expect(forced.nextRunAt!.getTime()).toBeLessThanOrEqual(Date.now());
        expect(forced.debounceStartedAt == null).toBe(true);
      });

      it('leading: runs at the first save and keeps that run for later saves in the burst', async () => {
        const firstRun = new Date();
        const leading = { debounce: { delay: 60_000, strategy: 'leading' as const } };
        const first = await save({ nextRunAt: firstRun, data: { account: 'A-1', n: 1 }, unique: key, uniqueOpts: leading });
        expect(first.nextRunAt?.getTime()).toBe(firstRun.getTime());

        const second = await save({ nextRunAt: at(MINUTE), data: { account: 'A-1', n: 2 }, unique: key, uniqueOpts: leading });
        expect(second._id).toBe(first._id);
        expect(second.nextRunAt?.getTime()).toBe(firstRun.getTime());
        expect(second.data).toEqual({ account: 'A-1', n: 2 });
      });
    });

    describe('saveJobState', () => {
      it('writes the processor fields of a job', async () => {
        const saved = await save({ repeatInterval: '1 hour' });
        const lastRunAt = at(-1_000);
        const nextRunAt = at(MINUTE);
        await repository.saveJobState(
          { ...saved, lastRunAt, lastFinishedAt: new Date(), failCount: 1, failReason: 'boom', failedAt: new Date(), progress: 50, nextRunAt },
          { lastModifiedBy: 'node-a' },
        );

        const found = await stored(saved);
        expect(found).toMatchObject({ failCount: 1, failReason: 'boom', progress: 50, lastModifiedBy: 'node-a', repeatInterval: '1 hour' });
        expect(found.lastRunAt?.getTime()).toBe(lastRunAt.getTime());
        expect(found.nextRunAt?.getTime()).toBe(nextRunAt.getTime());
        expect(found.lockedAt == null).toBe(true);
      });

      it('fails for a job that is gone', async () => {
        const saved = await save();
        await repository.removeJobs({ id: saved._id });
        await expect(repository.saveJobState(saved, undefined)).rejects.toThrow(/cannot be updated/);
      });
    });

    describe('lockJob', () => {
      it('locks a due job once; a second attempt is refused', async () => {
        const saved = await save();
        const locked = await repository.lockJob(saved, { lastModifiedBy: 'node-a' });

        expect(locked?._id).toBe(saved._id);
        expect(locked?.lockedAt).toBeInstanceOf(Date);
        expect(locked?.lastModifiedBy).toBe('node-a');
        expect(await repository.lockJob(saved, undefined)).toBeUndefined();
      });

      it('refuses a disabled job', async () => {
        expect(await repository.lockJob(await save({ disabled: true }), undefined)).toBeUndefined();
      });

      it('refuses a job rescheduled since it was read', async () => {
        const saved = await save();
        await repository.saveJob({ ...saved, nextRunAt: at(MINUTE) }, undefined);
        expect(await repository.lockJob(saved, undefined)).toBeUndefined();
      });
    });

    describe('getNextJobToRun', () => {
      it('locks the earliest due job of the name, by priority among equal times', async () => {
        const sameTime = at(-MINUTE);
        await save({ nextRunAt: sameTime, priority: 5, data: { pick: 'low' } });
        await save({ nextRunAt: sameTime, priority: 10, data: { pick: 'high' } });
        await save({ nextRunAt: at(-2 * MINUTE), priority: -10, data: { pick: 'earliest' } });

        const picks = [];
        for (let i = 0; i < 3; i++) picks.push((await nextToRun())?.data);
        expect(picks).toEqual([{ pick: 'earliest' }, { pick: 'high' }, { pick: 'low' }]);
        expect(await nextToRun()).toBeUndefined();
      });

      it('stamps the lock with the given time and modifier', async () => {
        await save();
        const now = at(-1_000);
        const locked = await repository.getNextJobToRun('send-report', at(5_000), at(-10 * MINUTE), now, { lastModifiedBy: 'node-a' });
        expect(locked?.lockedAt?.getTime()).toBe(now.getTime());
        expect(locked?.lastModifiedBy).toBe('node-a');
      });

      it('takes a job due before the next scan, not later', async () => {
        await save({ nextRunAt: at(2_000) });
        expect(await nextToRun('send-report', { nextScanAt: at(1_000), lockDeadline: at(-10 * MINUTE) })).toBeUndefined();
        expect(await nextToRun('send-report', { nextScanAt: at(3_000), lockDeadline: at(-10 * MINUTE) })).toBeDefined();
      });

      it('ignores other names, disabled jobs and jobs without a next run', async () => {
        await save({ name: 'send-invoice' });
        await save({ disabled: true });
        await save({ nextRunAt: null });
        expect(await nextToRun()).toBeUndefined();
      });

      it('takes over a lock older than the deadline, not a fresh one', async () => {
        const saved = await save();
        await nextToRun('send-report', scanNow(), at(-5 * MINUTE));
        expect(await nextToRun()).toBeUndefined();

        const takeover = await nextToRun('send-report', { nextScanAt: at(5_000), lockDeadline: at(-MINUTE) });
        expect(takeover?._id).toBe(saved._id);
        expect(takeover!.lockedAt!.getTime()).toBeGreaterThan(at(-MINUTE).getTime());
      });

      it('locks one due job once when 20 scans race for it', async () => {
        const saved = await save();
        const results = await Promise.all(Array.from({ length: 20 }, () => nextToRun()));
        const locked = results.filter((job) => job !== undefined);
        expect(locked).toHaveLength(1);
        expect(locked[0]?._id).toBe(saved._id);
      });
    });

    describe('unlocking', () => {
      it('unlockJob frees a locked job that has a next run', async () => {
        const saved = await save();
        const taken = await nextToRun();
        await repository.unlockJob(taken!);

        expect((await stored(saved)).lockedAt == null).toBe(true);
        expect((await nextToRun())?._id).toBe(saved._id);
      });

      it('unlockJob leaves a job running its last run (no next run) locked', async () => {
        const saved = await save();
        const taken = await nextToRun();
        await repository.saveJobState({ ...taken!, nextRunAt: null }, undefined);
        await repository.unlockJob(taken!);
        expect((await stored(saved)).lockedAt).toBeInstanceOf(Date);
      });

      it('unlockJobs frees the given jobs whatever their next run', async () => {
        const first = await save();
        const second = await save({ name: 'send-invoice' });
        const untouched = await save({ name: 'send-reminder' });
        const locked = [await nextToRun(), await nextToRun('send-invoice'), await nextToRun('send-reminder')];
        await repository.saveJobState({ ...locked[0]!, nextRunAt: null }, undefined);

        await repository.unlockJobs([first._id!, second._id!]);
        await repository.unlockJobs([]);

        expect((await stored(first)).lockedAt == null).toBe(true);
        expect((await stored(second)).lockedAt == null).toBe(true);
        expect((await stored(untouched)).lockedAt).toBeInstanceOf(Date);
      });
    });

    describe('queryJobs', () => {
      const seed = async () => ({
        alpha1: await save({ name: 'job-a', priority: 10, nextRunAt: at(MINUTE), data: { kind: 'alpha', count: 1, owner: { team: 'ops' } } }),
        beta: await save({ name: 'job-b', priority: 5, nextRunAt: at(2 * MINUTE), data: { kind: 'beta', count: 2, owner: { team: 'dev' } } }),
        alpha3: await save({ name: 'job-a', priority: 15, nextRunAt: at(3 * MINUTE), data: { kind: 'alpha', count: 3 } }),
        paused: await save({ name: 'Job-C', priority: 0, nextRunAt: at(-MINUTE), data: { kind: 'gamma' }, disabled: true }),
      });
      const namesOf = (result: { jobs: JobParameters[] }) => result.jobs.map((job) => `${job.name}:${String(job.priority)}`);

      it('answers every job, latest next run first, with its computed state', async () => {
        await seed();
        const result = await repository.queryJobs();
        expect(result.total).toBe(4);
        expect(namesOf(result)).toEqual(['job-a:15', 'job-b:5', 'job-a:10', 'Job-C:0']);
        expect(result.jobs.map((job) => job.state)).toEqual(['scheduled', 'scheduled', 'scheduled', 'queued']);
      });

      it('filters by name, names, id and ids', async () => {
        const jobs = await seed();
        expect((await repository.queryJobs({ name: 'job-a' })).total).toBe(2);
        expect((await repository.queryJobs({ names: ['job-a', 'job-b'] })).total).toBe(3);
        expect(namesOf(await repository.queryJobs({ id: idOf(jobs.beta) }))).toEqual(['job-b:5']);
        expect((await repository.queryJobs({ ids: [idOf(jobs.beta), idOf(jobs.alpha1)] })).total).toBe(2);
        expect((await repository.queryJobs({ id: await removedId() })).total).toBe(0);
      });

      it('searches names case-insensitively, as plain text', async () => {
        await seed();
        expect((await repository.queryJobs({ search: 'JOB-' })).total).toBe(4);
        expect(namesOf(await repository.queryJobs({ search: 'b-c' }))).toEqual(['Job-C:0']);
        expect((await repository.queryJobs({ search: 'job.a' })).total).toBe(0);
      });

      it('filters by data, nested objects matching partially', async () => {
        await seed();
        expect((await repository.queryJobs({ data: { kind: 'alpha' } })).total).toBe(2);
        expect(namesOf(await repository.queryJobs({ data: { kind: 'alpha', count: 3 } }))).toEqual(['job-a:15']);
        expect(namesOf(await repository.queryJobs({ data: { owner: { team: 'dev' } } }))).toEqual(['job-b:5']);
        expect((await repository.queryJobs({ data: { count: '1' } })).total).toBe(0);
      });

      it('leaves disabled jobs out on request', async () => {
        await seed();
        expect((await repository.queryJobs({ includeDisabled: false })).total).toBe(3);
        expect((await repository.queryJobs({ includeDisabled: true })).total).toBe(4);
      });

      it('sorts by the given fields', async () => {
        await seed();
        expect(namesOf(await repository.queryJobs({ sort: { priority: 'asc' } }))).toEqual(['Job-C:0', 'job-b:5', 'job-a:10', 'job-a:15']);
        expect(namesOf(await repository.queryJobs({ sort: { priority: 'desc' } }))).toEqual(['job-a:15', 'job-a:10', 'job-b:5', 'Job-C:0']);
        expect(namesOf(await repository.queryJobs({ sort: { nextRunAt: 'asc' } }))).toEqual(['Job-C:0', 'job-a:10', 'job-b:5', 'job-a:15']);
      });

      it('pages with skip and limit; the total counts every match', async () => {
        await seed();
        const page = await repository.queryJobs({ sort: { priority: 'desc' }, skip: 1, limit: 2 });
        expect(page.total).toBe(4);
        expect(namesOf(page)).toEqual(['job-a:10', 'job-b:5']);
        expect(namesOf(await repository.queryJobs({ sort: { priority: 'desc' }, skip: 3 }))).toEqual(['Job-C:0']);
      });

      it('filters by computed state, then pages', async () => {
        const jobs = await seed();
        await repository.saveJobState({ ...jobs.alpha1, lockedAt: new Date() }, undefined);
        const failedAt = new Date();
        await repository.saveJobState({ ...jobs.beta, nextRunAt: null, failedAt, lastFinishedAt: failedAt, failReason: 'boom', failCount: 1 }, undefined);
        await save({ name: 'job-d', nextRunAt: null, lastFinishedAt: at(-MINUTE) });
        await save({ name: 'job-e', type: 'single', nextRunAt: at(MINUTE), repeatInterval: '5 minutes' });

        const states = async (state: Parameters<JobRepository['queryJobs']>[0]) =>
          (await repository.queryJobs(state)).jobs.map((job) => job.name);
        expect(await states({ state: 'running' })).toEqual(['job-a']);
        expect(await states({ state: 'failed' })).toEqual(['job-b']);
        expect(await states({ state: 'completed' })).toEqual(['job-d']);
        expect(await states({ state: 'repeating' })).toEqual(['job-e']);
        expect(await states({ state: 'queued' })).toEqual(['Job-C']);
        expect(await states({ state: 'paused' })).toEqual(['Job-C']);
        expect(await states({ state: 'scheduled' })).toEqual(['job-a']);

        const page = await repository.queryJobs({ state: 'scheduled', skip: 1, limit: 1 });
        expect(page).toMatchObject({ total: 1, jobs: [] });
      });
    });

    describe('overview, names and queue size', () => {
      it('counts the jobs of each name by state, disabled ones also as paused', async () => {
        await save({ nextRunAt: at(MINUTE) });
        await save({ nextRunAt: at(-MINUTE), disabled: true });
        const running = await save();
        await repository.lockJob(running, undefined);
        await save({ name: 'send-invoice', nextRunAt: null, lastFinishedAt: at(-MINUTE) });

        const overview = [...(await repository.getJobsOverview())].sort((a, b) => a.name.localeCompare(b.name));
        const empty: Omit<JobsOverview, 'name' | 'total'> = { running: 0, scheduled: 0, queued: 0, completed: 0, failed: 0, repeating: 0, paused: 0 };
        expect(overview).toEqual([
          { ...empty, name: 'send-invoice', total: 1, completed: 1 },
          { ...empty, name: 'send-report', total: 3, scheduled: 1, queued: 1, running: 1, paused: 1 },
        ]);
      });

      it('lists each job name once', async () => {
        expect(await repository.getDistinctJobNames()).toEqual([]);
        await save({ name: 'b' });
        await save({ name: 'a' });
        await save({ name: 'b' });
        expect([...(await repository.getDistinctJobNames())].sort()).toEqual(['a', 'b']);
      });

      it('counts the jobs whose next run has come', async () => {
        await save({ nextRunAt: at(-MINUTE) });
        await save({ nextRunAt: at(-2 * MINUTE), name: 'other' });
        await save({ nextRunAt: at(MINUTE) });
        await save({ nextRunAt: null });
        expect(await repository.getQueueSize()).toBe(2);
      });
    });

    describe('remove, disable and enable by selector', () => {
      const seed = async () => ({
        a1: await save({ name: 'a', data: { tenant: 't1', tags: { urgent: true } } }),
        a2: await save({ name: 'a', data: { tenant: 't2' } }),
        b: await save({ name: 'b', data: { tenant: 't1' } }),
        c: await save({ name: 'c', data: { tenant: 't3' } }),
      });
      const remainingNames = async () => (await repository.queryJobs({ sort: { name: 'asc' } })).jobs.map((job) => job.name);

      it('removes by id and by ids', async () => {
        const jobs = await seed();
        expect(await repository.removeJobs({ id: jobs.a1._id })).toBe(1);
        expect(await repository.removeJobs({ ids: [jobs.a2._id!, jobs.b._id!] })).toBe(2);
        expect(await remainingNames()).toEqual(['c']);
      });

      it('removes by name, names and all names but some', async () => {
        await seed();
        expect(await repository.removeJobs({ name: 'a' })).toBe(2);
        expect(await repository.removeJobs({ notNames: ['c'] })).toBe(1);
        expect(await repository.removeJobs({ names: ['c', 'missing'] })).toBe(1);
        expect(await remainingNames()).toEqual([]);
      });

      it('removes by data, nested objects matching partially, combined with a name', async () => {
        await seed();
        expect(await repository.removeJobs({ name: 'b', data: { tenant: 't1' } })).toBe(1);
        expect(await repository.removeJobs({ data: { tags: { urgent: true } } })).toBe(1);
        expect(await remainingNames()).toEqual(['a', 'c']);
      });

      it('removes nothing when the selector names nothing', async () => {
        await seed();
        expect(await repository.removeJobs({})).toBe(0);
        expect(await repository.removeJobs({ names: [], notNames: [] })).toBe(0);
        expect(await repository.removeJobs({ name: 'missing' })).toBe(0);
        expect((await repository.queryJobs()).total).toBe(4);
      });

      it('disables and enables by each selector, counting only the jobs it changed', async () => {
        const jobs = await seed();
        expect(await repository.disableJobs({ name: 'a' })).toBe(2);
        expect(await repository.disableJobs({ names: ['a', 'b'] })).toBe(1);
        expect(await repository.disableJobs({ notNames: ['a', 'b'] })).toBe(1);
        expect(await repository.disableJobs({})).toBe(0);
        expect((await repository.queryJobs({ includeDisabled: false })).total).toBe(0);
        expect(await nextToRun('a')).toBeUndefined();

        expect(await repository.enableJobs({ id: jobs.a1._id })).toBe(1);
        expect(await repository.enableJobs({ ids: [jobs.a1._id!, jobs.a2._id!] })).toBe(1);
        expect(await repository.enableJobs({ data: { tenant: 't1' } })).toBe(1);
        expect((await repository.queryJobs({ includeDisabled: false })).jobs.map((job) => job.name).sort()).toEqual(['a', 'a', 'b']);
        expect((await nextToRun('a'))?.name).toBe('a');
      });

      it('purges every job', async () => {
        await seed();
        expect(await repository.purgeAllJobs()).toBe(4);
        expect((await repository.queryJobs()).total).toBe(0);
      });
    });
  });
};
