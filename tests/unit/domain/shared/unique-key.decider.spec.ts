import {
  UniqueKeyDecider,
  uniqueKeyStreamId,
  type ReleaseUniqueKey,
  type ReserveUniqueKey,
  type UniqueKeyEvent,
} from '../../../../src/domain/shared/unique-key.decider';
import { given } from '../decider-spec';

const reserve = (ownerId: string, reservedAt = '2024-05-01T10:00:00.000Z'): ReserveUniqueKey => ({
  type: 'ReserveUniqueKey',
  data: { scope: 'email', key: 'ann@example.com', ownerId, reservedAt },
});
const release = (ownerId: string, releasedAt = '2024-05-02T10:00:00.000Z'): ReleaseUniqueKey => ({
  type: 'ReleaseUniqueKey',
  data: { scope: 'email', key: 'ann@example.com', ownerId, releasedAt },
});
const reserved = (ownerId: string, reservedAt = '2024-05-01T10:00:00.000Z'): UniqueKeyEvent => ({
  type: 'UniqueKeyReserved',
  data: { scope: 'email', key: 'ann@example.com', ownerId, reservedAt },
});
const released = (ownerId: string, releasedAt = '2024-05-02T10:00:00.000Z'): UniqueKeyEvent => ({
  type: 'UniqueKeyReleased',
  data: { scope: 'email', key: 'ann@example.com', ownerId, releasedAt },
});

describe('unique key', () => {
  it('names its stream <scope>-<key>', () => {
    expect(uniqueKeyStreamId('sku', 'LV-100AH')).toBe('sku-LV-100AH');
  });

  describe('ReserveUniqueKey', () => {
    it('reserves a free key', () => {
      given(UniqueKeyDecider).when(reserve('user-1')).then([reserved('user-1')]);
    });

    it('is idempotent for the owner', () => {
      given(UniqueKeyDecider, [reserved('user-1')]).when(reserve('user-1', '2024-06-01T00:00:00Z')).then([]);
    });

    it('refuses another owner with <scope>.already_taken', () => {
      given(UniqueKeyDecider, [reserved('user-1')])
        .when(reserve('user-2'))
        .thenThrows('email.already_taken', { kind: 'conflict', details: { key: 'ann@example.com' } });
    });

    it('reserves a released key again, for anyone', () => {
      given(UniqueKeyDecider, [reserved('user-1'), released('user-1')])
        .when(reserve('user-2', '2024-05-03T00:00:00Z'))
        .then([reserved('user-2', '2024-05-03T00:00:00Z')]);
    });

    it.each(['', 'Email', 'e-mail', 'sku.model', '1sku'])('refuses the scope %p', (scope) => {
      given(UniqueKeyDecider)
        .when({ type: 'ReserveUniqueKey', data: { scope, key: 'k', ownerId: 'o', reservedAt: 't' } })
        .thenThrows('unique_key.invalid_scope', { kind: 'invalid' });
    });

    it.each(['', 'x'.repeat(321)])('refuses a key of length %#', (key) => {
      given(UniqueKeyDecider)
        .when({ type: 'ReserveUniqueKey', data: { scope: 'sku', key, ownerId: 'o', reservedAt: 't' } })
        .thenThrows('unique_key.invalid_key', { kind: 'invalid' });
    });
  });

  describe('ReleaseUniqueKey', () => {
    it('releases a key its owner holds', () => {
      given(UniqueKeyDecider, [reserved('user-1')]).when(release('user-1')).then([released('user-1')]);
    });

    it('refuses a release by someone who does not hold the key', () => {
      given(UniqueKeyDecider, [reserved('user-1')])
        .when(release('user-2'))
        .thenThrows('email.not_owner', { kind: 'conflict', details: { key: 'ann@example.com' } });
    });

    it('is a no-op for a key never reserved or already released', () => {
      given(UniqueKeyDecider).when(release('user-1')).then([]);
      given(UniqueKeyDecider, [reserved('user-1'), released('user-1')]).when(release('user-1')).then([]);
    });
  });

  describe('evolve', () => {
    it('starts with no reservation', () => {
      given(UniqueKeyDecider).thenState({ status: 'none' });
    });

    it('holds the owner after UniqueKeyReserved', () => {
      given(UniqueKeyDecider, [reserved('user-1')]).thenState({
        status: 'reserved',
        ownerId: 'user-1',
        reservedAt: '2024-05-01T10:00:00.000Z',
      });
    });

    it('is released after UniqueKeyReleased', () => {
      given(UniqueKeyDecider, [reserved('user-1'), released('user-1')]).thenState({
        status: 'released',
        ownerId: 'user-1',
        releasedAt: '2024-05-02T10:00:00.000Z',
      });
    });
  });
});
