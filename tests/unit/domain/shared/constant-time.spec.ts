import { constantTimeEquals } from '../../../../src/domain/shared/constant-time';

describe('constantTimeEquals', () => {
  it('is true for equal strings, including empty ones', () => {
    expect(constantTimeEquals('', '')).toBe(true);
    expect(constantTimeEquals('483920', '483920')).toBe(true);
    expect(constantTimeEquals('ñandú🔑', 'ñandú🔑')).toBe(true);
  });

  it('is false when any character differs', () => {
    expect(constantTimeEquals('483920', '483921')).toBe(false);
    expect(constantTimeEquals('483920', '583920')).toBe(false);
    expect(constantTimeEquals('abc', 'ABC')).toBe(false);
  });

  it('is false for different lengths, even when one is a prefix or a repetition of the other', () => {
    expect(constantTimeEquals('4839', '483920')).toBe(false);
    expect(constantTimeEquals('483920', '4839')).toBe(false);
    expect(constantTimeEquals('ab', 'abab')).toBe(false);
    expect(constantTimeEquals('', 'a')).toBe(false);
    expect(constantTimeEquals('a', '')).toBe(false);
    expect(constantTimeEquals('\u0000', '')).toBe(false);
  });
});
