import type {
  Document,
  DocumentChange,
  DocumentStore,
  FindOptions,
} from '../../src/application/shared/ports/document-store.port';
import { DomainError } from '../../src/domain/shared/domain-error';
import { UNIQUE_VIOLATION } from '../../src/infrastructure/store-kit/store-errors';

export type DocumentStoreFactory = () => Promise<{ store: DocumentStore; cleanup: () => Promise<void> }>;

interface Customer extends Document {
  readonly name: string;
  readonly age?: number | null;
  readonly active?: boolean;
  readonly email?: string;
  readonly joinedOn?: string;
  readonly address?: { readonly city: string; readonly zip?: string };
  readonly code?: string | number | boolean;
}

const put = (collection: string, document: Document): DocumentChange => ({ op: 'put', collection, document });
const remove = (collection: string, id: string): DocumentChange => ({ op: 'delete', collection, id });

const CUSTOMERS: readonly Customer[] = [
  { id: 'c1', name: 'Amina Otieno', age: 34, active: true, joinedOn: '2024-01-15', address: { city: 'Nairobi', zip: '00100' }, code: '1' },
  { id: 'c2', name: 'brian kamau', age: 27, active: false, joinedOn: '2024-03-02', address: { city: 'Mombasa' }, code: 1 },
  { id: 'c3', name: 'Chebet Ruto', age: 41, active: true, joinedOn: '2023-11-30', address: { city: 'Nairobi' }, code: true },
  { id: 'c4', name: 'Daudi Mwangi', age: null, active: true, joinedOn: '2024-03-02', address: { city: 'Kisumu' } },
  { id: 'c5', name: 'Esther Njeri', active: false, address: { city: 'Nairobi' } },
  { id: 'c6', name: 'ÉLODIE Wanjiru', age: 27, active: true, joinedOn: '2024-06-10' },
];

/** The behaviour every DocumentStore adapter must show. */
export const describeDocumentStoreContract = (name: string, factory: DocumentStoreFactory): void => {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
      await store.ensureCollection({
        name: 'customers',
        indexes: [{ fields: ['address.city', 'age'] }, { fields: ['email'], unique: true }],
      });
    });

    afterEach(async () => {
      await cleanup();
    });

    const rejectionOf = (work: Promise<unknown>): Promise<unknown> =>
      work.then(
        () => {
          throw new Error('expected a rejection');
        },
        (reason: unknown) => reason,
      );

    describe('commit, get', () => {
      it('puts, replaces and deletes documents', async () => {
        await store.commit([put('customers', { id: 'a', name: 'A' }), put('customers', { id: 'b', name: 'B' })]);
        expect(await store.get('customers', 'a')).toEqual({ id: 'a', name: 'A' });

        await store.commit([put('customers', { id: 'a', name: 'A2', nested: { x: [1, 2] } }), remove('customers', 'b')]);
        expect(await store.get('customers', 'a')).toEqual({ id: 'a', name: 'A2', nested: { x: [1, 2] } });
        expect(await store.get('customers', 'b')).toBeNull();
      });

      it('returns null for an unknown id, and deleting an unknown id is harmless', async () => {
        await store.commit([remove('customers', 'nobody')]);
        expect(await store.get('customers', 'nobody')).toBeNull();
      });

      it('applies changes in order within one commit', async () => {
        await store.commit([
          put('customers', { id: 'a', name: 'first' }),
          remove('customers', 'a'),
          put('customers', { id: 'b', name: 'first' }),
          put('customers', { id: 'b', name: 'second' }),
        ]);
        expect(await store.get('customers', 'a')).toBeNull();
        expect(await store.get('customers', 'b')).toEqual({ id: 'b', name: 'second' });
      });

      it('hands out copies, never the stored document', async () => {
        const document = { id: 'a', name: 'A', tags: ['x'] };
        await store.commit([put('customers', document)]);
        document.tags.push('changed');
        const read = await store.get<Document & { tags: string[] }>('customers', 'a');
        read?.tags.push('changed too');
        expect(await store.get('customers', 'a')).toEqual({ id: 'a', name: 'A', tags: ['x'] });
      });

      it('keeps collections apart', async () => {
        await store.ensureCollection({ name: 'suppliers', indexes: [] });
        await store.commit([put('customers', { id: 'same', name: 'customer' }), put('suppliers', { id: 'same', name: 'supplier' })]);
        expect(await store.get('customers', 'same')).toMatchObject({ name: 'customer' });
        expect(await store.get('suppliers', 'same')).toMatchObject({ name: 'supplier' });
      });

      it('is idempotent when ensuring a collection again', async () => {
        await store.commit([put('customers', { id: 'a', name: 'A', email: 'a@x.io' })]);
        await store.ensureCollection({
          name: 'customers',
          indexes: [{ fields: ['address.city', 'age'] }, { fields: ['email'], unique: true }],
        });
        expect(await store.get('customers', 'a')).toMatchObject({ email: 'a@x.io' });
      });

      it('rejects invalid collection names and field paths', async () => {
        await expect(store.get('Bad-Name', 'x')).rejects.toMatchObject({ kind: 'invalid' });
        await expect(store.ensureCollection({ name: 'x; DROP TABLE checkpoints', indexes: [] })).rejects.toMatchObject({
          kind: 'invalid',
        });
        await expect(store.find('customers', { filter: { "name') = 1 OR ('1": 'x' } })).rejects.toMatchObject({
          kind: 'invalid',
        });
        await expect(store.find('customers', { sort: [{ field: 'name desc', direction: 'asc' }] })).rejects.toMatchObject({
          kind: 'invalid',
        });
      });
    });

    describe('find', () => {
      beforeEach(async () => {
        await store.commit(CUSTOMERS.map((customer) => put('customers', customer)));
      });

      const ids = async (options: FindOptions) =>
        (await store.find<Customer>('customers', options)).items.map((customer) => customer.id);
      const matching = async (filter: FindOptions['filter']) => (await ids({ filter })).sort();

      it('returns everything, ordered by id, without options', async () => {
        const result = await store.find<Customer>('customers');
        expect(result.total).toBe(6);
        expect(result.items).toEqual(CUSTOMERS);
      });

      it('matches plain values and $eq with typed equality', async () => {
        expect(await matching({ name: 'brian kamau' })).toEqual(['c2']);
        expect(await matching({ age: 27 })).toEqual(['c2', 'c6']);
        expect(await matching({ age: { $eq: 41 } })).toEqual(['c3']);
        expect(await matching({ code: '1' })).toEqual(['c1']);
        expect(await matching({ code: 1 })).toEqual(['c2']);
        expect(await matching({ code: true })).toEqual(['c3']);
        expect(await matching({ id: 'c4' })).toEqual(['c4']);
      });

      it('matches booleans', async () => {
        expect(await matching({ active: true })).toEqual(['c1', 'c3', 'c4', 'c6']);
        expect(await matching({ active: false })).toEqual(['c2', 'c5']);
        expect(await matching({ active: { $ne: true } })).toEqual(['c2', 'c5']);
        expect(await matching({ active: { $in: [false] } })).toEqual(['c2', 'c5']);
      });

      it('treats null equality as missing or null', async () => {
        expect(await matching({ age: null })).toEqual(['c4', 'c5']);
        expect(await matching({ age: { $eq: null } })).toEqual(['c4', 'c5']);
        expect(await matching({ age: { $ne: null } })).toEqual(['c1', 'c2', 'c3', 'c6']);
        expect(await matching({ 'address.zip': null })).toEqual(['c2', 'c3', 'c4', 'c5', 'c6']);
      });

      it('matches $ne, including documents missing the field', async () => {
        expect(await matching({ age: { $ne: 27 } })).toEqual(['c1', 'c3', 'c4', 'c5']);
        expect(await matching({ 'address.city': { $ne: 'Nairobi' } })).toEqual(['c2', 'c4', 'c6']);
      });

      it('matches $in, including null', async () => {
        expect(await matching({ 'address.city': { $in: ['Mombasa', 'Kisumu'] } })).toEqual(['c2', 'c4']);
        expect(await matching({ age: { $in: [41, null] } })).toEqual(['c3', 'c4', 'c5']);
        expect(await matching({ age: { $in: [] } })).toEqual([]);
      });

      it('matches ranges on numbers, only against numbers', async () => {
        expect(await matching({ age: { $gt: 27 } })).toEqual(['c1', 'c3']);
        expect(await matching({ age: { $gte: 27 } })).toEqual(['c1', 'c2', 'c3', 'c6']);
        expect(await matching({ age: { $lt: 34 } })).toEqual(['c2', 'c6']);
        expect(await matching({ age: { $lte: 34 } })).toEqual(['c1', 'c2', 'c6']);
        expect(await matching({ age: { $gt: 26, $lt: 41 } })).toEqual(['c1', 'c2', 'c6']);
        expect(await matching({ code: { $gte: 0 } })).toEqual(['c2']);
      });

      it('matches ranges on strings, only against strings', async () => {
        expect(await matching({ joinedOn: { $gte: '2024-03-02' } })).toEqual(['c2', 'c4', 'c6']);
        expect(await matching({ joinedOn: { $lt: '2024-01-15' } })).toEqual(['c3']);
        expect(await matching({ code: { $gte: '0' } })).toEqual(['c1']);
      });

      it('matches $contains as a case-insensitive substring of strings', async () => {
        expect(await matching({ name: { $contains: 'KAMAU' } })).toEqual(['c2']);
        expect(await matching({ name: { $contains: 'AN' } })).toEqual(['c2', 'c4', 'c6']);
        expect(await matching({ name: { $contains: 'élodie' } })).toEqual(['c6']);
        expect(await matching({ code: { $contains: '1' } })).toEqual(['c1']);
        expect(await matching({ name: { $contains: '%' } })).toEqual([]);
      });

      it('reads dotted paths', async () => {
        expect(await matching({ 'address.city': 'Nairobi' })).toEqual(['c1', 'c3', 'c5']);
        expect(await matching({ 'address.city': 'Nairobi', active: true, age: { $gte: 35 } })).toEqual(['c3']);
        expect(await matching({ 'address.city.name': 'Nairobi' })).toEqual([]);
      });

      it('sorts by several fields, then by id', async () => {
        expect(await ids({ sort: [{ field: 'active', direction: 'desc' }, { field: 'age', direction: 'desc' }] })).toEqual([
          'c3',
          'c1',
          'c6',
          'c4',
          'c2',
          'c5',
        ]);
        expect(await ids({ sort: [{ field: 'age', direction: 'asc' }] })).toEqual(['c4', 'c5', 'c2', 'c6', 'c1', 'c3']);
        expect(await ids({ sort: [{ field: 'address.city', direction: 'asc' }, { field: 'name', direction: 'desc' }] })).toEqual([
          'c6',
          'c4',
          'c2',
          'c5',
          'c3',
          'c1',
        ]);
        expect(await ids({ filter: { active: true }, sort: [{ field: 'joinedOn', direction: 'desc' }] })).toEqual([
          'c6',
          'c4',
          'c1',
          'c3',
        ]);
      });

      it('pages with limit and offset and reports the total', async () => {
        const sort = [{ field: 'age', direction: 'desc' }] as const;
        const first = await store.find<Customer>('customers', { filter: { active: true }, sort, limit: 2 });
        const second = await store.find<Customer>('customers', { filter: { active: true }, sort, limit: 2, offset: 2 });
        const beyond = await store.find<Customer>('customers', { filter: { active: true }, sort, offset: 10 });
        expect(first).toEqual({ items: [expect.objectContaining({ id: 'c3' }), expect.objectContaining({ id: 'c1' })], total: 4 });
        expect(second.items.map((customer) => customer.id)).toEqual(['c6', 'c4']);
        expect(second.total).toBe(4);
        expect(beyond).toEqual({ items: [], total: 4 });
        expect(await store.find('customers', { limit: 0 })).toEqual({ items: [], total: 6 });
      });

      it('finds nothing in an empty collection', async () => {
        await store.ensureCollection({ name: 'empty_things', indexes: [] });
        expect(await store.find('empty_things', { filter: { name: 'x' } })).toEqual({ items: [], total: 0 });
      });
    });

    describe('unique indexes', () => {
      beforeEach(async () => {
        await store.commit([put('customers', { id: 'a', name: 'A', email: 'a@x.io' })], { name: 'customers-v1', position: 1 });
      });

      it('rejects a commit that breaks a unique index against a stored document, applying nothing', async () => {
        const error = await rejectionOf(
          store.commit(
            [put('customers', { id: 'b', name: 'B', email: 'b@x.io' }), put('customers', { id: 'c', name: 'C', email: 'a@x.io' })],
            { name: 'customers-v1', position: 2 },
          ),
        );
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ kind: 'conflict', code: UNIQUE_VIOLATION });
        expect(await store.get('customers', 'b')).toBeNull();
        expect(await store.get('customers', 'c')).toBeNull();
        expect(await store.getCheckpoint('customers-v1')).toBe(1);
      });

      it('rejects a commit that breaks a unique index within itself', async () => {
        await store.ensureCollection({ name: 'suppliers', indexes: [] });
        const error = await rejectionOf(
          store.commit([
            put('suppliers', { id: 's', name: 'S' }),
            put('customers', { id: 'b', name: 'B', email: 'same@x.io' }),
            put('customers', { id: 'c', name: 'C', email: 'same@x.io' }),
          ]),
        );
        expect(error).toMatchObject({ code: UNIQUE_VIOLATION });
        expect(await store.get('suppliers', 's')).toBeNull();
        expect((await store.find('customers')).total).toBe(1);
      });

      it('allows replacing a document with its own value, and moving a value once freed', async () => {
        await store.commit([put('customers', { id: 'a', name: 'A again', email: 'a@x.io' })]);
        await store.commit([put('customers', { id: 'a', name: 'A', email: 'new@x.io' }), put('customers', { id: 'b', name: 'B', email: 'a@x.io' })]);
        expect(await store.get('customers', 'b')).toMatchObject({ email: 'a@x.io' });
      });
    });

    describe('checkpoints', () => {
      it('has no checkpoint before the first commit', async () => {
        expect(await store.getCheckpoint('customers-v1')).toBeNull();
      });

      it('stores the checkpoint with the changes', async () => {
        await store.commit([put('customers', { id: 'a', name: 'A' })], { name: 'customers-v1', position: 10 });
        expect(await store.getCheckpoint('customers-v1')).toBe(10);
        await store.commit([], { name: 'customers-v1', position: 12 });
        expect(await store.getCheckpoint('customers-v1')).toBe(12);
        expect(await store.getCheckpoint('other-v1')).toBeNull();
      });

      it('ignores a commit whose checkpoint is not ahead of the stored one', async () => {
        await store.commit([put('customers', { id: 'a', name: 'A' })], { name: 'customers-v1', position: 10 });
        await store.commit([put('customers', { id: 'a', name: 'stale' }), put('customers', { id: 'b', name: 'B' })], {
          name: 'customers-v1',
          position: 10,
        });
        await store.commit([remove('customers', 'a')], { name: 'customers-v1', position: 9 });
        expect(await store.get('customers', 'a')).toEqual({ id: 'a', name: 'A' });
        expect(await store.get('customers', 'b')).toBeNull();
        expect(await store.getCheckpoint('customers-v1')).toBe(10);

        await store.commit([put('customers', { id: 'b', name: 'B' })], { name: 'customers-v1', position: 11 });
        expect(await store.get('customers', 'b')).toEqual({ id: 'b', name: 'B' });
      });

      it('applies exactly one of two parallel commits for the same checkpoint position', async () => {
        await Promise.all([
          store.commit([put('customers', { id: 'first', name: 'F' })], { name: 'customers-v1', position: 5 }),
          store.commit([put('customers', { id: 'second', name: 'S' })], { name: 'customers-v1', position: 5 }),
        ]);
        expect((await store.find('customers')).total).toBe(1);
        expect(await store.getCheckpoint('customers-v1')).toBe(5);
      });
    });

    describe('reset', () => {
      it('empties the collections and removes the checkpoint, leaving the rest alone', async () => {
        await store.ensureCollection({ name: 'suppliers', indexes: [] });
        await store.ensureCollection({ name: 'orders', indexes: [] });
        await store.commit([put('customers', { id: 'a', name: 'A' }), put('suppliers', { id: 's', name: 'S' })], {
          name: 'directory-v1',
          position: 3,
        });
        await store.commit([put('orders', { id: 'o', name: 'O' })], { name: 'orders-v1', position: 4 });

        await store.reset(['customers', 'suppliers'], 'directory-v1');

        expect(await store.find('customers')).toEqual({ items: [], total: 0 });
        expect(await store.get('suppliers', 's')).toBeNull();
        expect(await store.getCheckpoint('directory-v1')).toBeNull();
        expect(await store.get('orders', 'o')).toEqual({ id: 'o', name: 'O' });
        expect(await store.getCheckpoint('orders-v1')).toBe(4);

        await store.commit([put('customers', { id: 'a', name: 'rebuilt' })], { name: 'directory-v1', position: 1 });
        expect(await store.get('customers', 'a')).toEqual({ id: 'a', name: 'rebuilt' });
      });
    });
  });
};
