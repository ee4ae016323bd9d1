import { UserDecider, userStreamId } from '../../domain/identity/user.decider';
import {
  WholesalerApplicationDecider,
  wholesalerApplicationStreamId,
  type WholesalerApplicationCommand,
} from '../../domain/identity/wholesaler-application.decider';
import { conflict } from '../../domain/shared/domain-error';
import type { Actor, CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';
import { isVisibleTo } from '../shared/tenant-scope';
import { normalisePhone } from './identity-keys';
import type { UserAccounts } from './user-accounts';
import { wholesalerApplicationNotFound } from './wholesaler-application.queries';

export interface WholesalerApplicationInput {
  readonly businessName: string;
  readonly registrationNumber: string;
  readonly taxNumber?: string | undefined;
  readonly address: string;
  readonly phone: string;
  readonly notes?: string | undefined;
}

/** Roles an approval may turn into wholesaler: the applicant's own, or wholesaler already (a retried grant). */
const GRANTABLE_FROM = ['consumer', 'wholesaler'];

/**
 * Consumers apply to become wholesalers; reviewers approve or reject. Approval writes the application's stream,
 * then the applicant's role: if the second write is lost, approving again finds the application approved
 * (no new event) and completes the grant.
 */
export class WholesalerApplications {
  constructor(
    private readonly services: CommandServices,
    private readonly accounts: UserAccounts,
    private readonly defaultCountryCode: string,
  ) {}

  async apply(actor: Actor, input: WholesalerApplicationInput, context: CommandContext): Promise<Positioned & { id: string }> {
    const user = await this.accounts.existing(actor.userId);
    if (user.role !== 'consumer') {
      throw conflict('wholesaler_application.not_consumer', 'Only consumers apply to become wholesalers', { role: user.role });
    }
    const position = await this.run('submit-wholesaler-application', {
      type: 'SubmitWholesalerApplication',
      data: {
        userId: actor.userId,
        businessName: input.businessName,
        registrationNumber: input.registrationNumber,
        taxNumber: input.taxNumber ?? null,
        address: input.address,
        phone: normalisePhone(input.phone, this.defaultCountryCode),
        notes: input.notes ?? null,
        submittedAt: this.now(),
      },
    }, context);
    return { id: actor.userId, position };
  }

  async approve(actor: Actor, id: string, notes: string | null, context: CommandContext): Promise<Positioned> {
    this.assertReviewable(actor, id);
    const applicant = await this.accounts.load(id);
    if (applicant.status === 'none') throw wholesalerApplicationNotFound(id);
    if (!GRANTABLE_FROM.includes(applicant.role)) {
      const message = `The applicant now holds the ${applicant.role} role`;
      throw conflict('wholesaler_application.applicant_not_consumer', message, { role: applicant.role });
    }
    const reviewedAt = this.now();
    const approved = await this.run('approve-wholesaler-application', {
      type: 'ApproveWholesalerApplication',
      data: { userId: id, reviewerId: actor.userId, reviewedAt, notes },
    }, context);
    const granted = await this.services.executor.execute({
      operation: 'grant-wholesaler-role',
      decider: UserDecider,
      streamId: userStreamId(id),
      command: {
        type: 'ChangeUserRole',
        data: { userId: id, role: 'wholesaler', tenantId: null, changedAt: reviewedAt, changedBy: actor.userId },
      },
      context,
    });
    return { position: Math.max(approved, granted.position) };
  }

  async reject(actor: Actor, id: string, notes: string, context: CommandContext): Promise<Positioned> {
    this.assertReviewable(actor, id);
    const position = await this.run('reject-wholesaler-application', {
      type: 'RejectWholesalerApplication',
      data: { userId: id, reviewerId: actor.userId, reviewedAt: this.now(), notes },
    }, context);
    return { position };
  }

  /** Applications belong to no tenant: a reviewer inside a tenant finds none, as if they did not exist. */
  private assertReviewable(actor: Actor, id: string): void {
    if (!isVisibleTo(actor, { tenantId: null })) throw wholesalerApplicationNotFound(id);
  }

  private async run(operation: string, command: WholesalerApplicationCommand, context: CommandContext): Promise<number> {
    const streamId = wholesalerApplicationStreamId(command.data.userId);
    const result = await this.services.executor.execute({ operation, decider: WholesalerApplicationDecider, streamId, command, context });
    return result.position;
  }

  private now(): string {
    return this.services.clock.now().toISOString();
  }
}
