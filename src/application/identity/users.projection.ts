import type { UserEvent } from '../../domain/identity/user.decider';
import { assertNever } from '../../domain/shared/decider';
import type { RecordedEvent } from '../shared/ports/event-store.port';
import type { Projection, ProjectionView } from '../shared/ports/projection.port';
import { USERS, type UserView } from './users.read-model';

const applyUserEvent = async (event: UserEvent, view: ProjectionView) => {
  switch (event.type) {
    case 'UserRegistered': {
      const { userId, email, name, role, registeredAt } = event.data;
      view.put(USERS, { id: userId, email, name, role, status: 'active', registeredAt } satisfies UserView);
      return;
    }
    case 'UserRoleChanged': {
      const user = await view.get<UserView>(USERS, event.data.userId);
      if (user) view.put(USERS, { ...user, role: event.data.role });
      return;
    }
    case 'UserDeactivated': {
      const user = await view.get<UserView>(USERS, event.data.userId);
      if (user) view.put(USERS, { ...user, status: 'deactivated' });
      return;
    }
    default:
      return assertNever(event);
  }
};

export const usersProjection: Projection = {
  name: 'users-v1',
  collections: [{ name: USERS, indexes: [{ fields: ['email'], unique: true }, { fields: ['role'] }, { fields: ['status'] }] }],
  filter: { streamPrefixes: ['user-'] },
  apply: (recorded: RecordedEvent, view: ProjectionView) => applyUserEvent({ type: recorded.type, data: recorded.data } as UserEvent, view),
};
