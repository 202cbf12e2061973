import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { addDays, today } from '../../platform/time.js';
import { checkIdNumber, normalizeIdNumber } from '../exchange/id-number.js';
import { insuredPersonFacts } from '../facts/counting.js';
import {
  countInjuries,
  countInsuredByYear,
  countListedGroups,
  resolveCountingRules,
} from '../facts/facts.service.js';
import { findTrainingProject } from '../projects/projects.service.js';
import { keyIndustryPrefixes } from './coverage-sql.js';
import { indexOfIdNumber, storePerson } from './person-data.js';
import { projectTrainees } from './providers.tables.js';
import { coverageContext, describeTrainingCoverage } from './training.service.js';

/**
 * Coverage by quarter (TR-2): the totals as of each quarter's last day (today for the quarter
 * under way), oldest first, back to `quarters` quarters.
 */
export async function describeCoverageTrend(
  db: Db,
  actor: Actor,
  query: { jurisdiction?: string; quarters?: number; asOf?: string },
) {
  const asOf = query.asOf ?? today();
  const count = query.quarters ?? 8;
  const points: string[] = [];
  let end = asOf;
  for (let i = 0; i < count; i++) {
    points.unshift(end);
    const month = Math.floor((Number(end.slice(5, 7)) - 1) / 3) * 3 + 1;
    end = addDays(`${end.slice(0, 4)}-${String(month).padStart(2, '0')}-01`, -1);
  }
  const items = [];
  for (const point of points) {
    const c = await describeTrainingCoverage(db, actor, { jurisdiction: query.jurisdiction, asOf: point });
    const q = Math.floor((Number(point.slice(5, 7)) - 1) / 3) + 1;
    items.push({ quarter: `${point.slice(0, 4)}Q${q}`, asOf: point, planPeriod: c.planPeriod, ...c.totals });
  }
  return { items };
}

/**
 * Groups with frequent injuries in the key industries (TR-2), from the analytics facts: the posts
 * with the most injuries at key-industry employers, and the age bands with the highest rates over
 * the insured-person lists, over the last three years; each with the training key-post holders of
 * that band got (holders, trained).
 */
export async function describeInjuryGroups(db: Db, actor: Actor, query: { jurisdiction?: string }) {
  const { jurisdiction, asOf, period } = await coverageContext(db, actor, {
    jurisdiction: query.jurisdiction,
  });
  const rules = await resolveCountingRules(db, jurisdiction.path);
  const to = Number(asOf.slice(0, 4)) - 1;
  const from = to - 2;
  const keyEmployers = sql`select o.id from organisations o join jurisdictions j on j.id = o.jurisdiction_id
    where o.kind = 'employer' and ${withinScope(sql`j.path`, jurisdiction.path)}
      and exists (select 1 from (${keyIndustryPrefixes(period.id, jurisdiction.path)}) ki where o.industry_code like ki.prefix || '%')`;
  const byPost = await countInjuries(db, {
    path: jurisdiction.path,
    from,
    to,
    rules,
    by: 'post',
    employerIds: keyEmployers,
  });
  const posts = new Map<string, number>();
  for (const c of byPost) if (c.key !== '') posts.set(c.key, (posts.get(c.key) ?? 0) + c.count);
  const totalInjuries = [...posts.values()].reduce((a, b) => a + b, 0);
  const listed = await countListedGroups(db, {
    path: jurisdiction.path,
    from,
    to,
    rules,
    measure: 'count',
    axes: ['age'],
  });
  const bands = listed.rows
    .filter((r) => r.denominator > 0 && r.key[0])
    .map((r) => ({
      band: r.key[0] as string,
      injuries: r.numerator,
      insured: r.denominator,
      ratePer1000: Math.round((r.numerator * 100000) / r.denominator) / 100,
    }))
    .sort((a, b) => b.ratePer1000 - a.ratePer1000);
  const year = Number(asOf.slice(0, 4));
  const training = rowsOf<{ band: string; holders: number; trained: number }>(
    await db.execute(sql`
      with h as (
        -- The holder's birth date as stored (read from the 身份证号 when written), as insured lists store it.
        select distinct on (h.id_number_index) h.id_number_index, ${year}::int as year, h.birth_date
        from key_post_holders h join organisations o on o.id = h.employer_id join jurisdictions j on j.id = o.jurisdiction_id
        where ${withinScope(sql`j.path`, jurisdiction.path)} and h.started_on <= ${asOf} and (h.ended_on is null or h.ended_on > ${asOf})
      )
      select ${insuredPersonFacts.ageBand('h')} as band, count(*)::int as holders,
        count(*) filter (where exists (select 1 from training_completions c where c.id_number_index = h.id_number_index
          and c.revoked_at is null and c.completed_on <= ${asOf} and c.valid_until >= ${asOf}))::int as trained
      from h group by 1`),
  );
  const trainingOf = new Map(training.map((t) => [t.band, t]));
  // Flagged: the bands above the mean rate, the posts with a share above their fair share.
  const meanRate = bands.length > 0 ? bands.reduce((n, b) => n + b.ratePer1000, 0) / bands.length : 0;
  return {
    from,
    to,
    ageBands: bands.map((b) => ({
      ...b,
      isFlagged: b.ratePer1000 > meanRate,
      holders: Number(trainingOf.get(b.band)?.holders ?? 0),
      trainedHolders: Number(trainingOf.get(b.band)?.trained ?? 0),
    })),
    posts: [...posts.entries()]
      .map(([post, injuries]) => ({
        post,
        injuries,
        sharePct: totalInjuries > 0 ? Math.round((injuries * 10000) / totalInjuries) / 100 : 0,
        isFlagged: posts.size > 0 && injuries * posts.size > totalInjuries,
      }))
      .sort((a, b) => b.injuries - a.injuries)
      .slice(0, 10),
  };
}

/**
 * An employer's injury rate (per 1,000 insured) before and after its key posts were trained: the
 * baseline is the three full years before the year training was complete, "after" the full years
 * since (TR item 8). Training is complete on the day the last of its current key posts was trained.
 */
export async function describeEmployerRateChange(db: Db, actor: Actor, employerId: number) {
  const asOf = today();
  const [employer] = rowsOf<{ id: number; name: string; path: string }>(
    await db.execute(sql`select o.id, o.name, j.path from organisations o join jurisdictions j on j.id = o.jurisdiction_id
      where o.id = ${employerId} and o.kind = 'employer'`),
  );
  if (!employer || !isInScope(actor, employer.path)) throw notFound();
  const [done] = rowsOf<{ trained_on: string | null; untrained: number }>(
    await db.execute(sql`
      with posts as (
        select h.id, (select min(c.completed_on) from training_completions c join training_courses k on k.id = c.course_id
          join training_roles r on r.id = h.role_id
          where c.id_number_index = h.id_number_index and k.role_codes ? r.code and c.revoked_at is null) as first_trained
        from key_post_holders h where h.employer_id = ${employerId} and (h.ended_on is null or h.ended_on > ${asOf})
      )
      select case when count(*) > 0 and count(*) filter (where first_trained is null) = 0 then max(first_trained)::text end as trained_on,
        count(*) filter (where first_trained is null)::int as untrained
      from posts`),
  );
  const trainedOn = done?.trained_on ?? null;
  const rules = await resolveCountingRules(db, employer.path);
  const rateOf = async (from: number, to: number) => {
    if (to < from) return null;
    const injuries = await countInjuries(db, {
      path: employer.path,
      from,
      to,
      rules,
      employerIds: [employerId],
    });
    const insured = await countInsuredByYear(db, {
      employerIds: [employerId],
      from,
      to,
      base: rules.denominator,
    });
    const n = injuries.reduce((sum, c) => sum + c.count, 0);
    const d = [...insured.values()].reduce((a, b) => a + b, 0);
    return {
      from,
      to,
      injuries: n,
      insuredPersonYears: d,
      ratePer1000: d > 0 ? Math.round((n * 100000) / d) / 100 : null,
    };
  };
  if (!trainedOn)
    return {
      employerId,
      employerName: employer.name,
      trainedOn: null,
      untrainedPosts: Number(done?.untrained ?? 0),
      before: null,
      after: null,
      changePct: null,
    };
  const year = Number(trainedOn.slice(0, 4));
  const before = await rateOf(year - 3, year - 1);
  const after = await rateOf(year + 1, Number(asOf.slice(0, 4)) - 1);
  const changePct =
    before?.ratePer1000 && after?.ratePer1000 !== null && after?.ratePer1000 !== undefined
      ? Math.round(((after.ratePer1000 - before.ratePer1000) * 10000) / before.ratePer1000) / 100
      : null;
  return { employerId, employerName: employer.name, trainedOn, untrainedPosts: 0, before, after, changePct };
}

/** Links trainees to a training-type prevention project (PP-10); its trained figure is their count. */
export async function linkProjectTrainees(
  db: Db,
  actor: Actor,
  projectId: number,
  input: { trainees: { personName: string; idNumber: string; trainedOn: string }[] },
) {
  const project = await findTrainingProject(db, actor, projectId);
  const rows = input.trainees.map((t, i) => {
    const check = checkIdNumber(t.idNumber);
    if (!check.ok)
      throw badRequest('training.id_number_invalid', `trainees.${i}.idNumber`, { reason: check.reason });
    if (t.trainedOn > today()) throw badRequest('training.date_in_future', `trainees.${i}.trainedOn`);
    return { ...t, idNumber: normalizeIdNumber(t.idNumber) };
  });
  return db.transaction(async (tx) => {
    let added = 0;
    for (const t of rows) {
      const [holder] = rowsOf<{ id: number }>(
        await tx.execute(
          sql`select id from key_post_holders where id_number_index = ${indexOfIdNumber(t.idNumber)} order by ended_on is null desc, started_on desc limit 1`,
        ),
      );
      const inserted = await tx
        .insert(projectTrainees)
        .values({
          projectId: project.id,
          ...storePerson(t.idNumber, t.personName),
          holderId: holder?.id ?? null,
          trainedOn: t.trainedOn,
          recordedBy: actor.username,
        })
        .onConflictDoNothing()
        .returning({ id: projectTrainees.id });
      added += inserted.length;
    }
    await recordAudit(tx, actor, {
      action: 'training.project_trainees.link',
      targetType: 'prevention_project',
      targetId: project.id,
      details: { added, given: rows.length },
    });
    return { added, ...(await countProjectTrained(tx, project.id)) };
  });
}

async function countProjectTrained(db: Db, projectId: number) {
  const [row] = rowsOf<{ trained: number; key_post_holders: number }>(
    await db.execute(sql`select count(*)::int as trained, count(holder_id)::int as key_post_holders
      from project_trainees where project_id = ${projectId}`),
  );
  return { trained: Number(row?.trained ?? 0), keyPostHolders: Number(row?.key_post_holders ?? 0) };
}

/** A training project's counted "trained" figure: persons linked, of them key-post holders. */
export async function describeProjectTrained(db: Db, actor: Actor, projectId: number) {
  const project = await findTrainingProject(db, actor, projectId);
  return { projectId: project.id, title: project.title, ...(await countProjectTrained(db, project.id)) };
}
