import type { SessionEvent, SessionRevoked } from '../../domain/identity/session.decider';
import type { PasswordChangeReason, UserEvent } from '../../domain/identity/user.decider';
import { assertNever } from '../../domain/shared/decider';
import type { RecordedEvent } from '../shared/ports/event-store.port';
import type { Projection, ProjectionView } from '../shared/ports/projection.port';
import { SECURITY_EVENTS, type SecurityEventType, type SecurityEventView } from './security-events.read-model';

type Entry = Pick<SecurityEventView, 'userId' | 'type' | 'details'>;
/** Session refreshes are routine; the log keeps only how sessions begin and end. */
type LoggedEvent = UserEvent | Exclude<SessionEvent, { type: 'SessionRefreshed' }>;

const PASSWORD_TYPES: Readonly<Record<PasswordChangeReason, SecurityEventType>> = {
  changed: 'password_changed',
  reset: 'password_reset',
  set_by_admin: 'password_set_by_admin',
};

const revocationType = (reason: SessionRevoked['data']['reason']): SecurityEventType => {
  if (reason === 'logout') return 'logout';
  if (reason === 'refresh_token_reused') return 'refresh_token_reused';
  return 'session_revoked';
};

/** The log entry for an event; never the password hash. */
const entryFor = (event: LoggedEvent): Entry => {
  switch (event.type) {
    case 'UserRegistered': {
      const { userId, email, phone, role, tenantId, referredBy, registeredBy } = event.data;
      return { userId, type: 'registered', details: { email, phone, role, tenantId, referredBy: referredBy ?? null, registeredBy } };
    }
    case 'UserLoginFailed':
      return { userId: event.data.userId, type: 'login_failed', details: { reason: event.data.reason } };
    case 'SessionStarted':
      return { userId: event.data.userId, type: 'login', details: { method: event.data.method, sessionId: event.data.sessionId } };
    case 'SessionRevoked': {
      const { userId, sessionId, reason } = event.data;
      return { userId, type: revocationType(reason), details: { reason, sessionId } };
    }
    case 'UserPasswordChanged':
      return { userId: event.data.userId, type: PASSWORD_TYPES[event.data.reason], details: { reason: event.data.reason } };
    case 'UserSessionsRevoked':
      return { userId: event.data.userId, type: 'sessions_revoked', details: { reason: event.data.reason } };
    case 'UserRoleChanged': {
      const { userId, previousRole, role, previousTenantId, tenantId } = event.data;
      return { userId, type: 'role_changed', details: { previousRole, role, previousTenantId, tenantId } };
    }
    case 'UserDeactivated':
      return { userId: event.data.userId, type: 'deactivated', details: { reason: event.data.reason ?? null } };
    case 'UserReactivated':
      return { userId: event.data.userId, type: 'reactivated', details: {} };
    case 'UserProfileChanged': {
      const { changes } = event.data;
      return { userId: event.data.userId, type: 'profile_changed', details: { fields: Object.keys(changes), changes } };
    }
    default:
      return assertNever(event);
  }
};

const LOGGED_EVENT_TYPES: readonly LoggedEvent['type'][] = [
  'UserRegistered',
  'UserLoginFailed',
  'SessionStarted',
  'SessionRevoked',
  'UserPasswordChanged',
  'UserSessionsRevoked',
  'UserRoleChanged',
  'UserDeactivated',
  'UserReactivated',
  'UserProfileChanged',
];

/** Each user's security log: one document per security-relevant event, with who did it and from where. */
export const securityEventsProjection: Projection = {
  name: 'security-events-v1',
  collections: [{ name: SECURITY_EVENTS, indexes: [{ fields: ['userId', 'occurredAt'] }, { fields: ['occurredAt'] }] }],
  filter: { streamPrefixes: ['user-', 'session-'], eventTypes: LOGGED_EVENT_TYPES },
  apply: async (recorded: RecordedEvent, view: ProjectionView) => {
    const { eventId, occurredAt, actorId, actorRole, clientIp, userAgent, correlationId } = recorded.metadata;
    const entry = entryFor({ type: recorded.type, data: recorded.data } as LoggedEvent);
    const document: SecurityEventView = {
      id: eventId,
      ...entry,
      occurredAt,
      position: recorded.position,
      actorId,
      actorRole,
      clientIp,
      userAgent,
      correlationId,
    };
    view.put(SECURITY_EVENTS, document);
  },
};
