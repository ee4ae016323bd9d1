import 'reflect-metadata';
import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { jwtSecretFromDataDir, secretsKeyFromDataDir } from './data-dir-secrets';
import { createLogger } from './logger';
import { createOpsledger } from './opsledger';

const main = async () => {
  const dataDir = process.env['DATA_DIR'] ?? './var/data';
  const config = loadConfig(process.env, jwtSecretFromDataDir(dataDir), secretsKeyFromDataDir(dataDir));
  const logger = createLogger(config);
  const opsledger = await createOpsledger(config, logger);
  const server: Server = opsledger.app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info({ port, dataFile: config.databaseFile }, `opsledger listening on http://${config.HOST}:${port}`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    server.closeIdleConnections();
    await opsledger.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
};

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('opsledger failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
