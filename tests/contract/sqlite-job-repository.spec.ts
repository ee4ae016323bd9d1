import { spawn } from 'node:child_process';
import path from 'node:path';
import { DomainError } from '../../src/domain/shared/domain-error';
import { SqliteJobRepository } from '../../src/infrastructure/agenda/sqlite-job-repository';
import { describeJobRepositoryContract } from './job-repository.contract';
import { perTestSqliteFile, tempSqliteFile } from './support/temp-sqlite-database';
import { linesOf } from './support/child-lines';

describeJobRepositoryContract('sqlite', async () => {
  const file = tempSqliteFile();
  const database = file.open();
  const repository = new SqliteJobRepository(database);
  await repository.connect();
  return {
    repository,
    cleanup: async () => {
      database.close();
      file.remove();
    },
  };
});

const job = (overrides: Record<string, unknown> = {}) => ({
  name: 'send-report',
  priority: 0,
  nextRunAt: new Date(Date.now() - 1_000),
  type: 'normal' as const,
  data: {},
  ...overrides,
});

describe('SqliteJobRepository, beyond the contract', () => {
  const temp = perTestSqliteFile();

  const open = async () => {
    const database = temp.file.open();
    temp.closeLater(database);
    const repository = new SqliteJobRepository(database);
    await repository.connect();
    return { database, repository };
  };

  it('keeps jobs, dates included, across a close and reopen of the file', async () => {
    const first = await open();
    const nextRunAt = new Date(Date.now() + 60_000);
    const saved = await first.repository.saveJob(job({ nextRunAt, lastRunAt: new Date(0), data: { serial: 'SN-1' } }), undefined);
    first.database.close();

    const reopened = await open();
    const found = await reopened.repository.getJobById(String(saved._id));
    expect(found).toMatchObject({ name: 'send-report', data: { serial: 'SN-1' } });
    expect(found?.nextRunAt?.getTime()).toBe(nextRunAt.getTime());
    expect(found?.lastRunAt).toEqual(new Date(0));
    expect(String(saved._id)).toMatch(/^[0-9a-f]{24}$/);
  });

  it('does not let a save from user code drop the lock or the failures of a running job', async () => {
    const { repository } = await open();
    await repository.saveJob(job({ failCount: 2, failReason: 'timeout' }), undefined);
    const running = await repository.getNextJobToRun('send-report', new Date(Date.now() + 5_000), new Date(0), undefined, undefined);
    // agenda's Job.save() leaves out the fields only its processor writes.
    const { lockedAt: _lockedAt, failCount: _failCount, failReason: _failReason, ...fromUserCode } = running!;
    await repository.saveJob({ ...fromUserCode, data: { edited: true } }, undefined);

    const found = await repository.getJobById(String(running!._id));
    expect(found).toMatchObject({ data: { edited: true }, failCount: 2, failReason: 'timeout' });
    expect(found?.lockedAt?.getTime()).toBe(running!.lockedAt!.getTime());
  });

  it('refuses unique paths that are not plain dotted names, and object values', async () => {
    const { repository } = await open();
    const unsafe = job({ unique: { "data.x') OR 1=1 --": 1 } });
    await expect(repository.saveJob(unsafe, undefined)).rejects.toBeInstanceOf(DomainError);
    await expect(repository.saveJob(job({ unique: { 'data.x': { $gt: 1 } } }), undefined)).rejects.toBeInstanceOf(DomainError);
    expect((await repository.queryJobs()).total).toBe(0);
  });

  it('matches unique keys on column fields too', async () => {
    const { repository } = await open();
    const nextRunAt = new Date(Date.now() + 60_000);
    const first = await repository.saveJob(job({ nextRunAt, priority: 5, unique: { nextRunAt, priority: 5 } }), undefined);
    const second = await repository.saveJob(job({ nextRunAt, priority: 5, data: { n: 2 }, unique: { nextRunAt, priority: 5 } }), undefined);
    expect(second._id).toBe(first._id);
    expect(second.data).toEqual({ n: 2 });
  });

  it('finds the next job to run through the (name, next_run_at, priority) index', async () => {
    const { database, repository } = await open();
    await repository.saveJob(job(), undefined);
    const plan = database.connection
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM agenda_jobs WHERE name = ? AND disabled = 0
         AND ((locked_at IS NULL AND next_run_at <= ?) OR locked_at <= ?) ORDER BY next_run_at ASC, priority DESC LIMIT 1`,
      )
      .all('send-report', Date.now(), 0) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('agenda_jobs_next_to_run');
  });

  it('says it is not connected before connect()', async () => {
    const database = temp.file.open();
    temp.closeLater(database);
    await expect(new SqliteJobRepository(database).getQueueSize()).rejects.toThrow(/not connected/);
  });

  it('never locks a job twice when processes sharing the file race for the same jobs', async () => {
    const { repository } = await open();
    const saved = [];
    for (let i = 0; i < 600; i++) saved.push(await repository.saveJob(job({ name: 'race', data: { i } }), undefined));

    const children = Array.from({ length: 3 }, () =>
      spawn(process.execPath, [path.join(__dirname, 'support', 'lock-next-jobs.child.js'), temp.file.filePath], {
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    );
    const outputs = children.map(linesOf);
    await Promise.all(outputs.map((output) => output.next()));
    const startAt = Date.now() + 100;
    for (const child of children) child.stdin?.end(`${startAt}\n`);
    const lockedByChild = await Promise.all(outputs.map(async (output) => JSON.parse(await output.next()) as string[]));

    const locked = lockedByChild.flat();
    expect(locked).toHaveLength(saved.length);
    expect(new Set(locked)).toEqual(new Set(saved.map((one) => String(one._id))));
  }, 30_000);
});
