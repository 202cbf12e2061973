import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { selectRows } from '../../platform/db/rows.js';
import type { Language } from '../../platform/i18n/messages.js';
import { findPlanPeriod } from '../enterprises/enterprises.service.js';
import { readCoverageCells } from './coverage-cells.service.js';
import { trainingCoverageState } from './coverage-cells.tables.js';
import { findTrainingTarget } from './training.service.js';

/**
 * Key-post training coverage for the overview screen (AN-7): the maintained coverage cells
 * (decision 0026) summed over the subtree — posts, due, trained, coverage against the plan's target
 * — as of the cells' date (the coverage page gives the exact figures for any other day). Figures
 * only; `no_data` when no key post is registered.
 */
export async function describeTrainingForOverview(
  db: Db,
  scope: { code: string; path: string },
  _year: number,
  asOf: string,
  lang: Language = 'zh',
) {
  const period = await findPlanPeriod(db, undefined, Number(asOf.slice(0, 4)));
  const [rows, target, [state]] = await Promise.all([
    readCoverageCells(db, { planPeriodId: period.id, path: scope.path, code: scope.code }),
    findTrainingTarget(db, period.id, scope.path),
    db.select().from(trainingCoverageState).where(eq(trainingCoverageState.planPeriodId, period.id)),
  ]);
  const posts = rows.reduce((a, r) => a + Number(r.posts), 0);
  const due = rows.reduce((a, r) => a + Number(r.due), 0);
  const trained = rows.reduce((a, r) => a + Number(r.trained), 0);
  if (posts === 0) return { status: 'no_data' as const, figures: [] };
  const zh = lang === 'zh';
  const coverage = due > 0 ? Math.round((trained * 10000) / due) / 100 : null;
  const tone =
    coverage === null || !target
      ? undefined
      : coverage >= target.coveragePct
        ? ('good' as const)
        : target.dueDate < asOf
          ? ('bad' as const)
          : ('warn' as const);
  const cellsOf = state?.asOf ?? asOf;
  return {
    status: 'ok' as const,
    figures: [
      ...(coverage === null
        ? []
        : [
            {
              label: zh ? `培训覆盖率（截至${cellsOf}）` : `Coverage (as of ${cellsOf})`,
              value: coverage,
              unit: '%',
              tone,
            },
          ]),
      ...(target
        ? [
            {
              label: zh ? `目标（${target.dueDate}前）` : `Target (by ${target.dueDate})`,
              value: target.coveragePct,
              unit: '%',
            },
          ]
        : []),
      { label: zh ? '重点岗位' : 'Key posts', value: posts, unit: zh ? '个' : '' },
      { label: zh ? '应培训岗位' : 'Posts due', value: due, unit: zh ? '个' : '' },
      { label: zh ? '已培训岗位' : 'Posts trained', value: trained, unit: zh ? '个' : '' },
    ],
  };
}

/**
 * The training panel's stamp (the overview screen's version, AN-7): the cells' state (its day and
 * when the cells were last written — a full recount or a jurisdiction's refresh after a holder,
 * completion or import) and the coverage targets. One row per plan period and per target: no scan
 * of the cells.
 */
export async function readTrainingStamp(db: Db): Promise<string> {
  const [row] = await selectRows<{ cells: string | null; targets: string | null }>(
    db,
    sql`select
      (select string_agg(plan_period_id || ':' || as_of || ':' || refreshed_at, ',' order by plan_period_id)
        from training_coverage_state) as cells,
      (select md5(string_agg(id || ':' || coverage_pct || ':' || due_date, ',' order by id))
        from training_targets) as targets`,
  );
  return `${row?.cells ?? ''}.${row?.targets ?? ''}`;
}
