import { startTestApp, type TestApp } from '../../support/test-app';
import { expectProblem } from '../identity/problem.helpers';
import { activate, freshSerials, listWarranties, uniqueConsumer, verify } from './warranty.helpers';

const PARALLEL = 50;

describe('concurrent activations of one serial', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it(`lets exactly one of ${PARALLEL} parallel activations win; the rest get 409 and the read model shows one warranty`, async () => {
    const { serials: [serial] } = await freshSerials(app, 1);
    const consumers = Array.from({ length: PARALLEL }, () => uniqueConsumer());

    const responses = await Promise.all(consumers.map((consumer) => activate(app, serial!, consumer)));

    const winners = responses.filter((r) => r.status === 201);
    const losers = responses.filter((r) => r.status !== 201);
    expect(responses.map((r) => r.status).sort()).toEqual([201, ...Array<number>(PARALLEL - 1).fill(409)]);
    for (const loser of losers) {
      expectProblem(loser, 409);
      expect(loser.body.code).toEqual(expect.any(String));
    }
    const winner = winners[0]!;
    const winningConsumer = consumers.find((c) => c.email === winner.body.consumer.email);
    expect(winner.body.consumer).toEqual(winningConsumer);

    const listed = await listWarranties(app, { serial: serial! }, winner.body.position);
    expect(listed.body.total).toBe(1);
    expect(listed.body.items[0]).toMatchObject({ id: winner.body.warrantyId, status: 'active', consumer: winningConsumer });
    const verified = await verify(app, serial!, winner.body.position).expect(200);
    expect(verified.body).toMatchObject({ status: 'active', warrantyId: winner.body.warrantyId });
  });

  it('keeps one warranty per serial when many serials are activated in parallel, twice each', async () => {
    const { serials, modelId } = await freshSerials(app, 10);

    const responses = await Promise.all(serials.flatMap((serial) => [activate(app, serial), activate(app, serial)]));

    expect(responses.filter((r) => r.status === 201)).toHaveLength(10);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(10);
    const position = Math.max(...responses.filter((r) => r.status === 201).map((r) => r.body.position as number));
    const listed = await listWarranties(app, { modelId, pageSize: 50 }, position);
    expect(listed.body.total).toBe(10);
    expect(new Set(listed.body.items.map((w: { serial: string }) => w.serial))).toEqual(new Set(serials));
  });
});
