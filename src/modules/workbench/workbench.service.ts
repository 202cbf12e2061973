import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { currentYear } from '../../platform/time.js';
import { listBatches } from '../exchange/batches.service.js';
import { listActionItems } from '../joint-meeting/action-items.service.js';
import { getMemberReportBoard } from '../joint-meeting/member-reports.service.js';
import { listRectifications } from '../joint-meeting/rectifications.service.js';
import { listNotifications } from '../notifications/notifications.service.js';
import { listOwnProjects, listProjects } from '../projects/projects.service.js';
import { listAssignments } from '../projects/review.service.js';
import { describeQuotaBoard } from '../publicity/campaigns.service.js';
import { listCoverageGaps } from '../training/training.service.js';

// 工作台 (decision 0041): the home page's counts of work waiting for the signed-in user. Each count
// is the owning module's own listing or board, read with the filter its page offers, so the number
// on the card is the number of rows the link opens; nothing here counts a second time.

export const WORKBENCH_KEYS = [
  'reviewsDue',
  'projectsToDraw',
  'projectsToDecide',
  'ownProjectsToReport',
  'batchesRejected',
  'myOpenActionItems',
  'overdueActionItems',
  'overdueRectifications',
  'reportsToChase',
  'trainingGaps',
  'campaignGaps',
  'unreadNotifications',
] as const;
export type WorkbenchKey = (typeof WORKBENCH_KEYS)[number];

export interface WorkbenchCard {
  key: WorkbenchKey;
  count: number;
  /** The page, with the filter that lists exactly these rows. */
  link: string;
}

/** Own projects at a step the declarant takes: report progress or rectify (PP-5, PP-6). */
const OWN_STEPS: readonly string[] = ['in_progress', 'rectifying'];

/**
 * The workbench of the actor: one card per kind of work its permissions give it, each with the
 * count of its scope (its unit's, for a member unit) and the link to the filtered page.
 */
export async function describeWorkbench(db: Db, actor: Actor, now: Date) {
  const can = (p: Parameters<typeof actor.permissions.has>[0]) => actor.permissions.has(p);
  const cards: Promise<WorkbenchCard>[] = [];
  const card = (key: WorkbenchKey, link: string, count: () => Promise<number>) =>
    cards.push(count().then((n) => ({ key, count: n, link })));

  // The programme office holds every permission; scoring and declaring are the expert's and the
  // declarant's work, not the office's (as the menu hides 我的申报 from it).
  const isOffice = can('projects:manage');
  if (can('reviews:score') && !isOffice)
    card('reviewsDue', '/reviews', async () => (await listAssignments(db, actor)).length);
  if (can('projects:manage')) {
    // Projects are declared against a year's call: the page lists one year at a time.
    const year = currentYear(now);
    card('projectsToDraw', `/projects?year=${year}&status=declared`, async () => {
      return (await listProjects(db, actor, { year, status: 'declared' })).length;
    });
    card('projectsToDecide', `/projects?year=${year}&status=reviewed`, async () => {
      return (await listProjects(db, actor, { year, status: 'reviewed' })).length;
    });
  }
  if (can('projects:declare') && !isOffice)
    card('ownProjectsToReport', '/own-projects', async () => {
      const own = await listOwnProjects(db, actor);
      return own.filter((p) => OWN_STEPS.includes(p.status)).length;
    });
  if (can('exchange:read'))
    card('batchesRejected', '/exchange?hasRejectedRows=true', async () => {
      return (await listBatches(db, actor, { hasRejectedRows: true, page: 1, pageSize: 1 })).total;
    });
  // A member unit's own open items (its old home-page list): the convener sees the overdue roll-up.
  if (can('meetings:read') && !can('meetings:manage') && actor.organisationId !== null)
    card('myOpenActionItems', '/joint-meeting/action-items', async () => {
      const { items } = await listActionItems(db, actor, { mine: true }, now);
      return items.filter((i) => i.status !== 'closed').length;
    });
  if (can('meetings:read')) {
    card('overdueActionItems', '/joint-meeting/action-items?view=overdue', async () => {
      return (await listActionItems(db, actor, { isOverdue: true }, now)).total;
    });
    card('overdueRectifications', '/joint-meeting/rectifications?overdue=true', async () => {
      return (await listRectifications(db, actor, { isOverdue: true }, now)).total;
    });
  }
  if (can('meetings:manage')) {
    const year = currentYear(now);
    card('reportsToChase', `/joint-meeting/yearly-reports?year=${year}&late=true`, async () => {
      const board = await getMemberReportBoard(db, actor, { year }, now);
      return board.items.filter((i) => i.isOverdue).length;
    });
  }
  if (can('training:read'))
    card('trainingGaps', '/training?tab=coverage', async () => {
      return (await listCoverageGaps(db, actor, { pageSize: 1 })).total;
    });
  if (can('publicity:read'))
    card('campaignGaps', '/publicity?tab=board', async () => {
      return (await describeQuotaBoard(db, actor, { year: currentYear(now) })).summary.none;
    });
  card('unreadNotifications', '/inbox?unread=true', async () => {
    return (await listNotifications(db, actor, { unreadOnly: true, page: 1, pageSize: 1 })).total;
  });
  // PGlite has one connection: the reads queue there anyway; on PostgreSQL they overlap.
  return { role: actor.role, cards: await Promise.all(cards) };
}
