import { isE164Phone, isEmailAddress, isPhoneNumber, toE164Phone } from '../../../../src/domain/shared/contact';

describe('contact details', () => {
  describe('toE164Phone', () => {
    it.each([
      ['0712345678', '+254712345678'],
      ['0712 345 678', '+254712345678'],
      ['(0712) 345-678', '+254712345678'],
      ['0712.345.678', '+254712345678'],
      ['  0712345678  ', '+254712345678'],
      ['+254712345678', '+254712345678'],
      ['+254 712 345 678', '+254712345678'],
      ['00254712345678', '+254712345678'],
      ['254712345678', '+254712345678'],
      ['+14155552671', '+14155552671'],
    ])('reads %p as %p', (input, expected) => {
      expect(toE164Phone(input, '254')).toBe(expected);
    });

    it('gives a national number the default country code it is told', () => {
      expect(toE164Phone('0772123456', '256')).toBe('+256772123456');
    });

    it.each(['', 'abc', '0', '+0712345678', '0012', '+1234567', '+1234567890123456', '07123abc45', '+254-712-345-678x9'])(
      'cannot read %p as E.164',
      (input) => {
        expect(toE164Phone(input, '254')).toBeNull();
      },
    );
  });

  describe('isE164Phone', () => {
    it('accepts + and 8 to 15 digits, not starting with 0', () => {
      expect(isE164Phone('+25471234')).toBe(true);
      expect(isE164Phone('+254712345678')).toBe(true);
      expect(isE164Phone('+123456789012345')).toBe(true);
    });

    it.each(['254712345678', '+0712345678', '+2547123', '+1234567890123456', '+254 712 345 678', '0712345678'])('refuses %p', (input) => {
      expect(isE164Phone(input)).toBe(false);
    });
  });

  describe('isPhoneNumber', () => {
    it('accepts national and international forms with separators', () => {
      expect(isPhoneNumber('0712 345-678')).toBe(true);
      expect(isPhoneNumber('+254 (712) 345678')).toBe(true);
      expect(isPhoneNumber('12345')).toBe(false);
      expect(isPhoneNumber('0712abc678')).toBe(false);
    });
  });

  describe('isEmailAddress', () => {
    it('accepts addresses with a dotted domain and refuses the rest', () => {
      expect(isEmailAddress('ann@example.com')).toBe(true);
      expect(isEmailAddress('ann.njeri+tag@mail.example.co.ke')).toBe(true);
      for (const bad of ['ann', 'ann@example', 'ann @example.com', 'ann@@example.com', `${'a'.repeat(250)}@example.com`]) {
        expect(isEmailAddress(bad)).toBe(false);
      }
    });
  });
});
