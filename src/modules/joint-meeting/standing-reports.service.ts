import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { type Row, rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { GB6441_CATEGORIES } from '../code-tables/injury-codes.data.js';
import { accidentFacts, describeCounting, diseaseFacts } from '../facts/counting.js';
import { countInjuries, figureOf, type InjuryGroup, resolveCountingRules } from '../facts/facts.service.js';
import type { AgendaKind } from './workflow.tables.js';

/** One figure of a report; `value` null never stands for zero: the section then says no data. */
export interface ReportFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
}

export interface ReportChart {
  key: string;
  title: string;
  type: 'bar' | 'line' | 'pie';
  categories: string[];
  values: number[];
}

/** A part of a report fed by one data domain. */
export interface ReportSection {
  /** The exchange domain the section is computed from. */
  source: 'injuries' | 'fund' | 'diseases' | 'accidents';
  label: string;
  /** ok, or no_data: the member unit submitted no rows for the year (shown as such, not as 0). */
  status: 'ok' | 'no_data';
  figures: ReportFigure[];
  charts: ReportChart[];
}

/** A standing report (J 附件1 二) as composed for a jurisdiction subtree and a year. */
export interface StandingReport {
  kind: Exclude<AgendaKind, 'topic' | 'paper'>;
  title: string;
  jurisdiction: { code: string; name: string };
  year: number;
  generatedAt: string;
  sections: ReportSection[];
}

export const STANDING_REPORTS: readonly { kind: Exclude<AgendaKind, 'topic' | 'paper'>; title: string }[] = [
  { kind: 'injury_report', title: '通报工伤发生和工伤预防费使用情况' },
  { kind: 'disease_report', title: '通报职业病发生情况' },
  { kind: 'accident_report', title: '通报安全生产事故情况' },
];

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

function monthly(rows: Row[]): number[] {
  const values = new Array<number>(12).fill(0);
  for (const r of rows) values[Number(r.m) - 1] = Number(r.n);
  return values;
}

const yuan = (fen: unknown) => Math.round(Number(fen ?? 0)) / 100;

interface Scope {
  code: string;
  name: string;
  path: string;
}

/**
 * Composes one standing report from the shared data (exchange fact tables) of the jurisdiction
 * and everything below it, for one calendar year.
 */
export async function composeStandingReport(
  db: Db,
  jurisdiction: Scope,
  kind: Exclude<AgendaKind, 'topic' | 'paper'>,
  year: number,
  now: Date,
): Promise<StandingReport> {
  const inScope = withinScope(sql`j.path`, jurisdiction.path);
  const title = STANDING_REPORTS.find((r) => r.kind === kind)?.title ?? kind;
  const sections: ReportSection[] = [];
  if (kind === 'injury_report') {
    // Counted by the jurisdiction's counting rules (facts module), as on every other page.
    const rules = await resolveCountingRules(db, jurisdiction.path);
    const count = (by: InjuryGroup) => countInjuries(db, { path: jurisdiction.path, from: year, rules, by });
    const [totals, byMonthCounts, byCategoryCounts, bySeverityCounts, fund] = await Promise.all([
      count('none'),
      count('month'),
      count('category'),
      count('severity'),
      db.execute(sql`select count(*)::int as n, coalesce(sum(f.contribution_income_fen), 0)::bigint as income,
        coalesce(sum(f.benefit_expenditure_fen), 0)::bigint as benefit, coalesce(sum(f.prevention_fee_spent_fen), 0)::bigint as prevention
        from fund_accounts f join jurisdictions j on j.id = f.jurisdiction_id where ${inScope} and f.year = ${year}`),
    ]);
    const byMonth = byMonthCounts.map((c) => ({ m: Number(c.key), n: c.count }));
    const byCategory = byCategoryCounts
      .map((c) => ({ k: c.key, n: c.count }))
      .sort((x, y) => y.n - x.n || x.k.localeCompare(y.k))
      .slice(0, 8);
    const bySeverity = bySeverityCounts.map((c) => ({ k: c.key, n: c.count }));
    const f0 = figureOf(totals);
    const t = { n: f0.count, deaths: f0.deaths, serious: f0.serious, disabled: f0.disabled, fen: f0.fundFen };
    const hasInjuries = Number(t.n ?? 0) > 0;
    sections.push({
      source: 'injuries',
      label: '工伤发生情况',
      status: hasInjuries ? 'ok' : 'no_data',
      figures: hasInjuries
        ? [
            {
              key: 'cases',
              label: `工伤认定（${describeCounting(rules, 'zh')}）`,
              value: Number(t.n),
              unit: rules.countUnit === 'persons' ? '人' : '人次',
            },
            { key: 'deaths', label: '其中死亡（人数）', value: Number(t.deaths), unit: '人' },
            { key: 'serious', label: '其中重伤', value: Number(t.serious), unit: '人' },
            { key: 'disabled', label: '评定伤残等级', value: Number(t.disabled), unit: '人' },
            { key: 'fundExpenditure', label: '工伤保险基金支出（案件）', value: yuan(t.fen), unit: '元' },
          ]
        : [],
      charts: hasInjuries
        ? [
            {
              key: 'byMonth',
              title: '各月工伤认定',
              type: 'line',
              categories: MONTHS,
              values: monthly(byMonth),
            },
            {
              key: 'byCategory',
              title: '事故类别（GB 6441）',
              type: 'bar',
              categories: byCategory.map((r) => GB6441_CATEGORIES[String(r.k)] ?? (String(r.k) || '未填')),
              values: byCategory.map((r) => Number(r.n)),
            },
            {
              key: 'bySeverity',
              title: '伤情',
              type: 'pie',
              categories: bySeverity.map((r) => SEVERITY[String(r.k)] ?? String(r.k)),
              values: bySeverity.map((r) => Number(r.n)),
            },
          ]
        : [],
    });
    const f = rowsOf(fund)[0] ?? {};
    const hasFund = Number(f.n ?? 0) > 0;
    const income = Number(f.income ?? 0);
    sections.push({
      source: 'fund',
      label: '工伤预防费使用情况',
      status: hasFund ? 'ok' : 'no_data',
      figures: hasFund
        ? [
            { key: 'contributionIncome', label: '工伤保险基金征缴收入', value: yuan(f.income), unit: '元' },
            { key: 'benefitExpenditure', label: '工伤保险待遇支出', value: yuan(f.benefit), unit: '元' },
            { key: 'preventionFeeSpent', label: '工伤预防费使用', value: yuan(f.prevention), unit: '元' },
            {
              key: 'preventionShare',
              label: '预防费占征缴收入比例',
              value: income > 0 ? Math.round((Number(f.prevention) / income) * 10000) / 100 : 0,
              unit: '%',
            },
          ]
        : [],
      charts: hasFund
        ? [
            {
              key: 'fund',
              title: '基金收支与预防费（元）',
              type: 'bar',
              categories: ['征缴收入', '待遇支出', '预防费使用'],
              values: [yuan(f.income), yuan(f.benefit), yuan(f.prevention)],
            },
          ]
        : [],
    });
  } else if (kind === 'disease_report') {
    const base = sql`disease_cases d join jurisdictions j on j.id = d.jurisdiction_id where ${inScope} and ${diseaseFacts.inYears('d', year)}`;
    const [totals, byMonth, byClass] = await Promise.all([
      db.execute(sql`select count(*)::int as n, count(*) filter (where d.is_pneumoconiosis)::int as pneumo,
        count(distinct d.employer_id)::int as employers from ${base}`),
      db.execute(sql`select ${diseaseFacts.month('d')} as m, count(*)::int as n from ${base} group by 1`),
      db.execute(
        sql`select d.disease_class as k, count(*)::int as n from ${base} group by 1 order by 2 desc, 1 limit 10`,
      ),
    ]);
    const t = rowsOf(totals)[0] ?? {};
    const has = Number(t.n ?? 0) > 0;
    sections.push({
      source: 'diseases',
      label: '职业病发生情况',
      status: has ? 'ok' : 'no_data',
      figures: has
        ? [
            { key: 'cases', label: '新诊断职业病', value: Number(t.n), unit: '例' },
            { key: 'pneumoconiosis', label: '其中尘肺病', value: Number(t.pneumo), unit: '例' },
            { key: 'employers', label: '涉及用人单位', value: Number(t.employers), unit: '家' },
          ]
        : [],
      charts: has
        ? [
            {
              key: 'byMonth',
              title: '各月职业病诊断',
              type: 'line',
              categories: MONTHS,
              values: monthly(rowsOf(byMonth)),
            },
            {
              key: 'byClass',
              title: '职业病分类',
              type: 'bar',
              categories: rowsOf(byClass).map((r) => String(r.k)),
              values: rowsOf(byClass).map((r) => Number(r.n)),
            },
          ]
        : [],
    });
  } else {
    const base = sql`safety_accidents a join jurisdictions j on j.id = a.jurisdiction_id where ${inScope} and ${accidentFacts.inYears('a', year)}`;
    const [totals, byMonth, byGrade] = await Promise.all([
      db.execute(sql`select count(*)::int as n, coalesce(sum(a.deaths), 0)::int as deaths,
        coalesce(sum(a.serious_injuries), 0)::int as serious, coalesce(sum(a.direct_loss_fen), 0)::bigint as loss from ${base}`),
      db.execute(sql`select ${accidentFacts.month('a')} as m, count(*)::int as n from ${base} group by 1`),
      db.execute(sql`select a.grade as k, count(*)::int as n from ${base} group by 1 order by 2 desc, 1`),
    ]);
    const t = rowsOf(totals)[0] ?? {};
    const has = Number(t.n ?? 0) > 0;
    sections.push({
      source: 'accidents',
      label: '生产安全事故情况',
      status: has ? 'ok' : 'no_data',
      figures: has
        ? [
            { key: 'accidents', label: '生产安全事故', value: Number(t.n), unit: '起' },
            { key: 'deaths', label: '死亡', value: Number(t.deaths), unit: '人' },
            { key: 'serious', label: '重伤', value: Number(t.serious), unit: '人' },
            { key: 'directLoss', label: '直接经济损失', value: yuan(t.loss), unit: '元' },
          ]
        : [],
      charts: has
        ? [
            {
              key: 'byMonth',
              title: '各月生产安全事故',
              type: 'line',
              categories: MONTHS,
              values: monthly(rowsOf(byMonth)),
            },
            {
              key: 'byGrade',
              title: '事故等级',
              type: 'pie',
              categories: rowsOf(byGrade).map((r) => String(r.k)),
              values: rowsOf(byGrade).map((r) => Number(r.n)),
            },
          ]
        : [],
    });
  }
  return {
    kind,
    title,
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name },
    year,
    generatedAt: now.toISOString(),
    sections,
  };
}

const SEVERITY: Record<string, string> = { minor: '轻伤', serious: '重伤', death: '死亡' };
