import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { latestFundAccount } from '../facts/facts.service.js';
import { attachAgendaPaper, getMeeting } from '../joint-meeting/meetings.service.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { computeRatings, type EmployerRating } from './rating.service.js';
import { premiumFen, type RuleDefinition } from './rule-sets.logic.js';
import { findGoverningRuleSet, loadRuleSet } from './rule-sets.service.js';

const MOVERS = 20;

/** Prefecture code of a jurisdiction path (100000/350000/350100/… → 350100), or the path's last code. */
const prefectureOf = (path: string) => path.split('/')[2] ?? path.split('/').at(-1) ?? '';

function side(
  ratings: readonly EmployerRating[],
  ruleSet: { id: number; name: string } | null,
  benefitExpenditureFen: number | null,
) {
  const byTier: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  const incomeByClass: Record<string, number> = {};
  const incomeByPrefecture: Record<string, number> = {};
  let incomeFen = 0;
  for (const r of ratings) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    if (r.multiplierPct === null || r.rateMicro === null) continue;
    byTier[String(r.multiplierPct)] = (byTier[String(r.multiplierPct)] ?? 0) + 1;
    if (r.wageBillFen === null) continue;
    const fen = premiumFen(r.wageBillFen, r.rateMicro);
    incomeFen += fen;
    const cls = String(r.riskClass);
    incomeByClass[cls] = (incomeByClass[cls] ?? 0) + fen;
    const pref = prefectureOf(r.jurisdictionPath);
    incomeByPrefecture[pref] = (incomeByPrefecture[pref] ?? 0) + fen;
  }
  return {
    ruleSetId: ruleSet?.id ?? null,
    name: ruleSet?.name ?? null,
    byTier,
    byStatus,
    incomeFen,
    incomeByClass,
    incomeByPrefecture,
    balanceRatio: benefitExpenditureFen ? incomeFen / benefitExpenditureFen : null,
  };
}

/**
 * Applies a (draft) rule set to the current data of an area, side by side with the adopted set
 * that governs it (FR-2): employers per tier, premium income (wage bill × rate) in total, by class
 * and by prefecture, the employers whose premium moves most, and the fund's balance ratio (income ÷
 * the latest year's benefit expenditure of the area's fund account). Reads only.
 */
export async function simulateRuleSet(
  db: Db,
  actor: Actor,
  id: number,
  query: { jurisdiction?: string; rateYear: number },
) {
  const rs = await loadRuleSet(db, actor, id);
  const area = await getJurisdictionInScope(db, actor, query.jurisdiction ?? rs.jurisdictionCode);
  const governing = await findGoverningRuleSet(db, area.path);
  const run = (definition: RuleDefinition) =>
    computeRatings(db, { path: area.path, definition, rateYear: query.rateYear });
  const draft = await run(rs.definition);
  const adopted = governing ? await run(governing.rs.definition) : null;
  const fund = await latestFundAccount(db, area.path);
  const benefit = fund?.benefitExpenditureFen ?? null;
  const adoptedById = new Map((adopted?.ratings ?? []).map((r) => [r.employerId, r]));
  const movers = draft.ratings
    .map((d) => {
      const a = adoptedById.get(d.employerId);
      const fen = (r: EmployerRating | undefined) =>
        r && r.rateMicro !== null && r.wageBillFen !== null ? premiumFen(r.wageBillFen, r.rateMicro) : 0;
      return {
        employerId: d.employerId,
        employerName: d.employerName,
        prefecture: prefectureOf(d.jurisdictionPath),
        riskClass: d.riskClass,
        adoptedRateMicro: a?.rateMicro ?? null,
        draftRateMicro: d.rateMicro,
        changeFen: fen(d) - fen(a),
      };
    })
    .filter((m) => m.changeFen !== 0)
    .sort((x, y) => Math.abs(y.changeFen) - Math.abs(x.changeFen) || x.employerId - y.employerId)
    .slice(0, MOVERS);
  return {
    rateYear: query.rateYear,
    employers: draft.ratings.length,
    benefitExpenditureFen: benefit,
    fundYear: fund?.year ?? null,
    draft: side(draft.ratings, { id: rs.id, name: rs.name }, benefit),
    adopted: adopted
      ? side(adopted.ratings, { id: governing?.rs.id ?? 0, name: governing?.rs.name ?? '' }, benefit)
      : side([], null, benefit),
    movers,
  };
}

const yuanText = (fen: number) =>
  (Math.round(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const ratioText = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const countOf = (byTier: Record<string, number>, keep: (pct: number) => boolean) =>
  Object.entries(byTier).reduce((n, [pct, count]) => (keep(Number(pct)) ? n + count : n), 0);

/**
 * Puts a rule set's simulation over a meeting's jurisdiction on that meeting's agenda (FR-2: "the
 * joint meeting can attach a simulation to its agenda"): the figures of the simulation page —
 * income under the draft and the adopted set, the change, employers up and down, the balance
 * ratio — frozen as labelled rows, with a link back to the rule set.
 */
export async function attachSimulationToMeeting(
  db: Db,
  actor: Actor,
  id: number,
  input: { meetingId: number; rateYear: number },
  now: Date,
) {
  const meeting = await getMeeting(db, actor, input.meetingId, now, { withReports: false });
  const s = await simulateRuleSet(db, actor, id, {
    jurisdiction: meeting.jurisdiction.code,
    rateYear: input.rateYear,
  });
  const change = s.draft.incomeFen - s.adopted.incomeFen;
  const rows = [
    { labelZh: '模拟规则', labelEn: 'Rule set simulated', value: s.draft.name ?? '' },
    { labelZh: '现行规则', labelEn: 'Adopted rule set', value: s.adopted.name ?? '—' },
    {
      labelZh: '地区',
      labelEn: 'Area',
      value: `${meeting.jurisdiction.name}（${meeting.jurisdiction.code}）`,
    },
    { labelZh: '费率年度', labelEn: 'Rate year', value: String(s.rateYear) },
    { labelZh: '参评单位（家）', labelEn: 'Employers', value: String(s.employers) },
    {
      labelZh: '保费收入·模拟（元）',
      labelEn: 'Premium income, draft (yuan)',
      value: yuanText(s.draft.incomeFen),
    },
    {
      labelZh: '保费收入·现行（元）',
      labelEn: 'Premium income, adopted (yuan)',
      value: yuanText(s.adopted.incomeFen),
    },
    {
      labelZh: '收入变化（元）',
      labelEn: 'Change in income (yuan)',
      value: `${change > 0 ? '+' : ''}${yuanText(change)}`,
    },
    {
      labelZh: '上浮单位（家）',
      labelEn: 'Employers rated above base',
      value: String(countOf(s.draft.byTier, (pct) => pct > 100)),
    },
    {
      labelZh: '下浮单位（家）',
      labelEn: 'Employers rated below base',
      value: String(countOf(s.draft.byTier, (pct) => pct < 100)),
    },
    {
      labelZh: '收支比·模拟 / 现行',
      labelEn: 'Balance ratio, draft / adopted',
      value: `${ratioText(s.draft.balanceRatio)} / ${ratioText(s.adopted.balanceRatio)}`,
    },
  ];
  return attachAgendaPaper(
    db,
    actor,
    input.meetingId,
    {
      title: `费率浮动模拟：${s.draft.name}（${s.rateYear}年）`,
      paper: {
        source: `rates.simulation:${id}:${s.rateYear}:${meeting.jurisdiction.code}`,
        link: `/rates?ruleSet=${id}`,
        rows,
      },
    },
    now,
  );
}
