import type { TestApp } from '../../support/test-app';
import { bearer } from '../identity/problem.helpers';

let counter = 0;

/** A SKU no other test in the file uses. */
export const uniqueSku = (stem = 'INV'): string => `${stem}-${process.pid % 1000}-${++counter}`;

export const modelBody = (overrides: Record<string, unknown> = {}) => {
  const sku = uniqueSku();
  return { name: `Model ${sku}`, sku, capacityAh: 100, voltage: 12.8, warrantyMonths: 24, lowStockThreshold: 2, ...overrides };
};

/** Registers a model as the admin; answers its id and the position it was written at. */
export const registerModel = async (app: TestApp, overrides: Record<string, unknown> = {}) => {
  const body = modelBody(overrides);
  const res = await app.http.post('/api/inventory/models').set(bearer(app.adminToken)).send(body).expect(201);
  return { id: res.body.id as string, position: res.body.position as number, body };
};

export interface SerialBatch {
  batchId: string;
  modelId: string;
  serials: string[];
  position: number;
}

export const generateSerials = async (app: TestApp, modelId: string, count: number, extra: Record<string, unknown> = {}) => {
  const res = await app.http.post('/api/inventory/serials').set(bearer(app.adminToken)).send({ modelId, count, ...extra }).expect(201);
  return res.body as SerialBatch;
};

/** Reads a model once the read model has reached `position` (read-your-writes). */
export const getModel = async (app: TestApp, id: string, position: number) => {
  const res = await app.http
    .get(`/api/inventory/models/${id}`)
    .set(bearer(app.adminToken))
    .set('Opsledger-Min-Position', String(position))
    .expect(200);
  return res.body as { stock: { available: number; allocated: number; sold: number }; lowStock: boolean; [field: string]: unknown };
};
