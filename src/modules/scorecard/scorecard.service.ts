import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import type { DocumentBlock, OfficialDocument } from '../../platform/documents/official-document.js';
import { AppError } from '../../platform/http/errors.js';
import { currentYear, today } from '../../platform/time.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { DEFAULT_RULE_SET, INDICATORS, indicatorOf, type RuleSet } from './scorecard.data.js';
import { checkRuleSet, rankByTotal, rebasedTotal, round2, shareOf } from './scorecard.logic.js';
import { MEASURES, type MeasureContext, type RecordsLink, type Unit } from './scorecard.measures.js';
import { scorecardRuleSets, scorecardSignoffs } from './scorecard.tables.js';

export interface ScorecardItem {
  indicator: string;
  weight: number;
  assessed: boolean;
  value: number | string | null;
  display: string;
  /** Why it is not assessed (the module has no records or use here). */
  reason: string | null;
  score: number | null;
  link: RecordsLink;
}

export interface ScorecardUnit {
  code: string;
  name: string;
  level: string;
  rank: number | null;
  total: number | null;
  assessedWeight: number;
  rawScore: number;
  items: ScorecardItem[];
}

export interface Scorecard {
  jurisdiction: { code: string; name: string; level: string };
  year: number;
  asOf: string;
  status: 'live' | 'signed';
  signedAt: string | null;
  signedBy: string | null;
  note: string | null;
  ruleSet: RuleSet;
  /** Where the rule set was stored (a jurisdiction's code), or null for the default. */
  ruleSetDefinedAt: string | null;
  indicators: { key: string; nameZh: string; nameEn: string; weight: number }[];
  units: ScorecardUnit[];
}

function assertYear(year: number, now: Date) {
  if (year > currentYear(now)) throw new AppError(400, 'date.in_future', {}, 'year');
}

/** The rule set of a year: the jurisdiction's own, else its nearest ancestor's, else the default. */
export async function resolveScorecardRuleSet(db: Db, path: string, year: number) {
  const codes = path.split('/');
  const rows = await db
    .select({ code: jurisdictions.code, ruleSet: scorecardRuleSets.ruleSet })
    .from(scorecardRuleSets)
    .innerJoin(jurisdictions, eq(jurisdictions.id, scorecardRuleSets.jurisdictionId))
    .where(and(eq(scorecardRuleSets.year, year), sql`${jurisdictions.code} in ${codes}`));
  const nearest = rows.sort((a, b) => codes.indexOf(b.code) - codes.indexOf(a.code))[0];
  return nearest
    ? { ruleSet: nearest.ruleSet, definedAt: nearest.code }
    : { ruleSet: DEFAULT_RULE_SET, definedAt: null };
}

/** The rule set a jurisdiction assesses its subordinates on for a year, and where it is defined. */
export async function getScorecardRuleSet(
  db: Db,
  actor: Actor,
  query: { jurisdiction?: string; year: number },
) {
  const j = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  const { ruleSet, definedAt } = await resolveScorecardRuleSet(db, j.path, query.year);
  return { jurisdictionCode: j.code, year: query.year, ruleSet, definedAt };
}

async function findSignoff(db: Db, jurisdictionId: number, year: number) {
  const [row] = await db
    .select()
    .from(scorecardSignoffs)
    .where(and(eq(scorecardSignoffs.jurisdictionId, jurisdictionId), eq(scorecardSignoffs.year, year)));
  return row ?? null;
}

/**
 * Stores a jurisdiction's rule set for a year (validated: every indicator known, weights adding
 * up to the total), refused once that year's assessment is signed off. Audited.
 */
export async function saveScorecardRuleSet(
  db: Db,
  actor: Actor,
  input: { jurisdiction: string; year: number; ruleSet: RuleSet },
  now: Date,
) {
  assertYear(input.year, now);
  const j = await resolveJurisdictionField(db, actor, input.jurisdiction, 'jurisdictionCode');
  const errors = checkRuleSet(input.ruleSet);
  if (errors.length > 0)
    throw new AppError(
      400,
      'scorecard.rule_invalid',
      { rules: errors.map((e) => `${e.field}: ${e.message}`).join('; ') },
      errors[0]?.field,
      errors,
    );
  await db.transaction(async (tx) => {
    if (await findSignoff(tx, j.id, input.year)) throw new AppError(409, 'scorecard.signed_off');
    await tx
      .insert(scorecardRuleSets)
      .values({ jurisdictionId: j.id, year: input.year, ruleSet: input.ruleSet, updatedBy: actor.username })
      .onConflictDoUpdate({
        target: [scorecardRuleSets.jurisdictionId, scorecardRuleSets.year],
        set: { ruleSet: input.ruleSet, updatedBy: actor.username, updatedAt: now },
      });
    await recordAudit(tx, actor, {
      action: 'scorecard.rule_set.save',
      targetType: 'scorecard_rule_set',
      targetId: `${j.code}/${input.year}`,
      jurisdictionPath: j.path,
      details: { year: input.year, indicators: input.ruleSet.indicators.map((e) => e.indicator) },
    });
  });
  return getScorecardRuleSet(db, actor, { jurisdiction: j.code, year: input.year });
}

/** The units a jurisdiction assesses: its direct subordinates, or itself when it has none. */
async function unitsOf(db: Db, j: Unit): Promise<Unit[]> {
  const children = await db
    .select({
      id: jurisdictions.id,
      code: jurisdictions.code,
      name: jurisdictions.name,
      path: jurisdictions.path,
      level: jurisdictions.level,
    })
    .from(jurisdictions)
    .where(eq(jurisdictions.parentId, j.id))
    .orderBy(asc(jurisdictions.code));
  return children.length > 0 ? children : [j];
}

/** Computes the live scorecard (no sign-off consulted). */
async function computeScorecard(db: Db, actor: Actor, j: Unit, year: number, now: Date): Promise<Scorecard> {
  const { ruleSet, definedAt } = await resolveScorecardRuleSet(db, j.path, year);
  const todayDate = today(now);
  const asOf = `${year}-12-31` < todayDate ? `${year}-12-31` : todayDate;
  const ctx: MeasureContext = { db, actor, assessor: j, year, asOf, now, ruleSet, cache: new Map() };
  const units: Omit<ScorecardUnit, 'rank'>[] = [];
  // One unit after another: PGlite has one connection, and a province has at most ~15 prefectures.
  for (const unit of await unitsOf(db, j)) {
    const items: ScorecardItem[] = [];
    for (const entry of ruleSet.indicators) {
      const measure = MEASURES[entry.indicator as keyof typeof MEASURES];
      const m = await measure(ctx, unit);
      items.push(
        m.assessed
          ? {
              indicator: entry.indicator,
              weight: entry.weight,
              assessed: true,
              value: m.value,
              display: m.display,
              reason: null,
              score: round2(entry.weight * shareOf(entry.rule, m.value)),
              link: m.link,
            }
          : {
              indicator: entry.indicator,
              weight: entry.weight,
              assessed: false,
              value: null,
              display: '不参与考核',
              reason: m.reason,
              score: null,
              link: m.link,
            },
      );
    }
    units.push({
      code: unit.code,
      name: unit.name,
      level: unit.level,
      ...rebasedTotal(items, ruleSet.totalWeight),
      items,
    });
  }
  return {
    jurisdiction: { code: j.code, name: j.name, level: j.level },
    year,
    asOf,
    status: 'live',
    signedAt: null,
    signedBy: null,
    note: null,
    ruleSet,
    ruleSetDefinedAt: definedAt,
    indicators: ruleSet.indicators.map((e) => {
      const def = indicatorOf(e.indicator);
      return {
        key: e.indicator,
        nameZh: def?.nameZh ?? e.indicator,
        nameEn: def?.nameEn ?? e.indicator,
        weight: e.weight,
      };
    }),
    units: rankByTotal(units),
  };
}

/**
 * The scorecard of a jurisdiction's subordinates for a year (SV-1), ranked: a province's
 * prefectures, a prefecture's counties (a county sees itself). Once signed off, the stored
 * snapshot, unchanged by later records.
 */
export async function describeScorecard(
  db: Db,
  actor: Actor,
  query: { jurisdiction?: string; year: number },
  now: Date,
): Promise<Scorecard> {
  assertYear(query.year, now);
  const j = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  const signed = await findSignoff(db, j.id, query.year);
  if (signed) return signed.snapshot as Scorecard;
  return computeScorecard(db, actor, j, query.year, now);
}

/**
 * Signs off a year's assessment (考核结果确认): the scorecard as it stands is stored and from then
 * on shown unchanged; its rule set can no longer be edited. Audited; a second sign-off is refused.
 */
export async function signOffScorecard(
  db: Db,
  actor: Actor,
  input: { jurisdiction: string; year: number; note?: string | null },
  now: Date,
): Promise<Scorecard> {
  assertYear(input.year, now);
  const j = await resolveJurisdictionField(db, actor, input.jurisdiction, 'jurisdictionCode');
  if (await findSignoff(db, j.id, input.year)) throw new AppError(409, 'scorecard.signed_off');
  const live = await computeScorecard(db, actor, j, input.year, now);
  const snapshot: Scorecard = {
    ...live,
    status: 'signed',
    signedAt: now.toISOString(),
    signedBy: actor.displayName || actor.username,
    note: input.note ?? null,
  };
  await db.transaction(async (tx) => {
    // Checked again inside the transaction: two sign-offs at once store one (the unique index).
    if (await findSignoff(tx, j.id, input.year)) throw new AppError(409, 'scorecard.signed_off');
    await tx.insert(scorecardSignoffs).values({
      jurisdictionId: j.id,
      year: input.year,
      snapshot,
      note: input.note ?? null,
      signedBy: actor.username,
      signedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'scorecard.sign_off',
      targetType: 'scorecard',
      targetId: `${j.code}/${input.year}`,
      jurisdictionPath: j.path,
      details: {
        year: input.year,
        totals: Object.fromEntries(snapshot.units.map((u) => [u.code, u.total])),
      },
    });
  });
  return snapshot;
}

const dash = (x: number | null) => (x === null ? '不参与考核' : x);

/** The scorecard as rows of a worksheet: one row per unit, a value and a score per indicator. */
export function scorecardRows(card: Scorecard): (string | number | null)[][] {
  const header = [
    '排名',
    '地区代码',
    '地区',
    '总分（按参评权重折算）',
    '参评权重',
    ...card.indicators.flatMap((i) => [`${i.nameZh}（权重${i.weight}）`, `${i.nameZh}得分`]),
  ];
  return [
    header,
    ...card.units.map((u) => [
      u.rank,
      u.code,
      u.name,
      dash(u.total),
      u.assessedWeight,
      ...u.items.flatMap((i) => [i.display, dash(i.score)]),
    ]),
  ];
}

/**
 * The scorecard as an official document (GB/T 9704 layout, platform/documents): issued by the
 * jurisdiction's joint-meeting office, the ranking first, then each unit's indicators.
 */
export function describeScorecardDocument(card: Scorecard, now: Date): OfficialDocument {
  const office = `${card.jurisdiction.name}工伤预防工作联席会议办公室`;
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: `根据安全生产目标责任制考核要求，现将${card.year}年度工伤预防工作考核评分结果通报如下${
        card.status === 'signed' ? '' : '（考核结果尚未确认，仅供参考）'
      }。总分按参与考核指标的权重折算为${card.ruleSet.totalWeight}分制；不参与考核的指标不计分、不扣分。`,
    },
    { kind: 'heading', text: '一、综合排名' },
    {
      kind: 'table',
      header: ['排名', '地区', '总分', '参评权重'],
      rows: card.units.map((u) => [u.rank ?? '—', u.name, dash(u.total), u.assessedWeight]),
    },
    { kind: 'heading', text: '二、分项得分' },
  ];
  card.units.forEach((u, i) => {
    blocks.push({ kind: 'paragraph', text: `（${i + 1}）${u.name}` });
    blocks.push({
      kind: 'table',
      header: ['指标', '权重', '完成情况', '得分'],
      rows: u.items.map((item) => [
        indicatorOf(item.indicator)?.nameZh ?? item.indicator,
        item.weight,
        item.display,
        dash(item.score),
      ]),
    });
  });
  return {
    issuer: office,
    title: `${card.jurisdiction.name}${card.year}年度工伤预防工作考核评分结果`,
    blocks,
    signature: office,
    date: card.signedAt ? today(new Date(card.signedAt)) : today(now),
  };
}

/**
 * 工伤预防工作考核评分 for the yearly implementation report (JM-6): each subordinate's total and
 * rank, as the scorecard page shows them. `no_data` when no indicator is assessed for anyone.
 */
export async function describeScorecardOfYear(
  db: Db,
  actor: Actor,
  scope: { code: string },
  year: number,
  now: Date,
) {
  const card = await describeScorecard(db, actor, { jurisdiction: scope.code, year }, now);
  if (card.units.every((u) => u.total === null)) return { status: 'no_data' as const, rows: [] };
  return {
    status: 'ok' as const,
    rows: [
      { label: '考核状态', value: card.status === 'signed' ? '已确认' : '未确认（实时计算）' },
      ...card.units.map((u) => ({
        label: `${u.rank === null ? '—' : `第${u.rank}名`} ${u.name}`,
        value: u.total === null ? '不参与考核' : `${u.total}分`,
      })),
    ],
  };
}

export { INDICATORS };
