import { systemContext } from '../../../src/application/shared/command-context';
import type { CommandExecutor } from '../../../src/application/shared/command-executor';
import { SerialNumberDecider, serialNumberStreamId } from '../../../src/domain/inventory/serial-number.decider';
import { WarrantyDecider, warrantyStreamId } from '../../../src/domain/warranty/warranty.decider';
import { TOKENS } from '../../../src/main/tokens';
import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem } from '../identity/problem.helpers';
import { activeWarranty, approvedClaim, claimStep, getClaim } from './claims.helpers';
import { freshSerials, verify } from './warranty.helpers';

describe('warranty claims: resolving by replacement', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  const serialStatus = async (serial: string, position: number) =>
    (await app.http.get(`/api/inventory/serials/${serial}`).set(admin).set('Opsledger-Min-Position', String(position)).expect(200)).body.status as string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
  });
  afterAll(() => app.close());

  it('moves the warranty to the new serial, sells it, retires the old one and resolves the claim', async () => {
    const warranty = await activeWarranty(app);
    const { serials: [replacement] } = await freshSerials(app, 1);
    const { claimId } = await approvedClaim(app, warranty.serial);

    const resolved = await claimStep(app, app.adminToken, claimId, 'resolve', { outcome: 'replaced', replacementSerial: replacement, notes: 'Swapped at the Nairobi desk' }).expect(200);
    expect(resolved.body).toEqual({ status: 'resolved', assigneeId: null, position: expect.any(Number) });
    const at = resolved.body.position as number;

    const moved = await app.http.get(`/api/warranty/${warranty.warrantyId}`).set(admin).set('Opsledger-Min-Position', String(at)).expect(200);
    expect(moved.body).toMatchObject({ serial: replacement, previousSerials: [warranty.serial], status: 'active', warrantyNumber: warranty.warrantyNumber });
    expect((await verify(app, warranty.serial, at).expect(200)).body).toMatchObject({ status: 'transferred', replacementSerial: replacement });
    expect((await verify(app, replacement!, at).expect(200)).body).toMatchObject({
      status: 'active',
      warrantyId: warranty.warrantyId,
      warrantyNumber: warranty.warrantyNumber,
      replacementSerial: null,
    });
    expect(await serialStatus(warranty.serial, at)).toBe('replaced');
    expect(await serialStatus(replacement!, at)).toBe('sold');
    const claim = await getClaim(app, app.adminToken, claimId, at).expect(200);
    expect(claim.body).toMatchObject({ status: 'resolved', outcome: 'replaced', replacementSerial: replacement, closedAt: expect.any(String) });
    expect(claim.body.history.map((h: { status: string }) => h.status)).toEqual(['pending', 'under_review', 'approved', 'resolved']);
    expect(claim.body.history[3]).toMatchObject({ notes: 'Swapped at the Nairobi desk', by: expect.any(String) });
  });

  it('finishes a replacement an earlier attempt left half done (warranty moved in, new serial sold)', async () => {
    const warranty = await activeWarranty(app);
    const { serials: [replacement] } = await freshSerials(app, 1);
    const { claimId } = await approvedClaim(app, warranty.serial);
    const detail = (await app.http.get(`/api/warranty/${warranty.warrantyId}`).set(admin).set('Opsledger-Min-Position', String(warranty.position)).expect(200)).body;
    // Steps b and c of an attempt that then died, written straight to the streams.
    const executor = app.opsledger.container.get<CommandExecutor>(TOKENS.executor);
    const context = systemContext('half-done-replacement');
    const terms = { warrantyId: warranty.warrantyId, warrantyNumber: warranty.warrantyNumber, modelId: detail.modelId, consumer: detail.consumer, startsOn: detail.startsOn, endsOn: detail.endsOn };
    const at = new Date().toISOString();
    await executor.execute({
      operation: 'test-warranty-in', decider: WarrantyDecider, streamId: warrantyStreamId(replacement!), context,
      command: { type: 'TransferWarrantyIn', data: { ...terms, serial: replacement!, fromSerial: warranty.serial, claimId, transferredAt: at } },
    });
    await executor.execute({
      operation: 'test-sell', decider: SerialNumberDecider, streamId: serialNumberStreamId(replacement!), context,
      command: { type: 'SellSerialNumber', data: { serial: replacement!, soldAt: at, soldTo: warranty.consumer.name } },
    });

    const resolved = await claimStep(app, app.adminToken, claimId, 'resolve', { outcome: 'replaced', replacementSerial: replacement }).expect(200);
    expect(resolved.body.status).toBe('resolved');
    expect((await verify(app, warranty.serial, resolved.body.position).expect(200)).body).toMatchObject({ status: 'transferred', replacementSerial: replacement });
    expect(await serialStatus(warranty.serial, resolved.body.position)).toBe('replaced');
  });

  it('answers a repeated resolution with the same outcome without changing anything', async () => {
    const warranty = await activeWarranty(app);
    const { serials: [replacement] } = await freshSerials(app, 1);
    const { claimId } = await approvedClaim(app, warranty.serial);
    const first = await claimStep(app, app.adminToken, claimId, 'resolve', { outcome: 'replaced', replacementSerial: replacement }).expect(200);

    const again = await claimStep(app, app.adminToken, claimId, 'resolve', { outcome: 'replaced', replacementSerial: replacement }).expect(200);
    expect(again.body.status).toBe('resolved');
    const listed = await app.http.get('/api/warranty').query({ serial: replacement! }).set(admin).set('Opsledger-Min-Position', String(first.body.position)).expect(200);
    expect(listed.body.items.map((w: { id: string }) => w.id)).toEqual([warranty.warrantyId]);
  });

  it('refuses a replacement that does not exist, is already sold, or has an active warranty (409), or is the claimed serial (422)', async () => {
    const warranty = await activeWarranty(app);
    const { serials: [sold] } = await freshSerials(app, 1);
    await app.http.post(`/api/inventory/serials/${sold}/sell`).set(admin).send({ soldTo: 'Someone' }).expect(200);
    const covered = await activeWarranty(app);
    const { claimId } = await approvedClaim(app, warranty.serial);
    const resolve = (replacementSerial: string) => claimStep(app, app.adminToken, claimId, 'resolve', { outcome: 'replaced', replacementSerial });

    expectProblem(await resolve('LV99Z999999Q'), 409, 'claim.replacement_not_found');
    expectProblem(await resolve(covered.serial), 409, 'claim.replacement_has_warranty');
    expectProblem(await resolve(warranty.serial), 422, 'claim.replacement_is_same');
    expectProblem(await resolve(sold!), 409, 'claim.replacement_not_in_stock');
    const claim = await getClaim(app, app.adminToken, claimId, 0).expect(200);
    expect(claim.body.status).toBe('approved');
    expect((await verify(app, warranty.serial, 0).expect(200)).body).toMatchObject({ status: 'active' });
  });

  it('resolves a repair without touching the serials, and refuses to resolve a claim that is not approved (409)', async () => {
    const warranty = await activeWarranty(app);
    const { claimId } = await approvedClaim(app, warranty.serial);
    const repaired = await claimStep(app, app.adminToken, claimId, 'resolve', { outcome: 'repaired' }).expect(200);
    expect((await verify(app, warranty.serial, repaired.body.position).expect(200)).body).toMatchObject({ status: 'active' });

    const other = await activeWarranty(app);
    const { serials: [replacement] } = await freshSerials(app, 1);
    const pending = await app.http.post('/api/warranty/claims').set(admin).send({ serial: other.serial, description: 'It will not start the car at all.' }).expect(201);
    const refused = await claimStep(app, app.adminToken, pending.body.claimId, 'resolve', { outcome: 'replaced', replacementSerial: replacement });
    expectProblem(refused, 409, 'claim.invalid_transition');
    expect(refused.body.details).toMatchObject({ from: 'pending', to: 'resolved' });
  });
});
