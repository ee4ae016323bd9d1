import type { CustomRoleEvent } from '../../domain/identity/custom-role.decider';
import { assertNever } from '../../domain/shared/decider';
import type { RecordedEvent } from '../shared/ports/event-store.port';
import type { Projection, ProjectionView } from '../shared/ports/projection.port';
import { updateDocument } from '../shared/projections/update-document';
import { ROLES, type RoleView } from './roles.read-model';

const update = (view: ProjectionView, name: string, change: (role: RoleView) => RoleView) =>
  updateDocument<RoleView>(view, ROLES, name, change);

const applyRoleEvent = async (event: CustomRoleEvent, view: ProjectionView) => {
  switch (event.type) {
    case 'RoleDefined': {
      const { name, description, permissions, tenantScoped, definedAt } = event.data;
      const role: RoleView = {
        id: name,
        name,
        description,
        permissions,
        tenantScoped,
        builtIn: false,
        status: 'active',
        definedAt,
        retiredAt: null,
      };
      view.put(ROLES, role);
      return;
    }
    case 'RoleChanged':
      return update(view, event.data.name, (role) => ({
        ...role,
        description: event.data.description ?? role.description,
        permissions: event.data.permissions ?? role.permissions,
      }));
    case 'RoleRetired':
      return update(view, event.data.name, (role) => ({ ...role, status: 'retired', retiredAt: event.data.retiredAt }));
    default:
      return assertNever(event);
  }
};

/** Custom roles, from their `role-<name>` streams. */
export const rolesProjection: Projection = {
  name: 'roles-v1',
  collections: [{ name: ROLES, indexes: [{ fields: ['status'] }] }],
  filter: { streamPrefixes: ['role-'] },
  apply: (recorded: RecordedEvent, view: ProjectionView) => applyRoleEvent({ type: recorded.type, data: recorded.data } as CustomRoleEvent, view),
};
