import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { describeBaseCoverage } from './bases.service.js';
import { describeQuotaBoard } from './campaigns.service.js';

/**
 * 工伤预防宣传情况 of a jurisdiction in a year, for the yearly implementation report (JM-6): the
 * quota board's summary (key industry × area cells held, planned, none; reach) and the
 * warning-education bases' coverage — the same figures as the publicity pages. `no_data` when the
 * year has no campaign and the area no base.
 */
export async function describePublicityOfYear(db: Db, actor: Actor, scope: { code: string }, year: number) {
  const [board, coverage] = await Promise.all([
    describeQuotaBoard(db, actor, { jurisdiction: scope.code, year }),
    describeBaseCoverage(db, actor, { jurisdiction: scope.code }),
  ]);
  const { summary } = board;
  const c = coverage.summary;
  if (summary.reach.campaigns === 0 && c.bases === 0) return { status: 'no_data' as const, rows: [] };
  return {
    status: 'ok' as const,
    rows: [
      { label: '集中宣传活动（次）', value: summary.reach.campaigns },
      { label: '重点行业×地区（格）', value: summary.cells },
      { label: '其中：已开展集中宣传（格）', value: summary.held },
      { label: '其中：已计划未开展（格）', value: summary.planned },
      { label: '其中：未开展（格）', value: summary.none },
      { label: '集中宣传覆盖率（%）', value: summary.heldPct ?? '—' },
      { label: '宣传场次（场）', value: summary.reach.events },
      { label: '阅读、观看（人次）', value: summary.reach.views },
      { label: '参与（人次）', value: summary.reach.participants },
      { label: '覆盖企业（家）', value: summary.reach.enterprisesReached },
      { label: '警示教育基地（个）', value: c.bases },
      { label: '其中：省级警示教育基地（个）', value: c.provincialBases },
      { label: '已建基地的市（州）', value: `${c.prefecturesCovered}/${c.prefectures}` },
      { label: '已建基地的县（市、区）', value: `${c.countiesCovered}/${c.counties}` },
    ],
  };
}
