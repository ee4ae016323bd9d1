import { MongoNetworkError, MongoServerError, MongoServerSelectionError, MongoTopologyClosedError } from 'mongodb';
import { unavailable, type DomainError } from '../../domain/shared/domain-error';
import { uniqueViolation } from '../store-kit/store-errors';

const DUPLICATE_KEY = 11000;

/** A write (or a bulk write, whose code is its first failure's) that broke a unique index, `_id` included. */
export const isDuplicateKey = (error: unknown): boolean => error instanceof MongoServerError && error.code === DUPLICATE_KEY;

/** Our index names encode the fields (`unique:email`); the server's message names the index but also the values, which stay out. */
const brokenIndex = (error: MongoServerError): string => {
  const index = / index: (\S+)/.exec(error.message)?.[1];
  return index ? `index ${index}` : 'a unique index';
};

const mongoUnavailable = (detail: string): DomainError =>
  unavailable('store.unavailable', 'MongoDB is not reachable; retry shortly', { detail });

/** A duplicate key in a read-model collection as the port's unique violation there; other errors unchanged. */
export const asUniqueViolation = (error: unknown, collection: string): unknown =>
  isDuplicateKey(error) ? uniqueViolation(collection, brokenIndex(error as MongoServerError)) : error;

/** No server to talk to: none selectable, the connection broke, or the client is closed (or never managed to open). */
const isUnreachable = (error: unknown): error is Error =>
  error instanceof MongoNetworkError || error instanceof MongoServerSelectionError || error instanceof MongoTopologyClosedError;

/**
 * The port's errors for what MongoDB reports: a duplicate key in the named read-model collection is a unique
 * violation, connection trouble a 503-class error the edges know; anything else passes unchanged.
 */
export const translateMongoError = (error: unknown, collection?: string): unknown => {
  if (isUnreachable(error)) return mongoUnavailable(error.message);
  return collection === undefined ? error : asUniqueViolation(error, collection);
};

/** Runs `work`, translating what it throws. */
export const withMongoErrors = async <T>(work: () => Promise<T>, collection?: string): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw translateMongoError(error, collection);
  }
};
