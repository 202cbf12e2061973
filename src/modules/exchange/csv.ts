/**
 * One CSV line for people's files (RFC 4180: a cell is quoted only when it holds a quote, comma or
 * line break), without the line ending. COPY input has its own form: platform/db/copy-csv.ts.
 */
export function toCsvLine(cells: readonly unknown[]): string {
  return cells
    .map((cell) => {
      const s = cell === null || cell === undefined ? '' : String(cell);
      return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    })
    .join(',');
}
