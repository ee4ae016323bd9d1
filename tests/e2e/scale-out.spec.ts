import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemContext } from '../../src/application/shared/command-context';
import type { DocumentStore } from '../../src/application/shared/ports/document-store.port';
import type { Projection } from '../../src/application/shared/ports/projection.port';
import { createAdmin } from '../../src/main/cli/create-admin.command';
import { rebuildProjection } from '../../src/main/cli/projections.command';
import { loadConfig } from '../../src/main/config';
import { createLogger } from '../../src/main/logger';
import { createOpsledger, type Opsledger } from '../../src/main/opsledger';
import { TOKENS } from '../../src/main/tokens';
import { httpJson } from '../support/http-json';
import { snapshot } from '../support/read-model-snapshot';
import { headPositionIn, startServerProcess, type ServerProcess } from '../support/server-process';

/*
 * Two service processes on one data directory: each projection runs on exactly one of them, any of them serves
 * HTTP, and when the one running the projections is killed the other takes them over once the leases expire.
 * The read models must then equal a full rebuild: nothing skipped, nothing applied twice.
 */

jest.setTimeout(90_000);

const PASSWORD = 'correct horse battery staple';
const LEASE_TTL_MS = '1500';
/** node-b's read-your-writes bound, generous enough to cover a takeover; never asserted as a duration. */
const TAKEOVER_WAIT_MS = '30000';

type Json = Record<string, unknown>;
const call = httpJson;

const projectionChecks = (ready: Json) =>
  Object.entries((ready['checks'] as Record<string, { status: string; detail: string }>) ?? {}).filter(([name]) => name.startsWith('projection:'));

describe('scale-out: two instances share the embedded store', () => {
  let dataDir: string;
  // Reactors off: the notification events they append would keep moving the head the read models are compared at.
  const env = () => ({ DATA_DIR: dataDir, JWT_SECRET: 'scale-out-secret'.padEnd(48, 'x'), PASSWORD_HASH_COST: '10', LEASE_TTL_MS, RUN_JOBS: 'false', RUN_REACTORS: 'false' });
  const servers: ServerProcess[] = [];
  let inspector: Opsledger | null = null;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsledger-scale-'));
    const config = loadConfig({ ...env(), LOG_LEVEL: 'silent', RUN_PROJECTIONS: 'false' }, () => 'unused');
    const seeding = await createOpsledger(config, createLogger(config));
    await createAdmin(seeding, { email: 'admin@scale.test', name: 'Scale Admin', password: PASSWORD }, systemContext('scale-setup'));
    await seeding.close();
  });

  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.exited));
    await inspector?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('hands the projections to the surviving instance, whose read models equal a full rebuild', async () => {
    const a = await startServerProcess({ ...env(), INSTANCE_ID: 'node-a' });
    servers.push(a);
    const b = await startServerProcess({ ...env(), INSTANCE_ID: 'node-b', READ_WAIT_MAX_MS: TAKEOVER_WAIT_MS });
    servers.push(b);

    // node-a started first and holds every projection; node-b holds none but serves everything.
    const readyA = (await call(a.baseUrl, 'GET', '/health/ready')).body;
    const readyB = (await call(b.baseUrl, 'GET', '/health/ready')).body;
    expect(projectionChecks(readyA).every(([, check]) => check.detail.startsWith('position'))).toBe(true);
    expect(projectionChecks(readyB).map(([, check]) => check.detail)).toEqual(projectionChecks(readyA).map(() => 'runs on another instance'));

    const token = (await call(b.baseUrl, 'POST', '/api/auth/login', { body: { email: 'admin@scale.test', password: PASSWORD } })).body['accessToken'] as string;
    const model = await call(b.baseUrl, 'POST', '/api/inventory/models', {
      token,
      body: { name: 'Scale 100Ah', sku: 'SCALE-100', capacityAh: 100, voltage: 12.8, warrantyMonths: 12, lowStockThreshold: 1 },
    });
    expect(model.status).toBe(201);
    const batch = await call(a.baseUrl, 'POST', '/api/inventory/serials', { token, body: { modelId: model.body['id'], count: 60 } });
    const serials = batch.body['serials'] as string[];

    // Writes through both instances; node-b reads its own writes although node-a runs the projections.
    const activate = (server: ServerProcess, serial: string) =>
      call(server.baseUrl, 'POST', '/api/warranty/activate', { token, body: { serial, consumer: { name: 'Scale Consumer', phone: '+254700000002' } } });
    for (const [index, serial] of serials.slice(0, 20).entries()) {
      const written = await activate(index % 2 === 0 ? a : b, serial);
      expect(written.status).toBe(201);
      const read = await call(b.baseUrl, 'GET', `/api/warranty/${written.body['warrantyId'] as string}`, {
        token,
        headers: { 'Opsledger-Min-Position': String(written.body['position']) },
      });
      expect(read.status).toBe(200);
    }

    // node-a dies mid-burst; node-b keeps taking writes and, once the leases expire, runs the projections.
    const burst = Promise.all(serials.slice(20, 40).map((serial) => activate(a, serial).catch(() => null)));
    a.child.kill('SIGKILL');
    await a.exited;
    await burst;
    let head = 0;
    for (const serial of serials.slice(40)) {
      const written = await activate(b, serial);
      expect(written.status).toBe(201);
      head = written.body['position'] as number;
    }

    // Nobody projects these last writes until node-b takes the leases over: its read-your-writes wait covers that.
    // The warranty projection is the last one an instance takes (leases are sought in projection order), so once
    // it has caught up, node-b runs them all.
    const list = await call(b.baseUrl, 'GET', '/api/warranty?pageSize=1', { token, headers: { 'Opsledger-Min-Position': String(head) } });
    expect(list.status).toBe(200);
    const ready = (await call(b.baseUrl, 'GET', '/health/ready')).body;
    expect(projectionChecks(ready).every(([, check]) => check.detail.startsWith('position'))).toBe(true);
    expect(headPositionIn(ready)).toBe(head);

    b.child.kill('SIGTERM');
    await b.exited;

    // The live read models, then the same projections rebuilt from the first event: identical.
    const config = loadConfig({ ...env(), LOG_LEVEL: 'silent', RUN_PROJECTIONS: 'false' }, () => 'unused');
    inspector = await createOpsledger(config, createLogger(config));
    const live = await snapshot(inspector);
    expect(Object.values(live.checkpoints).every((checkpoint) => checkpoint !== null && checkpoint >= head)).toBe(true);
    expect(live.collections['warranties']).toHaveLength(list.body['total'] as number);

    const documents = inspector.container.get<DocumentStore>(TOKENS.documentStore);
    for (const projection of inspector.container.get<readonly Projection[]>(TOKENS.projections)) {
      await rebuildProjection(projection, inspector.eventStore, documents);
    }
    const rebuilt = await snapshot(inspector);
    expect(rebuilt.collections).toEqual(live.collections);
  });
});
