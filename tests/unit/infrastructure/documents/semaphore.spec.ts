import { Semaphore } from '../../../../src/infrastructure/documents/semaphore';

/** A task the test finishes by hand, so "running at once" is decided by the test, not by timing. */
const controllable = () => {
  let finish!: (ok: boolean) => void;
  const done = new Promise<void>((resolve, reject) => (finish = (ok) => (ok ? resolve() : reject(new Error('task failed')))));
  return { done, finish };
};

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once and starts the waiting ones in arrival order', async () => {
    const semaphore = new Semaphore(2);
    const tasks = Array.from({ length: 5 }, controllable);
    const started: number[] = [];
    const runs = tasks.map((task, i) => semaphore.run(async () => { started.push(i); await task.done; return i; }));

    await settle();
    expect(started).toEqual([0, 1]);
    expect([semaphore.holders, semaphore.queued]).toEqual([2, 3]);

    tasks[1]!.finish(true);
    await settle();
    expect(started).toEqual([0, 1, 2]);
    expect(semaphore.holders).toBe(2);

    tasks[0]!.finish(true);
    tasks[2]!.finish(true);
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4]);

    tasks[3]!.finish(true);
    tasks[4]!.finish(true);
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3, 4]);
    expect([semaphore.holders, semaphore.queued]).toEqual([0, 0]);
  });

  it('gives the permit back when a task fails', async () => {
    const semaphore = new Semaphore(1);
    const failing = controllable();
    const first = semaphore.run(() => failing.done);
    const second = semaphore.run(async () => 'ran');

    failing.finish(false);

    await expect(first).rejects.toThrow('task failed');
    await expect(second).resolves.toBe('ran');
    expect(semaphore.holders).toBe(0);
  });

  it('refuses a limit below 1', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
