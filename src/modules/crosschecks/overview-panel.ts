import type { Db } from '../../platform/db/client.js';
import type { Language } from '../../platform/i18n/messages.js';
import { summariseOpenHits } from './crosschecks.service.js';

/**
 * Cross-checks for the overview screen (AN-7): open suspect records of the subtree, how many are
 * overdue, and the rule with the most — counts only. `no_data` when nothing is open.
 */
export async function describeCrosschecksForOverview(
  db: Db,
  scope: { code: string; path: string },
  _year: number,
  asOf: string,
  lang: Language = 'zh',
) {
  const hits = await summariseOpenHits(db, { path: scope.path }, asOf);
  if (hits.open === 0) return { status: 'no_data' as const, figures: [] };
  const zh = lang === 'zh';
  const top = [...hits.byRule].sort((a, b) => b.open - a.open)[0];
  return {
    status: 'ok' as const,
    figures: [
      { label: zh ? '待核查疑点' : 'Open suspect records', value: hits.open, unit: zh ? '条' : '' },
      {
        label: zh ? '其中逾期' : 'Of which overdue',
        value: hits.overdue,
        unit: zh ? '条' : '',
        tone: hits.overdue > 0 ? ('bad' as const) : ('good' as const),
      },
      ...(top ? [{ label: top.title, value: top.open, unit: zh ? '条' : '' }] : []),
    ],
  };
}
