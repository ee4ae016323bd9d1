import { pagePipeline, totalShownByPage } from '../../../../src/infrastructure/mongodb/mongo-document-pipeline';

const QUERY = { active: { $eq: true } };
const ALL = { offset: 0, limit: undefined };

const rankOf = (value: string) => ({
  $switch: {
    branches: [
      { case: { $in: [{ $type: value }, ['missing', 'null']] }, then: 0 },
      { case: { $eq: [{ $type: value }, 'bool'] }, then: 1 },
      { case: { $isNumber: value }, then: 2 },
      { case: { $eq: [{ $type: value }, 'string'] }, then: 3 },
    ],
    default: 4,
  },
});

describe('Mongo document page pipeline', () => {
  it('orders by _id, on its index, when no sort is asked for, and drops _id', () => {
    expect(pagePipeline(QUERY, [], ALL)).toEqual([{ $match: QUERY }, { $sort: { _id: 1 } }, { $project: { _id: 0 } }]);
  });

  it('windows the page right after the sort', () => {
    expect(pagePipeline(QUERY, [], { offset: 20, limit: 10 })).toEqual([
      { $match: QUERY },
      { $sort: { _id: 1 } },
      { $skip: 20 },
      { $limit: 10 },
      { $project: { _id: 0 } },
    ]);
  });

  it('sorts by a type rank, then the value, per field, then by _id; desc reverses both', () => {
    expect(
      pagePipeline(QUERY, [{ field: 'active', direction: 'desc' }, { field: 'age', direction: 'asc' }], { offset: 2, limit: 2 }),
    ).toEqual([
      { $match: QUERY },
      { $project: { document: '$$ROOT', value0: '$active', value1: '$age' } },
      { $set: { rank0: rankOf('$value0'), rank1: rankOf('$value1') } },
      { $sort: { rank0: -1, value0: -1, rank1: 1, value1: 1, _id: 1 } },
      { $skip: 2 },
      { $limit: 2 },
      { $replaceWith: '$document' },
      { $project: { _id: 0 } },
    ]);
  });

  it('keeps the sort keys in the order asked for, _id last', () => {
    const [, , , sort] = pagePipeline({}, [{ field: 'b', direction: 'asc' }, { field: 'a', direction: 'desc' }], ALL);
    expect(Object.keys((sort as { $sort: object }).$sort)).toEqual(['rank0', 'value0', 'rank1', 'value1', '_id']);
  });

  it('reads no sort value below an array on a dotted path, like the reference', () => {
    const [, project] = pagePipeline({}, [{ field: 'address.geo.city', direction: 'asc' }], ALL);
    expect(project).toEqual({
      $project: {
        document: '$$ROOT',
        value0: {
          $cond: [{ $or: [{ $isArray: ['$address'] }, { $isArray: ['$address.geo'] }] }, null, '$address.geo.city'],
        },
      },
    });
  });

  it('sorts by the id on _id', () => {
    const [, project] = pagePipeline({}, [{ field: 'id', direction: 'desc' }], ALL);
    expect(project).toEqual({ $project: { document: '$$ROOT', value0: '$_id' } });
  });

  it('rejects a sort field that is not a plain path', () => {
    expect(() => pagePipeline({}, [{ field: 'name desc', direction: 'asc' }], ALL)).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'document_store.invalid_field' }),
    );
  });

  describe('the total a page proves', () => {
    it('is offset + items when the page is not full', () => {
      expect(totalShownByPage(ALL, 0)).toBe(0);
      expect(totalShownByPage(ALL, 6)).toBe(6);
      expect(totalShownByPage({ offset: 4, limit: undefined }, 2)).toBe(6);
      expect(totalShownByPage({ offset: 2, limit: 5 }, 3)).toBe(5);
      expect(totalShownByPage({ offset: 0, limit: 5 }, 0)).toBe(0);
    });

    it('is unknown for a full page, an empty page past the offset, or no page at all', () => {
      expect(totalShownByPage({ offset: 0, limit: 2 }, 2)).toBeNull();
      expect(totalShownByPage({ offset: 10, limit: undefined }, 0)).toBeNull();
      expect(totalShownByPage({ offset: 10, limit: 5 }, 0)).toBeNull();
      expect(totalShownByPage({ offset: 0, limit: 0 }, 0)).toBeNull();
    });
  });
});
