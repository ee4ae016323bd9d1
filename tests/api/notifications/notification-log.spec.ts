import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { activate, freshSerials, uniqueConsumer } from '../warranty/warranty.helpers';
import { settled } from './notifications.helpers';

type Entry = Record<string, unknown>;

describe('GET /api/notifications: the notification log', () => {
  let app: TestApp;
  let support: string;
  let warehouse: string;
  let consumerToken: string;
  let serials: string[];
  const consumers = [uniqueConsumer(), uniqueConsumer({ phone: null }), uniqueConsumer()];

  const list = (query: Record<string, string | number> = {}, token = support) =>
    app.http.get('/api/notifications').query(query).set(bearer(token));
  const items = async (query: Record<string, string | number>) => (await list(query).expect(200)).body.items as Entry[];

  beforeAll(async () => {
    app = await startTestApp({ RUN_REACTORS: 'true' });
    support = (await app.userToken('support_agent')).token;
    warehouse = (await app.userToken('warehouse_manager')).token;
    consumerToken = (await app.userToken('consumer')).token;
    ({ serials } = await freshSerials(app, 3));
    for (const [i, consumer] of consumers.entries()) await activate(app, serials[i]!, consumer).expect(201);
    await settled(app.opsledger);
  });
  afterAll(() => app.close());

  it('answers 401 to anonymous callers and 403 to consumers', async () => {
    expectProblem(await app.http.get('/api/notifications'), 401, 'auth.unauthenticated');
    expectProblem(await list({}, consumerToken), 403, 'auth.forbidden');
    expectProblem(await app.http.get('/api/notifications/x').set(bearer(consumerToken)), 403, 'auth.forbidden');
  });

  it('lets admins, support agents and warehouse managers read it, newest first', async () => {
    for (const token of [app.adminToken, support, warehouse]) {
      const body = (await list({}, token).expect(200)).body as { items: Entry[]; total: number };
      // Welcome mails for the admin and three users, and 2 + 1 + 2 for the activations.
      expect(body.total).toBe(9);
      const queued = body.items.map((n) => String(n['queuedAt']));
      expect(queued).toEqual([...queued].sort().reverse());
    }
  });

  it('pages with totals', async () => {
    const first = (await list({ page: 1, pageSize: 4 }).expect(200)).body;
    const third = (await list({ page: 3, pageSize: 4 }).expect(200)).body;

    expect(first).toMatchObject({ page: 1, pageSize: 4, total: 9, totalPages: 3 });
    expect(first.items).toHaveLength(4);
    expect(third.items).toHaveLength(1);
    const all = await items({ pageSize: 50 });
    expect([...first.items, ...(await list({ page: 2, pageSize: 4 }).expect(200)).body.items, ...third.items]).toEqual(all);
  });

  it('filters by channel, template, rule, status and source stream', async () => {
    expect((await items({ channel: 'sms' })).map((n) => n['to']).sort()).toEqual([consumers[0]!.phone, consumers[2]!.phone].sort());
    expect(await items({ template: 'welcome' })).toHaveLength(4);
    expect(await items({ rule: 'warranty-activated' })).toHaveLength(5);
    expect(await items({ status: 'sent' })).toHaveLength(9);
    expect(await items({ status: 'failed' })).toEqual([]);
    expect((await items({ sourceStreamId: `warranty-${serials[1]}` })).map((n) => n['to'])).toEqual([consumers[1]!.email]);
  });

  it('filters by recipient, emails in any case', async () => {
    expect((await items({ to: consumers[0]!.email!.toUpperCase() })).map((n) => n['channel'])).toEqual(['email']);
    expect((await items({ to: consumers[2]!.phone! })).map((n) => n['channel'])).toEqual(['sms']);
  });

  it('filters by when they were queued, by day or by instant, inclusive', async () => {
    const all = await items({ pageSize: 50 });
    const oldest = String(all.at(-1)!['queuedAt']);
    const newest = String(all[0]!['queuedAt']);

    expect(await items({ queuedFrom: oldest.slice(0, 10), queuedTo: newest.slice(0, 10), pageSize: 50 })).toHaveLength(all.length);
    expect(await items({ queuedFrom: oldest, queuedTo: newest, pageSize: 50 })).toHaveLength(all.length);
    expect(await items({ queuedFrom: '2999-01-01' })).toEqual([]);
    expect(await items({ queuedTo: '2000-01-01T00:00:00+03:00' })).toEqual([]);
    expect((await items({ queuedFrom: newest })).map((n) => n['queuedAt'])).toContain(newest);
  });

  it('answers one notification by id, and 404 notification.not_found for an unknown one', async () => {
    const [entry] = await items({ channel: 'sms', pageSize: 1 });
    const res = await app.http.get(`/api/notifications/${String(entry!['id'])}`).set(bearer(warehouse)).expect(200);
    expect(res.body).toEqual(entry);

    expectProblem(await app.http.get('/api/notifications/nope').set(bearer(support)), 404, 'notification.not_found');
  });

  it('refuses bad filters with 400 validation.failed', async () => {
    expect(invalidFields(await list({ status: 'lost', channel: 'fax', queuedFrom: 'yesterday', pageSize: 0 })).sort()).toEqual(
      ['query:channel', 'query:pageSize', 'query:queuedFrom', 'query:status'].sort(),
    );
  });
});
