import { and, eq, notInArray } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injuryCases, insuredHeadcounts } from '../src/modules/exchange/exchange.tables.js';
import { computeIdCheckChar } from '../src/modules/exchange/id-number.js';
import { expertShares } from '../src/modules/experts/experts.tables.js';
import { rosterMembers } from '../src/modules/joint-meeting/joint-meeting.tables.js';
import { actionItems, implementationReports } from '../src/modules/joint-meeting/workflow.tables.js';
import { jurisdictions } from '../src/modules/jurisdictions/jurisdictions.tables.js';
import { computeCreditCodeCheckChar } from '../src/modules/organisations/credit-code.js';
import { organisations } from '../src/modules/organisations/organisations.tables.js';
import { userIdentities, users } from '../src/modules/users/users.tables.js';
import { auditLog } from '../src/platform/audit/audit.tables.js';
import { PERMISSIONS, type Permission, ROLE_PERMISSIONS, ROLES } from '../src/platform/auth/permissions.js';
import { addDays, today } from '../src/platform/time.js';
import { INJURY_HEADER, injuryRow, toCsv } from './exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from './helpers.js';
import { buildProjectFixture, PROJECT_YEAR, type ProjectFixture } from './projects-builders.js';

/**
 * The unauthorised-access suite: every API route refuses (a) an anonymous caller, (b) a signed-in
 * user without the route's permission, and (c) an officer of a sibling jurisdiction reaching for
 * Fuzhou's data. A route registered without a row here fails the suite.
 */

interface Fixture {
  /** A member officer in 鼓楼区 (350102). */
  userId: number;
  /** An employer in 鼓楼区 (350102). */
  organisationId: number;
  organisationCreditCode: string;
  /** An open membership of Fuzhou's joint-meeting roster. */
  rosterMemberId: number;
  /** A committed exchange batch submitted by Fuzhou's HRSS bureau. */
  batchId: number;
  /** 福州市人力资源和社会保障局: the unit a Fuzhou HRSS officer submits for. */
  hrssOrganisationId: number;
  /** 福州市应急管理局, a member department of Fuzhou. */
  emergencyOrganisationId: number;
  /** An API token issued to 福州市应急管理局. */
  tokenId: number;
  /** A key industry Fuzhou added to the 2026–2030 list. */
  keyIndustryId: number;
  /** 身份证号 of the injured worker in Fuzhou's fixture batch. */
  personIdNumber: string;
  /** That worker's injury_cases id. */
  injuryId: number;
  /** Fuzhou bulletins drafted by `fuzhou`: one to read and edit, one to approve, one approved to publish. */
  bulletinDraftId: number;
  bulletinToApproveId: number;
  bulletinApprovedId: number;
  /** Joint-meeting workflow fixtures of Fuzhou, each in the state its route needs. */
  jm: {
    draftMeetingId: number;
    scheduledMeetingId: number;
    heldMeetingId: number;
    minutesMeetingId: number;
    /** Assigned to 福州市人力资源和社会保障局 (the control officer's unit), overdue. */
    actionItemId: number;
    followUpId: number;
    attachmentId: number;
    rectificationId: number;
    submittedMemberReportId: number;
    draftMemberReportId: number;
    implementationReportId: number;
    /** 鼓楼区's report, submitted: a Fuzhou officer reviews it. */
    submittedImplementationReportId: number;
  };
  /** Prevention projects, experts and organisations of Fuzhou (see projectFixture). */
  pp: ProjectFixture;
  /** A share of an expert into 鼓楼区, pending the receiving side's answer. */
  pendingShareId: number;
  /** Training: a key-post holder at the Gulou employer, and a Fuzhou course. */
  training: { holderId: number; courseId: number };
  /** Audit administrators (三员分立: they alone read the audit log) of Fuzhou and of sibling Xiamen. */
  auditAdminUsername: string;
  siblingAuditAdminUsername: string;
  /** The national audit administrator: the audit chain is deployment-wide. */
  nationalAuditAdminUsername: string;
  /** A unified identity (OIDC) linked to a second 鼓楼区 user, and one queued for linking. */
  identity: { userId: number; id: number; pendingId: number };
  /** A Fujian (province) HRSS officer: the pending identity queue is the province's. */
  provinceOfficer: string;
}

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  payload?: Record<string, unknown> | Buffer;
  headers?: Record<string, string>;
}

/**
 * How an officer of sibling Xiamen is refused Fuzhou's data:
 * - hidden: 404 (or 403), as if the record did not exist;
 * - field: 400 on jurisdictionCode, for a create naming a Fuzhou jurisdiction;
 * - filtered: 200 with none of Fuzhou's rows, for a list with no jurisdiction parameter.
 */
type SiblingRefusal = 'hidden' | 'field' | 'filtered';

interface RouteCase {
  /** The permission the route requires; null for what any signed-in user may do. */
  permission: Permission | null;
  /** A valid request on a Fuzhou (350100) resource: a Fuzhou HRSS officer's succeeds. */
  call: (f: Fixture) => Call;
  /** null for routes that act only on the caller or serve national reference data. */
  sibling: SiblingRefusal | null;
  /** The user who succeeds in the control, when not a Fuzhou HRSS officer (an applicant, an expert). */
  controlUser?: (f: Fixture) => string;
  /** The sibling who is refused, when not a Xiamen HRSS officer (who lacks the permission altogether). */
  siblingUser?: (f: Fixture) => string;
}

async function organisationIdOf(name: string): Promise<number> {
  const [row] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  if (!row) throw new Error(`no organisation ${name}`);
  return row.id;
}

let serial = 0;

/** A second 鼓楼区 user with a linked unified identity, and an identity queued for linking. */
async function buildIdentities(): Promise<Fixture['identity']> {
  const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
  const [linked] = await t.db
    .insert(userIdentities)
    .values({ issuer: ACCESS_OIDC.issuer, subject: 'access-linked', userId: user.id })
    .returning({ id: userIdentities.id });
  const [pending] = await t.db
    .insert(userIdentities)
    .values({ issuer: ACCESS_OIDC.issuer, subject: 'access-pending' })
    .returning({ id: userIdentities.id });
  if (!linked || !pending) throw new Error('identity fixture missing');
  return { userId: user.id, id: linked.id, pendingId: pending.id };
}

/** Yesterday in China: a date a meeting may have been held on. */
function yesterday(): string {
  return addDays(today(), -1);
}
const next = () => ++serial;

/** A one-row injury file for 鼓楼区, unique per call. */
function injuryFile(): Buffer {
  return Buffer.from(toCsv([INJURY_HEADER, injuryRow(9000 + next())]), 'utf8');
}

/** A valid 身份证号, unique per call. */
function freshIdNumber(): string {
  const first17 = `35010219850101${String(100 + (next() % 900)).padStart(3, '0')}`;
  return first17 + computeIdCheckChar(first17);
}

function freshCreditCode(): string {
  const body = `91350102MA${(7000 + next()).toString().padStart(7, '0')}`;
  return body + computeCreditCodeCheckChar(body);
}

const CASES: Record<string, RouteCase> = {
  'POST /api/auth/logout': {
    permission: null,
    call: () => ({ method: 'POST', url: '/api/auth/logout' }),
    sibling: null,
  },
  'GET /api/auth/me': {
    permission: null,
    call: () => ({ method: 'GET', url: '/api/auth/me' }),
    sibling: null,
  },
  'POST /api/auth/password': {
    permission: null,
    call: () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: `Another-Passw0rd-${next()}` },
    }),
    sibling: null,
  },
  'GET /api/users': {
    permission: 'users:read',
    call: () => ({ method: 'GET', url: '/api/users?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/users/:id': {
    permission: 'users:read',
    call: (f) => ({ method: 'GET', url: `/api/users/${f.userId}` }),
    sibling: 'hidden',
  },
  'POST /api/users': {
    permission: 'users:manage',
    call: () => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: `access.new${next()}`,
        password: TEST_PASSWORD,
        displayName: '鼓楼区新用户',
        role: 'member_officer',
        jurisdictionCode: '350102',
      },
    }),
    sibling: 'field',
  },
  'PUT /api/users/:id': {
    permission: 'users:manage',
    call: (f) => ({
      method: 'PUT',
      url: `/api/users/${f.userId}`,
      payload: {
        displayName: '鼓楼区成员单位',
        role: 'member_officer',
        jurisdictionCode: '350102',
        isActive: true,
      },
    }),
    sibling: 'hidden',
  },
  'POST /api/users/:id/password': {
    permission: 'users:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/users/${f.userId}/password`,
      payload: { newPassword: `Temp-Passw0rd-${next()}` },
    }),
    sibling: 'hidden',
  },
  'GET /api/users/:id/identities': {
    permission: 'users:read',
    call: (f) => ({ method: 'GET', url: `/api/users/${f.identity.userId}/identities` }),
    sibling: 'hidden',
  },
  'POST /api/users/:id/identities': {
    permission: 'users:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/users/${f.userId}/identities`,
      payload: { subject: `access-subject-${next()}` },
    }),
    sibling: 'hidden',
  },
  'DELETE /api/users/:id/identities/:identityId': {
    permission: 'users:manage',
    call: (f) => ({
      method: 'DELETE',
      url: `/api/users/${f.identity.userId}/identities/${f.identity.id}`,
    }),
    sibling: 'hidden',
  },
  'GET /api/identities/pending': {
    permission: 'users:manage',
    call: () => ({ method: 'GET', url: '/api/identities/pending' }),
    sibling: 'filtered',
    controlUser: (f) => f.provinceOfficer,
  },
  'GET /api/jurisdictions': {
    permission: 'jurisdictions:read',
    call: () => ({ method: 'GET', url: '/api/jurisdictions?within=350100' }),
    sibling: 'hidden',
  },
  'GET /api/jurisdictions/:code': {
    permission: 'jurisdictions:read',
    call: () => ({ method: 'GET', url: '/api/jurisdictions/350102' }),
    sibling: 'hidden',
  },
  'GET /api/code-tables/industries': {
    permission: null,
    call: () => ({ method: 'GET', url: '/api/code-tables/industries' }),
    sibling: null,
  },
  'GET /api/organisations': {
    permission: 'organisations:read',
    call: () => ({ method: 'GET', url: '/api/organisations?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/organisations/:id': {
    permission: 'organisations:read',
    call: (f) => ({ method: 'GET', url: `/api/organisations/${f.organisationId}` }),
    sibling: 'hidden',
  },
  'POST /api/organisations': {
    permission: 'organisations:write',
    call: () => ({
      method: 'POST',
      url: '/api/organisations',
      payload: {
        kind: 'employer',
        name: `鼓楼区访问测试企业${next()}`,
        creditCode: freshCreditCode(),
        industryCode: '4710',
        jurisdictionCode: '350102',
      },
    }),
    sibling: 'field',
  },
  'PUT /api/organisations/:id': {
    permission: 'organisations:write',
    call: (f) => ({
      method: 'PUT',
      url: `/api/organisations/${f.organisationId}`,
      payload: {
        kind: 'employer',
        name: '鼓楼区访问测试企业',
        creditCode: f.organisationCreditCode,
        industryCode: '4710',
        jurisdictionCode: '350102',
      },
    }),
    sibling: 'hidden',
  },
  'GET /api/joint-meetings/:code/roster': {
    permission: 'roster:read',
    call: () => ({ method: 'GET', url: '/api/joint-meetings/350100/roster' }),
    sibling: 'hidden',
  },
  'POST /api/joint-meetings/:code/roster': {
    permission: 'roster:write',
    call: () => ({
      method: 'POST',
      url: '/api/joint-meetings/350100/roster',
      payload: {
        role: 'liaison',
        personName: '访问测试',
        title: '一级主任科员',
        unitName: '市人社局',
        effectiveDate: '2024-01-02',
        reason: '增设联络员',
      },
    }),
    sibling: 'hidden',
  },
  'POST /api/roster-members/:id/replace': {
    permission: 'roster:write',
    call: (f) => ({
      method: 'POST',
      url: `/api/roster-members/${f.rosterMemberId}/replace`,
      payload: { personName: '接任者', title: '处长', effectiveDate: '2024-01-02', reason: '工作变动' },
    }),
    sibling: 'hidden',
  },
  'GET /api/exchange/formats': {
    permission: null,
    call: () => ({ method: 'GET', url: '/api/exchange/formats' }),
    sibling: null,
  },
  'GET /api/exchange/formats/:domain/template': {
    permission: null,
    call: () => ({ method: 'GET', url: '/api/exchange/formats/injuries/template' }),
    sibling: null,
  },
  'POST /api/exchange/batches': {
    permission: 'exchange:submit',
    call: () => ({
      method: 'POST',
      url: '/api/exchange/batches?domain=injuries&fileName=access.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: injuryFile(),
    }),
    sibling: 'hidden',
  },
  'POST /api/exchange/batches/json': {
    permission: 'exchange:submit',
    call: () => {
      const values = injuryRow(9000 + next());
      return {
        method: 'POST',
        url: '/api/exchange/batches/json',
        payload: {
          domain: 'injuries',
          rows: [Object.fromEntries(INJURY_HEADER.map((h, i) => [h, values[i] ?? '']))],
        },
      };
    },
    sibling: 'hidden',
  },
  'GET /api/exchange/batches': {
    permission: 'exchange:read',
    call: () => ({ method: 'GET', url: '/api/exchange/batches?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/exchange/batches/:id': {
    permission: 'exchange:read',
    call: (f) => ({ method: 'GET', url: `/api/exchange/batches/${f.batchId}` }),
    sibling: 'hidden',
  },
  'GET /api/exchange/batches/:id/issues': {
    permission: 'exchange:read',
    call: (f) => ({ method: 'GET', url: `/api/exchange/batches/${f.batchId}/issues` }),
    sibling: 'hidden',
  },
  'GET /api/exchange/batches/:id/rejected': {
    permission: 'exchange:read',
    call: (f) => ({ method: 'GET', url: `/api/exchange/batches/${f.batchId}/rejected` }),
    sibling: 'hidden',
  },
  'GET /api/api-tokens': {
    permission: 'users:manage',
    call: () => ({ method: 'GET', url: '/api/api-tokens' }),
    sibling: 'filtered',
  },
  'POST /api/api-tokens': {
    permission: 'users:manage',
    call: (f) => ({
      method: 'POST',
      url: '/api/api-tokens',
      payload: { organisationId: f.emergencyOrganisationId, name: `接口${next()}` },
    }),
    sibling: 'hidden',
  },
  'POST /api/api-tokens/:id/revoke': {
    permission: 'users:manage',
    call: (f) => ({ method: 'POST', url: `/api/api-tokens/${f.tokenId}/revoke` }),
    sibling: 'hidden',
  },
  'GET /api/plan-periods': {
    permission: null,
    call: () => ({ method: 'GET', url: '/api/plan-periods' }),
    sibling: null,
  },
  'GET /api/key-industries': {
    permission: 'enterprises:read',
    call: () => ({ method: 'GET', url: '/api/key-industries?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/key-industries': {
    permission: 'enterprises:configure',
    call: () => ({
      method: 'POST',
      url: '/api/key-industries',
      payload: {
        planPeriod: '2026-2030',
        category: 'key',
        name: `访问测试行业${next()}`,
        industryPrefixes: ['602'],
        jurisdictionCode: '350100',
        source: '访问测试',
      },
    }),
    sibling: 'hidden',
  },
  'DELETE /api/key-industries/:id': {
    permission: 'enterprises:configure',
    call: (f) => ({ method: 'DELETE', url: `/api/key-industries/${f.keyIndustryId}` }),
    sibling: 'hidden',
  },
  'GET /api/enterprises/ledger': {
    permission: 'enterprises:read',
    call: () => ({ method: 'GET', url: '/api/enterprises/ledger?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/enterprises/ledger/export': {
    permission: 'enterprises:read',
    call: () => ({ method: 'GET', url: '/api/enterprises/ledger/export?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/enterprises/:id/insured-persons': {
    permission: 'enterprises:read',
    call: (f) => ({ method: 'GET', url: `/api/enterprises/${f.organisationId}/insured-persons` }),
    sibling: 'hidden',
  },
  'GET /api/enterprises/monitoring': {
    permission: 'enterprises:read',
    call: () => ({ method: 'GET', url: '/api/enterprises/monitoring?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/settings/monitoring-threshold': {
    permission: 'enterprises:read',
    call: () => ({ method: 'GET', url: '/api/settings/monitoring-threshold?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'PUT /api/settings/monitoring-threshold': {
    permission: 'enterprises:configure',
    call: () => ({
      method: 'PUT',
      url: '/api/settings/monitoring-threshold',
      payload: { jurisdictionCode: '350100', value: 4 },
    }),
    sibling: 'hidden',
  },
  'GET /api/settings': {
    permission: 'settings:read',
    call: () => ({ method: 'GET', url: '/api/settings?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'PUT /api/settings/:jurisdiction/:key': {
    permission: 'settings:write',
    call: () => ({
      method: 'PUT',
      url: '/api/settings/350100/experts.termYears',
      payload: { value: 4, reason: '福州市专家管理办法' },
    }),
    sibling: 'hidden',
  },
  'DELETE /api/settings/:jurisdiction/:key': {
    permission: 'settings:write',
    call: () => ({
      method: 'DELETE',
      url: '/api/settings/350100/experts.termYears',
      payload: { reason: '恢复省级设置' },
    }),
    sibling: 'hidden',
  },
  'GET /api/settings/:jurisdiction/:key/history': {
    permission: 'settings:read',
    call: () => ({ method: 'GET', url: '/api/settings/350100/experts.termYears/history' }),
    sibling: 'hidden',
  },
  'GET /api/shared-picture': {
    permission: 'enterprises:read',
    call: () => ({ method: 'GET', url: '/api/shared-picture?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/analytics/indicators': {
    permission: 'analytics:read',
    call: () => ({ method: 'GET', url: '/api/analytics/indicators?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/analytics/elements': {
    permission: null,
    call: () => ({ method: 'GET', url: '/api/analytics/elements' }),
    sibling: null,
  },
  'PUT /api/analytics/indicators/:code': {
    permission: 'analytics:configure',
    call: () => ({
      method: 'PUT',
      url: `/api/analytics/indicators/fz_rate_${next()}`,
      payload: {
        jurisdictionCode: '350100',
        nameZh: '福州工伤率（万分之）',
        nameEn: 'Fuzhou rate per 10,000',
        numerator: 'injury.count',
        denominator: 'headcount.base',
        factor: 10000,
      },
    }),
    sibling: 'field',
  },
  'GET /api/analytics/query': {
    permission: 'analytics:read',
    call: () => ({
      method: 'GET',
      url: '/api/analytics/query?indicator=injury_rate_per_1000&jurisdiction=350100',
    }),
    sibling: 'hidden',
  },
  'GET /api/analytics/query.xlsx': {
    permission: 'analytics:read',
    call: () => ({
      method: 'GET',
      url: '/api/analytics/query.xlsx?indicator=injury_count&jurisdiction=350100',
    }),
    sibling: 'hidden',
  },
  'GET /api/analytics/dashboard': {
    permission: 'analytics:read',
    call: () => ({ method: 'GET', url: '/api/analytics/dashboard?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/analytics/targets': {
    permission: 'analytics:read',
    call: () => ({ method: 'GET', url: '/api/analytics/targets?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/analytics/counting': {
    permission: 'analytics:read',
    call: () => ({ method: 'GET', url: '/api/analytics/counting?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'PUT /api/analytics/counting/:jurisdiction': {
    permission: 'analytics:configure',
    call: () => ({
      method: 'PUT',
      url: '/api/analytics/counting/350100',
      payload: { countUnit: 'persons', groundScope: 'determined', denominator: 'paying' },
    }),
    sibling: 'hidden',
  },
  'PUT /api/analytics/targets/:jurisdiction': {
    permission: 'analytics:configure',
    call: () => ({
      method: 'PUT',
      url: '/api/analytics/targets/350100',
      payload: {
        planPeriod: '2021-2025',
        targetReductionPct: 25,
        annualReductionPct: 6,
        reason: '福州市实施方案',
      },
    }),
    sibling: 'hidden',
  },
  'GET /api/injuries': {
    permission: 'exchange:read',
    call: () => ({ method: 'GET', url: '/api/injuries?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/injuries/export': {
    permission: 'exchange:read',
    call: () => ({ method: 'GET', url: '/api/injuries/export?jurisdiction=350100&format=csv' }),
    sibling: 'hidden',
  },
  'GET /api/persons/:idNumber': {
    permission: 'exchange:read',
    call: (f) => ({ method: 'GET', url: `/api/persons/${f.personIdNumber}` }),
    sibling: 'hidden',
  },
  'GET /api/employers/:creditCode/profile': {
    permission: 'exchange:read',
    call: () => ({ method: 'GET', url: `/api/employers/${injuryRow(1)[1]}/profile` }),
    sibling: 'hidden',
  },
  'GET /api/ranking/industries': {
    permission: 'analytics:read',
    call: () => ({ method: 'GET', url: '/api/ranking/industries?jurisdiction=350100&year=2025' }),
    sibling: 'hidden',
  },
  'GET /api/ranking/enterprises': {
    permission: 'analytics:read',
    call: () => ({ method: 'GET', url: '/api/ranking/enterprises?jurisdiction=350100&year=2025' }),
    sibling: 'hidden',
  },
  'GET /api/ranking/adoptions': {
    permission: 'analytics:read',
    call: () => ({ method: 'GET', url: '/api/ranking/adoptions?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/ranking/adoptions': {
    permission: 'analytics:adopt',
    call: () => ({
      method: 'POST',
      url: '/api/ranking/adoptions',
      payload: { jurisdictionCode: '350100', year: 2025, top: 1, reason: '访问测试联席会议' },
    }),
    sibling: 'field',
  },
  'GET /api/bulletins': {
    permission: 'bulletins:read',
    call: () => ({ method: 'GET', url: '/api/bulletins' }),
    sibling: 'filtered',
  },
  'GET /api/bulletins/candidates': {
    permission: 'bulletins:draft',
    call: () => ({ method: 'GET', url: '/api/bulletins/candidates?jurisdiction=350100&year=2025' }),
    sibling: 'hidden',
  },
  'GET /api/bulletins/:id': {
    permission: 'bulletins:read',
    call: (f) => ({ method: 'GET', url: `/api/bulletins/${f.bulletinDraftId}` }),
    sibling: 'hidden',
  },
  'POST /api/bulletins': {
    permission: 'bulletins:draft',
    call: (f) => ({
      method: 'POST',
      url: '/api/bulletins',
      payload: { jurisdictionCode: '350100', injuryIds: [f.injuryId] },
    }),
    sibling: 'field',
  },
  'PUT /api/bulletins/:id': {
    permission: 'bulletins:draft',
    call: (f) => ({
      method: 'PUT',
      url: `/api/bulletins/${f.bulletinDraftId}`,
      payload: { title: '访问测试通报', body: '访问测试通报正文，足够长。' },
    }),
    sibling: 'hidden',
  },
  'POST /api/bulletins/:id/approve': {
    permission: 'bulletins:approve',
    call: (f) => ({ method: 'POST', url: `/api/bulletins/${f.bulletinToApproveId}/approve` }),
    sibling: 'hidden',
  },
  'POST /api/bulletins/:id/publish': {
    permission: 'bulletins:approve',
    call: (f) => ({ method: 'POST', url: `/api/bulletins/${f.bulletinApprovedId}/publish` }),
    sibling: 'hidden',
  },
  'GET /api/audit': {
    permission: 'audit:read',
    call: () => ({ method: 'GET', url: '/api/audit?actor=fuzhou' }),
    sibling: 'filtered',
    controlUser: (f) => f.auditAdminUsername,
    siblingUser: (f) => f.siblingAuditAdminUsername,
  },
  'GET /api/audit/verify': {
    permission: 'audit:read',
    call: () => ({ method: 'GET', url: '/api/audit/verify' }),
    // The chain is deployment-wide: a city's audit administrator is refused, the national one checks it.
    sibling: 'hidden',
    controlUser: (f) => f.nationalAuditAdminUsername,
    siblingUser: (f) => f.siblingAuditAdminUsername,
  },
  'GET /api/meetings': {
    permission: 'meetings:read',
    call: () => ({ method: 'GET', url: '/api/meetings?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/meetings': {
    permission: 'meetings:manage',
    call: () => ({
      method: 'POST',
      url: '/api/meetings',
      payload: {
        jurisdictionCode: '350100',
        kind: 'extraordinary',
        title: '访问测试临时会议',
        reportYear: 2025,
        plannedOn: '2026-01-10',
      },
    }),
    sibling: 'field',
  },
  'GET /api/experts': {
    permission: 'experts:read',
    call: () => ({ method: 'GET', url: '/api/experts?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/experts': {
    permission: 'experts:manage',
    call: () => ({
      method: 'POST',
      url: '/api/experts',
      payload: {
        jurisdictionCode: '350100',
        name: '访问测试专家',
        employerName: '福州大学',
        title: '教授',
        recommendingUnit: '福州市人社局',
        fields: ['工伤预防'],
      },
    }),
    sibling: 'field',
  },
  'GET /api/meetings/overview': {
    permission: 'meetings:read',
    call: () => ({ method: 'GET', url: '/api/meetings/overview?jurisdiction=350100&year=2026' }),
    sibling: 'hidden',
  },
  'GET /api/meetings/:id': {
    permission: 'meetings:read',
    call: (f) => ({ method: 'GET', url: `/api/meetings/${f.jm.heldMeetingId}` }),
    sibling: 'hidden',
  },
  'POST /api/meetings/:id/schedule': {
    permission: 'meetings:manage',
    call: (f) => ({ method: 'POST', url: `/api/meetings/${f.jm.draftMeetingId}/schedule`, payload: {} }),
    sibling: 'hidden',
  },
  'POST /api/meetings/:id/hold': {
    permission: 'meetings:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/meetings/${f.jm.scheduledMeetingId}/hold`,
      payload: { heldOn: yesterday(), attendance: [] },
    }),
    sibling: 'hidden',
  },
  'PUT /api/meetings/:id/minutes': {
    permission: 'meetings:manage',
    call: (f) => ({
      method: 'PUT',
      url: `/api/meetings/${f.jm.heldMeetingId}/minutes`,
      payload: { minutes: '访问测试纪要', decisions: [] },
    }),
    sibling: 'hidden',
  },
  'POST /api/meetings/:id/approve-minutes': {
    permission: 'meetings:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/meetings/${f.jm.minutesMeetingId}/approve-minutes`,
      payload: {},
    }),
    sibling: 'hidden',
  },
  'POST /api/meetings/:id/action-items': {
    permission: 'meetings:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/meetings/${f.jm.heldMeetingId}/action-items`,
      payload: { organisationId: f.emergencyOrganisationId, title: '访问测试事项', deadline: '2099-01-01' },
    }),
    sibling: 'hidden',
  },
  'GET /api/action-items': {
    permission: 'meetings:read',
    call: () => ({ method: 'GET', url: '/api/action-items?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/action-items/:id': {
    permission: 'meetings:read',
    call: (f) => ({ method: 'GET', url: `/api/action-items/${f.jm.actionItemId}` }),
    sibling: 'hidden',
  },
  'POST /api/action-items/:id/follow-ups': {
    permission: 'meetings:report',
    call: (f) => ({
      method: 'POST',
      url: `/api/action-items/${f.jm.actionItemId}/follow-ups`,
      payload: { kind: 'progress', note: '访问测试进展' },
    }),
    sibling: 'hidden',
  },
  'POST /api/follow-ups/:id/attachments': {
    permission: 'meetings:report',
    call: (f) => ({
      method: 'POST',
      url: `/api/follow-ups/${f.jm.followUpId}/attachments?fileName=evidence.txt`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(`evidence ${next()}`),
    }),
    sibling: 'hidden',
  },
  'GET /api/attachments/:id': {
    permission: 'meetings:read',
    call: (f) => ({ method: 'GET', url: `/api/attachments/${f.jm.attachmentId}` }),
    sibling: 'hidden',
  },
  'GET /api/rectifications': {
    permission: 'meetings:read',
    call: () => ({ method: 'GET', url: '/api/rectifications?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/rectifications': {
    permission: 'meetings:manage',
    call: (f) => ({
      method: 'POST',
      url: '/api/rectifications',
      payload: {
        jurisdictionCode: '350100',
        employerId: f.organisationId,
        findingKind: 'hazard',
        finding: '访问测试隐患',
        suggestion: '限期整改',
        deadline: '2099-01-01',
        responsibleOrganisationId: f.emergencyOrganisationId,
      },
    }),
    sibling: 'field',
  },
  'GET /api/rectifications/:id': {
    permission: 'meetings:read',
    call: (f) => ({ method: 'GET', url: `/api/rectifications/${f.jm.rectificationId}` }),
    sibling: 'hidden',
  },
  'POST /api/rectifications/:id/follow-ups': {
    permission: 'meetings:report',
    call: (f) => ({
      method: 'POST',
      url: `/api/rectifications/${f.jm.rectificationId}/follow-ups`,
      payload: { kind: 'progress', note: '访问测试进展' },
    }),
    sibling: 'hidden',
  },
  'GET /api/member-reports/board': {
    permission: 'meetings:read',
    call: () => ({ method: 'GET', url: '/api/member-reports/board?jurisdiction=350100&year=2026' }),
    sibling: 'hidden',
  },
  'PUT /api/member-reports': {
    permission: 'meetings:report',
    call: () => ({
      method: 'PUT',
      url: '/api/member-reports',
      payload: { year: 2024, content: { insured: 1 } },
    }),
    sibling: 'hidden',
  },
  'GET /api/member-reports/:id': {
    permission: 'meetings:read',
    call: (f) => ({ method: 'GET', url: `/api/member-reports/${f.jm.submittedMemberReportId}` }),
    sibling: 'hidden',
  },
  'POST /api/member-reports/:id/submit': {
    permission: 'meetings:report',
    call: (f) => ({
      method: 'POST',
      url: `/api/member-reports/${f.jm.draftMemberReportId}/submit`,
      payload: {},
    }),
    sibling: 'hidden',
  },
  'POST /api/member-reports/:id/review': {
    permission: 'meetings:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/member-reports/${f.jm.submittedMemberReportId}/review`,
      payload: { decision: 'accept' },
    }),
    sibling: 'hidden',
  },
  'GET /api/implementation-reports': {
    permission: 'meetings:read',
    call: () => ({ method: 'GET', url: '/api/implementation-reports?jurisdiction=350100&year=2026' }),
    sibling: 'hidden',
  },
  'POST /api/implementation-reports': {
    permission: 'meetings:manage',
    call: () => ({
      method: 'POST',
      url: '/api/implementation-reports',
      payload: { jurisdictionCode: '350100', year: 2024 },
    }),
    sibling: 'field',
  },
  'GET /api/implementation-reports/:id': {
    permission: 'meetings:read',
    call: (f) => ({ method: 'GET', url: `/api/implementation-reports/${f.jm.implementationReportId}` }),
    sibling: 'hidden',
  },
  'POST /api/implementation-reports/:id/submit': {
    permission: 'meetings:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/implementation-reports/${f.jm.implementationReportId}/submit`,
      payload: {},
    }),
    sibling: 'hidden',
  },
  'POST /api/implementation-reports/:id/review': {
    permission: 'meetings:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/implementation-reports/${f.jm.submittedImplementationReportId}/review`,
      payload: { decision: 'accept' },
    }),
    sibling: 'hidden',
  },
  'GET /api/implementation-reports/:id/print': {
    permission: 'meetings:read',
    call: (f) => ({ method: 'GET', url: `/api/implementation-reports/${f.jm.implementationReportId}/print` }),
    sibling: 'hidden',
  },
  'GET /api/implementation-reports/:id/xlsx': {
    permission: 'meetings:read',
    call: (f) => ({ method: 'GET', url: `/api/implementation-reports/${f.jm.implementationReportId}/xlsx` }),
    sibling: 'hidden',
  },
  'GET /api/joint-meeting-settings': {
    permission: 'meetings:read',
    call: () => ({ method: 'GET', url: '/api/joint-meeting-settings?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'PUT /api/joint-meeting-settings': {
    permission: 'meetings:manage',
    call: () => ({
      method: 'PUT',
      url: '/api/joint-meeting-settings',
      payload: { jurisdictionCode: '350100', key: 'jm.memberReportDue', value: '11-20' },
    }),
    sibling: 'field',
  },
  'GET /api/notifications': {
    permission: null,
    call: () => ({ method: 'GET', url: '/api/notifications' }),
    sibling: null,
  },
  'POST /api/notifications/read': {
    permission: null,
    call: () => ({ method: 'POST', url: '/api/notifications/read', payload: {} }),
    sibling: null,
  },
  'GET /api/experts/:id': {
    permission: 'experts:read',
    call: (f) => ({ method: 'GET', url: `/api/experts/${f.pp.expertId}` }),
    sibling: 'hidden',
  },
  'POST /api/experts/:id/review': {
    permission: 'experts:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/experts/${f.pp.pendingExpertId}/review`,
      payload: { isApproved: true, reason: '资格审核通过' },
    }),
    sibling: 'hidden',
  },
  'POST /api/experts/:id/records': {
    permission: 'experts:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/experts/${f.pp.expertId}/records`,
      payload: { kind: 'evaluation', outcome: '合格', reason: '聘期考核' },
    }),
    sibling: 'hidden',
  },
  'POST /api/experts/:id/relations': {
    permission: 'experts:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/experts/${f.pp.expertId}/relations`,
      payload: { organisationId: f.organisationId, relation: '亲属任职' },
    }),
    sibling: 'hidden',
  },
  'POST /api/experts/:id/shares': {
    permission: 'experts:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/experts/${f.pp.expertId}/shares`,
      payload: {
        jurisdictionCode: '220000',
        agreement: '闽吉专家共享协议',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
      },
    }),
    sibling: 'hidden',
  },
  'GET /api/expert-shares': {
    permission: 'experts:manage',
    call: () => ({ method: 'GET', url: '/api/expert-shares' }),
    sibling: 'filtered',
  },
  'POST /api/expert-shares/:id/answer': {
    permission: 'experts:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/expert-shares/${f.pendingShareId}/answer`,
      payload: { isAccepted: true, reason: '访问测试：协议已核对' },
    }),
    sibling: 'hidden',
  },
  'POST /api/expert-fields': {
    permission: 'experts:manage',
    call: () => ({
      method: 'POST',
      url: '/api/expert-fields',
      payload: { name: `应急救援${next()}`, jurisdictionCode: '350100' },
    }),
    sibling: 'field',
  },
  'GET /api/prevention-budgets/:code/:year': {
    permission: 'projects:read',
    call: () => ({ method: 'GET', url: `/api/prevention-budgets/350100/${PROJECT_YEAR}` }),
    sibling: 'hidden',
  },
  'PUT /api/prevention-budgets/:code/:year': {
    permission: 'projects:manage',
    call: () => ({
      method: 'PUT',
      url: `/api/prevention-budgets/350100/${PROJECT_YEAR}`,
      payload: {
        budgetFen: 30_000_000,
        keyFields: ['建筑施工', '危险化学品', '职业病防治'],
        reason: '联席会议审定',
      },
    }),
    sibling: 'hidden',
  },
  'POST /api/prevention-budgets/:code/:year/notice': {
    permission: 'projects:manage',
    call: () => ({
      method: 'POST',
      url: `/api/prevention-budgets/350100/${PROJECT_YEAR}/notice`,
      payload: { noticeFrom: '2026-03-01', noticeTo: '2026-03-07', reason: '年度项目公示' },
    }),
    sibling: 'hidden',
  },
  'GET /api/projects': {
    permission: 'projects:read',
    call: () => ({ method: 'GET', url: '/api/projects?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/projects': {
    permission: 'projects:declare',
    call: (f) => ({
      method: 'POST',
      url: '/api/projects',
      payload: {
        jurisdictionCode: '350100',
        year: PROJECT_YEAR,
        applicantOrganisationId: f.pp.applicantId,
        type: 'publicity',
        title: '访问测试宣传项目',
        keyField: '建筑施工',
        summary: '访问测试：面向建筑工地的工伤预防宣传。',
        budgetLines: [{ item: '宣传品', amountFen: 10_000 }],
      },
    }),
    sibling: 'hidden',
  },
  'GET /api/projects/:id': {
    permission: 'projects:read',
    call: (f) => ({ method: 'GET', url: `/api/projects/${f.pp.projects.declared}` }),
    sibling: 'hidden',
  },
  'GET /api/own-projects': {
    permission: 'projects:declare',
    call: () => ({ method: 'GET', url: '/api/own-projects' }),
    sibling: 'filtered',
    controlUser: (f) => f.pp.applicantUsername,
  },
  'POST /api/projects/:id/draw/schedule': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.projects.declared}/draw/schedule`,
      payload: { size: 3, fieldMix: [{ field: '工伤预防', count: 1 }], beaconSource: '下一期福彩开奖号码' },
    }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/draw': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.projects.scheduled}/draw`,
      payload: { beaconValue: '01 02 03 04 05 06 + 07' },
    }),
    sibling: 'hidden',
  },
  'GET /api/projects/:id/draw/verify': {
    permission: 'projects:read',
    call: (f) => ({ method: 'GET', url: `/api/projects/${f.pp.projects.reviewing}/draw/verify` }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/panel/:memberId/decline': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.projects.reviewing}/panel/${f.pp.declineMemberId}/decline`,
      payload: { reason: '出差在外' },
    }),
    sibling: 'hidden',
  },
  'GET /api/review-assignments': {
    permission: 'reviews:score',
    call: () => ({ method: 'GET', url: '/api/review-assignments' }),
    sibling: 'filtered',
    controlUser: (f) => f.pp.scoreUsername,
  },
  'POST /api/review-assignments/:id/score': {
    permission: 'reviews:score',
    call: (f) => ({
      method: 'POST',
      url: `/api/review-assignments/${f.pp.scoreMemberId}/score`,
      payload: { scores: { necessity: 18, fit: 17, feasibility: 20, budget: 16, capacity: 12 } },
    }),
    sibling: 'hidden',
    controlUser: (f) => f.pp.scoreUsername,
  },
  'POST /api/projects/:id/decision': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.projects.reviewed}/decision`,
      payload: { isApproved: true, reason: '联席会议审定' },
    }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/agreement': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.projects.listed}/agreement`,
      payload: {
        serviceOrganisationId: f.pp.serviceOrgId,
        agreementNo: '榕工伤预防〔2026〕访问测试',
        signedOn: '2026-04-01',
        filedWithHrssOn: '2026-04-02',
        contractFen: 100_000,
        prepayPercent: 30,
      },
    }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/prepayment': {
    permission: 'projects:pay',
    call: (f) => ({ method: 'POST', url: `/api/projects/${f.pp.projects.contracted}/prepayment` }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/reports': {
    permission: 'projects:report',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.projects.in_progress}/reports`,
      payload: { kind: 'check', text: '现场检查培训签到' },
    }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/acceptance': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.projects.in_progress}/acceptance`,
      payload: { isPassed: true, by: 'experts', evaluator: '验收专家组', evidence: '签到表', reason: '完成' },
    }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/rectification': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.projects.failed}/rectification`,
      payload: { reason: '补充培训', deadline: '2026-12-31' },
    }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/deduction': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.failedToDeduct}/deduction`,
      payload: { amountFen: 1000, reason: '人次不足' },
    }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/settlement': {
    permission: 'projects:pay',
    call: (f) => ({ method: 'POST', url: `/api/projects/${f.pp.projects.accepted}/settlement` }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/disclosure': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.projects.settled}/disclosure`,
      payload: { text: '项目完成培训 2100 人次，使用工伤预防费 5000 元。' },
    }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/showcase': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.projects.disclosed}/showcase`,
      payload: { reason: '建筑业中小企业可借鉴' },
    }),
    sibling: 'hidden',
  },
  'GET /api/service-organisations': {
    permission: 'projects:read',
    call: () => ({ method: 'GET', url: '/api/service-organisations?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/service-organisations/:id/bar': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/service-organisations/${f.pp.barOrgId}/bar`,
      payload: { reason: '虚报人次骗取基金' },
    }),
    sibling: 'hidden',
  },
  'GET /api/training/roles': {
    permission: null,
    call: () => ({ method: 'GET', url: '/api/training/roles' }),
    sibling: null,
  },
  'GET /api/training/coverage': {
    permission: 'training:read',
    call: () => ({ method: 'GET', url: '/api/training/coverage?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/training/coverage/gaps': {
    permission: 'training:read',
    call: () => ({ method: 'GET', url: '/api/training/coverage/gaps?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'PUT /api/training/targets': {
    permission: 'training:manage',
    call: () => ({
      method: 'PUT',
      url: '/api/training/targets',
      payload: {
        jurisdiction: '350100',
        planPeriod: '2026-2030',
        coveragePct: 100,
        dueDate: '2028-12-31',
        source: '访问测试目标',
      },
    }),
    sibling: 'hidden',
  },
  'GET /api/training/holders': {
    permission: 'training:read',
    call: () => ({ method: 'GET', url: '/api/training/holders?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/own-training/holders': {
    permission: 'training:register',
    call: () => ({ method: 'GET', url: '/api/own-training/holders?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/training/holders': {
    permission: 'training:register',
    call: (f) => ({
      method: 'POST',
      url: '/api/training/holders',
      payload: {
        employerId: f.organisationId,
        roleCode: 'team_leader',
        personName: '访问测试班组长',
        idNumber: freshIdNumber(),
        startedOn: '2026-01-01',
      },
    }),
    sibling: 'hidden',
  },
  'POST /api/training/holders/:id/end': {
    permission: 'training:register',
    call: (f) => ({
      method: 'POST',
      url: `/api/training/holders/${f.training.holderId}/end`,
      payload: { endedOn: today() },
    }),
    sibling: 'hidden',
  },
  'GET /api/training/courses': {
    permission: 'training:read',
    call: () => ({ method: 'GET', url: '/api/training/courses?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/training/courses': {
    permission: 'training:manage',
    call: () => ({
      method: 'POST',
      url: '/api/training/courses',
      payload: {
        jurisdictionCode: '350100',
        title: `访问测试课程${next()}`,
        form: 'online',
        roleCodes: ['principal'],
        contentItems: ['policy'],
        hours: 8,
      },
    }),
    sibling: 'field',
  },
  'POST /api/training/completions': {
    permission: 'training:manage',
    call: (f) => ({
      method: 'POST',
      url: '/api/training/completions',
      payload: {
        courseId: f.training.courseId,
        personName: '访问测试学员',
        idNumber: freshIdNumber(),
        employerId: f.organisationId,
        completedOn: today(),
        method: 'offline',
      },
    }),
    sibling: 'hidden',
  },
};

/** Routes that need no sign-in, or are not API calls of a user. */
const PUBLIC = new Set([
  'GET /api/health',
  // Readiness for the load balancer (no data in it); /metrics lies outside /api, loopback or token only.
  'GET /api/ready',
  'GET /api/openapi.json',
  'POST /api/auth/login',
  // Whether a session is open (null when not): the sign-in and public pages ask it without a 401.
  'GET /api/auth/session',
  // What the sign-in page may show (demo accounts on a loopback demo server): nothing secret.
  'GET /api/auth/login-options',
  // Sign-in through the unified identity service: before any session, by design.
  'GET /api/auth/providers',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  // The disclosure page (PP-7): released projects only, no sign-in by design.
  'GET /api/public/projects',
  'GET /api/public/projects/:id',
  // The certificate check page (TR-4): anyone may verify a number.
  'GET /api/public/certificates/:number',
]);
const isOutsideTable = (method: string, url: string) =>
  PUBLIC.has(`${method} ${url}`) || url === '/api/docs' || url.startsWith('/api/docs/');

/** Writes that record no audit entry of their own, each with why. */
const UNAUDITED_WRITES = new Set<string>([
  // Signing out ends one's own session; the sign-in it closes is on record.
  'POST /api/auth/logout',
]);

const ROWS = Object.entries(CASES).map(([key, row]) => ({ key, ...row }));
const GUARDED = ROWS.filter((r) => r.permission !== null);
const SCOPED = ROWS.filter((r) => r.sibling !== null);

let t: TestApp;
/** Configured so the identity-link routes work; the identity service itself is never called here. */
const ACCESS_OIDC = {
  issuer: 'https://idp.example.gov.cn',
  clientId: 'yufang',
  clientSecret: undefined,
  redirectUri: 'https://yufang.example.gov.cn/api/auth/oidc/callback',
  scopes: 'openid',
  linkClaim: 'sub',
  unknownIdentity: 'queue' as const,
  isHttpAllowed: false,
};
let fixture: Fixture;
let employer: Agent;
let probe: { id: number; username: string };
let probeAgent: Agent;
let sibling: { id: number; username: string };
let siblingAgent: Agent;
beforeAll(async () => {
  t = await createTestApp({ oidc: ACCESS_OIDC });
  const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
  const [gulou] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350102'));
  const creditCode = freshCreditCode();
  const [org] = await t.db
    .insert(organisations)
    .values({
      kind: 'employer',
      name: '鼓楼区访问测试企业',
      creditCode,
      creditCodeStatus: 'valid',
      industryCode: '4710',
      jurisdictionId: gulou?.id ?? 0,
      contactName: '陈明',
      contactPhone: '13900000001',
    })
    .returning({ id: organisations.id });
  const [fuzhouJurisdiction] = await t.db
    .select()
    .from(jurisdictions)
    .where(eq(jurisdictions.code, '350100'));
  const [member] = await t.db
    .select({ id: rosterMembers.id })
    .from(rosterMembers)
    .where(
      and(
        eq(rosterMembers.jurisdictionId, fuzhouJurisdiction?.id ?? 0),
        eq(rosterMembers.personName, '陈中钦'),
      ),
    );
  if (!org || !member) throw new Error('fixture missing');
  // Fuzhou's own audit records, for the audit row, and a batch of Fuzhou's.
  const fuzhou = await t.signIn('fuzhou');
  const submitted = await fuzhou.request({
    method: 'POST',
    url: '/api/exchange/batches?domain=injuries&fileName=fixture.csv',
    headers: { 'content-type': 'application/octet-stream' },
    payload: injuryFile(),
  });
  await t.app.jobs.idle();
  fixture = {
    auditAdminUsername: '',
    siblingAuditAdminUsername: '',
    nationalAuditAdminUsername: '',
    userId: user.id,
    organisationId: org.id,
    organisationCreditCode: creditCode,
    rosterMemberId: member.id,
    batchId: submitted.json().batch.id,
    emergencyOrganisationId: await organisationIdOf('福州市应急管理局'),
    tokenId: 0,
    keyIndustryId: 0,
    personIdNumber: (await t.db.select({ id: injuryCases.idNumber }).from(injuryCases).limit(1))[0]
      ?.id as string,
    injuryId: (await t.db.select({ id: injuryCases.id }).from(injuryCases).limit(1))[0]?.id as number,
    bulletinDraftId: 0,
    bulletinToApproveId: 0,
    bulletinApprovedId: 0,
    jm: {} as Fixture['jm'],
    training: {} as Fixture['training'],
    pendingShareId: 0,
    pp: await buildProjectFixture(t, fuzhou),
    hrssOrganisationId: (
      await t.db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, '福州市人力资源和社会保障局'))
    )[0]?.id as number,
    identity: await buildIdentities(),
    provinceOfficer: (await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350000' })).username,
  };
  fixture.keyIndustryId = (
    await fuzhou.post('/api/key-industries', {
      planPeriod: '2026-2030',
      category: 'key',
      name: '即时配送（访问测试）',
      industryPrefixes: ['602'],
      jurisdictionCode: '350100',
      source: '访问测试',
    })
  ).json().id;
  fixture.tokenId = (
    await fuzhou.post('/api/api-tokens', {
      organisationId: fixture.emergencyOrganisationId,
      name: '访问测试令牌',
    })
  ).json().id;
  // A headcount for the ranking to adopt from, and bulletins in each state the routes act on.
  await t.db.insert(insuredHeadcounts).values({
    employerId: org.id,
    year: 2025,
    averageInsured: 120,
    averagePaying: 110,
    employees: 130,
    batchId: 0,
  });
  const draft = async () =>
    (
      await fuzhou.post('/api/bulletins', { jurisdictionCode: '350100', injuryIds: [fixture.injuryId] })
    ).json().id as number;
  fixture.bulletinDraftId = await draft();
  fixture.bulletinToApproveId = await draft();
  fixture.bulletinApprovedId = await draft();
  const reviewer = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350100' });
  const approved = await (await t.signIn(reviewer.username, TEST_PASSWORD)).post(
    `/api/bulletins/${fixture.bulletinApprovedId}/approve`,
  );
  if (approved.statusCode !== 200) throw new Error(`fixture approval failed: ${approved.body}`);
  fixture.jm = await buildMeetingFixtures(fuzhou, fixture);
  fixture.training = await buildTrainingFixture(fuzhou, fixture.organisationId);
  const [share] = await t.db
    .insert(expertShares)
    .values({
      expertId: fixture.pp.expertId,
      jurisdictionId: gulou?.id ?? 0,
      agreement: '访问测试共享协议',
      validFrom: '2026-01-01',
      validTo: '2099-12-31',
      createdBy: 'access-test',
    })
    .returning({ id: expertShares.id });
  fixture.pendingShareId = share?.id ?? 0;
  fixture.auditAdminUsername = (
    await t.buildUser({ role: 'audit_admin', jurisdictionCode: '350100' })
  ).username;
  fixture.nationalAuditAdminUsername = (
    await t.buildUser({ role: 'audit_admin', jurisdictionCode: '100000' })
  ).username;
  fixture.siblingAuditAdminUsername = (
    await t.buildUser({ role: 'audit_admin', jurisdictionCode: '350200' })
  ).username;
  const employerUser = await t.buildUser({ role: 'employer', jurisdictionCode: '350100' });
  probe = await t.buildUser({ role: 'service_org', jurisdictionCode: '350100' });
  sibling = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
  [employer, probeAgent, siblingAgent] = await Promise.all([
    t.signIn(employerUser.username, TEST_PASSWORD),
    t.signIn(probe.username, TEST_PASSWORD),
    t.signIn(sibling.username, TEST_PASSWORD),
  ]);
});
/** A key-post holder at the Gulou employer and a Fuzhou course. */
async function buildTrainingFixture(fuzhou: Agent, employerId: number): Promise<Fixture['training']> {
  const holder = await fuzhou.post('/api/training/holders', {
    employerId,
    roleCode: 'principal',
    personName: '访问测试负责人',
    idNumber: freshIdNumber(),
    startedOn: '2026-01-01',
  });
  const course = await fuzhou.post('/api/training/courses', {
    title: '访问测试固定课程',
    form: 'offline',
    roleCodes: ['principal', 'team_leader'],
    contentItems: ['policy', 'warning_education'],
    hours: 16,
  });
  if (holder.statusCode !== 201 || course.statusCode !== 201)
    throw new Error(`training fixture failed: ${holder.body} ${course.body}`);
  return { holderId: holder.json().id as number, courseId: course.json().id as number };
}

/** Fuzhou's meetings, items and reports in the states the workflow routes act on. */
async function buildMeetingFixtures(fuzhou: Agent, f: Fixture): Promise<Fixture['jm']> {
  const create = async (title: string) =>
    (
      await fuzhou.post('/api/meetings', {
        jurisdictionCode: '350100',
        kind: 'regular',
        title,
        reportYear: 2025,
        plannedOn: '2026-01-05',
      })
    ).json().id as number;
  const hold = async (id: number) => {
    await fuzhou.post(`/api/meetings/${id}/schedule`, {});
    await fuzhou.post(`/api/meetings/${id}/hold`, { heldOn: yesterday(), attendance: [] });
  };
  const draftMeetingId = await create('访问测试草稿会议');
  const scheduledMeetingId = await create('访问测试已安排会议');
  await fuzhou.post(`/api/meetings/${scheduledMeetingId}/schedule`, {});
  const heldMeetingId = await create('访问测试已召开会议');
  await hold(heldMeetingId);
  const minutesMeetingId = await create('访问测试待审定会议');
  await hold(minutesMeetingId);
  await fuzhou.put(`/api/meetings/${minutesMeetingId}/minutes`, { minutes: '纪要', decisions: [] });
  const item = await fuzhou.post(`/api/meetings/${heldMeetingId}/action-items`, {
    organisationId: f.hrssOrganisationId,
    title: '访问测试督办事项',
    deadline: '2099-01-01',
  });
  const actionItemId = item.json().id as number;
  // Overdue, so the inbox of a Fuzhou convener holds a reminder.
  await t.db.update(actionItems).set({ deadline: '2020-01-01' }).where(eq(actionItems.id, actionItemId));
  const progress = await fuzhou.post(`/api/action-items/${actionItemId}/follow-ups`, {
    kind: 'progress',
    note: '访问测试进展',
  });
  const followUpId = progress.json().followUpId as number;
  const attachment = await fuzhou.request({
    method: 'POST',
    url: `/api/follow-ups/${followUpId}/attachments?fileName=a.txt`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from('evidence'),
  });
  const rectification = await fuzhou.post('/api/rectifications', {
    jurisdictionCode: '350100',
    employerId: f.organisationId,
    findingKind: 'hazard',
    finding: '访问测试隐患',
    suggestion: '限期整改',
    deadline: '2099-01-01',
    responsibleOrganisationId: f.emergencyOrganisationId,
  });
  const submitted = await fuzhou.put('/api/member-reports', { year: 2025, content: { insured: 100 } });
  await fuzhou.post(`/api/member-reports/${submitted.json().id}/submit`, {});
  const draft = await fuzhou.put('/api/member-reports', { year: 2023, content: { insured: 90 } });
  const report = await fuzhou.post('/api/implementation-reports', { jurisdictionCode: '350100', year: 2025 });
  const [gulou] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350102'));
  const [county] = await t.db
    .insert(implementationReports)
    .values({
      jurisdictionId: gulou?.id ?? 0,
      year: 2025,
      content: { parts: [] },
      status: 'submitted',
      composedAt: new Date(),
      submittedAt: new Date(),
    })
    .returning({ id: implementationReports.id });
  const ids = {
    draftMeetingId,
    scheduledMeetingId,
    heldMeetingId,
    minutesMeetingId,
    actionItemId,
    followUpId,
    attachmentId: attachment.json().id as number,
    rectificationId: rectification.json().id as number,
    submittedMemberReportId: submitted.json().id as number,
    draftMemberReportId: draft.json().id as number,
    implementationReportId: report.json().id as number,
    submittedImplementationReportId: county?.id ?? 0,
  };
  for (const [key, value] of Object.entries(ids))
    if (!value) throw new Error(`meeting fixture ${key} missing`);
  return ids;
}

afterAll(async () => {
  await t.close();
});

function send(agent: Agent | null, call: Call) {
  const options: InjectOptions = {
    method: call.method,
    url: call.url,
    payload: call.payload,
    headers: call.headers,
  };
  return agent ? agent.request(options) : t.app.inject(options);
}

/** Runs `body` while `role` holds exactly `permissions` (roles are read from the list per request). */
async function withRolePermissions(
  role: keyof typeof ROLE_PERMISSIONS,
  permissions: readonly Permission[],
  body: () => Promise<void>,
) {
  const saved = ROLE_PERMISSIONS[role];
  ROLE_PERMISSIONS[role] = permissions;
  try {
    await body();
  } finally {
    ROLE_PERMISSIONS[role] = saved;
  }
}

/** Audited changes made by a user: everything but its sign-ins and its views of personal data. */
async function writesBy(userId: number) {
  return t.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorUserId, userId),
        // Views that are audited are not changes: unmasked personal data, evidence downloads.
        notInArray(auditLog.action, ['auth.login', 'personal-data.view', 'attachment.download']),
      ),
    );
}

describe('the table', () => {
  it('covers every registered API route, and nothing else', () => {
    const registered = t.app.registeredRoutes
      .filter((r) => r.url.startsWith('/api/') && !isOutsideTable(r.method, r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(registered).size).toBe(registered.length);
    expect(Object.keys(CASES).sort()).toEqual([...registered].sort());
  });

  it('exempts exactly the routes any signed-in user may call from the permission check', () => {
    expect(
      ROWS.filter((r) => r.permission === null)
        .map((r) => r.key)
        .sort(),
    ).toEqual([
      'GET /api/analytics/elements',
      'GET /api/auth/me',
      'GET /api/code-tables/industries',
      'GET /api/exchange/formats',
      'GET /api/exchange/formats/:domain/template',
      'GET /api/notifications',
      'GET /api/plan-periods',
      'GET /api/training/roles',
      'POST /api/auth/logout',
      'POST /api/auth/password',
      'POST /api/notifications/read',
    ]);
    expect(ROWS.filter((r) => r.sibling === null).map((r) => r.key)).toEqual(
      ROWS.filter((r) => r.permission === null).map((r) => r.key),
    );
  });

  it('names only permissions that exist, and every permission that guards a route is used', () => {
    const used = new Set(GUARDED.map((r) => r.permission));
    for (const permission of used) expect(PERMISSIONS).toContain(permission);
    expect([...PERMISSIONS].filter((p) => !used.has(p))).toEqual(['personal-data:view']);
  });
});

describe('(a) anonymous callers', () => {
  it.each(ROWS)('$key answers 401', async (row) => {
    const res = await send(null, row.call(fixture));
    expect(res.statusCode, res.body).toBe(401);
    expect(res.json().code).toBe('auth.required');
  });
});

describe('(b) users without the permission', () => {
  it.each(GUARDED)('$key answers 403 to a user holding every other permission', async (row) => {
    const others = PERMISSIONS.filter((p) => p !== row.permission);
    await withRolePermissions('service_org', others, async () => {
      const res = await send(probeAgent, row.call(fixture));
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('auth.forbidden');
    });
  });

  it('serves the same probe user once its role holds the permission (the probe is not refused for other reasons)', async () => {
    await withRolePermissions('service_org', PERMISSIONS, async () => {
      // The audit chain's check needs the national scope too: the probe is a Fuzhou user.
      for (const row of GUARDED.filter(
        (r) => r.call(fixture).method === 'GET' && r.key !== 'GET /api/audit/verify',
      )) {
        const res = await send(probeAgent, row.call(fixture));
        expect(res.statusCode, `${row.key} ${res.body}`).toBe(200);
      }
    });
  });

  it.each(GUARDED.filter((r) => r.permission && !ROLE_PERMISSIONS.employer.includes(r.permission)))(
    '$key answers 403 to an employer of Fuzhou',
    async (row) => {
      const res = await send(employer, row.call(fixture));
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('auth.forbidden');
    },
  );

  it('has every role hold jurisdictions:read, so only the probe can test those routes’ refusal', () => {
    const heldByAll = PERMISSIONS.filter((p) => ROLES.every((role) => ROLE_PERMISSIONS[role].includes(p)));
    expect(heldByAll).toEqual(['jurisdictions:read']);
  });

  it.each(ROWS.filter((r) => r.permission === null))('$key is open to an employer', async (row) => {
    const agent = await t.signIn(
      (await t.buildUser({ role: 'employer', jurisdictionCode: '350100' })).username,
      TEST_PASSWORD,
    );
    const res = await send(agent, row.call(fixture));
    expect(res.statusCode, res.body).toBe(200);
  });

  it('recorded no write by the refused users', async () => {
    expect(await writesBy(probe.id)).toEqual([]);
  });
});

describe('(c) an officer of sibling Xiamen reaching for Fuzhou', () => {
  it.each(SCOPED)('$key refuses ($sibling)', async (row) => {
    const agent = row.siblingUser ? await t.signIn(row.siblingUser(fixture), TEST_PASSWORD) : siblingAgent;
    const res = await send(agent, row.call(fixture));
    if (row.sibling === 'hidden') {
      expect([403, 404], res.body).toContain(res.statusCode);
    } else if (row.sibling === 'field') {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'jurisdiction.unknown',
        fields: [{ field: 'jurisdictionCode' }],
      });
    } else {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ items: [], total: 0 });
    }
  });

  it('recorded no write by the sibling officer', async () => {
    expect(await writesBy(sibling.id)).toEqual([]);
    const [org] = await t.db.select().from(organisations).where(eq(organisations.id, fixture.organisationId));
    expect(org?.name).toBe('鼓楼区访问测试企业');
    const [member] = await t.db
      .select()
      .from(rosterMembers)
      .where(eq(rosterMembers.id, fixture.rosterMemberId));
    expect(member?.effectiveTo).toBeNull();
  });
});

describe('control: the same requests succeed for a Fuzhou HRSS officer', () => {
  // Proves each refusal above is about access: the requests themselves are valid.
  it.each(ROWS)('$key succeeds', async (row) => {
    const owner = row.controlUser
      ? { username: row.controlUser(fixture) }
      : await t.buildUser({
          role: 'hrss_officer',
          jurisdictionCode: '350100',
          organisationId: fixture.hrssOrganisationId,
        });
    const agent = await t.signIn(owner.username, TEST_PASSWORD);
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, owner.username));
    const before = (await writesBy(user?.id ?? 0)).length;
    const call = row.call(fixture);
    const res = await send(agent, call);
    // 202: an exchange submission is accepted and imported in the background.
    expect([200, 201, 202], res.body).toContain(res.statusCode);
    if (row.sibling === 'filtered') expect(res.json().total).toBeGreaterThan(0);
    // Every write leaves an audit record (issue 13 item 7), so a new route cannot forget one.
    if (call.method !== 'GET' && !UNAUDITED_WRITES.has(row.key))
      expect((await writesBy(user?.id ?? 0)).length, `${row.key} wrote no audit record`).toBeGreaterThan(
        before,
      );
  });
});
