import type { CoverageStatus } from '../../domain/warranty/warranty.decider';

/** Coverage in words, for pages and certificates. */
export const COVERAGE_WORDS: Readonly<Record<CoverageStatus, string>> = {
  active: 'Active',
  expired: 'Expired',
  void: 'Void',
  transferred: 'Transferred',
  none: 'No warranty registered',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026-11-22 -> "22 November 2026": unambiguous wherever the reader lives (unlike 11/22/2026). */
export const longDate = (date: string): string => {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  const monthName = MONTHS[(month ?? 0) - 1];
  return monthName && year !== undefined && day !== undefined ? `${day} ${monthName} ${year}` : date;
};

/** The public page that verifies a serial; QR codes on labels and certificates point here. */
export const verifyUrl = (publicBaseUrl: string, serial: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(serial)}`;
