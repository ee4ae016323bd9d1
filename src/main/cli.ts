import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { systemContext } from '../application/shared/command-context';
import { ConfigError, loadConfig } from './config';
import { createAdmin } from './cli/create-admin.command';
import { listProjections, rebuildProjections } from './cli/projections.command';
import { jwtSecretFromDataDir, secretsKeyFromDataDir } from './data-dir-secrets';
import { createLogger } from './logger';
import { createOpsledger } from './opsledger';

const USAGE = `Usage:
  opsledger create-admin --email <email> --name <name>   (password from OPSLEDGER_ADMIN_PASSWORD or stdin)
  opsledger projections list
  opsledger projections rebuild <name|all>                (stop the service first)`;

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
};

const main = async (argv: string[]): Promise<number> => {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' } },
  });
  const [command, sub, target] = positionals;
  const dataDir = process.env['DATA_DIR'] ?? './var/data';
  const config = loadConfig(
    { ...process.env, RUN_PROJECTIONS: 'false', RUN_JOBS: 'false' },
    jwtSecretFromDataDir(dataDir),
    secretsKeyFromDataDir(dataDir),
  );
  const opsledger = await createOpsledger(config, createLogger({ LOG_LEVEL: 'warn' }));
  try {
    if (command === 'create-admin' && values.email && values.name) {
      const password = process.env['OPSLEDGER_ADMIN_PASSWORD'] ?? (await readStdin());
      const userId = await createAdmin(opsledger, { email: values.email, name: values.name, password }, systemContext(`cli-${Date.now()}`));
      console.log(`admin created: ${userId}`);
      return 0;
    }
    if (command === 'projections' && sub === 'list') {
      await listProjections(opsledger);
      return 0;
    }
    if (command === 'projections' && sub === 'rebuild' && target) {
      await rebuildProjections(opsledger, target);
      return 0;
    }
    console.error(USAGE);
    return 2;
  } finally {
    await opsledger.close();
  }
};

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    console.error(`opsledger: ${message}`);
    process.exit(1);
  });
