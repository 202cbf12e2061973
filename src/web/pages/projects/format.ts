/** Money is integer fen on the wire; the UI shows yuan with two decimals and takes yuan in forms. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Yuan typed in a form → integer fen. */
export function toFen(yuanValue: number): number {
  return Math.round(yuanValue * 100);
}

export const STATUS_COLORS: Record<string, string> = {
  declared: 'default',
  reviewing: 'processing',
  reviewed: 'cyan',
  approved: 'blue',
  rejected: 'red',
  listed: 'geekblue',
  contracted: 'purple',
  in_progress: 'processing',
  failed: 'red',
  rectifying: 'orange',
  accepted: 'green',
  deducted: 'volcano',
  settled: 'green',
  disclosed: 'success',
};
