import { indexDescriptions, readModelCollection } from '../../../../src/infrastructure/mongodb/mongo-collection-indexes';
import { VALUE_TYPES } from '../../../../src/infrastructure/mongodb/mongo-document-query';

describe('Mongo collection indexes', () => {
  it('prefixes read-model collections and checks their names', () => {
    expect(readModelCollection('customers')).toBe('rm_customers');
    expect(() => readModelCollection('Bad-Name')).toThrow(expect.objectContaining({ code: 'document_store.invalid_collection' }));
  });

  it('describes plain and compound indexes, named by uniqueness and fields', () => {
    expect(indexDescriptions({ name: 'customers', indexes: [{ fields: ['address.city', 'age'] }] })).toEqual([
      { key: { 'address.city': 1, age: 1 }, name: 'index:address.city,age' },
    ]);
  });

  it('keeps the declared field order in a compound key', () => {
    const [description] = indexDescriptions({ name: 'orders', indexes: [{ fields: ['status', 'placedAt', 'customer'] }] });
    expect(Object.keys(description?.key ?? {})).toEqual(['status', 'placedAt', 'customer']);
  });

  it('lets documents without a value (missing or null) coexist under a unique index', () => {
    expect(indexDescriptions({ name: 'customers', indexes: [{ fields: ['email'], unique: true }] })).toEqual([
      { key: { email: 1 }, name: 'unique:email', unique: true, partialFilterExpression: { email: { $type: VALUE_TYPES } } },
    ]);
    expect(VALUE_TYPES).not.toContain('null');
  });

  it('requires a value in every field of a compound unique index', () => {
    const [description] = indexDescriptions({ name: 'stock', indexes: [{ fields: ['sku', 'site.id'], unique: true }] });
    expect(description?.partialFilterExpression).toEqual({ sku: { $type: VALUE_TYPES }, 'site.id': { $type: VALUE_TYPES } });
  });

  it('maps id to _id, and leaves an index on the id alone to the _id index', () => {
    expect(
      indexDescriptions({ name: 'serials', indexes: [{ fields: ['id'], unique: true }, { fields: ['id'] }, { fields: ['batch', 'id'] }] }),
    ).toEqual([{ key: { batch: 1, _id: 1 }, name: 'index:batch,id' }]);
  });

  it('rejects an index without fields, an invalid field path, and an invalid collection name', () => {
    expect(() => indexDescriptions({ name: 'customers', indexes: [{ fields: [] }] })).toThrow(
      expect.objectContaining({ code: 'document_store.invalid_index' }),
    );
    expect(() => indexDescriptions({ name: 'customers', indexes: [{ fields: ['email; drop'] }] })).toThrow(
      expect.objectContaining({ code: 'document_store.invalid_field' }),
    );
    expect(() => indexDescriptions({ name: 'x; DROP TABLE checkpoints', indexes: [] })).toThrow(
      expect.objectContaining({ code: 'document_store.invalid_collection' }),
    );
  });
});
