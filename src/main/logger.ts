import pino, { type Logger } from 'pino';
import type { Config } from './config';

export const createLogger = (config: Pick<Config, 'LOG_LEVEL'>): Logger =>
  pino({
    level: config.LOG_LEVEL,
    base: { service: 'opsledger' },
    redact: { paths: ['*.password', '*.passwordHash', '*.accessToken', '*.refreshToken', 'req.headers.authorization'], censor: '[redacted]' },
  });
