import { normaliseSerial } from '../../../domain/inventory/serial-code';
import { toCalendarDate } from '../../../domain/shared/calendar-date';
import { toE164Phone } from '../../../domain/shared/contact';
import { conflict, forbidden, isDomainError, notFound, rateLimited } from '../../../domain/shared/domain-error';
import { ClaimDecider, claimStreamId, type ClaimChannel, type ClaimFiled, type FileClaim } from '../../../domain/warranty/claim.decider';
import { CLAIM_NUMBER_ALPHABET, CLAIM_NUMBER_BODY_LENGTH, formatClaimNumber } from '../../../domain/warranty/claim-number';
import { coverageStatus, WarrantyDecider, warrantyStreamId, type WarrantyState } from '../../../domain/warranty/warranty.decider';
import { EMAIL_SCOPE, PHONE_SCOPE } from '../../identity/identity-keys';
import type { UserAccounts } from '../../identity/user-accounts';
import type { CommandContext } from '../../shared/command-context';
import type { CommandServices, Positioned } from '../../shared/command-services';
import { newCode } from '../../shared/derived-code';
import { loadAggregate } from '../../shared/load-aggregate';
import type { AttachmentStore } from '../../shared/ports/attachment-store.port';
import type { RateLimiter, RateLimitRule } from '../../shared/ports/rate-limiter.port';
import { preparePhotos, storePhotos, type ClaimUpload } from './claim-attachments';
import { OPEN_CLAIM_SCOPE, releaseOpenClaim } from './open-claims';

export const CLAIM_NUMBER_SCOPE = 'claim_number';

/** The public form is limited per client IP like logins are (AUTH_IP_LIMIT per 15 minutes): it checks a phone number. */
export const publicClaimRule = (perIpPer15Minutes: number): RateLimitRule => ({
  name: 'claim_public_ip',
  points: perIpPer15Minutes,
  durationSeconds: 15 * 60,
});
const NUMBER_ATTEMPTS = 5;

export interface FileClaimInput {
  readonly serial: string;
  /** When the client named the warranty: it must still be the serial's active warranty. */
  readonly warrantyId?: string | undefined;
  readonly description: string;
  readonly photos: readonly ClaimUpload[];
}

export interface PublicClaimInput {
  readonly serial: string;
  readonly phone: string;
  readonly description: string;
  readonly photos: readonly ClaimUpload[];
}

export type FiledClaim = Positioned & { readonly claimId: string; readonly claimNumber: string; readonly status: 'pending' };

export interface ClaimFilingDependencies {
  readonly services: CommandServices;
  readonly attachments: AttachmentStore;
  readonly accounts: UserAccounts;
  readonly limiter: RateLimiter;
  /** Attempts at the public form per client IP. */
  readonly publicRule: RateLimitRule;
  readonly defaultCountryCode: string;
}

/**
 * Files warranty claims: a signed-in consumer for their own warranty, staff for any, anyone on the public form who
 * knows the serial and the consumer's phone. The warranty's coverage is read from its stream and judged by the
 * decider; the claim number and "one open claim per warranty" are unique keys claimed first and given back if
 * the claim is refused. Photos are stored before the claim is written (see claim-attachments.ts).
 */
export class FileClaimHandler {
  constructor(private readonly deps: ClaimFilingDependencies) {}

  async file(input: FileClaimInput, context: CommandContext): Promise<FiledClaim> {
    const serial = normaliseSerial(input.serial);
    const warranty = await this.warrantyOf(serial);
    if (warranty.status === 'none') throw notFound('warranty.not_found', `Serial ${serial} has no warranty`, { serial });
    if (input.warrantyId !== undefined && warranty.warrantyId !== input.warrantyId) {
      throw conflict('claim.warranty_not_active', `Warranty ${input.warrantyId} no longer covers this serial`, { warrantyId: input.warrantyId });
    }
    const consumer = context.actor?.role === 'consumer';
    const consumerUserId = consumer ? await this.assertOwnWarranty(warranty, context) : await this.accountOf(warranty);
    return this.fileFor(warranty, { ...input, channel: consumer ? 'consumer' : 'staff', consumerUserId }, context);
  }

  /** The public form: a wrong phone, an unknown serial and a serial without warranty all answer the same 404. */
  async filePublic(input: PublicClaimInput, context: CommandContext): Promise<FiledClaim> {
    const decision = await this.deps.limiter.consume(this.deps.publicRule, context.clientIp ?? 'unknown');
    if (!decision.allowed) {
      throw rateLimited('claim.too_many_attempts', `Too many attempts; try again in ${decision.retryAfterSeconds} seconds`, decision.retryAfterSeconds);
    }
    const noMatch = () => notFound('claim.warranty_not_found', 'No warranty matches this serial number and phone number');
    const warranty = await this.warrantyOf(normaliseSerial(input.serial));
    const given = toE164Phone(input.phone, this.deps.defaultCountryCode);
    const theirs = warranty.status === 'none' || !warranty.consumer.phone ? null : toE164Phone(warranty.consumer.phone, this.deps.defaultCountryCode);
    if (warranty.status === 'none' || given === null || given !== theirs) throw noMatch();
    return this.fileFor(warranty, { ...input, channel: 'public', consumerUserId: await this.accountOf(warranty) }, context);
  }

  private async warrantyOf(serial: string): Promise<WarrantyState> {
    return (await loadAggregate(this.deps.services.eventStore, WarrantyDecider, warrantyStreamId(serial))).state;
  }

  /** A consumer claims only a warranty issued to their own email or phone; answers their user id. */
  private async assertOwnWarranty(warranty: Exclude<WarrantyState, { status: 'none' }>, context: CommandContext): Promise<string> {
    const userId = context.actor?.userId ?? '';
    const user = await this.deps.accounts.existing(userId);
    const phone = (value: string | null) => (value ? toE164Phone(value, this.deps.defaultCountryCode) : null);
    const sameEmail = user.email !== null && user.email === warranty.consumer.email?.toLowerCase();
    const samePhone = user.phone !== null && user.phone === phone(warranty.consumer.phone);
    if (!sameEmail && !samePhone) {
      throw forbidden('claim.not_your_warranty', "This warranty was issued to someone else's email or phone", { warrantyId: warranty.warrantyId });
    }
    return userId;
  }

  /** The account whose email or phone the warranty names, if the consumer has one: it may follow the claim. */
  private async accountOf(warranty: Exclude<WarrantyState, { status: 'none' }>): Promise<string | null> {
    const { email, phone } = warranty.consumer;
    const byEmail = email ? await this.deps.accounts.byKey(EMAIL_SCOPE, email.toLowerCase()) : null;
    if (byEmail) return byEmail.userId;
    const e164 = phone ? toE164Phone(phone, this.deps.defaultCountryCode) : null;
    return e164 ? ((await this.deps.accounts.byKey(PHONE_SCOPE, e164))?.userId ?? null) : null;
  }

  private async fileFor(
    warranty: Exclude<WarrantyState, { status: 'none' }>,
    input: { description: string; photos: readonly ClaimUpload[]; channel: ClaimChannel; consumerUserId: string | null },
    context: CommandContext,
  ): Promise<FiledClaim> {
    const { services, attachments } = this.deps;
    const claimId = services.metadata.entityId('file-claim', context);
    const photos = preparePhotos(input.photos, (index) => services.metadata.entityId(`claim-photo-${index}`, context));
    const command = (claimNumber: string): FileClaim => ({
      type: 'FileClaim',
      data: {
        claimId,
        claimNumber,
        warrantyId: warranty.warrantyId,
        warrantyNumber: warranty.warrantyNumber,
        serial: warranty.serial,
        modelId: warranty.modelId,
        consumer: warranty.consumer,
        consumerUserId: input.consumerUserId,
        description: input.description,
        attachments: photos.map((photo) => photo.attachment),
        channel: input.channel,
        filedBy: context.actor?.userId ?? null,
        filedAt: services.clock.now().toISOString(),
        coverage: coverageStatus(warranty, toCalendarDate(services.clock.now().toISOString())),
      },
    });
    // A dry run against a new claim: a refusal (coverage, description) costs no key and stores no photo.
    ClaimDecider.decide(command(formatClaimNumber('2'.repeat(CLAIM_NUMBER_BODY_LENGTH))), ClaimDecider.initialState);
    const claimNumber = await this.claimNumber(claimId, context);
    const held: [string, string][] = [[CLAIM_NUMBER_SCOPE, claimNumber]];
    try {
      await this.holdOpenClaim(warranty.warrantyId, claimId, context);
      held.push([OPEN_CLAIM_SCOPE, warranty.warrantyId]);
      await storePhotos(attachments, photos);
      const result = await services.executor.execute({
        operation: 'file-claim',
        decider: ClaimDecider,
        streamId: claimStreamId(claimId),
        command: command(claimNumber),
        context,
      });
      const filed = result.events.find((e): e is ClaimFiled => e.type === 'ClaimFiled');
      if (!filed) throw new Error(`Filing claim ${claimId} produced no ClaimFiled event`);
      return { claimId, claimNumber: filed.data.claimNumber, status: 'pending', position: result.position };
    } catch (error) {
      await services.uniqueKeys.giveBack(held, claimId, context);
      throw error;
    }
  }

  private async holdOpenClaim(warrantyId: string, claimId: string, context: CommandContext): Promise<void> {
    const { uniqueKeys, eventStore } = this.deps.services;
    for (let attempt = 0; ; attempt++) {
      try {
        await uniqueKeys.reserve(OPEN_CLAIM_SCOPE, warrantyId, claimId, context);
        return;
      } catch (error) {
        if (!isDomainError(error) || error.code !== `${OPEN_CLAIM_SCOPE}.already_taken`) throw error;
        const owner = await uniqueKeys.ownerOf(OPEN_CLAIM_SCOPE, warrantyId);
        const { state } = owner ? await loadAggregate(eventStore, ClaimDecider, claimStreamId(owner)) : { state: ClaimDecider.initialState };
        // A closed claim whose release was interrupted gives way; an open one (or one being filed right now) does not.
        const stale = owner !== null && (state.status === 'rejected' || state.status === 'resolved');
        if (!stale || attempt > 0) {
          throw conflict('claim.open_claim_exists', 'This warranty already has an open claim; it must be resolved or rejected first', {
            warrantyId,
          });
        }
        await releaseOpenClaim(uniqueKeys, warrantyId, owner, context);
      }
    }
  }

  /** A fresh claim number held for this claim; a number someone else holds draws another. */
  private async claimNumber(claimId: string, context: CommandContext): Promise<string> {
    const { ids, uniqueKeys } = this.deps.services;
    for (let attempt = 0; ; attempt++) {
      const body = newCode(ids, context, `claim-number\u0000${attempt}`, CLAIM_NUMBER_BODY_LENGTH, CLAIM_NUMBER_ALPHABET);
      const claimNumber = formatClaimNumber(body);
      try {
        await uniqueKeys.reserve(CLAIM_NUMBER_SCOPE, claimNumber, claimId, context);
        return claimNumber;
      } catch (error) {
        const taken = isDomainError(error) && error.code === `${CLAIM_NUMBER_SCOPE}.already_taken`;
        if (!taken || attempt + 1 >= NUMBER_ATTEMPTS) throw error;
      }
    }
  }
}
