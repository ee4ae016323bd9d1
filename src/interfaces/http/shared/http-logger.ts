import type { DestinationStream, Logger, LoggerOptions } from 'pino';
import pino from 'pino';

/** Defence in depth: whatever a caller logs, these never reach the log sink. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
  'authorization',
  'cookie',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'otp',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.otp',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.vendorCredentials',
  '*.sealedVendorCredentials',
  '*.apiKey',
  '*.authorization',
  '*.cookie',
];

export const createHttpLogger = (options: LoggerOptions = {}, destination?: DestinationStream): Logger => {
  const withRedaction: LoggerOptions = { level: 'info', ...options, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(withRedaction, destination) : pino(withRedaction);
};
