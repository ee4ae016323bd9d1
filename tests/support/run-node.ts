import { type ChildProcess, spawn } from 'node:child_process';

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Variables a test sets (or deliberately leaves out); the runner's own values must never stand in. */
const CONTROLLED = ['OPSLEDGER_ADMIN_PASSWORD', 'JWT_SECRET', 'PORT', 'DATA_DIR', 'TRUST_PROXY', 'NODE_ENV'];

/** Runs node scripts to completion and can kill any still running (call `killAll` in afterAll). */
export class NodeRunner {
  private readonly children = new Set<ChildProcess>();

  /** Runs `node <script> ...args`; `stdin` is written then closed (closed at once if absent). */
  run(script: string, args: readonly string[], env: Record<string, string>, stdin?: string): Promise<Finished> {
    return new Promise((resolve, reject) => {
      const inherited = { ...process.env };
      for (const name of CONTROLLED) delete inherited[name];
      const child = spawn(process.execPath, [script, ...args], { env: { ...inherited, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
      this.children.add(child);
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', reject);
      child.once('close', (code) => {
        this.children.delete(child);
        resolve({ code, stdout, stderr });
      });
      child.stdin!.end(stdin);
    });
  }

  async killAll(): Promise<void> {
    await Promise.all(
      [...this.children].map((child) => {
        const closed = new Promise((done) => child.once('close', done));
        child.kill('SIGKILL');
        return closed;
      }),
    );
  }
}
