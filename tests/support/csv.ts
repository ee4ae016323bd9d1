import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';

/** A CSV download's rows (the header first), read back with an independent parser. */
export const csvRows = (res: Response): string[][] => parse(res.text, { bom: true }) as string[][];

/** Asserts the headers every CSV download carries. */
export const expectCsvDownload = (res: Response, filename: string): void => {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers['content-disposition']).toBe(`attachment; filename="${filename}"`);
};
