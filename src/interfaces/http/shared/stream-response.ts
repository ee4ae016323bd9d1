import type { Response } from 'express';

/** Resolves once the client has taken the buffered bytes, or once it has gone (then writing stops). */
const drained = (res: Response): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });

/**
 * Writes `chunks` as they come, at the pace the client reads (waits for 'drain' whenever the socket buffer is full).
 * The first chunk is awaited before the status line goes out, so an early failure still reaches the error
 * middleware as a normal problem+json answer; a later failure propagates with the headers sent, and the error
 * middleware then aborts the connection. A client that disconnects stops the source (its `return` runs).
 */
export const sendStream = async (
  res: Response,
  chunks: AsyncIterable<string | Buffer>,
  start: () => void,
): Promise<void> => {
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    let next = await iterator.next();
    start();
    while (!next.done) {
      if (res.destroyed) return;
      if (!res.write(next.value)) await drained(res);
      next = await iterator.next();
    }
    res.end();
  } finally {
    await iterator.return?.();
  }
};
