import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV writer of the platform: every CSV it serves is written here (the lint rule
 * `no-restricted-imports` keeps csv-stringify out of every other file), so that a text typed by a
 * focal point, a delegation or the Secretariat can never become a formula in the spreadsheet of the
 * analyst who opens the export (CSV injection, OWASP).
 *
 * - A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return (or the full-width
 *   ＝ ＋ － ＠ some spreadsheets also read as formulas) gets a leading apostrophe: `'=HYPERLINK(…)`.
 *   The text is otherwise unchanged, so nothing typed is lost.
 * - Every non-empty text cell is quoted, so a spreadsheet that splits on another separator (`;` in
 *   many European locales, or a tab) cannot start a new cell, and so a formula, in the middle of one.
 * - Numbers are data, not text: a cell given as a JS number is written bare, a negative one too
 *   (`-5`), because a number cannot hold a formula and a spreadsheet reads it as the number it is.
 *   A number that arrives as text ("-5" typed in an answer) is text, and is neutralised like any
 *   other text (`'-5`): only the code that knows a column is numeric may pass a number.
 * - Booleans are written `1` or empty (csv-stringify's default, kept from the first exports); null
 *   and undefined are empty.
 *
 * The file starts with a byte order mark, so that spreadsheets read it as UTF-8 (six languages).
 */
export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\ufeff';

/** The rows as the text of a CSV file (UTF-8 with a byte order mark, one line per row). */
export function csvOf(rows: readonly (readonly CsvCell[])[]): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'number' && !Number.isFinite(cell) ? String(cell) : cell)));
  return BOM + stringify(safe, { escape_formulas: true, quoted_string: true, quoted_empty: false });
}

/**
 * Sends the rows as a CSV download named `filename` (without its extension; any character but
 * letters, digits, `.`, `_` and `-` becomes `_`, so a name never breaks out of its header).
 */
export function sendCsv(reply: FastifyReply, filename: string, rows: readonly (readonly CsvCell[])[]): FastifyReply {
  reply.header('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`);
  return reply.type('text/csv; charset=utf-8').serializer(String).send(csvOf(rows));
}
