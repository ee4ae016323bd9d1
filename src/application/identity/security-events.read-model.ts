export const SECURITY_EVENTS = 'security_events';

/** The stable names clients filter a user's security log by. */
export const SECURITY_EVENT_TYPES = [
  'registered',
  'login',
  'login_failed',
  'logout',
  'refresh_token_reused',
  'session_revoked',
  'password_changed',
  'password_reset',
  'password_set_by_admin',
  'sessions_revoked',
  'role_changed',
  'deactivated',
  'reactivated',
  'profile_changed',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/** One security-relevant thing that happened to a user's account: what, when, by whom and from where. */
export interface SecurityEventView {
  /** The id of the event it records. */
  readonly id: string;
  readonly userId: string;
  readonly type: SecurityEventType;
  readonly occurredAt: string;
  /** Global position of the recorded event; orders events that share a timestamp. */
  readonly position: number;
  /** Null for anonymous requests (a login, a self-registration). */
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly clientIp: string | null;
  readonly userAgent: string | null;
  readonly correlationId: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}
