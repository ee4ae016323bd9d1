import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemContext } from '../../src/application/shared/command-context';
import { createAdmin } from '../../src/main/cli/create-admin.command';
import { loadConfig } from '../../src/main/config';
import { createLogger } from '../../src/main/logger';
import { createOpsledger } from '../../src/main/opsledger';
import { httpJson } from '../support/http-json';
import { headPositionIn, startServerProcess, type ServerProcess } from '../support/server-process';

const PASSWORD = 'correct horse battery staple';
const ACTIVATIONS = 300;
const CONCURRENCY = 16;
const KILL_AFTER_ACKS = 120;

const env = (dataDir: string) => ({
  DATA_DIR: dataDir,
  JWT_SECRET: 'crash-test-secret'.padEnd(48, 'x'),
  PASSWORD_HASH_COST: '10',
  // Reactors off: this spec compares stores at a head position; notification restarts have their own spec.
  RUN_REACTORS: 'false',
});

/** httpJson with this spec's positional arguments. */
const json = (baseUrl: string, method: string, url: string, token?: string, body?: unknown, headers: Record<string, string> = {}) =>
  httpJson(baseUrl, method, url, { ...(token ? { token } : {}), body, headers });

describe('crash safety: kill -9 during a burst of commands', () => {
  let dataDir: string;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsledger-crash-'));
    const config = loadConfig({ ...env(dataDir), LOG_LEVEL: 'silent', RUN_PROJECTIONS: 'false' }, () => 'unused');
    const seeding = await createOpsledger(config, createLogger(config));
    await createAdmin(seeding, { email: 'admin@crash.test', name: 'Crash Admin', password: PASSWORD }, systemContext('crash-setup'));
    await seeding.close();
  });

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged activation in the store and the read models after a restart', async () => {
    server = await startServerProcess(env(dataDir));
    const login = await json(server.baseUrl, 'POST', '/api/auth/login', undefined, { email: 'admin@crash.test', password: PASSWORD });
    const token = login.body['accessToken'] as string;
    const model = await json(server.baseUrl, 'POST', '/api/inventory/models', token, {
      name: 'Crash 100Ah', sku: 'CRASH-100', capacityAh: 100, voltage: 12.8, warrantyMonths: 12, lowStockThreshold: 1,
    });
    const batch = await json(server.baseUrl, 'POST', '/api/inventory/serials', token, { modelId: model.body['id'], count: ACTIVATIONS });
    const serials = batch.body['serials'] as string[];
    expect(serials).toHaveLength(ACTIVATIONS);

    const acknowledged: Array<{ warrantyId: string; position: number }> = [];
    const running = server;
    let next = 0;
    const worker = async () => {
      while (next < serials.length) {
        const serial = serials[next++]!;
        try {
          const res = await json(running.baseUrl, 'POST', '/api/warranty/activate', token, {
            serial,
            consumer: { name: 'Crash Consumer', phone: '+254700000001' },
          });
          if (res.status === 201) acknowledged.push({ warrantyId: res.body['warrantyId'] as string, position: res.body['position'] as number });
          if (acknowledged.length === KILL_AFTER_ACKS) running.child.kill('SIGKILL');
        } catch {
          return; // the connection died with the process
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await running.exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acknowledged.length).toBeLessThan(ACTIVATIONS);

    server = await startServerProcess(env(dataDir));
    const restarted = server;
    const highest = Math.max(...acknowledged.map((a) => a.position));
    const token2 = (await json(restarted.baseUrl, 'POST', '/api/auth/login', undefined, { email: 'admin@crash.test', password: PASSWORD })).body['accessToken'] as string;
    for (const { warrantyId } of acknowledged) {
      const res = await json(restarted.baseUrl, 'GET', `/api/warranty/${warrantyId}`, token2, undefined, { 'Opsledger-Min-Position': String(highest) });
      expect(res.status).toBe(200);
    }

    // The read model holds exactly one document per stored activation: nothing skipped, nothing doubled.
    const headPosition = headPositionIn((await json(restarted.baseUrl, 'GET', '/health/ready')).body);
    const list = await json(restarted.baseUrl, 'GET', '/api/warranty?pageSize=1', token2, undefined, { 'Opsledger-Min-Position': String(headPosition) });
    restarted.child.kill('SIGTERM');
    await restarted.exited;
    server = null;

    const config = loadConfig({ ...env(dataDir), LOG_LEVEL: 'silent', RUN_PROJECTIONS: 'false' }, () => 'unused');
    const inspector = await createOpsledger(config, createLogger(config));
    const stored = await inspector.eventStore.readAll({ filter: { eventTypes: ['WarrantyActivated'] } });
    await inspector.close();
    const storedIds = new Set(stored.map((e) => (e.data as { warrantyId: string }).warrantyId));
    for (const { warrantyId } of acknowledged) expect(storedIds.has(warrantyId)).toBe(true);
    expect(list.body['total']).toBe(stored.length);
  });
});
