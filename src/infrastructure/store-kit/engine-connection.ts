/*
 * What every production engine's connection code shares: how it reports its state, how it fails start-up, and how
 * it keeps credentials out of what it says.
 */

export interface EngineHealth {
  readonly engine: 'sqlite' | 'eventstoredb' | 'mongodb';
  readonly ok: boolean;
  readonly detail?: string;
}

/** A configured engine that cannot serve: start-up stops with this message, which names the server. */
export class EngineStartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineStartupError';
  }
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const decodedOrSame = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * The secrets of a connection string (its user info, and the password within), raw and decoded, so messages can be
 * scrubbed of them even when the string does not parse. Everything between the scheme and the last `@` counts as
 * user info, which errs towards hiding. Longest first, so no secret is half-replaced by a shorter one.
 */
export const secretsIn = (url: string): string[] => {
  const userInfo = /^[a-z+]+:\/\/(.*)@/i.exec(url)?.[1] ?? '';
  const password = userInfo.includes(':') ? userInfo.slice(userInfo.indexOf(':') + 1) : '';
  const raw = [userInfo, password];
  return [...new Set([...raw, ...raw.map(decodedOrSame)])]
    .filter((secret) => secret.length > 0)
    .sort((left, right) => right.length - left.length);
};

/** `text` with every secret of `url` replaced by `***` (the URL itself included, when it appears). */
export const withoutCredentials = (text: string, url: string): string =>
  secretsIn(url).reduce((scrubbed, secret) => scrubbed.split(secret).join('***'), text);
