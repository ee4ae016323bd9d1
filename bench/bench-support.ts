import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface Measured {
  readonly label: string;
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms?: number;
  readonly p99Ms?: number;
  readonly errors?: number;
}

export const measure = async (label: string, operations: number, work: () => Promise<void> | void): Promise<Measured> => {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { label, operations, seconds, perSecond: operations / seconds };
};

export interface ChildServer {
  readonly child: ChildProcess;
  readonly port: number;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** Starts a server script on a free port (quiet logs, so logging is not what gets measured) and waits for /health. */
export const startChild = async (script: string, env: Record<string, string>): Promise<ChildServer> => {
  const port = await freePort();
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`${script} exited before it was ready`);
    if (Date.now() > deadline) throw new Error(`${script} was not ready within 30 s`);
    const ready = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    port,
    stop: () =>
      new Promise<void>((done) => {
        if (exited) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
};

export const formatRate = (m: Measured) =>
  `${m.label}: ${Math.round(m.perSecond).toLocaleString('en-US')} /s (${m.operations.toLocaleString('en-US')} in ${m.seconds.toFixed(2)} s)` +
  (m.p50Ms !== undefined ? `, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms` : '') +
  (m.errors ? `, ${m.errors} errors` : '');
