import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const SERVER_ENTRY = path.resolve(__dirname, '../../dist/src/main/server.js');

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
}

/**
 * Starts the built service (`npm run build` output) as a real process on a free port and resolves
 * once it logs that it listens. The tests' crash and takeover scenarios need a process to kill.
 */
export const startServerProcess = (env: Record<string, string>, timeoutMs = 20_000): Promise<ServerProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_ENTRY], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening: ${stderr}`));
    });
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { port?: number; msg?: string };
        if (entry.port && entry.msg?.includes('listening')) {
          clearTimeout(timer);
          resolve({ child, baseUrl: `http://127.0.0.1:${entry.port}`, exited });
        }
      } catch {
        // not a log line of ours
      }
    });
  });

/** The event store's head position as /health/ready reports it (`events` check: "...; head position N"). */
export const headPositionIn = (readyBody: unknown): number => {
  const checks = (readyBody as { checks?: Record<string, { detail?: string }> }).checks ?? {};
  const match = /head position (\d+)/.exec(checks['events']?.detail ?? '');
  if (!match) throw new Error(`no head position in /health/ready: ${JSON.stringify(readyBody)}`);
  return Number(match[1]);
};
