import fs from 'node:fs';
import { NodeRunner } from '../support/run-node';
import os from 'node:os';
import path from 'node:path';
import { allProjections } from '../../src/main/projections';
import { httpJson } from '../support/http-json';
import { headPositionIn, startServerProcess, type ServerProcess } from '../support/server-process';

/*
 * The operator's commands as real processes on the built output (`npm run build` → dist/).
 */

const CLI = path.resolve(__dirname, '../../dist/src/main/cli.js');
const SERVER = path.resolve(__dirname, '../../dist/src/main/server.js');
const PASSWORD = 'correct horse battery staple';
const STDIN_PASSWORD = 'another horse battery staple';
const PROJECTION_NAMES = allProjections.map((p) => p.name);

jest.setTimeout(60_000);


const runner = new NodeRunner();


const json = httpJson;

describe('opsledger CLI', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let server: ServerProcess | null = null;
  const cli = (args: readonly string[], extra: Record<string, string> = {}, stdin?: string) => runner.run(CLI, args, { ...env, ...extra }, stdin);
  const created: Record<string, string> = {};

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsledger-cli-'));
    env = { DATA_DIR: dataDir, JWT_SECRET: 'cli-test-secret'.padEnd(48, 'x'), PASSWORD_HASH_COST: '10', LOG_LEVEL: 'silent' };
  });

  afterAll(async () => {
    if (server) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await runner.killAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe('create-admin', () => {
    it('creates an admin with the password from OPSLEDGER_ADMIN_PASSWORD and prints its id', async () => {
      const result = await cli(['create-admin', '--email', 'first.admin@cli.test', '--name', 'First Admin'], {
        OPSLEDGER_ADMIN_PASSWORD: PASSWORD,
      });

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const match = /^admin created: (\S+)$/m.exec(result.stdout);
      expect(match).not.toBeNull();
      created['first'] = match![1]!;
    });

    it('reads the password from stdin when the variable is not set', async () => {
      const result = await cli(['create-admin', '--email', 'second.admin@cli.test', '--name', 'Second Admin'], {}, `${STDIN_PASSWORD}\n`);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const match = /^admin created: (\S+)$/m.exec(result.stdout);
      expect(match).not.toBeNull();
      created['second'] = match![1]!;
      expect(created['second']).not.toBe(created['first']);
    });

    it('refuses an email that is already taken, in any letter case, with a clear message', async () => {
      for (const email of ['first.admin@cli.test', 'FIRST.Admin@cli.test']) {
        const result = await cli(['create-admin', '--email', email, '--name', 'Impostor'], { OPSLEDGER_ADMIN_PASSWORD: PASSWORD });

        expect(result.code).not.toBe(0);
        expect(result.stdout).not.toContain('admin created');
        expect(result.stderr).toMatch(/^opsledger: A user with the email .* already exists/im);
      }
    });

    it('refuses a weak password', async () => {
      const result = await cli(['create-admin', '--email', 'weak@cli.test', '--name', 'Weak'], { OPSLEDGER_ADMIN_PASSWORD: 'short' });

      expect(result.code).not.toBe(0);
      expect(result.stdout).not.toContain('admin created');
      expect(result.stderr).toMatch(/^opsledger: .*password/im);
    });

    it.each([
      [['create-admin', '--email', 'nobody@cli.test']],
      [['create-admin', '--name', 'Nobody']],
      [['create-admin']],
      [[]],
      [['projections']],
      [['projections', 'rebuild']],
      [['frobnicate']],
    ])('prints the usage and exits 2 for %p', async (args) => {
      const result = await cli(args, { OPSLEDGER_ADMIN_PASSWORD: PASSWORD });

      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage:');
      expect(result.stderr).toContain('create-admin --email <email> --name <name>');
      expect(result.stdout).toBe('');
    });

    it('refuses an unknown option with a message naming it', async () => {
      const result = await cli(['create-admin', '--email', 'x@cli.test', '--name', 'X', '--role', 'admin'], { OPSLEDGER_ADMIN_PASSWORD: PASSWORD });

      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('--role');
      expect(result.stdout).not.toContain('admin created');
    });
  });

  describe('projections', () => {
    const listed = (stdout: string) =>
      Object.fromEntries(
        stdout
          .trim()
          .split('\n')
          .map((line) => /^(\S+)\tposition (\d+) of (\d+)$/.exec(line))
          .map((m) => {
            expect(m).not.toBeNull();
            return [m![1]!, { position: Number(m![2]), head: Number(m![3]) }];
          }),
      ) as Record<string, { position: number; head: number }>;

    it('lists every projection with its position (nothing projected yet: the CLI does not run projections)', async () => {
      const result = await cli(['projections', 'list']);

      expect(result.code).toBe(0);
      const projections = listed(result.stdout);
      expect(Object.keys(projections).sort()).toEqual([...PROJECTION_NAMES].sort());
      for (const name of PROJECTION_NAMES) {
        expect(projections[name]!.position).toBe(0);
        expect(projections[name]!.head).toBeGreaterThan(0);
      }
    });

    it('refuses to rebuild a projection that does not exist', async () => {
      const result = await cli(['projections', 'rebuild', 'no-such-projection']);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('No projection named no-such-projection');
    });

    it('serves the CLI-created admins once the server starts on the same data directory, then lists caught-up positions', async () => {
      server = await startServerProcess({ ...env, LOG_LEVEL: 'info' });
      const running = server;

      const first = await json(running.baseUrl, 'POST', '/api/auth/login', { body: { email: 'first.admin@cli.test', password: PASSWORD } });
      expect(first.status).toBe(200);
      const token = first.body['accessToken'] as string;
      expect(typeof token).toBe('string');
      const me = await json(running.baseUrl, 'GET', '/api/auth/me', { token });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: created['first'], email: 'first.admin@cli.test', name: 'First Admin', role: 'admin' });

      const second = await json(running.baseUrl, 'POST', '/api/auth/login', { body: { email: 'second.admin@cli.test', password: STDIN_PASSWORD } });
      expect(second.status).toBe(200);
      const wrong = await json(running.baseUrl, 'POST', '/api/auth/login', { body: { email: 'second.admin@cli.test', password: PASSWORD } });
      expect(wrong.status).toBe(401);

      // The server's projections pick up what the CLI wrote.
      const ready = await json(running.baseUrl, 'GET', '/health/ready');
      const head = headPositionIn(ready.body);
      const users = await json(running.baseUrl, 'GET', '/api/users?pageSize=50', { token, headers: { 'Opsledger-Min-Position': String(head) } });
      expect(users.status).toBe(200);
      const emails = (users.body['items'] as Array<{ email: string }>).map((u) => u.email).sort();
      expect(emails).toEqual(['first.admin@cli.test', 'second.admin@cli.test']);

      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
      server = null;

      const result = await cli(['projections', 'list']);
      expect(result.code).toBe(0);
      const projections = listed(result.stdout);
      for (const name of PROJECTION_NAMES) expect(projections[name]).toEqual({ position: head, head });
    });
  });

  describe('configuration errors', () => {
    it('makes the server exit 1 with a message naming PORT for PORT=abc', async () => {
      const result = await runner.run(SERVER, [], { ...env, PORT: 'abc', LOG_LEVEL: 'info' });

      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/PORT/);
      expect(result.stderr).toMatch(/Invalid configuration/);
      expect(result.stdout).not.toMatch(/listening/);
    });

    it('makes the CLI exit 1 with a message naming the variable', async () => {
      const result = await cli(['projections', 'list'], { LOG_LEVEL: 'loud' });

      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/LOG_LEVEL/);
      expect(result.stdout).toBe('');
    });

    it('refuses to start the server in production without JWT_SECRET', async () => {
      const { JWT_SECRET: _omitted, ...withoutSecret } = env;

      const result = await runner.run(SERVER, [], { ...withoutSecret, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1' });

      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/JWT_SECRET/);
    });
  });
});
