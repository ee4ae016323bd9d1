import { ClaimUpdatesRule } from '../../../../src/application/notifications/rules/claim-updates.rule';
import { CommandExecutor } from '../../../../src/application/shared/command-executor';
import { EventMetadataFactory } from '../../../../src/application/shared/event-metadata.factory';
import type { RecordedEvent } from '../../../../src/application/shared/ports/event-store.port';
import { ClaimDecider, claimStreamId, type ClaimCommand, type ClaimFiling } from '../../../../src/domain/warranty/claim.decider';
import { InMemoryEventStore } from '../../../../src/infrastructure/memory/in-memory-event-store';
import { HandlebarsTemplateRenderer } from '../../../../src/infrastructure/notifications/handlebars-template-renderer';
import { context, fixedClock, sequentialIds } from '../fixtures';

const filing: ClaimFiling = {
  claimId: 'c-1',
  claimNumber: 'CL-7K3M-9QXT',
  warrantyId: 'w-1',
  warrantyNumber: 'WR-7K3M-9QXT',
  serial: 'LV24A000123K',
  modelId: 'm-1',
  consumer: { name: 'Ann Njeri', phone: '0712 345 678', email: 'ann@example.com' },
  consumerUserId: null,
  description: 'The battery no longer holds a charge overnight.',
  attachments: [],
  channel: 'public',
  filedBy: null,
  filedAt: '2025-03-01T08:00:00.000Z',
};
const step = { claimId: 'c-1', by: 'u-agent', at: '2025-03-02T08:00:00.000Z', notes: 'internal: photos blurry' };

describe('ClaimUpdatesRule', () => {
  let store: InMemoryEventStore;
  let rule: ClaimUpdatesRule;
  let executor: CommandExecutor;
  const run = async (command: ClaimCommand): Promise<RecordedEvent> => {
    await executor.execute({ operation: 'test', decider: ClaimDecider, streamId: claimStreamId('c-1'), command, context: context() });
    return (await store.readStream(claimStreamId('c-1'))).at(-1)!;
  };

  beforeEach(() => {
    store = new InMemoryEventStore();
    rule = new ClaimUpdatesRule(store, '254');
    executor = new CommandExecutor(store, new EventMetadataFactory(fixedClock(), sequentialIds()));
  });

  it('listens to every status change, not to assignments', () => {
    expect(rule.eventTypes).toEqual(['ClaimFiled', 'ClaimReviewStarted', 'ClaimApproved', 'ClaimRejected', 'ClaimResolved']);
  });

  it('mails and texts the consumer that the claim was filed, the phone in E.164', async () => {
    const filed = await run({ type: 'FileClaim', data: { ...filing, coverage: 'active' } });
    const data = {
      name: 'Ann Njeri',
      claimNumber: 'CL-7K3M-9QXT',
      warrantyNumber: 'WR-7K3M-9QXT',
      serial: 'LV24A000123K',
      status: 'filed',
      headline: 'We have received your warranty claim',
      detail: expect.any(String),
      reason: null,
      replacementSerial: null,
    };
    expect(await rule.plan(filed)).toEqual([
      { key: 'email:consumer', channel: 'email', to: 'ann@example.com', template: 'claim-updated', data },
      { key: 'sms:consumer', channel: 'sms', to: '+254712345678', template: 'claim-updated', data },
    ]);
  });

  it('sends a rejection with its reason, never the staff notes', async () => {
    await run({ type: 'FileClaim', data: { ...filing, coverage: 'active' } });
    await run({ type: 'StartClaimReview', data: step });
    const rejected = await run({ type: 'RejectClaim', data: { ...step, reason: 'Damage from a short circuit' } });

    const [email] = await rule.plan(rejected);
    expect(email!.data).toMatchObject({ status: 'rejected', reason: 'Damage from a short circuit', detail: null });
    expect(JSON.stringify(email!.data)).not.toContain('internal');
  });

  it('names the new serial of a replacement', async () => {
    await run({ type: 'FileClaim', data: { ...filing, coverage: 'active' } });
    await run({ type: 'StartClaimReview', data: step });
    await run({ type: 'ApproveClaim', data: step });
    const resolved = await run({ type: 'ResolveClaim', data: { ...step, outcome: 'replaced', replacementSerial: 'LV24A000124X' } });

    const planned = await rule.plan(resolved);
    expect(planned.map((p) => p.data)).toEqual([
      expect.objectContaining({ status: 'resolved', headline: 'Your battery has been replaced', replacementSerial: 'LV24A000124X' }),
      expect.objectContaining({ status: 'resolved', replacementSerial: 'LV24A000124X' }),
    ]);
  });

  it('sends only what the consumer can receive: no email without an address, no SMS without a readable phone', async () => {
    const filed = await run({ type: 'FileClaim', data: { ...filing, consumer: { name: 'Ann', phone: '123', email: null }, coverage: 'active' } });
    expect(await rule.plan(filed)).toEqual([]);
  });

  it('plans data the claim-updated templates render (strict: every field present)', async () => {
    await run({ type: 'FileClaim', data: { ...filing, coverage: 'active' } });
    await run({ type: 'StartClaimReview', data: step });
    const rejected = await run({ type: 'RejectClaim', data: { ...step, reason: 'Damage from a short circuit' } });
    const [email, sms] = await rule.plan(rejected);
    const renderer = new HandlebarsTemplateRenderer();

    const mail = await renderer.renderMail(email!.template, email!.data);
    expect(mail.subject).toBe('Claim CL-7K3M-9QXT: Your warranty claim was not approved');
    expect(mail.text).toContain('Damage from a short circuit');
    expect(mail.html).toContain('CL-7K3M-9QXT');
    await expect(renderer.renderSms(sms!.template, sms!.data)).resolves.toBe(
      'Claim CL-7K3M-9QXT (LV24A000123K): Your warranty claim was not approved. Reason: Damage from a short circuit',
    );
  });
});
