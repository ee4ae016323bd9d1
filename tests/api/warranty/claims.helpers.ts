import type { TestApp } from '../../support/test-app';
import { bearer } from '../identity/problem.helpers';
import { activate, freshSerials, uniqueConsumer, type Consumer } from './warranty.helpers';

export const DESCRIPTION = 'The battery loses its charge within a day of a full charge.';

/** The smallest files each format recognises by its first bytes (enough for a type check, not for a viewer). */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('png body')]);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('jpeg body')]);
export const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 body')]);

export interface ActiveWarranty {
  readonly serial: string;
  readonly warrantyId: string;
  readonly warrantyNumber: string;
  readonly consumer: Consumer;
  readonly position: number;
}

/** A fresh serial with an active warranty for `consumer` (a unique one by default), activated as the admin. */
export const activeWarranty = async (app: TestApp, consumer: Consumer = uniqueConsumer()): Promise<ActiveWarranty> => {
  const { serials: [serial] } = await freshSerials(app, 1);
  const res = await activate(app, serial!, consumer).expect(201);
  return { serial: serial!, warrantyId: res.body.warrantyId, warrantyNumber: res.body.warrantyNumber, consumer, position: res.body.position };
};

/** Files a claim for `serial` as `token` (JSON, no photos). */
export const fileClaim = (app: TestApp, token: string, body: Record<string, unknown>) =>
  app.http.post('/api/warranty/claims').set(bearer(token)).send({ description: DESCRIPTION, ...body });

/** A claim step (review, approve, reject, resolve, assign) as `token`. */
export const claimStep = (app: TestApp, token: string, claimId: string, step: string, body: Record<string, unknown> = {}) =>
  app.http.post(`/api/warranty/claims/${claimId}/${step}`).set(bearer(token)).send(body);

/** Reads a claim once read models reach `position`. */
export const getClaim = (app: TestApp, token: string, claimId: string, position: number) =>
  app.http.get(`/api/warranty/claims/${claimId}`).set(bearer(token)).set('Opsledger-Min-Position', String(position));

/** Files a claim as the admin and takes it to `approved`; returns its id and the last position. */
export const approvedClaim = async (app: TestApp, serial: string) => {
  const filed = await fileClaim(app, app.adminToken, { serial }).expect(201);
  const claimId = filed.body.claimId as string;
  await claimStep(app, app.adminToken, claimId, 'review').expect(200);
  const approved = await claimStep(app, app.adminToken, claimId, 'approve').expect(200);
  return { claimId, claimNumber: filed.body.claimNumber as string, position: approved.body.position as number };
};
