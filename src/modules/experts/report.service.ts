import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';

/**
 * 专家库建设情况 of a jurisdiction subtree in a year, for the yearly implementation report (JM-6):
 * experts in office at the year's end (or today, for the running year), admitted in the year, the
 * fields covered, and the review panels drawn in the year with the invitations declined.
 * `no_data` when the pool has no expert and no draw.
 */
export async function describeExpertsOfYear(db: Db, scope: { path: string }, year: number, asOf: string) {
  const inScope = withinScope(sql`j.path`, scope.path);
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const [poolRows, drawRows] = await Promise.all([
    db.execute(sql`select
        count(*) filter (where e.status = 'active' and e.term_start <= ${asOf} and (e.term_end is null or e.term_end >= ${asOf}))::int as in_office,
        count(*) filter (where e.term_start >= ${from} and e.term_start < ${to} and e.status in ('active','expired','suspended'))::int as admitted,
        count(*) filter (where e.status = 'suspended')::int as suspended,
        (select count(distinct f) from experts x join jurisdictions xj on xj.id = x.jurisdiction_id,
            jsonb_array_elements_text(x.fields) f
          where ${withinScope(sql`xj.path`, scope.path)} and x.status = 'active')::int as fields
      from experts e join jurisdictions j on j.id = e.jurisdiction_id
      where ${inScope}`),
    db.execute(sql`select count(distinct d.id)::int as draws, count(m.id)::int as invited,
        count(m.id) filter (where m.status = 'declined')::int as declined
      from expert_draws d join jurisdictions j on j.id = d.jurisdiction_id
      left join panel_members m on m.draw_id = d.id
      where ${inScope} and d.status = 'drawn' and d.drawn_at >= ${from} and d.drawn_at < ${to}`),
  ]);
  const pool = rowsOf(poolRows)[0] ?? {};
  const draws = rowsOf(drawRows)[0] ?? {};
  const inOffice = Number(pool.in_office ?? 0);
  const drawn = Number(draws.draws ?? 0);
  if (inOffice === 0 && drawn === 0 && Number(pool.admitted ?? 0) === 0)
    return { status: 'no_data' as const, rows: [] };
  return {
    status: 'ok' as const,
    rows: [
      { label: `在聘专家（人，截至${asOf}）`, value: inOffice },
      { label: '本年新聘专家（人）', value: Number(pool.admitted ?? 0) },
      { label: '暂停聘用（人）', value: Number(pool.suspended ?? 0) },
      { label: '覆盖专业领域（个）', value: Number(pool.fields ?? 0) },
      { label: '随机抽取评审专家组（次）', value: drawn },
      { label: '抽取专家（人次）', value: Number(draws.invited ?? 0) },
      { label: '其中：回避或谢绝（人次）', value: Number(draws.declined ?? 0) },
    ],
  };
}
