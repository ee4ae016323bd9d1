import {
  documentQuery,
  literalPattern,
  MATCH_NOTHING,
  pathPrefixes,
  storedPath,
  VALUE_TYPES,
} from '../../../../src/infrastructure/mongodb/mongo-document-query';

const NOT_ARRAY = { $not: { $type: 'array' } };
/** A condition on a top-level field's value, with the guards every value condition carries. */
const value = (condition: object, types: unknown = VALUE_TYPES) => ({ ...condition, $type: types, ...NOT_ARRAY });

describe('Mongo document query', () => {
  describe('paths', () => {
    it('stores the id as _id and leaves other paths alone', () => {
      expect(storedPath('id')).toBe('_id');
      expect(storedPath('address.id')).toBe('address.id');
      expect(storedPath('age')).toBe('age');
    });

    it('lists the proper prefixes of a dotted path', () => {
      expect(pathPrefixes('age')).toEqual([]);
      expect(pathPrefixes('a.b.c')).toEqual(['a', 'a.b']);
    });

    it('rejects paths that are not plain field names before building anything', () => {
      expect(() => documentQuery({ "name') = 1 OR ('1": 'x' })).toThrow(expect.objectContaining({ kind: 'invalid' }));
      expect(() => documentQuery({ $where: 'sleep(1000)' })).toThrow(expect.objectContaining({ code: 'document_store.invalid_field' }));
      expect(() => storedPath('a..b')).toThrow(expect.objectContaining({ kind: 'invalid' }));
    });

    it('rejects unknown operators and operands of the wrong type', () => {
      expect(() => documentQuery({ age: { $where: 1 } as never })).toThrow(
        expect.objectContaining({ code: 'document_store.invalid_operator' }),
      );
      expect(() => documentQuery({ age: { $gt: true } as never })).toThrow(
        expect.objectContaining({ code: 'document_store.invalid_operand' }),
      );
      expect(() => documentQuery({ age: { $eq: { $gt: 1 } } as never })).toThrow(
        expect.objectContaining({ code: 'document_store.invalid_operand' }),
      );
    });
  });

  describe('equality', () => {
    it('matches everything without a filter', () => {
      expect(documentQuery(undefined)).toEqual({});
      expect(documentQuery({})).toEqual({});
    });

    it('keeps the operand typed, never a string for a number, and never looks inside arrays', () => {
      expect(documentQuery({ age: 27 })).toEqual({ age: value({ $eq: 27 }) });
      expect(documentQuery({ code: '1' })).toEqual({ code: value({ $eq: '1' }) });
      expect(documentQuery({ active: { $eq: true } })).toEqual({ active: value({ $eq: true }) });
    });

    it('looks the id up on _id', () => {
      expect(documentQuery({ id: 'c4' })).toEqual({ _id: value({ $eq: 'c4' }) });
    });

    it('requires plain objects on the way along a dotted path', () => {
      expect(documentQuery({ 'address.city.name': 'Nairobi' })).toEqual({
        address: NOT_ARRAY,
        'address.city': NOT_ARRAY,
        'address.city.name': value({ $eq: 'Nairobi' }),
      });
    });

    it('treats null as missing or null, an array on the way included', () => {
      expect(documentQuery({ age: null })).toEqual({ age: { $eq: null, ...NOT_ARRAY } });
      expect(documentQuery({ 'address.zip': { $eq: null } })).toEqual({
        $or: [{ 'address.zip': { $eq: null, ...NOT_ARRAY } }, { address: { $type: 'array' } }],
      });
    });

    it('negates equality exactly for $ne, so documents missing the field match', () => {
      expect(documentQuery({ age: { $ne: 27 } })).toEqual({ $nor: [{ age: value({ $eq: 27 }) }] });
      expect(documentQuery({ age: { $ne: null } })).toEqual({ $nor: [{ age: { $eq: null, ...NOT_ARRAY } }] });
      expect(documentQuery({ 'address.city': { $ne: 'Nairobi' } })).toEqual({
        $nor: [{ address: NOT_ARRAY, 'address.city': value({ $eq: 'Nairobi' }) }],
      });
    });

    it('matches $in values with one condition, and null as missing or null', () => {
      expect(documentQuery({ 'address.city': { $in: ['Mombasa', 'Kisumu'] } })).toEqual({
        address: NOT_ARRAY,
        'address.city': value({ $in: ['Mombasa', 'Kisumu'] }),
      });
      expect(documentQuery({ age: { $in: [41, null] } })).toEqual({
        $or: [{ age: value({ $in: [41] }) }, { age: { $eq: null, ...NOT_ARRAY } }],
      });
      expect(documentQuery({ age: { $in: [null] } })).toEqual({ age: { $eq: null, ...NOT_ARRAY } });
    });

    it('matches nothing for an empty $in', () => {
      expect(documentQuery({ age: { $in: [] } })).toEqual(MATCH_NOTHING);
      expect(MATCH_NOTHING).toEqual({ _id: { $in: [] } });
    });
  });

  describe('ranges', () => {
    it('compares only within the operand type', () => {
      expect(documentQuery({ age: { $gt: 27 } })).toEqual({ age: value({ $gt: 27 }, 'number') });
      expect(documentQuery({ joinedOn: { $lte: '2024-01-15' } })).toEqual({ joinedOn: value({ $lte: '2024-01-15' }, 'string') });
    });

    it('joins several conditions on one field with $and', () => {
      expect(documentQuery({ age: { $gt: 26, $lt: 41 } })).toEqual({
        $and: [{ age: value({ $gt: 26 }, 'number') }, { age: value({ $lt: 41 }, 'number') }],
      });
    });

    it('ignores operators given as undefined', () => {
      expect(documentQuery({ age: { $gt: 26, $lt: undefined } })).toEqual({ age: value({ $gt: 26 }, 'number') });
    });
  });

  describe('$contains', () => {
    it('is a case-insensitive regex of the literal text', () => {
      expect(documentQuery({ name: { $contains: 'KAMAU' } })).toEqual({ name: value({ $regex: 'KAMAU', $options: 'i' }) });
      expect(documentQuery({ name: { $contains: 'a.b*(c)' } })).toEqual({
        name: value({ $regex: 'a\\.b\\*\\(c\\)', $options: 'i' }),
      });
    });

    it('escapes every regex metacharacter and spells out NUL', () => {
      const metacharacters = '\\^$.*+?()[]{}|';
      const pattern = literalPattern(metacharacters);
      expect(pattern).toBe('\\\\\\^\\$\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|');
      // Read as a JS regex (PCRE agrees on these escapes), the pattern matches exactly the text.
      expect(new RegExp(`^${pattern}$`).test(metacharacters)).toBe(true);
      expect(literalPattern('a\0b')).toBe('a\\x00b');
      expect(new RegExp(literalPattern('a\0b')).test('a\0b')).toBe(true);
      expect(literalPattern('100% élodie')).toBe('100% élodie');
    });
  });

  it('combines conditions on several fields, each with its guards', () => {
    expect(documentQuery({ 'address.city': 'Nairobi', active: true, age: { $gte: 35 } })).toEqual({
      $and: [
        { address: NOT_ARRAY, 'address.city': value({ $eq: 'Nairobi' }) },
        { active: value({ $eq: true }) },
        { age: value({ $gte: 35 }, 'number') },
      ],
    });
  });
});
