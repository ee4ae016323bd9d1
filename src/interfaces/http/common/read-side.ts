import type { RequestContext } from '../shared/request-context';

export interface ReadSide {
  waitFor(position: number, timeoutMs?: number): Promise<void>;
}

/** Read-your-writes: when the client names a position, wait (bounded) until read models reach it. */
export const awaitReadSide = async (readSide: ReadSide, context: RequestContext): Promise<void> => {
  if (context.minPosition !== null) await readSide.waitFor(context.minPosition);
};
