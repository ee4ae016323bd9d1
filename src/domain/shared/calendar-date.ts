import { invalid } from './domain-error';

/** A day in the proleptic Gregorian calendar, written 'YYYY-MM-DD' (years 0000..9999). */
export type CalendarDate = string;

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// Timestamps must name their offset: a local time without one has no single calendar date in UTC.
const TIMESTAMP_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;
const MINUTES_PER_DAY = 24 * 60;

const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
};

const parse = (value: string): Ymd | null => {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
};

const parseOrThrow = (value: string): Ymd => {
  const parsed = parse(value);
  if (!parsed) throw invalid('calendar_date.invalid', `Not a calendar date (YYYY-MM-DD): ${value}`, { value });
  return parsed;
};

const format = ({ year, month, day }: Ymd): CalendarDate => {
  if (year < 0 || year > 9999) {
    throw invalid('calendar_date.out_of_range', `Year ${year} is outside 0000..9999`, { year });
  }
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
};

// Days since 1970-01-01 and back (H. Hinnant's civil-from-days algorithms), so no Date object is needed.
const toEpochDay = ({ year, month, day }: Ymd): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
};

const fromEpochDay = (epochDay: number): Ymd => {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

export const isCalendarDate = (value: unknown): value is CalendarDate =>
  typeof value === 'string' && parse(value) !== null;

/** Adds whole months; a day that does not exist in the target month clamps to its last day. */
export const addMonths = (date: CalendarDate, months: number): CalendarDate => {
  if (!Number.isInteger(months)) {
    throw invalid('calendar_date.invalid_months', `Months must be an integer: ${months}`, { months });
  }
  const { year, month, day } = parseOrThrow(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
};

export const addDays = (date: CalendarDate, days: number): CalendarDate => {
  if (!Number.isInteger(days)) {
    throw invalid('calendar_date.invalid_days', `Days must be an integer: ${days}`, { days });
  }
  return format(fromEpochDay(toEpochDay(parseOrThrow(date)) + days));
};

/** Splits a timestamp into its local date, minutes into that day and offset east of UTC; null if malformed. */
const parseTimestamp = (value: string): { date: Ymd; minutesIntoDay: number; offsetMinutes: number } | null => {
  const match = TIMESTAMP_PATTERN.exec(value);
  if (!match) return null;
  const [, datePart, hh, mm, ss, zulu, sign, offH, offM] = match;
  const date = parse(datePart ?? '');
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss ?? '0');
  if (!date || hours > 23 || minutes > 59 || seconds > 59) return null;
  let offsetMinutes = 0;
  if (!zulu) {
    const offsetHours = Number(offH);
    const offsetMins = Number(offM);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  return { date, minutesIntoDay: hours * 60 + minutes, offsetMinutes };
};

/** True for ISO 8601 timestamps with a 'Z' or ±HH:MM offset, e.g. 2024-05-01T09:30:00.000Z. */
export const isIsoTimestamp = (value: unknown): value is string =>
  typeof value === 'string' && parseTimestamp(value) !== null;

/** The UTC calendar date of an ISO 8601 timestamp. */
export const toCalendarDate = (isoDateTime: string): CalendarDate => {
  const parsed = parseTimestamp(isoDateTime);
  if (!parsed) {
    throw invalid('calendar_date.invalid_timestamp', `Not an ISO 8601 timestamp with an offset: ${isoDateTime}`, {
      value: isoDateTime,
    });
  }
  const dayShift = Math.floor((parsed.minutesIntoDay - parsed.offsetMinutes) / MINUTES_PER_DAY);
  return format(fromEpochDay(toEpochDay(parsed.date) + dayShift));
};

/** Orders two calendar dates: negative, zero or positive, like a sort comparator. */
export const compareDates = (a: CalendarDate, b: CalendarDate): -1 | 0 | 1 => {
  const left = toEpochDay(parseOrThrow(a));
  const right = toEpochDay(parseOrThrow(b));
  return left < right ? -1 : left > right ? 1 : 0;
};
