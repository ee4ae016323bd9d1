/**
 * The checkpoint thread's program, plain CommonJS run with `new Worker(source, { eval: true })`: a string and
 * not a module file, so it runs the same from the compiled output and from the TypeScript sources under jest.
 *
 * Every `intervalMs` it runs PASSIVE checkpoints (they never block the writer) until the WAL is copied into the
 * database file, so the writer's next commit restarts the WAL from its beginning. Two fallbacks bound the file:
 * a WAL of more than `restartFrames` frames (writes never paused long enough) gets a RESTART checkpoint, which
 * needs the write lock for a moment; a WAL file larger than `truncateBytes` that saw no writes for a whole
 * interval gets a TRUNCATE checkpoint. While a RESTART wants the write lock, control[1] is 1 so that this
 * process's writers wait for it (asynchronously) instead of taking the lock again and again between its
 * retries. The connection uses synchronous=NORMAL, so each checkpoint syncs the WAL before copying and the
 * database file after. Errors (SQLITE_BUSY, I/O) are retried on the next tick.
 */
export const CHECKPOINT_WORKER_SOURCE = `
'use strict';
const fs = require('node:fs');
const { workerData } = require('node:worker_threads');
const { driver, file, control, intervalMs, restartFrames, truncateBytes } = workerData;
const flags = new Int32Array(control);
const STOP = 0;
const RESTARTING = 1;

const walBytes = () => {
  const stat = fs.statSync(file + '-wal', { throwIfNoEntry: false });
  return stat ? stat.size : 0;
};

const run = () => {
  let db;
  try {
    const Database = require(driver);
    if (Atomics.load(flags, STOP) !== 0) return;
    db = new Database(file, { fileMustExist: true });
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 1000');
  } catch {
    return;
  }
  const checkpoint = (mode) => db.pragma('wal_checkpoint(' + mode + ')')[0];
  const restart = () => {
    Atomics.store(flags, RESTARTING, 1);
    try {
      return checkpoint('RESTART');
    } finally {
      Atomics.store(flags, RESTARTING, 0);
    }
  };
  let previousLog = -1;
  try {
    while (Atomics.wait(flags, STOP, 0, intervalMs) === 'timed-out') {
      try {
        let result = checkpoint('PASSIVE');
        for (let pass = 0; pass < 3 && result.busy === 0 && result.checkpointed < result.log; pass++) {
          result = checkpoint('PASSIVE');
        }
        const idle = result.log === previousLog && result.checkpointed === result.log;
        if (result.log > restartFrames) result = restart();
        else if (idle && result.log > 0 && walBytes() > truncateBytes) result = checkpoint('TRUNCATE');
        previousLog = result.log;
      } catch {
        previousLog = -1;
      }
    }
  } finally {
    db.close();
  }
};
run();
`;
