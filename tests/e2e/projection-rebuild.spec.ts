import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { systemContext } from '../../src/application/shared/command-context';
import { createAdmin } from '../../src/main/cli/create-admin.command';
import { loadConfig } from '../../src/main/config';
import { createLogger } from '../../src/main/logger';
import { createOpsledger, type Opsledger } from '../../src/main/opsledger';
import { NodeRunner } from '../support/run-node';
import { snapshot } from '../support/read-model-snapshot';
import type { DocumentStore } from '../../src/application/shared/ports/document-store.port';
import { TOKENS } from '../../src/main/tokens';

/*
 * `projections rebuild all` replays the whole store into empty read models; the result must equal what the
 * live projections built while the commands ran.
 */

const CLI = path.resolve(__dirname, '../../dist/src/main/cli.js');
const PASSWORD = 'correct horse battery staple';

jest.setTimeout(60_000);

const runner = new NodeRunner();

describe('projections rebuild all', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let open: Opsledger | null = null;

  const openOpsledger = async (runProjections: boolean) => {
    const config = loadConfig({ ...env, LOG_LEVEL: 'silent', RUN_PROJECTIONS: String(runProjections) }, () => 'unused');
    open = await createOpsledger(config, createLogger(config));
    return open;
  };
  const closeOpsledger = async () => {
    await open?.close();
    open = null;
  };

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsledger-rebuild-'));
    // Reactors off: their notification events would land after the head the rebuild is compared at.
    env = { DATA_DIR: dataDir, JWT_SECRET: 'rebuild-test-secret'.padEnd(48, 'x'), PASSWORD_HASH_COST: '10', RUN_REACTORS: 'false' };
  });

  afterAll(async () => {
    await closeOpsledger();
    await runner.killAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('rebuilds every read model to exactly what the live projections built', async () => {
    // 1. Data of every kind, written through the HTTP API while the projections run.
    const live = await openOpsledger(true);
    await createAdmin(live, { email: 'admin@rebuild.test', name: 'Rebuild Admin', password: PASSWORD }, systemContext('rebuild-setup'));
    const http = request(live.app);
    const login = await http.post('/api/auth/login').send({ email: 'admin@rebuild.test', password: PASSWORD }).expect(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken as string}` };
    const positions: number[] = [];
    const post = async (url: string, body: object, status: number, headers: Record<string, string> = {}) => {
      const res = await http.post(url).set(auth).set(headers).send(body).expect(status);
      positions.push(res.body.position as number);
      return res.body as Record<string, unknown> & { position: number };
    };

    for (const [role, n] of [['wholesaler', 1], ['wholesaler', 2], ['consumer', 1], ['admin', 2]] as const) {
      await post('/api/users', { email: `${role}${n}@rebuild.test`, name: `${role} ${n}`, role, password: PASSWORD }, 201);
    }

    const models = [];
    for (const [sku, months] of [['RB-100', 24], ['RB-200', 12], ['RB-300', 36]] as const) {
      models.push(
        await post('/api/inventory/models', { name: `Rebuild ${sku}`, sku, capacityAh: 100, voltage: 12.8, warrantyMonths: months, lowStockThreshold: 2 }, 201),
      );
    }
    const [first, second, third] = models.map((m) => m['id'] as string) as [string, string, string];
    await http.patch(`/api/inventory/models/${second}`).set(auth).send({ name: 'Rebuild RB-200 Mk II', lowStockThreshold: 5 }).expect(200);
    await http.post(`/api/inventory/models/${third}/retire`).set(auth).send().expect(200);

    const serialsOf = async (modelId: string, count: number) => ((await post('/api/inventory/serials', { modelId, count }, 201))['serials'] as string[]);
    const a = await serialsOf(first, 8);
    const b = await serialsOf(second, 5);
    const a2 = await serialsOf(first, 3);

    for (const serial of [...a.slice(0, 4), b[0]!]) await post(`/api/inventory/serials/${serial}/allocate`, { wholesalerId: 'wholesaler-east' }, 200);
    for (const serial of [a[0]!, a[1]!, b[0]!, a[5]!]) await post(`/api/inventory/serials/${serial}/sell`, { soldTo: 'shop-9' }, 200);
    await post(`/api/inventory/serials/${a2[0]!}/sell`, {}, 200);

    const warranties: string[] = [];
    let phone = 10_000_000;
    for (const serial of [a[0]!, a[1]!, b[0]!, a[5]!, a2[0]!, b[3]!]) {
      const activated = await post('/api/warranty/activate', { serial, consumer: { name: `Consumer ${serial}`, phone: `+2547${++phone}`, email: `${serial.toLowerCase()}@mail.test` } }, 201, {
        'Idempotency-Key': `activate-${serial}`,
      });
      warranties.push(activated['warrantyId'] as string);
    }
    // A retried activation (same key, same body) replays; it must not add a document on rebuild either.
    await post('/api/warranty/activate', { serial: a[0]!, consumer: { name: `Consumer ${a[0]!}`, phone: '+254710000001', email: `${a[0]!.toLowerCase()}@mail.test` } }, 201, {
      'Idempotency-Key': `activate-${a[0]!}`,
    });

    const latest = Math.max(...positions);
    for (const id of [warranties[1]!, warranties[4]!]) {
      const res = await http.post(`/api/warranty/${id}/void`).set(auth).set('Opsledger-Min-Position', String(latest)).send({ reason: 'returned to store' }).expect(200);
      positions.push(res.body.position as number);
    }
    // A voided serial may be activated again: a second warranty on the same serial.
    await post('/api/warranty/activate', { serial: a[1]!, consumer: { name: 'Second Owner', phone: '+254799999999', email: null } }, 201);

    // 2. Wait until the live read models hold everything, then take the snapshot.
    const head = await live.eventStore.headPosition();
    expect(head).toBeGreaterThanOrEqual(Math.max(...positions));
    await live.runner.waitFor(head);
    const before = await snapshot(live);
    await closeOpsledger();

    // The data really reached every collection (so the comparison below is not between empty sets).
    expect(before.collections['users']).toHaveLength(5);
    expect(before.collections['battery_models']).toHaveLength(3);
    expect(before.collections['serial_numbers']).toHaveLength(16);
    expect(before.collections['warranties']).toHaveLength(7);
    expect(before.collections['warranties']!.filter((w) => w['status'] === 'void')).toHaveLength(2);

    // 3. Damage the read models (a stray document, a lost one) so only a real replay restores them.
    const damaging = await openOpsledger(false);
    const documents = damaging.container.get<DocumentStore>(TOKENS.documentStore);
    const lostSerial = before.collections['serial_numbers']![0]!;
    await documents.commit([
      { op: 'put', collection: 'warranties', document: { id: 'stray-warranty', status: 'active' } },
      { op: 'delete', collection: 'serial_numbers', id: lostSerial.id },
      { op: 'put', collection: 'battery_models', document: { ...before.collections['battery_models']![0]!, name: 'Tampered' } },
    ]);
    expect((await snapshot(damaging)).collections).not.toEqual(before.collections);
    await closeOpsledger();

    // 4. Rebuild everything offline through the CLI.
    const result = await runner.run(CLI, ['projections', 'rebuild', 'all'], env);

    expect(result.code).toBe(0);
    for (const name of Object.keys(before.checkpoints)) {
      expect(result.stdout).toMatch(new RegExp(`^${name}: rebuilt to position ${head}\\b`, 'm'));
    }

    // 5. Reopen without projections: every collection is identical to the live snapshot.
    const reopened = await openOpsledger(false);
    const after = await snapshot(reopened);
    await closeOpsledger();

    expect(after.head).toBe(head);
    expect(Object.keys(after.collections).sort()).toEqual(Object.keys(before.collections).sort());
    for (const [collection, items] of Object.entries(before.collections)) {
      expect({ collection, items: after.collections[collection] }).toEqual({ collection, items });
    }
    for (const name of Object.keys(before.checkpoints)) expect(after.checkpoints[name]).toBe(head);
  });
});
