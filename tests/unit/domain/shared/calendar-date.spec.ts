import {
  addDays,
  addMonths,
  compareDates,
  isCalendarDate,
  isIsoTimestamp,
  toCalendarDate,
} from '../../../../src/domain/shared/calendar-date';
import { isDomainError } from '../../../../src/domain/shared/domain-error';

const codeOf = (action: () => unknown): string | undefined => {
  try {
    action();
  } catch (error) {
    return isDomainError(error) ? error.code : 'not a DomainError';
  }
  return undefined;
};

describe('calendar dates', () => {
  it.each(['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2023-04-30'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-1-01', '24-01-01', '', 42, null])(
    'rejects %p',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-15', 12, '2025-01-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-05-10', 0, '2024-05-10'],
    ['2024-05-10', 240, '2044-05-10'],
    ['2025-01-01', -13, '2023-12-01'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses fractional months, malformed dates and years beyond 9999', () => {
    expect(codeOf(() => addMonths('2024-01-01', 1.5))).toBe('calendar_date.invalid_months');
    expect(codeOf(() => addMonths('2024-02-30', 1))).toBe('calendar_date.invalid');
    expect(codeOf(() => addMonths('9999-12-01', 1))).toBe('calendar_date.out_of_range');
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-01-01', -1, '2023-12-31'],
    ['1970-01-01', 365, '1971-01-01'],
    ['2000-01-01', 366, '2001-01-01'],
    ['2024-03-01', -366, '2023-03-01'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('agrees with the JavaScript Date oracle on every day of four centuries around 1970', () => {
    const mismatches: string[] = [];
    for (let day = -80_000; day <= 80_000; day += 1) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (addDays('1970-01-01', day) !== expected) mismatches.push(expected);
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees with the JavaScript Date oracle on the UTC date of timestamps with offsets', () => {
    const mismatches: string[] = [];
    for (let minute = 0; minute < 3 * 24 * 60; minute += 7) {
      for (const offset of ['Z', '+14:00', '+05:45', '+01:00', '-03:30', '-12:00']) {
        const local = new Date(Date.UTC(2024, 1, 28) + minute * 60_000).toISOString().slice(0, 16);
        const timestamp = `${local}:00${offset}`;
        const expected = new Date(timestamp).toISOString().slice(0, 10);
        if (toCalendarDate(timestamp) !== expected) mismatches.push(timestamp);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['2024-05-01T09:30:00.000Z', '2024-05-01'],
    ['2024-05-01T23:59:59Z', '2024-05-01'],
    ['2024-05-01T00:00Z', '2024-05-01'],
    ['2024-05-01T01:00:00+03:00', '2024-04-30'],
    ['2024-12-31T22:00:00-03:00', '2025-01-01'],
    ['2024-02-28T23:30:00-01:00', '2024-02-29'],
    ['2024-03-01T00:15:00.123456+0100', '2024-02-29'],
    ['2024-05-01t10:00:00z', '2024-05-01'],
  ])('the UTC date of %s is %s', (timestamp, expected) => {
    expect(isIsoTimestamp(timestamp)).toBe(true);
    expect(toCalendarDate(timestamp)).toBe(expected);
  });

  it.each(['2024-05-01', '2024-05-01T10:00:00', '2024-05-01T24:00:00Z', '2024-02-30T10:00:00Z', '2024-05-01T10:60Z', 'soon'])(
    'refuses %s as a timestamp',
    (value) => {
      expect(isIsoTimestamp(value)).toBe(false);
      expect(codeOf(() => toCalendarDate(value))).toBe('calendar_date.invalid_timestamp');
    },
  );

  it('compares dates like a sort comparator', () => {
    expect(compareDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compareDates('2024-01-02', '2024-01-02')).toBe(0);
    expect(compareDates('2025-01-01', '2024-12-31')).toBe(1);
    expect(['2024-03-01', '2023-12-31', '2024-02-29'].sort(compareDates)).toEqual([
      '2023-12-31',
      '2024-02-29',
      '2024-03-01',
    ]);
    expect(codeOf(() => compareDates('2024-01-01', 'tomorrow'))).toBe('calendar_date.invalid');
  });
});
