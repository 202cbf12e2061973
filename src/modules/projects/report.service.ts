import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';

/** Statuses past the decision to fund (立项): everything but declared, in review and rejected. */
const APPROVED = [
  'approved',
  'listed',
  'contracted',
  'in_progress',
  'failed',
  'rectifying',
  'accepted',
  'deducted',
  'settled',
  'disclosed',
] as const;
/** Statuses past a passed acceptance (验收通过). */
const ACCEPTED = ['accepted', 'deducted', 'settled', 'disclosed'] as const;

const yuan = (fen: number) => Math.round(fen) / 100;
const inList = (list: readonly string[]) =>
  sql.join(
    list.map((s) => sql`${s}`),
    sql`, `,
  );

/**
 * The year's prevention-fee budgets and projects of a jurisdiction subtree, as numbers: what the
 * yearly report's section shows and what the scorecard (SV-1) scores execution and acceptance on.
 */
export async function summariseProjectsOfYear(db: Db, scope: { path: string }, year: number) {
  const inScope = withinScope(sql`j.path`, scope.path);
  const [budgetRows, projectRows] = await Promise.all([
    db.execute(sql`select count(*)::int as budgets, coalesce(sum(b.cap_fen), 0)::bigint as cap_fen,
        coalesce(sum(b.budget_fen), 0)::bigint as budget_fen, coalesce(sum(b.paid_fen), 0)::bigint as paid_fen
      from prevention_budgets b join jurisdictions j on j.id = b.jurisdiction_id
      where ${inScope} and b.year = ${year}`),
    db.execute(sql`select count(*)::int as declared,
        count(*) filter (where p.status in (${inList(APPROVED)}))::int as approved,
        count(*) filter (where p.status = 'rejected')::int as rejected,
        count(*) filter (where p.status in (${inList(ACCEPTED)}))::int as accepted,
        count(*) filter (where p.status = 'disclosed')::int as disclosed,
        count(*) filter (where p.status in (${inList(APPROVED)}) and p.type = 'training')::int as training,
        count(*) filter (where p.status in (${inList(APPROVED)}) and p.type = 'publicity')::int as publicity,
        coalesce(sum(p.contract_fen) filter (where p.status in (${inList(APPROVED)})), 0)::bigint as contract_fen
      from prevention_projects p join jurisdictions j on j.id = p.jurisdiction_id
      where ${inScope} and p.year = ${year}`),
  ]);
  const b = rowsOf(budgetRows)[0] ?? {};
  const p = rowsOf(projectRows)[0] ?? {};
  return {
    budgets: Number(b.budgets ?? 0),
    capFen: Number(b.cap_fen ?? 0),
    budgetFen: Number(b.budget_fen ?? 0),
    paidFen: Number(b.paid_fen ?? 0),
    declared: Number(p.declared ?? 0),
    approved: Number(p.approved ?? 0),
    rejected: Number(p.rejected ?? 0),
    accepted: Number(p.accepted ?? 0),
    disclosed: Number(p.disclosed ?? 0),
    training: Number(p.training ?? 0),
    publicity: Number(p.publicity ?? 0),
    contractFen: Number(p.contract_fen ?? 0),
  };
}

/**
 * 工伤预防项目实施情况 of a jurisdiction subtree in a year, for the yearly implementation report
 * (JM-6): the prevention-fee budgets (cap, budget, paid, execution ratio) and the year's projects by
 * stage and type. `no_data` when the year has neither a budget nor a project.
 */
export async function describeProjectsOfYear(db: Db, scope: { path: string }, year: number) {
  const x = await summariseProjectsOfYear(db, scope, year);
  if (x.budgets === 0 && x.declared === 0) return { status: 'no_data' as const, rows: [] };
  return {
    status: 'ok' as const,
    rows: [
      { label: '工伤预防费使用上限（元）', value: yuan(x.capFen) },
      { label: '年度预算（元）', value: yuan(x.budgetFen) },
      { label: '已拨付（元）', value: yuan(x.paidFen) },
      {
        label: '预算执行率（%）',
        value: x.budgetFen > 0 ? Math.round((x.paidFen * 10000) / x.budgetFen) / 100 : '—',
      },
      { label: '申报项目（个）', value: x.declared },
      { label: '立项项目（个）', value: x.approved },
      { label: '其中：培训项目（个）', value: x.training },
      { label: '其中：宣传项目（个）', value: x.publicity },
      { label: '未予立项（个）', value: x.rejected },
      { label: '立项项目合同金额（元）', value: yuan(x.contractFen) },
      { label: '验收通过（个）', value: x.accepted },
      { label: '已公开绩效（个）', value: x.disclosed },
    ],
  };
}
