import { invalid, notFound } from '../../../domain/shared/domain-error';
import {
  ClaimDecider,
  claimStreamId,
  isFinalClaimStatus,
  type ClaimCommand,
  type ClaimEvent,
  type ClaimOutcome,
  type ClaimState,
  type ClaimStatus,
  type ClaimStep,
} from '../../../domain/warranty/claim.decider';
import type { UserAccounts } from '../../identity/user-accounts';
import type { CommandContext } from '../../shared/command-context';
import type { CommandResult } from '../../shared/command-executor';
import type { CommandServices, Positioned } from '../../shared/command-services';
import { loadAggregate } from '../../shared/load-aggregate';
import type { ClaimReplacementProcess } from './claim-replacement.process';
import { releaseOpenClaim } from './open-claims';

/** The roles a claim may be assigned to: the people who handle claims. */
export const CLAIM_STAFF_ROLES: readonly string[] = ['admin', 'support_agent', 'warehouse_manager'];

export interface ClaimStepInput {
  readonly claimId: string;
  readonly notes?: string | null | undefined;
}

export type ClaimChanged = Positioned & { readonly status: ClaimStatus; readonly assigneeId: string | null };

/** Moves a claim through its workflow; closing it (rejected, resolved) lets its warranty be claimed again. */
export class ClaimWorkflowHandler {
  constructor(
    private readonly services: CommandServices,
    private readonly accounts: UserAccounts,
    private readonly replacement: ClaimReplacementProcess,
  ) {}

  startReview(input: ClaimStepInput, context: CommandContext): Promise<ClaimChanged> {
    return this.run('start-claim-review', { type: 'StartClaimReview', data: this.step(input, context) }, context);
  }

  approve(input: ClaimStepInput, context: CommandContext): Promise<ClaimChanged> {
    return this.run('approve-claim', { type: 'ApproveClaim', data: this.step(input, context) }, context);
  }

  reject(input: ClaimStepInput & { readonly reason: string }, context: CommandContext): Promise<ClaimChanged> {
    return this.run('reject-claim', { type: 'RejectClaim', data: { ...this.step(input, context), reason: input.reason } }, context);
  }

  async assign(input: ClaimStepInput & { readonly assigneeId: string }, context: CommandContext): Promise<ClaimChanged> {
    const assignee = await this.accounts.load(input.assigneeId);
    if (assignee.status !== 'active' || !CLAIM_STAFF_ROLES.includes(assignee.role)) {
      throw invalid('claim.invalid_assignee', `A claim is assigned to an active ${CLAIM_STAFF_ROLES.join(', ')} user`, {
        assigneeId: input.assigneeId,
      });
    }
    return this.run('assign-claim', { type: 'AssignClaim', data: { ...this.step(input, context), assigneeId: input.assigneeId } }, context);
  }

  /** A repair closes the claim at once; a replacement runs the replacement process, which resolves it last. */
  async resolve(
    input: ClaimStepInput & { readonly outcome: ClaimOutcome; readonly replacementSerial: string | null },
    context: CommandContext,
  ): Promise<ClaimChanged> {
    const step = this.step(input, context);
    if (input.outcome === 'replaced' && input.replacementSerial !== null) {
      const { state } = await loadAggregate(this.services.eventStore, ClaimDecider, claimStreamId(input.claimId));
      if (state.status === 'none') throw notFound('claim.not_found', `Claim ${input.claimId} does not exist`, { claimId: input.claimId });
      return this.closed(await this.replacement.run(state, step, input.replacementSerial, context), context);
    }
    const { outcome, replacementSerial } = input;
    return this.run('resolve-claim', { type: 'ResolveClaim', data: { ...step, outcome, replacementSerial } }, context);
  }

  private step(input: ClaimStepInput, context: CommandContext): ClaimStep {
    const notes = input.notes?.trim() ? input.notes.trim() : null;
    return { claimId: input.claimId, by: context.actor?.userId ?? null, at: this.services.clock.now().toISOString(), notes };
  }

  private async run(operation: string, command: ClaimCommand, context: CommandContext): Promise<ClaimChanged> {
    const result = await this.services.executor.execute({
      operation,
      decider: ClaimDecider,
      streamId: claimStreamId(command.data.claimId),
      command,
      context,
    });
    return this.closed(result, context);
  }

  /** Releases the warranty's open-claim key once the claim is closed (again on a retry: releasing is idempotent). */
  private async closed(result: CommandResult<ClaimEvent, ClaimState>, context: CommandContext): Promise<ClaimChanged> {
    const { state } = result;
    if (state.status === 'none') throw new Error(`Claim stream ${result.streamId} is empty after a command`);
    if (isFinalClaimStatus(state.status)) await releaseOpenClaim(this.services.uniqueKeys, state.warrantyId, state.claimId, context);
    return { position: result.position, status: state.status, assigneeId: state.assigneeId };
  }
}
