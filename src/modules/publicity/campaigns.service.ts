import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, hasPermission, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { translate } from '../../platform/i18n/messages.js';
import { today } from '../../platform/time.js';
import { findPlanPeriod, listKeyIndustries } from '../enterprises/enterprises.service.js';
import { planPeriods } from '../enterprises/enterprises.tables.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { resolveSetting } from '../settings/settings.service.js';
import { listPublicityFiles } from './files.service.js';
import type { CampaignInput, CampaignRecordInput } from './publicity.schema.js';
import { PUBLICITY_SETTINGS } from './publicity.settings.js';
import { type CampaignIndustry, publicityCampaigns } from './publicity.tables.js';

// Campaigns (PU-1) and the quota board: every key industry of the plan period gets at least one
// concentrated campaign a year in every area (J 三(二)).

export const CHANNELS = ['tv', 'newspaper', 'new_media', 'on_site', 'online_course', 'other'] as const;

/** The topics that apply at a jurisdiction (the publicity.topics setting, nearest ancestor wins). */
export async function listPublicityTopics(db: Db, actor: Actor, jurisdiction?: string) {
  const j = await getJurisdictionInScope(db, actor, jurisdiction ?? actor.jurisdictionCode);
  const topics = await resolveSetting(db, j.path, PUBLICITY_SETTINGS.topics);
  return { items: topics.value, channels: [...CHANNELS] };
}

/** A later date that precedes an earlier one: 400 naming the later field. */
export function assertDateOrder(earlier: string, later: string, fields: { earlier: string; later: string }) {
  if (later < earlier)
    throw badRequest('publicity.dates_out_of_order', fields.later, {
      field: fields.later,
      other: fields.earlier,
    });
}

/**
 * Plans a campaign (PU-1). Industries are matched by name against the key industries of the period
 * that apply at the campaign's jurisdiction; a name that is not one is kept (local additions exist)
 * with a warning, and does not count toward the quota.
 */
export async function createCampaign(db: Db, actor: Actor, input: CampaignInput, now: Date) {
  const jurisdiction = await getJurisdictionInScope(db, actor, input.jurisdiction ?? actor.jurisdictionCode);
  assertDateOrder(input.startsOn, input.endsOn, { earlier: 'startsOn', later: 'endsOn' });
  const year = Number(input.startsOn.slice(0, 4));
  const topics = (await resolveSetting(db, jurisdiction.path, PUBLICITY_SETTINGS.topics)).value;
  input.topics.forEach((topic, i) => {
    if (!topics.some((t) => t.code === topic))
      throw badRequest('publicity.topic_unknown', `topics.${i}`, { topic });
  });
  // An organiser named by id is one the actor can see: its officers may then record the campaign.
  for (const [i, organiser] of input.organisers.entries()) {
    if (!organiser.organisationId) continue;
    const [org] = await db
      .select({ path: jurisdictions.path })
      .from(organisations)
      .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
      .where(eq(organisations.id, organiser.organisationId));
    if (!org || !isInScope(actor, org.path))
      throw new AppError(400, 'not_found', {}, `organisers.${i}.organisationId`);
  }
  const period = await findPlanPeriod(db, undefined, year);
  const keyList = await listKeyIndustries(db, actor, {
    planPeriod: period.code,
    jurisdiction: jurisdiction.code,
    category: 'key',
  });
  const warnings: { field: string; code: string; message: string }[] = [];
  const industries: CampaignIndustry[] = [];
  [...new Set(input.industries)].forEach((name, i) => {
    const match = keyList.items.find((k) => k.name === name);
    if (!match)
      warnings.push({
        field: `industries.${i}`,
        code: 'publicity.industry_not_key',
        message: translate('publicity.industry_not_key', 'zh', { name }),
      });
    industries.push({ name, keyIndustryId: match?.id ?? null });
  });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(publicityCampaigns)
      .values({
        jurisdictionId: jurisdiction.id,
        year,
        planPeriodId: period.id,
        title: input.title,
        industries,
        topics: input.topics,
        organisers: input.organisers,
        channels: input.channels,
        occasion: input.occasion ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdBy: actor.username,
        createdAt: now,
      })
      .returning({ id: publicityCampaigns.id });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'publicity.campaign.create',
      targetType: 'publicity_campaign',
      targetId: row.id,
      jurisdictionPath: jurisdiction.path,
      details: { title: input.title, year, industries, warnings: warnings.map((w) => w.field) },
    });
    return { id: row.id, warnings };
  });
}

/**
 * Campaigns in the actor's scope, and those that name the actor's organisation among their
 * organisers: a province's campaign may be organised by a city's member department, whose officers
 * record what it achieved (PU-1) though the province lies above their scope.
 */
function visibleTo(actor: Actor): SQL {
  const scope = withinScope(jurisdictions.path, actor.jurisdictionPath);
  if (actor.organisationId === null) return scope;
  return or(scope, organisedBy(actor.organisationId)) as SQL;
}

const organisedBy = (organisationId: number) =>
  sql`${publicityCampaigns.organisers} @> ${JSON.stringify([{ organisationId }])}::jsonb`;

export async function findCampaignInScope(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ campaign: publicityCampaigns, path: jurisdictions.path })
    .from(publicityCampaigns)
    .innerJoin(jurisdictions, eq(jurisdictions.id, publicityCampaigns.jurisdictionId))
    .where(and(eq(publicityCampaigns.id, id), visibleTo(actor)));
  if (!row) throw notFound();
  return row;
}

/**
 * Whether the actor organises a campaign, and so may record what it achieved and add its materials
 * (PU-1: "the organiser records what happened"): an officer of an organisation listed among its
 * organisers, or the HRSS office of the campaign's own jurisdiction, which planned it and records on
 * the organisers' behalf. An HRSS officer of a higher level, or an officer of any other unit of the
 * area, only reads it.
 */
export function isCampaignOrganiser(
  actor: Actor,
  campaign: Pick<typeof publicityCampaigns.$inferSelect, 'organisers'>,
  path: string,
) {
  if (
    actor.organisationId !== null &&
    campaign.organisers.some((o) => o.organisationId === actor.organisationId)
  )
    return true;
  return hasPermission(actor, 'publicity:manage') && path === actor.jurisdictionPath;
}

/** A campaign in the actor's scope (404 otherwise) that the actor organises (403 otherwise). */
export async function findCampaignToRecord(db: Db, actor: Actor, id: number) {
  const row = await findCampaignInScope(db, actor, id);
  if (!isCampaignOrganiser(actor, row.campaign, row.path))
    throw new AppError(403, 'publicity.organiser_only', {}, 'id');
  return row;
}

/**
 * Records what a campaign achieved (PU-1): events, reach figures with their source, a summary and
 * material links. Only its organiser records (isCampaignOrganiser). It may be corrected until HRSS
 * accepts it.
 */
export async function recordCampaign(
  db: Db,
  actor: Actor,
  id: number,
  input: CampaignRecordInput,
  now: Date,
) {
  const { campaign, path } = await findCampaignToRecord(db, actor, id);
  if (campaign.status === 'accepted') throw new AppError(409, 'publicity.campaign_not_planned');
  if (campaign.startsOn > today(now)) throw badRequest('publicity.date_in_future', 'startsOn');
  await db.transaction(async (tx) => {
    await tx
      .update(publicityCampaigns)
      .set({
        status: 'recorded',
        events: input.events,
        views: input.views,
        participants: input.participants,
        enterprisesReached: input.enterprisesReached,
        reachSource: input.reachSource,
        summary: input.summary,
        materialLinks: input.materialLinks,
        recordedBy: actor.username,
        recordedAt: now,
      })
      .where(eq(publicityCampaigns.id, id));
    await recordAudit(tx, actor, {
      action: 'publicity.campaign.record',
      targetType: 'publicity_campaign',
      targetId: id,
      jurisdictionPath: path,
      details: {
        events: input.events,
        views: input.views,
        participants: input.participants,
        enterprisesReached: input.enterprisesReached,
        reachSource: input.reachSource,
      },
    });
  });
  return { ok: true as const };
}

/** HRSS accepts a campaign's record (PU-1). */
export async function acceptCampaign(db: Db, actor: Actor, id: number, now: Date) {
  const { campaign, path } = await findCampaignInScope(db, actor, id);
  if (campaign.status !== 'recorded') throw new AppError(409, 'publicity.campaign_not_recorded');
  await db.transaction(async (tx) => {
    await tx
      .update(publicityCampaigns)
      .set({ status: 'accepted', acceptedBy: actor.username, acceptedAt: now })
      .where(eq(publicityCampaigns.id, id));
    await recordAudit(tx, actor, {
      action: 'publicity.campaign.accept',
      targetType: 'publicity_campaign',
      targetId: id,
      jurisdictionPath: path,
    });
  });
  return { ok: true as const };
}

type CampaignRow = {
  campaign: typeof publicityCampaigns.$inferSelect;
  path: string;
  code: string;
  name: string;
  period: string;
};

function toCampaignDto(
  actor: Actor,
  r: CampaignRow,
  files: Awaited<ReturnType<typeof listPublicityFiles>> = [],
) {
  const c = r.campaign;
  return {
    id: c.id,
    mayRecord: isCampaignOrganiser(actor, c, r.path),
    jurisdictionCode: r.code,
    jurisdictionName: r.name,
    year: c.year,
    planPeriod: r.period,
    title: c.title,
    industries: c.industries.map((i) => ({ ...i, isKey: i.keyIndustryId !== null })),
    topics: c.topics,
    organisers: c.organisers,
    channels: c.channels,
    occasion: c.occasion,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    status: c.status,
    events: c.events,
    views: c.views,
    participants: c.participants,
    enterprisesReached: c.enterprisesReached,
    reachSource: c.reachSource,
    summary: c.summary,
    materialLinks: c.materialLinks,
    recordedBy: c.recordedBy,
    acceptedBy: c.acceptedBy,
    files,
  };
}

const campaignColumns = {
  campaign: publicityCampaigns,
  path: jurisdictions.path,
  code: jurisdictions.code,
  name: jurisdictions.name,
  period: planPeriods.code,
};

/** Campaigns of a jurisdiction subtree (default: the actor's), newest first. */
export async function listCampaigns(
  db: Db,
  actor: Actor,
  query: { jurisdiction?: string; year?: number; status?: string; keyIndustryId?: number },
) {
  const j = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  // The actor's own list also holds the campaigns of higher levels it is named to organise.
  const own = j.path === actor.jurisdictionPath && actor.organisationId !== null;
  const area = withinScope(jurisdictions.path, j.path);
  const conditions: SQL[] = [own ? (or(area, organisedBy(actor.organisationId as number)) as SQL) : area];
  if (query.year) conditions.push(eq(publicityCampaigns.year, query.year));
  if (query.status) conditions.push(sql`${publicityCampaigns.status} = ${query.status}`);
  if (query.keyIndustryId)
    conditions.push(
      sql`${publicityCampaigns.industries} @> ${JSON.stringify([{ keyIndustryId: query.keyIndustryId }])}::jsonb`,
    );
  const rows = await db
    .select(campaignColumns)
    .from(publicityCampaigns)
    .innerJoin(jurisdictions, eq(jurisdictions.id, publicityCampaigns.jurisdictionId))
    .innerJoin(planPeriods, eq(planPeriods.id, publicityCampaigns.planPeriodId))
    .where(and(...conditions))
    .orderBy(desc(publicityCampaigns.startsOn), desc(publicityCampaigns.id));
  return { total: rows.length, items: rows.map((r) => toCampaignDto(actor, r)) };
}

/** One campaign with its files. */
export async function getCampaign(db: Db, actor: Actor, id: number) {
  await findCampaignInScope(db, actor, id);
  const [row] = await db
    .select(campaignColumns)
    .from(publicityCampaigns)
    .innerJoin(jurisdictions, eq(jurisdictions.id, publicityCampaigns.jurisdictionId))
    .innerJoin(planPeriods, eq(planPeriods.id, publicityCampaigns.planPeriodId))
    .where(eq(publicityCampaigns.id, id));
  if (!row) throw notFound();
  return toCampaignDto(actor, row, await listPublicityFiles(db, 'campaign', id));
}

export interface Reach {
  campaigns: number;
  events: number;
  views: number;
  participants: number;
  enterprisesReached: number;
}

const emptyReach = (): Reach => ({
  campaigns: 0,
  events: 0,
  views: 0,
  participants: 0,
  enterprisesReached: 0,
});

function addReach(total: Reach, c: typeof publicityCampaigns.$inferSelect) {
  total.campaigns += 1;
  total.events += c.events ?? 0;
  total.views += c.views ?? 0;
  total.participants += c.participants ?? 0;
  total.enterprisesReached += c.enterprisesReached ?? 0;
}

/**
 * The quota board (PU-1) of a jurisdiction and year: each key industry of the plan period × the
 * jurisdiction itself (its own campaigns) and each area directly below it (their campaigns and
 * those below them): held (a recorded or accepted campaign: green), planned (amber) or none (red),
 * with reach totals of the held campaigns. A campaign counts only for the key industries it names;
 * one for an industry outside the key list counts nowhere. Stable shape: the scorecard and the
 * yearly implementation report read it.
 */
export async function describeQuotaBoard(
  db: Db,
  actor: Actor,
  query: { jurisdiction?: string; year?: number },
) {
  const j = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  const year = query.year ?? Number(today().slice(0, 4));
  const period = await findPlanPeriod(db, undefined, year);
  const keyList = await listKeyIndustries(db, actor, {
    planPeriod: period.code,
    jurisdiction: j.code,
    category: 'key',
  });
  const industries = keyList.items.map((k) => ({ id: k.id, name: k.name }));
  const children = await db
    .select({
      code: jurisdictions.code,
      name: jurisdictions.name,
      level: jurisdictions.level,
      path: jurisdictions.path,
    })
    .from(jurisdictions)
    .where(eq(jurisdictions.parentId, j.id))
    .orderBy(asc(jurisdictions.code));
  const areas = [{ code: j.code, name: j.name, level: j.level, path: j.path, isOwn: true }].concat(
    children.map((c) => ({ ...c, isOwn: false })),
  );
  const campaigns = await db
    .select({ campaign: publicityCampaigns, path: jurisdictions.path })
    .from(publicityCampaigns)
    .innerJoin(jurisdictions, eq(jurisdictions.id, publicityCampaigns.jurisdictionId))
    .where(and(eq(publicityCampaigns.year, year), withinScope(jurisdictions.path, j.path)))
    .orderBy(asc(publicityCampaigns.id));
  const areaOf = (path: string) =>
    path === j.path
      ? j.code
      : areas.find((a) => !a.isOwn && (path === a.path || path.startsWith(`${a.path}/`)))?.code;
  const cells = new Map<
    string,
    { status: 'held' | 'planned' | 'none'; campaignIds: number[]; reach: Reach }
  >();
  for (const industry of industries)
    for (const area of areas)
      cells.set(`${industry.id}:${area.code}`, { status: 'none', campaignIds: [], reach: emptyReach() });
  const totals = new Map(areas.map((a) => [a.code, { held: 0, planned: 0, reach: emptyReach() }]));
  const summaryReach = emptyReach();
  for (const { campaign, path } of campaigns) {
    const area = areaOf(path);
    if (!area) continue;
    const isHeld = campaign.status !== 'planned';
    const total = totals.get(area);
    if (total) {
      if (isHeld) {
        total.held += 1;
        addReach(total.reach, campaign);
        addReach(summaryReach, campaign);
      } else total.planned += 1;
    }
    const counted = new Set(campaign.industries.map((i) => i.keyIndustryId).filter((id) => id !== null));
    for (const industryId of counted) {
      const cell = cells.get(`${industryId}:${area}`);
      if (!cell) continue;
      cell.campaignIds.push(campaign.id);
      if (isHeld) {
        cell.status = 'held';
        addReach(cell.reach, campaign);
      } else if (cell.status === 'none') cell.status = 'planned';
    }
  }
  const cellList = [...cells.entries()].map(([key, cell]) => {
    const [industryId, areaCode] = key.split(':');
    return { industryId: Number(industryId), areaCode: areaCode as string, ...cell };
  });
  const held = cellList.filter((c) => c.status === 'held').length;
  const planned = cellList.filter((c) => c.status === 'planned').length;
  return {
    jurisdictionCode: j.code,
    jurisdictionName: j.name,
    year,
    planPeriod: period.code,
    industries,
    areas: areas.map((a) => ({ code: a.code, name: a.name, level: a.level })),
    cells: cellList,
    areaTotals: [...totals.entries()].map(([areaCode, t]) => ({ areaCode, ...t })),
    summary: {
      cells: cellList.length,
      held,
      planned,
      none: cellList.length - held - planned,
      heldPct: cellList.length === 0 ? null : Math.round((held / cellList.length) * 1000) / 10,
      reach: summaryReach,
    },
  };
}

/** The quota board as rows for an XLSX export: one row per area, one column per key industry. */
export async function exportQuotaBoard(
  db: Db,
  actor: Actor,
  query: { jurisdiction?: string; year?: number },
) {
  const board = await describeQuotaBoard(db, actor, query);
  const label = { held: '已开展', planned: '已计划', none: '未开展' } as const;
  const header = [
    '地区代码',
    '地区',
    ...board.industries.map((i) => i.name),
    '已开展活动数',
    '活动场次',
    '浏览量',
    '参与人数',
    '覆盖企业数',
  ];
  const rows = board.areas.map((area) => {
    const total = board.areaTotals.find((t) => t.areaCode === area.code);
    return [
      area.code,
      area.code === board.jurisdictionCode ? `${area.name}（本级）` : area.name,
      ...board.industries.map((i) => {
        const cell = board.cells.find((c) => c.industryId === i.id && c.areaCode === area.code);
        return label[cell?.status ?? 'none'];
      }),
      total?.held ?? 0,
      total?.reach.events ?? 0,
      total?.reach.views ?? 0,
      total?.reach.participants ?? 0,
      total?.reach.enterprisesReached ?? 0,
    ];
  });
  return { board, rows: [header, ...rows] };
}

/** Public campaign calendar: campaigns of a jurisdiction subtree in a year, without the record. */
export async function unsafeListPublicCampaigns(db: Db, query: { jurisdiction?: string; year: number }) {
  // Public by design (the plans ask for publicity): only the plan-level fields are shown.
  const conditions: SQL[] = [eq(publicityCampaigns.year, query.year)];
  if (query.jurisdiction) {
    const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, query.jurisdiction));
    if (!j) return { items: [] };
    conditions.push(withinScope(jurisdictions.path, j.path));
  }
  const rows = await db
    .select({ campaign: publicityCampaigns, code: jurisdictions.code, name: jurisdictions.name })
    .from(publicityCampaigns)
    .innerJoin(jurisdictions, eq(jurisdictions.id, publicityCampaigns.jurisdictionId))
    .where(and(...conditions))
    .orderBy(asc(publicityCampaigns.startsOn), asc(publicityCampaigns.id))
    .limit(500);
  const photos = await listPublicityFiles(
    db,
    'campaign',
    rows.map((r) => r.campaign.id),
  );
  return {
    items: rows.map(({ campaign: c, code, name }) => ({
      id: c.id,
      jurisdictionCode: code,
      jurisdictionName: name,
      title: c.title,
      industries: c.industries.map((i) => i.name),
      topics: c.topics,
      channels: c.channels,
      occasion: c.occasion,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      status: c.status === 'planned' ? 'planned' : 'held',
      photoIds: photos.filter((p) => p.ownerId === c.id && p.hasPublicImage).map((p) => p.id),
    })),
  };
}
