import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/main/config';
import { createLogger } from '../../src/main/logger';
import { createOpsledger } from '../../src/main/opsledger';

/*
 * A configured engine that does not answer stops start-up with a message naming it, credentials removed.
 * The URLs point at a local port nothing listens on (taken, then released), so the connection is refused.
 */

jest.setTimeout(30_000);

const closedPort = async (): Promise<number> => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
};

describe('start-up with production engines configured', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsledger-engines-'));
  });

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const start = (env: Record<string, string>) => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', RUN_JOBS: 'false', ...env }, () => 'x'.repeat(40));
    return createOpsledger(config, createLogger(config));
  };

  it('stops when EventStoreDB does not answer, naming the server without its password', async () => {
    const port = await closedPort();
    const error = await start({ EVENTSTORE_URL: `kurrentdb://ops:hunter2-secret@127.0.0.1:${port}?tls=false` }).then(
      () => null,
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).toMatch(new RegExp(`EventStoreDB at kurrentdb://\\*\\*\\*@127\\.0\\.0\\.1:${port}.* is not reachable`));
    expect(error?.message).not.toContain('hunter2-secret');
  });

  it('stops when MongoDB does not answer, naming the server without its password', async () => {
    const port = await closedPort();
    const error = await start({ MONGODB_URL: `mongodb://ops:hunter2-secret@127.0.0.1:${port}/?replicaSet=rs0&serverSelectionTimeoutMS=1000` }).then(
      () => null,
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).toMatch(/MongoDB/);
    expect(error?.message).toMatch(/not reachable/);
    expect(error?.message).not.toContain('hunter2-secret');
  });
});
