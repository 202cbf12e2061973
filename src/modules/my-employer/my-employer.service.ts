import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { currentYear } from '../../platform/time.js';
import { listEmployerInjuryCases } from '../exchange/records.service.js';
import { describeCounting } from '../facts/counting.js';
import { countInjuries, countInsuredByYear, figureOf, resolveCountingRules } from '../facts/facts.service.js';
import {
  answerRectificationAsEmployer,
  listEmployerRectifications,
} from '../joint-meeting/rectifications.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { unsafeListOrganisationContacts } from '../organisations/organisations.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import {
  listDeclarableBudgets,
  listJoinableProjects,
  listOwnProjects,
} from '../projects/projects.service.js';
import { listOwnRateNotices } from '../rates/appeals.service.js';
import { describeEmployerTrainingCoverage } from '../training/training.service.js';

/** How many years of headcount and injuries the page shows, the current one last. */
const YEARS_SHOWN = 5;
/** The newest determinations listed (masked); the count covers them all. */
const INJURIES_LISTED = 50;

/** The account's own employer, within its scope; null for an account of no employer. */
async function findOwnEmployer(db: Db, actor: Actor) {
  if (actor.organisationId === null) return null;
  const [row] = await db
    .select({ o: organisations, j: jurisdictions })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(
      and(
        eq(organisations.id, actor.organisationId),
        eq(organisations.kind, 'employer'),
        withinScope(jurisdictions.path, actor.jurisdictionPath),
      ),
    );
  return row ?? null;
}

/**
 * 本单位 (issue 17 item 7): the signed-in employer's own record on one page — its insured
 * headcount and injuries per year (the facts' counts under its jurisdiction's counting rules),
 * its injury determinations (masked, the view audited), the rectification suggestions addressed
 * to it, its key-post training coverage, its rate notices and where it may declare a prevention
 * project. Every part is read by the owning module's own function, for this employer alone.
 */
export async function describeOwnEmployer(db: Db, actor: Actor, options: { lang: 'zh' | 'en'; now: Date }) {
  const year = currentYear(options.now);
  const from = year - YEARS_SHOWN + 1;
  const row = await findOwnEmployer(db, actor);
  if (!row)
    return {
      employer: null,
      years: [],
      counting: '',
      injuries: { total: 0, items: [] },
      rectifications: [],
      training: null,
      rateNotices: [],
      projects: { mayDeclare: false, budgets: [], own: [] },
    };
  const { o, j } = row;
  const rules = await resolveCountingRules(db, j.path);
  const [insured, counts, injuries, rectifications, training, notices, budgets, own] = await Promise.all([
    countInsuredByYear(db, { employerIds: [o.id], from, to: year }),
    countInjuries(db, { path: j.path, from, to: year, rules, employerIds: [o.id] }),
    listEmployerInjuryCases(db, actor, {
      employerId: o.id,
      limit: INJURIES_LISTED,
      route: 'GET /api/my-employer',
    }),
    listEmployerRectifications(db, o.id, options.now),
    describeEmployerTrainingCoverage(db, actor, { id: o.id, path: j.path, jurisdictionCode: j.code }),
    listOwnRateNotices(db, actor),
    listDeclarableBudgets(db, { path: j.path, kind: o.kind, sizeBand: o.sizeBand }, year),
    listOwnProjects(db, actor),
  ]);
  return {
    employer: {
      id: o.id,
      name: o.name,
      creditCode: o.creditCode,
      industryCode: o.industryCode,
      sizeBand: o.sizeBand,
      jurisdictionCode: j.code,
      jurisdictionName: j.name,
    },
    years: Array.from({ length: YEARS_SHOWN }, (_, i) => {
      const y = from + i;
      const figure = figureOf(counts, '', y);
      return {
        year: y,
        averageInsured: insured.get(y) ?? null,
        injuries: figure.count,
        cases: figure.cases,
        deaths: figure.deaths,
      };
    }),
    counting: describeCounting(rules, options.lang),
    injuries,
    rectifications,
    training,
    rateNotices: notices.items.map((n) => ({
      assignmentId: n.assignment.id,
      rateYear: n.run.rateYear,
      cycleFromYear: n.run.cycleFromYear,
      cycleToYear: n.run.cycleToYear,
      status: n.assignment.status,
      riskClass: n.assignment.riskClass,
      baseRateBp: n.assignment.baseRateBp,
      multiplierPct: n.assignment.multiplierPct,
      rateMicro: n.assignment.rateMicro,
      correctedRateMicro: n.assignment.correctedRateMicro,
      rationaleZh: n.assignment.rationaleZh,
      rationaleEn: n.assignment.rationaleEn,
      openAppeals: n.appeals.filter((a) => a.status === 'submitted').length,
    })),
    projects: {
      ...budgets,
      own: own.map((p) => ({
        id: p.id,
        title: p.title,
        year: p.year,
        type: p.type,
        status: p.status,
        requestedFen: p.requestedFen,
        jurisdictionName: p.jurisdiction.name,
      })),
    },
  };
}

/**
 * The employer answers a rectification suggestion addressed to it (整改情况反馈): recorded on the
 * suggestion's timeline by the joint meeting's own function, audited; another's answers 404.
 */
export function answerOwnRectification(db: Db, actor: Actor, id: number, input: { note: string }, now: Date) {
  return answerRectificationAsEmployer(db, actor, id, input, now);
}

/**
 * Projects the employer may join (本单位, issue 17 item 7): funded training projects of its
 * jurisdiction and those above it, in their implementation, for its industry (the rule is
 * projects' listJoinableProjects), each with its organiser's contact (the organisations module
 * reads it and audits the view). Nothing of other employers: the list is of projects, found by
 * this employer's own jurisdiction and industry. An account of no employer gets an empty list.
 */
export async function listProjectsToJoin(db: Db, actor: Actor) {
  const row = await findOwnEmployer(db, actor);
  if (!row) return { industryCode: null, items: [] };
  const projects = await listJoinableProjects(db, { path: row.j.path, industryCode: row.o.industryCode });
  const contacts = await unsafeListOrganisationContacts(
    db,
    actor,
    [...new Set(projects.map((p) => p.organiserId))],
    'organisers of projects an employer may join (GET /api/my-employer/projects)',
  );
  return {
    industryCode: row.o.industryCode,
    items: projects.map(({ organiserId, organiserName, serviceOrganisationName, ...p }) => {
      const contact = contacts.get(organiserId);
      return {
        ...p,
        organiser: {
          name: organiserName,
          address: contact?.address ?? null,
          contactName: contact?.contactName ?? null,
          contactPhone: contact?.contactPhone ?? null,
        },
        serviceOrganisation: serviceOrganisationName,
      };
    }),
  };
}
