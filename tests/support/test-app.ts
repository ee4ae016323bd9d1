import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Clock } from '../../src/application/shared/ports/clock.port';
import { systemContext } from '../../src/application/shared/command-context';
import { isTenantRole } from '../../src/domain/identity/roles';
import { createAdmin } from '../../src/main/cli/create-admin.command';
import { loadConfig } from '../../src/main/config';
import { createLogger } from '../../src/main/logger';
import { createOpsledger, type Opsledger } from '../../src/main/opsledger';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  readonly opsledger: Opsledger;
  readonly http: ReturnType<typeof request>;
  readonly dataDir: string;
  /** A bearer token of a freshly created admin. */
  readonly adminToken: string;
  /** Creates a user with the role (through the API, as the admin) and returns a bearer token. */
  userToken(role: string, email?: string): Promise<{ token: string; userId: string }>;
  /** A user with a tenant role in `tenantId` (a new tenant, created through the API, when none is given). */
  tenantUserToken(role: string, tenantId?: string, email?: string): Promise<{ token: string; userId: string; tenantId: string }>;
  close(): Promise<void>;
}

let counter = 0;

/** The whole service on a fresh embedded store in a temp directory, spoken to over real HTTP (supertest). */
export interface TestAppOptions {
  /** Collects every log line. */
  readonly logLines?: string[];
  /** Replaces the system clock, e.g. an AdjustableClock to reach a warranty's expiry. */
  readonly clock?: Clock;
}

export const startTestApp = async (env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsledger-test-'));
  const config = loadConfig(
    // Jobs stay off unless a spec turns them on: a started agenda keeps timers alive after stop().
    // Every request comes from 127.0.0.1, so per-IP limits stay out of the way unless a spec lowers them.
    {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      PASSWORD_HASH_COST: '10',
      JWT_SECRET: 'test-secret-'.padEnd(48, 'x'),
      RUN_JOBS: 'false',
      // Reactors stay off unless a spec turns them on (RUN_REACTORS: 'true'): they would mail every test user.
      RUN_REACTORS: 'false',
      AUTH_IP_LIMIT: '1000000',
      ...env,
    },
    () => 'unused',
  );
  const { logLines } = options;
  const opsledger = await createOpsledger(
    config,
    createLogger(config, logLines && { write: (line: string) => logLines.push(line) }),
    options.clock ? { clock: options.clock } : {},
  );
  const http = request(opsledger.app);
  const login = async (email: string) => {
    const res = await http.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    return res.body.accessToken as string;
  };
  await createAdmin(opsledger, { email: 'admin@test.example', name: 'Test Admin', password: TEST_PASSWORD }, systemContext('test-setup'));
  const adminToken = await login('admin@test.example');
  const createUser = async (role: string, email = `${role}-${++counter}@test.example`, tenantId?: string) => {
    const res = await http
      .post('/api/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ email, name: `Test ${role}`, role, password: TEST_PASSWORD, tenantId })
      .expect(201);
    return { token: await login(email), userId: res.body.id as string };
  };
  const tenantUserToken = async (role: string, tenantId?: string, email?: string) => {
    const tenant = tenantId ?? (await createTestTenant(http, adminToken)).id;
    return { ...(await createUser(role, email, tenant)), tenantId: tenant };
  };
  return {
    opsledger,
    http,
    dataDir,
    adminToken,
    userToken: (role, email) => (isTenantRole(role) ? tenantUserToken(role, undefined, email) : createUser(role, email)),
    tenantUserToken,
    close: async () => {
      await opsledger.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** A tenant (an Amsol client) with a fresh paybill number, created as the admin; returns its id and position. */
export const createTestTenant = async (http: TestApp['http'], adminToken: string, name = `Client ${++counter}`) => {
  const res = await http
    .post('/api/clients')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ name, paybillNumber: String(500000 + ++counter), billing: { email: `billing-${counter}@client.example` } })
    .expect(201);
  return { id: res.body.id as string, position: res.body.position as number };
};

/** Registers a battery model and a batch of serials as the admin; returns ids and the last position. */
export const seedModelWithSerials = async (app: TestApp, count = 3, overrides: Record<string, unknown> = {}) => {
  const auth = `Bearer ${app.adminToken}`;
  const sku = `LV-${++counter}-AH`;
  const model = await app.http
    .post('/api/inventory/models')
    .set('Authorization', auth)
    .send({ name: `Model ${sku}`, sku, capacityAh: 100, voltage: 12.8, warrantyMonths: 24, lowStockThreshold: 2, ...overrides })
    .expect(201);
  const batch = await app.http
    .post('/api/inventory/serials')
    .set('Authorization', auth)
    .send({ modelId: model.body.id, count })
    .expect(201);
  return { modelId: model.body.id as string, sku, serials: batch.body.serials as string[], position: batch.body.position as number };
};
