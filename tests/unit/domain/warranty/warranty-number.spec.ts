import {
  formatWarrantyNumber,
  isWarrantyNumber,
  normaliseWarrantyNumber,
  WARRANTY_NUMBER_ALPHABET,
  WARRANTY_NUMBER_BODY_LENGTH,
} from '../../../../src/domain/warranty/warranty-number';

describe('warranty numbers', () => {
  it('use 30 characters without look-alikes', () => {
    expect(WARRANTY_NUMBER_ALPHABET).toHaveLength(30);
    expect(new Set(WARRANTY_NUMBER_ALPHABET).size).toBe(30);
    for (const lookAlike of ['0', '1', 'O', 'I', 'L', 'U']) expect(WARRANTY_NUMBER_ALPHABET).not.toContain(lookAlike);
    expect(WARRANTY_NUMBER_BODY_LENGTH).toBe(8);
  });

  it('format eight characters as WR-XXXX-XXXX', () => {
    expect(formatWarrantyNumber('7K3M9QXT')).toBe('WR-7K3M-9QXT');
    expect(isWarrantyNumber(formatWarrantyNumber('7K3M9QXT'))).toBe(true);
  });

  it('accept every character of the alphabet in every position', () => {
    for (const character of WARRANTY_NUMBER_ALPHABET) {
      expect(isWarrantyNumber(formatWarrantyNumber(character.repeat(WARRANTY_NUMBER_BODY_LENGTH)))).toBe(true);
    }
  });

  it.each([
    '',
    'WR-7K3M9QXT',
    'WR7K3M9QXT',
    'WR-7K3M-9QX',
    'WR-7K3M-9QXTA',
    'WR-7K3-M9QXT',
    'XX-7K3M-9QXT',
    'wr-7k3m-9qxt',
    ' WR-7K3M-9QXT',
    'WR-7K3M-9QXT\n',
    'WR-0K3M-9QXT',
    'WR-7K3M-9QX1',
    'WR-OK3M-9QXT',
    'WR-7K3M-9QXI',
    'WR-7K3M-9QXL',
    'WR-7K3M-9QXU',
  ])('refuse %p', (value) => {
    expect(isWarrantyNumber(value)).toBe(false);
  });

  it('normalise what people type', () => {
    expect(normaliseWarrantyNumber(' wr-7k3m-9qxt ')).toBe('WR-7K3M-9QXT');
    expect(isWarrantyNumber(normaliseWarrantyNumber('\twr-7k3m-9qxt\n'))).toBe(true);
    expect(normaliseWarrantyNumber('WR-7K3M-9QXT')).toBe('WR-7K3M-9QXT');
  });
});
