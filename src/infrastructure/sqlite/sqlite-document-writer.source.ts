/**
 * The document writer thread's program, plain CommonJS run with `new Worker(source, { eval: true })` so it runs
 * the same from the compiled output and from the TypeScript sources under jest.
 *
 * It has its own connection to the file (the main connection's settings, and no automatic checkpoints: those run
 * on the checkpoint thread) and applies commits in the order they arrive, each in one IMMEDIATE transaction with
 * the same statements and the same checkpoint rule as SqliteDocumentStore's own commits (checkpointAllowsCommit):
 * a commit whose checkpoint is not ahead of the stored one writes nothing, and one fenced by `previous` fails
 * with code CHECKPOINT_MOVED (message: the stored position) when another writer moved it. A commit arrives in parts (`from`, `last`), all sent at once:
 * the transaction begins with the first part and ends with the last, and a part that fails rolls it all back.
 * Every commit is answered once, after its last part: `{ id }` or `{ id, failure: { code, message, at } }`,
 * `at` being the index of the change that failed (or -1).
 */
export const DOCUMENT_WRITER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { driver, file, busyTimeoutMs, checkpointSql } = workerData;
const Database = require(driver);
const db = new Database(file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = ' + busyTimeoutMs);
db.pragma('foreign_keys = ON');
db.pragma('wal_autocheckpoint = 0');
const readCheckpoint = db.prepare(checkpointSql.read);
const writeCheckpoint = db.prepare(checkpointSql.write);
const prepared = new Map();
const statement = (sql) => {
  let found = prepared.get(sql);
  if (!found) prepared.set(sql, (found = db.prepare(sql)));
  return found;
};

/** The commit whose parts are arriving: { skip: its checkpoint is not ahead, failure: the first error }. */
let open = null;
let current = -1;

const applyPart = (part) => {
  const { checkpoint, writes, collectionOf, ids, docs, from } = part;
  if (from === 0) {
    open = { skip: false, failure: null };
    db.exec('BEGIN IMMEDIATE');
    const stored = checkpoint ? readCheckpoint.get(checkpoint.name) : undefined;
    const storedPosition = stored === undefined ? null : stored.position;
    if (checkpoint && checkpoint.previous !== undefined) {
      if (checkpoint.previous !== storedPosition) {
        open.failure = { code: 'CHECKPOINT_MOVED', message: String(storedPosition), at: -1 };
      }
    } else open.skip = storedPosition !== null && storedPosition >= checkpoint.position;
  }
  if (open.skip || open.failure) return;
  for (let index = 0; index < ids.length; index++) {
    current = from + index;
    const sql = writes[collectionOf[index]];
    const doc = docs[index];
    if (doc === null) statement(sql.delete).run(ids[index]);
    else statement(sql.put).run(ids[index], doc);
  }
  current = -1;
  if (part.last && checkpoint) writeCheckpoint.run(checkpoint.name, checkpoint.position);
};

parentPort.on('message', (part) => {
  if (part.stop) {
    db.close();
    parentPort.close();
    return;
  }
  try {
    applyPart(part);
    if (part.last && db.inTransaction) db.exec('COMMIT');
  } catch (error) {
    const code = error && typeof error.code === 'string' ? error.code : '';
    if (open) open.failure = open.failure || { code, message: String(error && error.message), at: current };
    else open = { skip: false, failure: { code, message: String(error && error.message), at: current } };
    if (db.inTransaction) db.exec('ROLLBACK');
  }
  if (part.last) {
    parentPort.postMessage(open.failure ? { id: part.id, failure: open.failure } : { id: part.id });
    open = null;
  }
});
`;
