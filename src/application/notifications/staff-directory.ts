import { USERS, type UserView } from '../identity/users.read-model';
import type { DocumentStore } from '../shared/ports/document-store.port';

export interface StaffContact {
  readonly userId: string;
  readonly name: string;
  readonly email: string | null;
  /** E.164. */
  readonly phone: string | null;
}

/** Who to tell: the active users holding a role (admins for low stock, support agents for new tickets), from the users read model. */
export class StaffDirectory {
  constructor(private readonly documents: DocumentStore) {}

  async withRole(role: string): Promise<readonly StaffContact[]> {
    const { items } = await this.documents.find<UserView>(USERS, {
      filter: { role, status: 'active' },
      sort: [{ field: 'registeredAt', direction: 'asc' }],
    });
    return items.map((user) => ({ userId: user.id, name: user.name, email: user.email, phone: user.phone }));
  }

  async emailsOf(role: string): Promise<readonly string[]> {
    return (await this.withRole(role)).flatMap((contact) => (contact.email ? [contact.email] : []));
  }

  async phonesOf(role: string): Promise<readonly string[]> {
    return (await this.withRole(role)).flatMap((contact) => (contact.phone ? [contact.phone] : []));
  }
}
