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
 * 工伤预防项目实施情况 of a jurisdiction subtree in a year, for the yearly implementation report
 * (JM-6): the prevention-fee budgets (cap, budget, paid, execution ratio) and the year's projects by
 * stage and type. `no_data` when the year has neither a budget nor a project.
 */
export async function describeProjectsOfYear(db: Db, scope: { path: string }, year: number) {
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
  const budgets = Number(b.budgets ?? 0);
  const declared = Number(p.declared ?? 0);
  if (budgets === 0 && declared === 0) return { status: 'no_data' as const, rows: [] };
  const budgetFen = Number(b.budget_fen ?? 0);
  const paidFen = Number(b.paid_fen ?? 0);
  return {
    status: 'ok' as const,
    rows: [
      { label: '工伤预防费使用上限（元）', value: yuan(Number(b.cap_fen ?? 0)) },
      { label: '年度预算（元）', value: yuan(budgetFen) },
      { label: '已拨付（元）', value: yuan(paidFen) },
      {
        label: '预算执行率（%）',
        value: budgetFen > 0 ? Math.round((paidFen * 10000) / budgetFen) / 100 : '—',
      },
      { label: '申报项目（个）', value: declared },
      { label: '立项项目（个）', value: Number(p.approved ?? 0) },
      { label: '其中：培训项目（个）', value: Number(p.training ?? 0) },
      { label: '其中：宣传项目（个）', value: Number(p.publicity ?? 0) },
      { label: '未予立项（个）', value: Number(p.rejected ?? 0) },
      { label: '立项项目合同金额（元）', value: yuan(Number(p.contract_fen ?? 0)) },
      { label: '验收通过（个）', value: Number(p.accepted ?? 0) },
      { label: '已公开绩效（个）', value: Number(p.disclosed ?? 0) },
    ],
  };
}
