/** Display helpers of the rate pages (no server code). */

/** A rate held in 0.0001 % (19500 = 1.95 %) as a percentage. */
export function formatRate(micro: number | null | undefined): string {
  if (micro === null || micro === undefined) return '—';
  return `${Number((micro / 10000).toFixed(4))}%`;
}

/** Fen as yuan with thousands separators. */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export const STATUS_COLOR: Record<string, string> = {
  rated: 'blue',
  not_floating: 'default',
  short_insurance: 'gold',
  missing_premiums: 'red',
  missing_headcount: 'red',
  unclassified: 'red',
  draft: 'default',
  reviewed: 'gold',
  adopted: 'green',
  superseded: 'default',
  submitted: 'orange',
  upheld: 'green',
  dismissed: 'default',
};
