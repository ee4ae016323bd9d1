import type { EventReactor } from '../../../src/application/shared/reactors/event-reactor';
import type { Opsledger } from '../../../src/main/opsledger';
import type { ScheduledWork } from '../../../src/main/jobs';
import { TOKENS } from '../../../src/main/tokens';
import { reactorOf } from '../notifications/notifications.helpers';

export const scheduledWork = (opsledger: Opsledger): ScheduledWork => opsledger.container.get<ScheduledWork>(TOKENS.scheduledWork);

/**
 * Waits until both reactors and every projection have handled everything stored, again until nothing new appears:
 * the low-stock monitor's alerts are themselves notified.
 */
export const settledAll = async (opsledger: Opsledger): Promise<number> => {
  const monitor = opsledger.container.get<EventReactor>(TOKENS.lowStockMonitor);
  for (;;) {
    const head = await opsledger.eventStore.headPosition();
    await monitor.waitFor(head);
    await reactorOf(opsledger).waitFor(head);
    await opsledger.runner.waitFor(head);
    if ((await opsledger.eventStore.headPosition()) === head) return head;
  }
};
