/**
 * CSV for COPY … WITH (FORMAT csv): null stays an unquoted empty field (NULL), every other value is
 * quoted. Pure, so a worker thread can build COPY input off the server thread.
 */
export function toCopyCsv(rows: readonly (readonly (string | null)[])[]): string {
  let out = '';
  for (const row of rows) out += `${toCopyCsvLine(row)}\n`;
  return out;
}

export function toCopyCsvLine(row: readonly (string | null)[]): string {
  return row.map((v) => (v === null ? '' : `"${v.replaceAll('"', '""')}"`)).join(',');
}
