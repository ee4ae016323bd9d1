import { seedModelWithSerials, type TestApp } from '../../support/test-app';
import { bearer } from '../identity/problem.helpers';

export interface Consumer {
  name: string;
  phone?: string | null;
  email?: string | null;
}

let counter = 0;

/** WR- and two groups of four from an alphabet without look-alikes (written independently of src). */
export const WARRANTY_NUMBER = /^WR-[A-Z2-9]{4}-[A-Z2-9]{4}$/;

/** A consumer with a phone and email no other test in the file uses. */
export const uniqueConsumer = (overrides: Partial<Consumer> = {}): Consumer => {
  const n = ++counter;
  return { name: `Consumer Number${n}`, phone: `+2547${String(10_000_000 + n).padStart(8, '0')}`, email: `consumer${n}@mail.example`, ...overrides };
};

export const activate = (app: TestApp, serial: string, consumer: Consumer = uniqueConsumer(), headers: Record<string, string> = {}) =>
  app.http.post('/api/warranty/activate').set(bearer(app.adminToken)).set(headers).send({ serial, consumer });

/** Reads warranties as the admin once read models reach `position`. */
export const listWarranties = (app: TestApp, query: Record<string, string | number>, position: number) =>
  app.http
    .get('/api/warranty')
    .query(query)
    .set(bearer(app.adminToken))
    .set('Opsledger-Min-Position', String(position))
    .expect(200);

export const verify = (app: TestApp, serial: string, position: number) =>
  app.http.get(`/api/warranty/verify/${encodeURIComponent(serial)}`).set('Opsledger-Min-Position', String(position));

/** A fresh model with `count` available serials. */
export const freshSerials = (app: TestApp, count = 1, overrides: Record<string, unknown> = {}) => seedModelWithSerials(app, count, overrides);

/** Today's date in UTC, YYYY-MM-DD. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** Adds calendar months to YYYY-MM-DD, clamping to the last day of the target month (written independently of src). */
export const addMonthsUtc = (date: string, months: number): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(day, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
};
