import type { UserEvent } from '../../domain/identity/user.decider';
import { assertNever } from '../../domain/shared/decider';
import type { RecordedEvent } from '../shared/ports/event-store.port';
import type { Projection, ProjectionView } from '../shared/ports/projection.port';
import { updateDocument } from '../shared/projections/update-document';
import { USERS, type UserView } from './users.read-model';

const update = (view: ProjectionView, userId: string, change: (user: UserView) => UserView) =>
  updateDocument<UserView>(view, USERS, userId, change);

const applyUserEvent = async (event: UserEvent, view: ProjectionView) => {
  switch (event.type) {
    case 'UserRegistered': {
      const { userId, email, phone, name, role, tenantId, referralCode, registeredAt } = event.data;
      const user: UserView = {
        id: userId,
        email: email ?? null,
        phone: phone ?? null,
        name,
        role,
        tenantId: tenantId ?? null,
        status: 'active',
        referralCode: referralCode ?? null,
        registeredAt,
      };
      view.put(USERS, user);
      return;
    }
    case 'UserProfileChanged':
      return update(view, event.data.userId, (user) => ({ ...user, ...event.data.changes }));
    case 'UserRoleChanged':
      return update(view, event.data.userId, (user) => ({ ...user, role: event.data.role, tenantId: event.data.tenantId }));
    case 'UserDeactivated':
      return update(view, event.data.userId, (user) => ({ ...user, status: 'deactivated' }));
    case 'UserReactivated':
      return update(view, event.data.userId, (user) => ({ ...user, status: 'active' }));
    case 'UserPasswordChanged':
    case 'UserLoginFailed':
    case 'UserSessionsRevoked':
      return;
    default:
      return assertNever(event);
  }
};

export const usersProjection: Projection = {
  name: 'users-v2',
  collections: [
    {
      name: USERS,
      indexes: [
        { fields: ['email'], unique: true },
        { fields: ['phone'], unique: true },
        { fields: ['role'] },
        { fields: ['status'] },
        { fields: ['tenantId'] },
      ],
    },
  ],
  filter: { streamPrefixes: ['user-'] },
  apply: (recorded: RecordedEvent, view: ProjectionView) => applyUserEvent({ type: recorded.type, data: recorded.data } as UserEvent, view),
};
