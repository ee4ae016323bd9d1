import type { UserRegistered } from '../../../domain/identity/user.events';
import type { RecordedEvent } from '../../shared/ports/event-store.port';
import type { NotificationRule, PlannedNotification } from '../notification-rule';

/** Welcomes every new user who has an email address, whoever registered them. */
export class WelcomeMailRule implements NotificationRule {
  readonly name = 'welcome';
  readonly eventTypes = ['UserRegistered'];

  plan(event: RecordedEvent): Promise<readonly PlannedNotification[]> {
    const { email, name } = event.data as UserRegistered['data'];
    if (!email) return Promise.resolve([]);
    return Promise.resolve([{ key: 'email:user', channel: 'email', to: email, template: 'welcome', data: { name } }]);
  }
}
