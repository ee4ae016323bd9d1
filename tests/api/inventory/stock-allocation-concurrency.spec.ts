import { seedModelWithSerials, startTestApp, type TestApp } from '../../support/test-app';
import { getModel } from './inventory.helpers';
import { allocateStock, headPosition, readAt, serialDoc, serialEvents, type AllocationRecord } from './stock.helpers';

type Racer = { token: string; userId: string };
type Outcome = { status: number; body: { allocationId?: string; serials?: string[]; code?: string } };

const ROUNDS = 5;

/**
 * Two allocations racing for the same serials. Each serial moves on its own stream, so the store itself decides who
 * gets it; these checks read every serial's stream from the event store, and the read models afterwards.
 */
describe('stock allocation under concurrency: a serial is never allocated twice', () => {
  let app: TestApp;
  let racers: Racer[];
  let round = 0;

  beforeAll(async () => {
    app = await startTestApp();
    racers = [await app.userToken('wholesaler'), await app.userToken('wholesaler')];
  });
  afterAll(() => app.close());

  /**
   * A serial's stream alternates Allocated / Released (never a second allocation before a release), every release
   * names the allocation it undoes, and no failed allocation still holds the serial. Answers who holds it now.
   */
  const holderFromStream = async (serial: string, failedIds: readonly string[]): Promise<string | null> => {
    const events = (await serialEvents(app, serial)).filter((e) => e.type !== 'SerialNumberRegistered');
    let holder: string | null = null;
    for (const event of events) {
      if (event.type === 'SerialNumberAllocated') {
        expect({ serial, heldBy: holder }).toEqual({ serial, heldBy: null });
        holder = event.data.allocationId as string;
      } else {
        expect({ serial, type: event.type, undoes: event.data.allocationId }).toEqual({ serial, type: 'SerialNumberReleased', undoes: holder });
        holder = null;
      }
    }
    expect(failedIds).not.toContain(holder);
    return holder;
  };

  /**
   * Fires both allocations at once and checks everything that must hold whoever wins: no serial held twice, the
   * stream and the read model agree, a failed allocation keeps nothing, the model's allocated count is what is held.
   */
  const race = async (stockSize: number, bodyOf: (modelId: string, serials: string[]) => object) => {
    const notes = `race ${++round}`;
    const { modelId, serials, position: seeded } = await seedModelWithSerials(app, stockSize);
    // Quantity allocations pick from the read model: let it list the new serials first.
    await getModel(app, modelId, seeded);

    const outcomes = (await Promise.all(
      racers.map((r) => allocateStock(app, { wholesalerId: r.userId, notes, ...bodyOf(modelId, serials) })),
    )) as unknown as Outcome[];

    const position = await headPosition(app);
    const records: AllocationRecord[] = [];
    for (const { userId } of racers) {
      const res = await readAt(app, `/api/inventory/allocations?wholesalerId=${userId}&pageSize=100`, position).expect(200);
      records.push(...(res.body.items as AllocationRecord[]).filter((r) => r.notes === notes));
    }
    expect(records.map((r) => r.status).sort()).toEqual(
      outcomes.map((o) => (o.status === 201 ? 'completed' : 'failed')).sort(),
    );
    for (const outcome of outcomes) expect([201, 409]).toContain(outcome.status);
    const failedIds = records.filter((r) => r.status === 'failed').map((r) => r.id);
    const holders = await Promise.all(serials.map((s) => holderFromStream(s, failedIds)));
    const winners = records.filter((r) => r.status === 'completed');
    for (const winner of winners) {
      expect(winner.serials).toHaveLength(winner.quantity);
      expect(holders.filter((h) => h === winner.id)).toHaveLength(winner.quantity);
      for (const serial of winner.serials) {
        expect(await serialDoc(app, serial, position)).toMatchObject({ status: 'allocated', allocatedTo: winner.wholesalerId, allocationId: winner.id });
      }
    }
    const held = holders.filter((h) => h !== null).length;
    expect(held).toBe(winners.reduce((sum, w) => sum + w.quantity, 0));
    expect((await getModel(app, modelId, position)).stock).toMatchObject({ allocated: held, available: stockSize - held });
    return { winners: winners.length, statuses: outcomes.map((o) => o.status) };
  };

  const named = (_modelId: string, serials: string[]) => ({ serials });
  const quantity = (n: number) => (modelId: string) => ({ modelId, quantity: n });

  it(`two allocations of the same 20 named serials never share one, and a loser keeps none (${ROUNDS} rounds)`, async () => {
    for (let i = 0; i < ROUNDS; i++) expect((await race(20, named)).winners).toBeLessThanOrEqual(1);
  });

  it(`two quantity allocations racing for scarce stock (7 + 7 of 10) never share a serial (${ROUNDS} rounds)`, async () => {
    for (let i = 0; i < ROUNDS; i++) expect((await race(10, quantity(7))).winners).toBeLessThanOrEqual(1);
  });

  it(`two quantity allocations that both fit (5 + 5 of 12) both complete with different serials (${ROUNDS} rounds)`, async () => {
    for (let i = 0; i < ROUNDS; i++) expect(await race(12, quantity(5))).toEqual({ winners: 2, statuses: [201, 201] });
  });

  it(`exactly one of two allocations of the same named serials wins (${ROUNDS} rounds)`, async () => {
    for (let i = 0; i < ROUNDS; i++) expect(await race(20, named)).toEqual({ winners: 1, statuses: expect.arrayContaining([201, 409]) });
  });

  // Passes today (the second racer finds the first one's serials taken before it takes any); kept so a change to
  // how stock is walked cannot turn scarce stock into two failures.
  it(`exactly one of two quantity allocations racing for scarce stock wins (${ROUNDS} rounds)`, async () => {
    for (let i = 0; i < ROUNDS; i++) expect(await race(10, quantity(7))).toEqual({ winners: 1, statuses: expect.arrayContaining([201, 409]) });
  });
});
