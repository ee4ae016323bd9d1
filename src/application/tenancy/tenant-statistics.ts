import { TENANT_ROLES } from '../../domain/identity/roles';
import { USERS, type UserView } from '../identity/users.read-model';
import type { Actor } from '../shared/command-context';
import type { DocumentStore } from '../shared/ports/document-store.port';
import type { TenantQueries } from './tenant.queries';

export interface TenantStats {
  readonly tenantId: string;
  readonly users: {
    readonly total: number;
    /** Every tenant role (zero when unused), plus any custom role the tenant's users hold. */
    readonly byRole: Readonly<Record<string, number>>;
    readonly byStatus: Readonly<Record<UserView['status'], number>>;
  };
}

const BATCH = 500;

/** Counts over a tenant's read models. Users only for now; meters and customers arrive with vending. */
export class TenantStatistics {
  constructor(
    private readonly documents: DocumentStore,
    private readonly tenants: TenantQueries,
  ) {}

  async of(actor: Actor | null, tenantId: string): Promise<TenantStats> {
    await this.tenants.get(actor, tenantId);
    const byRole: Record<string, number> = Object.fromEntries(TENANT_ROLES.map((role) => [role, 0]));
    const byStatus = { active: 0, deactivated: 0 };
    // Paged through rather than counted per role, so custom roles are counted without listing them first.
    for (let offset = 0; ; offset += BATCH) {
      const page = await this.documents.find<UserView>(USERS, { filter: { tenantId }, limit: BATCH, offset });
      for (const user of page.items) {
        byRole[user.role] = (byRole[user.role] ?? 0) + 1;
        byStatus[user.status] += 1;
      }
      if (page.items.length < BATCH) break;
    }
    return { tenantId, users: { total: byStatus.active + byStatus.deactivated, byRole, byStatus } };
  }
}
