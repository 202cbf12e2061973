import { stringify } from 'csv-stringify/sync';

/** Numbers stay numbers (so a negative amount is not taken for a formula); everything else is text. */
const cellOf = (value: unknown): string | number | bigint =>
  typeof value === 'number' || typeof value === 'bigint'
    ? value
    : value === null || value === undefined
      ? ''
      : String(value);

/**
 * One CSV line for people's files (the rejected rows, templates), without the line ending, through
 * csv-stringify: a cell is quoted when it holds a quote, comma or line break, and a text cell that
 * a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return, or
 * their full-width forms) is prefixed with ' as OWASP advises. A number typed as a number (a line
 * number, an amount) is written as it is, a negative one too: only text can carry a formula.
 */
export function toCsvLine(cells: readonly unknown[]): string {
  return stringify([cells.map(cellOf)], { eof: false, escape_formulas: true });
}

/**
 * One CSV line handed to the importer itself (JSON rows, generated data sets): written verbatim,
 * since neutralising a formula there would change the value imported. COPY input has its own
 * form: platform/db/copy-csv.ts.
 */
export function toImportCsvLine(cells: readonly unknown[]): string {
  return stringify([cells.map(cellOf)], { eof: false });
}
