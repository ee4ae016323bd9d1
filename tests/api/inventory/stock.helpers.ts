import type { TestApp } from '../../support/test-app';
import { bearer } from '../identity/problem.helpers';

export interface AllocationRecord {
  id: string;
  wholesalerId: string;
  modelId: string | null;
  quantity: number;
  requestedSerials: string[];
  serials: string[];
  notes: string | null;
  status: 'open' | 'completed' | 'failed';
  failureReason: string | null;
  openedBy: string | null;
  openedAt: string;
  closedAt: string | null;
}

export interface WholesalerStock {
  wholesalerId: string;
  modelId: string;
  allocated: number;
  sold: number;
  released: number;
  returned: number;
}

/** POST an allocation (as the admin unless a token is given); the response is left to the caller to check. */
export const allocateStock = (app: TestApp, body: object, token = app.adminToken, path = '/api/inventory/allocations') =>
  app.http.post(path).set(bearer(token)).send(body);

/** A GET once read models reach `position` (read-your-writes), as the admin unless a token is given. */
export const readAt = (app: TestApp, url: string, position: number, token = app.adminToken) =>
  app.http.get(url).set(bearer(token)).set('Opsledger-Min-Position', String(position));

/**
 * The newest stored position. A refused command answers no position, yet may have written (an allocation opened,
 * then failed); waiting for the head makes the read model show those writes.
 */
export const headPosition = (app: TestApp): Promise<number> => app.opsledger.eventStore.headPosition();

/** The allocation records of a wholesaler, newest first. */
export const allocationsOf = async (app: TestApp, wholesalerId: string, position: number): Promise<AllocationRecord[]> => {
  const res = await readAt(app, `/api/inventory/allocations?wholesalerId=${wholesalerId}&pageSize=100`, position).expect(200);
  return res.body.items as AllocationRecord[];
};

/** One wholesaler's stock row for one model, or undefined when they never held any. */
export const stockOf = async (app: TestApp, wholesalerId: string, modelId: string, position: number) => {
  const res = await readAt(app, `/api/inventory/stock?wholesalerId=${wholesalerId}&modelId=${modelId}`, position).expect(200);
  return (res.body.items as WholesalerStock[])[0];
};

export const serialDoc = async (app: TestApp, serial: string, position: number) =>
  (await readAt(app, `/api/inventory/serials/${serial}`, position).expect(200)).body as {
    status: string;
    allocatedTo: string | null;
    allocationId: string | null;
    soldTo: string | null;
    returnedAt: string | null;
    [field: string]: unknown;
  };

/** The event types stored on a serial's own stream, read from the event store itself (not a read model). */
export const serialEvents = async (app: TestApp, serial: string) =>
  (await app.opsledger.eventStore.readStream(`serial-${serial}`)).map((e) => ({ type: e.type, data: e.data as Record<string, unknown> }));

/** The id a bearer token was issued to (its `sub` claim). */
export const userIdOf = (token: string): string =>
  (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string }).sub;
