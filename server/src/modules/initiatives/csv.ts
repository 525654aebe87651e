import { stringify } from 'csv-stringify/sync';

/**
 * The one place this module writes CSV (UTF-8 with a byte-order mark, for spreadsheets). Kept to one
 * function so the platform's shared CSV writer (which neutralises cells starting with = + - @) can
 * replace it in one line.
 */
export const toCsv = (rows: readonly (readonly (string | number | boolean)[])[]): string => '\ufeff' + stringify(rows as (string | number | boolean)[][]);
