import type { DestinationStream, Logger } from 'pino';
import { createHttpLogger } from '../interfaces/http/shared';
import type { Config } from './config';

/** The service's logger: JSON lines, with tokens, passwords and credentials redacted whatever a caller logs. */
export const createLogger = (config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream): Logger =>
  createHttpLogger({ level: config.LOG_LEVEL, base: { service: 'opsledger' } }, destination);
