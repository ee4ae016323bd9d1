import { MongoBulkWriteError, MongoNetworkError, MongoServerError, MongoTopologyClosedError, type BulkWriteResult } from 'mongodb';
import { DomainError } from '../../../../src/domain/shared/domain-error';
import {
  isDuplicateKey,
  translateMongoError,
  withMongoErrors,
} from '../../../../src/infrastructure/mongodb/mongo-errors';
import { UNIQUE_VIOLATION } from '../../../../src/infrastructure/store-kit/store-errors';

const DUPLICATE_MESSAGE =
  'E11000 duplicate key error collection: opsledger.rm_customers index: unique:email dup key: { email: "a@x.io" }';

const duplicateKey = () => new MongoServerError({ message: DUPLICATE_MESSAGE, code: 11000 });
const duplicateInBulk = () =>
  new MongoBulkWriteError({ message: DUPLICATE_MESSAGE, code: 11000, writeErrors: [] }, {} as BulkWriteResult);

describe('Mongo error translation', () => {
  it('recognises duplicate keys from single and bulk writes only', () => {
    expect(isDuplicateKey(duplicateKey())).toBe(true);
    expect(isDuplicateKey(duplicateInBulk())).toBe(true);
    expect(isDuplicateKey(new MongoServerError({ message: 'WriteConflict', code: 112 }))).toBe(false);
    expect(isDuplicateKey({ code: 11000 })).toBe(false);
  });

  it('turns a duplicate key in a read-model collection into a unique violation naming the index, not the values', () => {
    for (const error of [duplicateKey(), duplicateInBulk()]) {
      const translated = translateMongoError(error, 'customers');
      expect(translated).toBeInstanceOf(DomainError);
      expect(translated).toMatchObject({
        kind: 'conflict',
        code: UNIQUE_VIOLATION,
        details: { collection: 'customers', detail: 'index unique:email' },
      });
      expect(JSON.stringify(translated)).not.toContain('a@x.io');
    }
  });

  it('names no index when the message does not', () => {
    const error = new MongoServerError({ message: 'E11000 duplicate key error', code: 11000 });
    expect(translateMongoError(error, 'customers')).toMatchObject({ details: { detail: 'a unique index' } });
  });

  it('leaves a duplicate key alone when no read-model collection is named', () => {
    const error = duplicateKey();
    expect(translateMongoError(error)).toBe(error);
  });

  it('turns connection trouble into an unavailable error', () => {
    expect(translateMongoError(new MongoNetworkError('connection 4 to 10.0.0.7:27017 closed'))).toMatchObject({
      kind: 'unavailable',
      code: 'store.unavailable',
      details: { detail: 'connection 4 to 10.0.0.7:27017 closed' },
    });
    expect(translateMongoError(new MongoTopologyClosedError(), 'customers')).toMatchObject({ code: 'store.unavailable' });
  });

  it('passes other errors through unchanged', () => {
    const conflict = new MongoServerError({ message: 'WriteConflict', code: 112, errorLabels: ['TransientTransactionError'] });
    const plain = new Error('boom');
    expect(translateMongoError(conflict, 'customers')).toBe(conflict);
    expect(translateMongoError(plain, 'customers')).toBe(plain);
  });

  it('translates what a piece of work throws, and returns what it answers', async () => {
    await expect(withMongoErrors(async () => 42)).resolves.toBe(42);
    await expect(
      withMongoErrors(async () => {
        throw duplicateKey();
      }, 'customers'),
    ).rejects.toMatchObject({ code: UNIQUE_VIOLATION });
  });
});
