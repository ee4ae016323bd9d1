import type { TestApp } from '../../support/test-app';

let counter = 0;

/** A valid client body with a paybill number no other spec in this process uses. */
export const newClient = (overrides: Record<string, unknown> = {}) => {
  counter += 1;
  return {
    name: `Maji Client ${counter}`,
    paybillNumber: String(700000 + counter),
    billing: { email: `accounts-${counter}@maji.example`, contactName: 'Grace Wanjiru' },
    ...overrides,
  };
};

/** Creates a client as `auth`, expecting 201; returns the id and the position it wrote. */
export const createClient = async (app: TestApp, auth: Record<string, string>, body: Record<string, unknown> = newClient()) => {
  const res = await app.http.post('/api/clients').set(auth).send(body).expect(201);
  return { id: res.body.id as string, position: res.body.position as number };
};

/** Reads a client once the read model reaches `position`. */
export const readClient = (app: TestApp, auth: Record<string, string>, id: string, position: number) =>
  app.http.get(`/api/clients/${id}`).set(auth).set('Opsledger-Min-Position', String(position));
