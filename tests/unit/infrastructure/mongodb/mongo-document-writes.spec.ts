import { asJson, writeRuns } from '../../../../src/infrastructure/mongodb/mongo-document-writes';

describe('Mongo document writes', () => {
  it('groups consecutive changes to one collection into ordered runs, keeping the commit order', () => {
    const runs = writeRuns([
      { op: 'put', collection: 'customers', document: { id: 'a', name: 'A' } },
      { op: 'delete', collection: 'customers', id: 'b' },
      { op: 'put', collection: 'suppliers', document: { id: 's', name: 'S' } },
      { op: 'put', collection: 'customers', document: { id: 'c', name: 'C' } },
    ]);
    expect(runs).toEqual([
      {
        collection: 'customers',
        operations: [
          { replaceOne: { filter: { _id: 'a' }, replacement: { id: 'a', name: 'A' }, upsert: true } },
          { deleteOne: { filter: { _id: 'b' } } },
        ],
      },
      { collection: 'suppliers', operations: [{ replaceOne: { filter: { _id: 's' }, replacement: { id: 's', name: 'S' }, upsert: true } }] },
      { collection: 'customers', operations: [{ replaceOne: { filter: { _id: 'c' }, replacement: { id: 'c', name: 'C' }, upsert: true } }] },
    ]);
  });

  it('has nothing to write for no changes', () => {
    expect(writeRuns([])).toEqual([]);
  });

  it('stores the document as JSON keeps it, sharing nothing with the caller', () => {
    const document = { id: 'a', tags: ['x'], at: new Date('2025-01-02T03:04:05.000Z'), gone: undefined, nested: { n: 1 } };
    const stored = asJson(document);
    expect(stored).toEqual({ id: 'a', tags: ['x'], at: '2025-01-02T03:04:05.000Z', nested: { n: 1 } });
    expect(stored).not.toHaveProperty('gone');
    document.tags.push('changed');
    document.nested.n = 2;
    expect(stored).toEqual({ id: 'a', tags: ['x'], at: '2025-01-02T03:04:05.000Z', nested: { n: 1 } });
  });

  it('rejects a commit naming an invalid collection before building any write', () => {
    expect(() =>
      writeRuns([
        { op: 'put', collection: 'customers', document: { id: 'a' } },
        { op: 'delete', collection: 'Bad-Name', id: 'a' },
      ]),
    ).toThrow(expect.objectContaining({ kind: 'invalid', code: 'document_store.invalid_collection' }));
  });
});
