import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { systemContext } from '../src/application/shared/command-context';
import type { EventReactor } from '../src/application/shared/reactors/event-reactor';
import { createAdmin } from '../src/main/cli/create-admin.command';
import { loadConfig } from '../src/main/config';
import { createLogger } from '../src/main/logger';
import { createOpsledger, type Opsledger } from '../src/main/opsledger';
import { TOKENS } from '../src/main/tokens';
import type { HttpDependencies } from '../src/interfaces/http/http-dependencies';
import { startChild, type Measured } from './bench-support';

const CONNECTIONS = 50;
const PASSWORD = 'correct horse battery staple';
const consumer = { name: 'Jane Wanjiru', phone: '+254712345678', email: 'jane@example.com' };

const load = async (label: string, port: number, seconds: number, body: () => string, headers: Record<string, string> = {}): Promise<Measured> => {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/warranty/activate',
        headers: { 'content-type': 'application/json', ...headers },
        setupRequest: (request) => ({ ...request, body: body() }),
      },
    ],
  });
  const ok = result['2xx'];
  return {
    label,
    operations: ok,
    seconds: result.duration,
    perSecond: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
};

/** Waits until every projection and reactor of `service` has handled every stored event. */
const caughtUp = async (service: Opsledger): Promise<void> => {
  const head = await service.eventStore.headPosition();
  await service.runner.waitFor(head, 120_000);
  for (const token of [TOKENS.notificationReactor, TOKENS.lowStockMonitor]) {
    await service.container.get<EventReactor>(token).waitFor(head, 120_000);
  }
};

/** A server under test, and the requests that load it. */
export interface LoadTarget {
  readonly label: string;
  readonly port: number;
  readonly body: () => string;
  readonly headers: Record<string, string>;
  stop(): Promise<void>;
}

export const runLoad = (target: LoadTarget, seconds: number): Promise<Measured> =>
  load(target.label, target.port, seconds, target.body, target.headers);

/** (c) a plain express 5 handler, in a child process. */
export const startPlainExpress = async (): Promise<LoadTarget> => {
  const server = await startChild(path.join(__dirname, 'plain-express-server.js'), {});
  let i = 0;
  return {
    label: '(c) plain express 5 handler',
    port: server.port,
    body: () => JSON.stringify({ serial: `LV100A${String(i++).padStart(8, '0')}K`, consumer }),
    headers: {},
    stop: () => server.stop(),
  };
};

/**
 * (d) the whole service in a child process, as `npm start` runs it (projections and reactors on), with an admin,
 * a model and `serialCount` serials to activate; every activation names a serial not activated before.
 */
export const startFullStack = async (serialCount: number): Promise<LoadTarget> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsledger-bench-http-'));
  const env = { DATA_DIR: dataDir, JWT_SECRET: 'bench-secret'.padEnd(48, 'x'), PASSWORD_HASH_COST: '12' };
  // Projections and reactors run during seeding and catch up before it ends, so (d) measures activations alone,
  // not the server also catching up on the seeding's serials.
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent', RUN_JOBS: 'false' }, () => 'unused');
  const seeding = await createOpsledger(config, createLogger(config));
  const context = systemContext('bench-setup');
  await createAdmin(seeding, { email: 'bench@opsledger.test', name: 'Bench Admin', password: PASSWORD }, context);
  const deps = seeding.container.get<HttpDependencies>(TOKENS.httpDependencies);
  const { modelId } = await deps.registerBatteryModel.execute(
    { name: 'Bench 100Ah', sku: 'BENCH-100', capacityAh: 100, voltage: 12.8, warrantyMonths: 24, lowStockThreshold: 1 },
    context,
  );
  const serials: string[] = [];
  while (serials.length < serialCount) {
    serials.push(...(await deps.generateSerialBatch.execute({ modelId, count: 1_000 }, context)).serials);
  }
  await caughtUp(seeding);
  await seeding.close();

  const server = await startChild(path.join(__dirname, '../src/main/server.js'), env);
  const login = await fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@opsledger.test', password: PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  let i = 0;
  return {
    label: '(d) warranty activations, full HTTP stack',
    port: server.port,
    // Past the last serial, activations repeat and fail with 409: they show as errors, never as throughput.
    body: () => JSON.stringify({ serial: serials[i++ % serials.length], consumer }),
    headers: { authorization: `Bearer ${accessToken}` },
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
