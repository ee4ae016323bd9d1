import { startTestApp, type TestApp } from '../../support/test-app';
import { mailSentTo } from '../identity/outbox.helpers';
import { bearer } from '../identity/problem.helpers';
import { freshSerials } from '../warranty/warranty.helpers';
import { scheduledWork, settledAll } from './scheduled.helpers';

const ADMIN = 'admin@test.example';

describe('low-stock alerts: raised once when available stock falls to the threshold, admins emailed', () => {
  let app: TestApp;
  let wholesalerId: string;

  beforeAll(async () => {
    app = await startTestApp({ RUN_REACTORS: 'true' });
    wholesalerId = (await app.userToken('wholesaler')).userId;
  });
  afterAll(() => app.close());

  const allocate = async (modelId: string, quantity: number) =>
    (await app.http.post('/api/inventory/allocations').set(bearer(app.adminToken)).send({ wholesalerId, modelId, quantity }).expect(201)).body;
  const model = async (modelId: string, position: number) =>
    (await app.http.get(`/api/inventory/models/${modelId}`).set(bearer(app.adminToken)).set('Opsledger-Min-Position', String(position)).expect(200)).body;
  const alertsAbout = (sku: string) => mailSentTo(app, ADMIN).filter((mail) => mail.includes(`(${sku})`) && mail.includes('Low stock'));
  const alertEvents = async (modelId: string) =>
    (await app.opsledger.eventStore.readStream(`batterymodel-${modelId}`)).map((e) => e.type).filter((t) => t.startsWith('LowStockAlert'));

  it('raises no alert while a fresh batch fills stock above the threshold', async () => {
    const { modelId, sku } = await freshSerials(app, 6, { lowStockThreshold: 3 });
    const position = await settledAll(app.opsledger);
    expect(await alertEvents(modelId)).toEqual([]);
    expect((await model(modelId, position)).lowStockAlertAt).toBeNull();
    expect(alertsAbout(sku)).toHaveLength(0);
  });

  it('alerts once at the threshold, not again as stock keeps falling, and again only after stock recovered', async () => {
    const { modelId, sku } = await freshSerials(app, 6, { lowStockThreshold: 3 });
    await allocate(modelId, 2); // 4 available: above
    await settledAll(app.opsledger);
    expect(await alertEvents(modelId)).toEqual([]);

    await allocate(modelId, 1); // 3 available: at the threshold
    await allocate(modelId, 2); // 1 available: still low
    let position = await settledAll(app.opsledger);
    expect(await alertEvents(modelId)).toEqual(['LowStockAlertRaised']);
    expect((await model(modelId, position)).lowStockAlertAt).not.toBeNull();
    const [alert] = alertsAbout(sku);
    expect(alertsAbout(sku)).toHaveLength(1);
    expect(alert).toContain('has fallen to 3');

    await app.http.post('/api/inventory/serials').set(bearer(app.adminToken)).send({ modelId, count: 5 }).expect(201); // 6 available
    position = await settledAll(app.opsledger);
    expect(await alertEvents(modelId)).toEqual(['LowStockAlertRaised', 'LowStockAlertCleared']);
    expect((await model(modelId, position)).lowStockAlertAt).toBeNull();

    await allocate(modelId, 4); // 2 available: low again
    await settledAll(app.opsledger);
    expect(await alertEvents(modelId)).toEqual(['LowStockAlertRaised', 'LowStockAlertCleared', 'LowStockAlertRaised']);
    expect(alertsAbout(sku)).toHaveLength(2);
  });

  it('a raised threshold raises the alert without a stock move', async () => {
    const { modelId } = await freshSerials(app, 4, { lowStockThreshold: 1 });
    await settledAll(app.opsledger);
    await app.http.patch(`/api/inventory/models/${modelId}`).set(bearer(app.adminToken)).send({ lowStockThreshold: 5 }).expect(200);
    await settledAll(app.opsledger);
    expect(await alertEvents(modelId)).toEqual(['LowStockAlertRaised']);
  });

  it('compiles the daily summary once per day and mails it to the admins', async () => {
    const { sku } = await freshSerials(app, 2, { lowStockThreshold: 5 });
    await settledAll(app.opsledger);
    const job = scheduledWork(app.opsledger).stockSummary;
    const first = await job.run();
    await job.run();
    await settledAll(app.opsledger);
    const summaries = mailSentTo(app, ADMIN).filter((mail) => mail.includes(`Stock summary for ${first.date}`));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toContain(sku);
    expect(first.models).toBeGreaterThanOrEqual(4);
    expect(await app.opsledger.eventStore.readStream(`stocksummary-${first.date}`)).toHaveLength(1);
  });
});
