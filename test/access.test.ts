import { and, eq, notInArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Cross-checks (AN-6).
import { ensureCrosscheckRules } from '../src/modules/crosschecks/crosschecks.service.js';
import { crosscheckHits } from '../src/modules/crosschecks/crosschecks.tables.js';
import { injuryCases, insuredHeadcounts } from '../src/modules/exchange/exchange.tables.js';
import { computeIdCheckChar } from '../src/modules/exchange/id-number.js';
import { expertShares, experts } from '../src/modules/experts/experts.tables.js';
import { rosterMembers } from '../src/modules/joint-meeting/joint-meeting.tables.js';
import { actionItems, implementationReports } from '../src/modules/joint-meeting/workflow.tables.js';
import { jurisdictions } from '../src/modules/jurisdictions/jurisdictions.tables.js';
import { computeCreditCodeCheckChar } from '../src/modules/organisations/credit-code.js';
import { organisations } from '../src/modules/organisations/organisations.tables.js';
import { exampleClaimRatioLadder } from '../src/modules/rates/rates.data.js';
import { rateAssignments } from '../src/modules/rates/rates.tables.js';
import { recomputeRiskScores } from '../src/modules/risk/risk.service.js';
import { TRAINING_PERIODS } from '../src/modules/training/training.data.js';
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
  training: {
    holderId: number;
    courseId: number;
    /** Exams, sessions and online study of the fixture holder's learner account (decision 0025). */
    learnerUsername: string;
    /** A second holder, without a learner account yet. */
    spareHolderId: number;
    onlineCourseId: number;
    segmentId: number;
    sessionId: number;
    codeSessionId: number;
    studySessionId: number;
    attemptId: number;
    attemptQuestionId: number;
  };
  /** Premium-rate floating of Fuzhou (350100): rule sets in each state, a run, an open appeal. */
  rates: {
    draftId: number;
    toReviewId: number;
    reviewedId: number;
    runId: number;
    /** The Gulou employer's rating (its account appeals it). */
    assignmentId: number;
    appealId: number;
    employerUsername: string;
    /** An officer of 福州市财政局 (财政 reviews rule sets). */
    financeUsername: string;
    /** A third employer's open appeal that its account attaches files to, and a file of it. */
    fileAppealId: number;
    fileEmployerUsername: string;
    appealFileId: number;
  };
  /** Publicity: Fuzhou campaigns, the Gulou employer's bases and Fuzhou examples, each in the state its route needs. */
  pu: PublicityFixture;
  /** Training extras: a Gulou technical school, its class and a student who passed; providers. */
  trainingExtras: {
    schoolId: number;
    classId: number;
    studentId: number;
    /** A training institution's account, and its application awaiting review and a listed one. */
    institutionUsername: string;
    appliedProviderId: number;
    listedProviderId: number;
  };
  /** Audit administrators (三员分立: they alone read the audit log) of Fuzhou and of sibling Xiamen. */
  auditAdminUsername: string;
  siblingAuditAdminUsername: string;
  /** The national audit administrator: the audit chain is deployment-wide. */
  nationalAuditAdminUsername: string;
  /** System administrators, national and of sibling Xiamen: the daily tasks are deployment-wide. */
  nationalSystemAdminUsername: string;
  siblingSystemAdminUsername: string;
  /** A unified identity (OIDC) linked to a second 鼓楼区 user, and one queued for linking. */
  identity: { userId: number; id: number; pendingId: number };
  /** A Fujian (province) HRSS officer: the pending identity queue is the province's. */
  provinceOfficer: string;
  /** A member officer of 福州市财政局: approves or returns Fuzhou's budget (PP-1). */
  financeOfficer: string;
  /** A joint inspection of Fuzhou (HRSS and 应急) of an uninsured employer, with a finding and its photo. */
  inspection: { id: number; employerId: number; findingId: number; photoId: number };
  /** Roster changes (JM-1): liaison rows of 福州市财政局, and its requests in the state each route needs. */
  rosterChange: { proposeMemberId: number; returnedId: number; confirmId: number; returnId: number };
  /** Cross-checks (AN-6): Fuzhou hits answered by Fuzhou's HRSS unit, one per action route. */
  crosscheck: { hitId: number; confirmHitId: number; explainHitId: number; closeHitId: number };
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

/** Roster changes (JM-1): four liaison rows of 福州市财政局; its officer proposes for three, Fuzhou returns one. */
async function buildRosterChangeFixture(fuzhou: Agent, f: Fixture): Promise<Fixture['rosterChange']> {
  const [fz] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350100'));
  const financeId = await organisationIdOf('福州市财政局');
  const rows = await t.db
    .insert(rosterMembers)
    .values(
      [1, 2, 3, 4].map((n) => ({
        jurisdictionId: fz?.id ?? 0,
        role: 'liaison' as const,
        personName: `联络员${n}`,
        title: '社保处一级主任科员',
        unitName: '市财政局',
        organisationId: financeId,
        sortOrder: 100 + n,
        effectiveFrom: '2024-01-01',
        changeReason: '访问测试',
      })),
    )
    .returning({ id: rosterMembers.id });
  const finance = await t.signIn(f.financeOfficer, TEST_PASSWORD);
  const propose = async (memberId: number) => {
    const res = await finance.post(`/api/roster-members/${memberId}/change-requests`, {
      personName: '接任联络员',
      title: '社保处四级主任科员',
      phone: '0591-87000000',
      reason: '工作调动',
      effectiveDate: '2026-12-01',
    });
    if (res.statusCode !== 201) throw new Error(`roster change fixture: ${res.body}`);
    return res.json().id as number;
  };
  const [a, b, c, d] = rows.map((r) => r.id);
  const returnedId = await propose(b ?? 0);
  const returned = await fuzhou.post(`/api/roster-change-requests/${returnedId}/return`, {
    reason: '请补充',
  });
  if (returned.statusCode !== 200) throw new Error(`roster change fixture: ${returned.body}`);
  return {
    proposeMemberId: a ?? 0,
    returnedId,
    confirmId: await propose(c ?? 0),
    returnId: await propose(d ?? 0),
  };
}

/** Cross-checks (AN-6): four open Fuzhou hits of the fixture employer, answered by Fuzhou's HRSS unit. */
async function buildCrosscheckFixture(f: Fixture): Promise<Fixture['crosscheck']> {
  await ensureCrosscheckRules(t.db);
  const [fz] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350100'));
  const ids: number[] = [];
  for (const n of [1, 2, 3, 4]) {
    const [row] = await t.db
      .insert(crosscheckHits)
      .values({
        ruleCode: 'injury-without-headcount',
        subjectKey: `injury:访问测试${n}`,
        employerId: f.organisationId,
        jurisdictionId: fz?.id ?? 0,
        ownerOrganisationId: f.hrssOrganisationId,
        ownerDepartment: 'hrss',
        evidence: { caseNo: `访问测试${n}` },
        detectedOn: '2026-12-01',
        deadline: '2026-12-16',
      })
      .returning({ id: crosscheckHits.id });
    ids.push(row?.id ?? 0);
  }
  const [hitId = 0, confirmHitId = 0, explainHitId = 0, closeHitId = 0] = ids;
  return { hitId, confirmHitId, explainHitId, closeHitId };
}

/** Fuzhou's joint inspection (HRSS and 应急) of an uninsured (monitored) employer, a finding and a photo. */
async function buildInspectionFixture(fuzhou: Agent, f: Fixture): Promise<Fixture['inspection']> {
  const [gulou] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350102'));
  const [employerRow] = await t.db
    .insert(organisations)
    .values({
      kind: 'employer',
      name: '鼓楼区联合检查访问测试企业',
      insuranceStatus: 'uninsured',
      jurisdictionId: gulou?.id ?? 0,
    })
    .returning({ id: organisations.id });
  const employerId = employerRow?.id ?? 0;
  const planned = await fuzhou.post('/api/inspections', {
    jurisdictionCode: '350100',
    title: '访问测试联合检查',
    startsOn: '2026-11-01',
    endsOn: '2026-11-30',
    memberUnitIds: [f.hrssOrganisationId, f.emergencyOrganisationId],
    employers: [{ employerId, source: 'monitoring' }],
  });
  if (planned.statusCode !== 201) throw new Error(`inspection fixture: ${planned.body}`);
  const id = planned.json().id as number;
  const finding = await fuzhou.post(`/api/inspections/${id}/findings`, {
    employerId,
    checklist: [{ code: 'insured', isMet: false }],
    finding: '职工未参加工伤保险',
    isHazard: true,
  });
  if (finding.statusCode !== 201) throw new Error(`finding fixture: ${finding.body}`);
  const findingId = finding.json().id as number;
  const photo = await fuzhou.request({
    method: 'POST',
    url: `/api/inspection-findings/${findingId}/photos?fileName=photo.jpg`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from('access-test photo'),
  });
  if (photo.statusCode !== 201) throw new Error(`photo fixture: ${photo.body}`);
  return { id, employerId, findingId, photoId: photo.json().id as number };
}

let serial = 0;

/** A two-question bank (XLSX), as an officer would upload it. */
let questionWorkbook: Buffer;
async function buildQuestionWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('题库');
  sheet.addRow(['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '分值']);
  sheet.addRow(['单选', '访问测试单选题', '甲', '乙', '', '', '', '', 'A', 1]);
  sheet.addRow(['判断', '访问测试判断题', '', '', '', '', '', '', '正确', 1]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

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
  // Roster changes (JM-1): a member unit proposes, the office confirms or returns.
  'GET /api/joint-meetings/:code/roster-changes': {
    permission: 'roster:read',
    call: () => ({ method: 'GET', url: '/api/joint-meetings/350100/roster-changes' }),
    sibling: 'hidden',
  },
  'POST /api/roster-members/:id/change-requests': {
    permission: 'roster:propose',
    call: (f) => ({
      method: 'POST',
      url: `/api/roster-members/${f.rosterChange.proposeMemberId}/change-requests`,
      payload: {
        personName: '接任联络员',
        title: '社保处四级主任科员',
        phone: '0591-87000000',
        reason: '工作调动',
        effectiveDate: '2026-12-01',
      },
    }),
    sibling: 'hidden',
    controlUser: (f) => f.financeOfficer,
  },
  'PUT /api/roster-change-requests/:id': {
    permission: 'roster:propose',
    call: (f) => ({
      method: 'PUT',
      url: `/api/roster-change-requests/${f.rosterChange.returnedId}`,
      payload: {
        personName: '接任联络员',
        title: '社保处三级主任科员',
        phone: '0591-87000000',
        reason: '工作调动',
        effectiveDate: '2026-12-01',
      },
    }),
    sibling: 'hidden',
    controlUser: (f) => f.financeOfficer,
  },
  'POST /api/roster-change-requests/:id/confirm': {
    permission: 'roster:write',
    call: (f) => ({ method: 'POST', url: `/api/roster-change-requests/${f.rosterChange.confirmId}/confirm` }),
    sibling: 'hidden',
  },
  'POST /api/roster-change-requests/:id/return': {
    permission: 'roster:write',
    call: (f) => ({
      method: 'POST',
      url: `/api/roster-change-requests/${f.rosterChange.returnId}/return`,
      payload: { reason: '请补充任职文件' },
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
  // Overview screen (AN-7, issue 18 part 3)
  'GET /api/overview': {
    permission: 'analytics:read',
    call: () => ({ method: 'GET', url: '/api/overview?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/overview/version': {
    permission: 'analytics:read',
    call: () => ({ method: 'GET', url: '/api/overview/version?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  // End of overview screen
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
  // Enterprise risk index (AN-5, issue 18 part 1)
  'GET /api/risk/scores': {
    permission: 'analytics:read',
    call: () => ({ method: 'GET', url: '/api/risk/scores?jurisdiction=350100&year=2025' }),
    sibling: 'hidden',
  },
  'GET /api/risk/scores/:employerId': {
    permission: 'analytics:read',
    call: (f) => ({ method: 'GET', url: `/api/risk/scores/${f.organisationId}?year=2025` }),
    sibling: 'hidden',
  },
  'GET /api/risk/alerts': {
    permission: 'analytics:read',
    call: () => ({ method: 'GET', url: '/api/risk/alerts?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/risk/formula': {
    permission: 'analytics:read',
    call: () => ({ method: 'GET', url: '/api/risk/formula?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/risk/recompute': {
    permission: 'analytics:configure',
    call: () => ({
      method: 'POST',
      url: '/api/risk/recompute',
      payload: { year: 2025, jurisdictionCode: '350100' },
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
  'GET /api/operations/daily-tasks': {
    permission: 'operations:read',
    call: () => ({ method: 'GET', url: '/api/operations/daily-tasks' }),
    // The runs are the whole deployment's: a city's system administrator is refused.
    sibling: 'hidden',
    controlUser: (f) => f.nationalSystemAdminUsername,
    siblingUser: (f) => f.siblingSystemAdminUsername,
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
  'GET /api/meetings/:id/notice': {
    permission: 'meetings:read',
    call: (f) => ({ method: 'GET', url: `/api/meetings/${f.jm.draftMeetingId}/notice` }),
    sibling: 'hidden',
  },
  'GET /api/meetings/:id/minutes': {
    permission: 'meetings:read',
    call: (f) => ({ method: 'GET', url: `/api/meetings/${f.jm.heldMeetingId}/minutes` }),
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
  'GET /api/action-items/:id/chase-notice': {
    permission: 'meetings:read',
    call: (f) => ({ method: 'GET', url: `/api/action-items/${f.jm.actionItemId}/chase-notice` }),
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
  // --- workbench and 催办 (decision 0041) ---
  'GET /api/workbench': {
    permission: null,
    call: () => ({ method: 'GET', url: '/api/workbench' }),
    sibling: null,
  },
  'POST /api/reminders': {
    permission: 'meetings:manage',
    call: (f) => ({
      method: 'POST',
      url: '/api/reminders',
      payload: { targetType: 'member_report', targetId: f.emergencyOrganisationId, year: 2030 },
    }),
    sibling: 'hidden',
  },
  'GET /api/reminders': {
    permission: 'meetings:read',
    call: (f) => ({
      method: 'GET',
      url: `/api/reminders?targetType=action_item&targetId=${f.jm.actionItemId}`,
    }),
    sibling: 'hidden',
  },
  // --- end workbench ---
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
  'GET /api/inspections': {
    permission: 'meetings:read',
    call: () => ({ method: 'GET', url: '/api/inspections?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/inspections': {
    permission: 'meetings:manage',
    call: (f) => ({
      method: 'POST',
      url: '/api/inspections',
      payload: {
        jurisdictionCode: '350100',
        title: '访问测试联合检查（第二次）',
        startsOn: '2026-12-01',
        endsOn: '2026-12-10',
        memberUnitIds: [f.emergencyOrganisationId],
        employers: [{ employerId: f.inspection.employerId, source: 'monitoring' }],
      },
    }),
    sibling: 'field',
  },
  'GET /api/inspections/:id': {
    permission: 'meetings:read',
    call: (f) => ({ method: 'GET', url: `/api/inspections/${f.inspection.id}` }),
    sibling: 'hidden',
  },
  'POST /api/inspections/:id/findings': {
    permission: 'meetings:report',
    call: (f) => ({
      method: 'POST',
      url: `/api/inspections/${f.inspection.id}/findings`,
      payload: {
        employerId: f.inspection.employerId,
        checklist: [{ code: 'injury_reports', isMet: true }],
        finding: '工伤事故均已申报',
        isHazard: false,
      },
    }),
    sibling: 'hidden',
  },
  'POST /api/inspection-findings/:id/photos': {
    permission: 'meetings:report',
    call: (f) => ({
      method: 'POST',
      url: `/api/inspection-findings/${f.inspection.findingId}/photos?fileName=second.jpg`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('second photo'),
    }),
    sibling: 'hidden',
  },
  'GET /api/inspection-photos/:id': {
    permission: 'meetings:read',
    call: (f) => ({ method: 'GET', url: `/api/inspection-photos/${f.inspection.photoId}` }),
    sibling: 'hidden',
  },
  'POST /api/inspection-findings/:id/rectification': {
    permission: 'meetings:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/inspection-findings/${f.inspection.findingId}/rectification`,
      payload: {
        suggestion: '限期为职工办理工伤保险',
        deadline: '2099-01-31',
        responsibleOrganisationId: f.hrssOrganisationId,
      },
    }),
    sibling: 'hidden',
  },
  'GET /api/inspection-reports/:code/:year': {
    permission: 'meetings:read',
    call: () => ({ method: 'GET', url: '/api/inspection-reports/350100/2026' }),
    sibling: 'hidden',
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
  'GET /api/prevention-budgets/:code/:year/finance': {
    permission: 'projects:read',
    call: () => ({ method: 'GET', url: `/api/prevention-budgets/350100/${PROJECT_YEAR}/finance` }),
    sibling: 'hidden',
  },
  'POST /api/prevention-budgets/:code/:year/submission': {
    permission: 'projects:manage',
    call: () => ({
      method: 'POST',
      url: `/api/prevention-budgets/350100/${PROJECT_YEAR}/submission`,
      payload: { proposalNote: '上年度执行率 90%', reason: '联席会议审定' },
    }),
    sibling: 'hidden',
  },
  'POST /api/prevention-budgets/:code/:year/finance-decision': {
    permission: 'finance:approve',
    // After the submission row's control: the finance unit returns the submitted budget.
    call: () => ({
      method: 'POST',
      url: `/api/prevention-budgets/350100/${PROJECT_YEAR}/finance-decision`,
      payload: { decision: 'return', reason: '请补充绩效评价' },
    }),
    sibling: 'hidden',
    controlUser: (f) => f.financeOfficer,
  },
  // --- procure: payment standards (PP-11)
  'GET /api/payment-standards/:code/:year': {
    permission: 'projects:read',
    call: () => ({ method: 'GET', url: `/api/payment-standards/350100/${PROJECT_YEAR}` }),
    sibling: 'hidden',
  },
  'PUT /api/payment-standards/:code/:year/:kind': {
    permission: 'projects:manage',
    call: () => ({
      method: 'PUT',
      url: `/api/payment-standards/350100/${PROJECT_YEAR}/lecture`,
      payload: { name: '专题讲座', unit: '场', unitPriceFen: 200_000, reason: '年度服务支付标准' },
    }),
    sibling: 'hidden',
  },
  // --- end procure: payment standards
  // --- procure: procurement (PP-4)
  'GET /api/projects/:id/procurement': {
    permission: 'projects:read',
    call: (f) => ({ method: 'GET', url: `/api/projects/${f.pp.procurement.projectId}/procurement` }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/procurement': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.procurement.freshProjectId}/procurement`,
      payload: {
        method: 'open_tender',
        noticeNo: '榕人社采〔2026〕2号',
        noticeOn: '2026-04-01',
        bidDeadline: '2026-04-20',
        noticeText: '公开招标培训服务机构。',
        reason: '启动采购',
      },
    }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/procurement/bids': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.procurement.freshProjectId}/procurement/bids`,
      payload: { organisationId: f.pp.serviceOrgId, amountFen: 300_000, submittedOn: '2026-04-12' },
    }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/procurement/documents': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.procurement.projectId}/procurement/documents?kind=bid&fileName=bid.txt`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('投标文件'),
    }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/procurement/evaluation': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.procurement.projectId}/procurement/evaluation`,
      payload: {
        scores: [{ bidId: f.pp.procurement.bidId, score: 90 }],
        evaluationNote: '询价小组评审',
        reason: '评审完成',
      },
    }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/procurement/award': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.procurement.projectId}/procurement/award`,
      payload: { bidId: f.pp.procurement.bidId, awardedOn: '2026-04-20', reason: '成交' },
    }),
    sibling: 'hidden',
  },
  'POST /api/projects/:id/procurement/failure': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.pp.procurement.freshProjectId}/procurement/failure`,
      payload: { reason: '流标' },
    }),
    sibling: 'hidden',
  },
  'GET /api/procurement-documents/:id': {
    permission: 'projects:read',
    call: (f) => ({ method: 'GET', url: `/api/procurement-documents/${f.pp.procurement.documentId}` }),
    sibling: 'hidden',
  },
  // --- end procure: procurement
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
  'GET /api/projects/:id/declaration': {
    permission: 'projects:read',
    call: (f) => ({ method: 'GET', url: `/api/projects/${f.pp.projects.declared}/declaration` }),
    sibling: 'hidden',
  },
  'GET /api/own-projects/:id/declaration': {
    permission: 'projects:declare',
    call: (f) => ({ method: 'GET', url: `/api/own-projects/${f.pp.projects.declared}/declaration` }),
    sibling: 'hidden',
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
  'PUT /api/training/roles': {
    permission: 'training:manage',
    // The posts are the same for the whole deployment: the province's officer sets them.
    call: () => ({
      method: 'PUT',
      url: '/api/training/roles',
      payload: { planPeriod: '2026-2030', roles: TRAINING_PERIODS[1]?.roles },
    }),
    controlUser: (f) => f.provinceOfficer,
    sibling: 'hidden',
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
  // scorecard (SV-1)
  'GET /api/scorecard/indicators': {
    // The indicators and their default weights are published rules, like the rate examples.
    permission: null,
    call: () => ({ method: 'GET', url: '/api/scorecard/indicators' }),
    sibling: null,
  },
  'GET /api/scorecard': {
    permission: 'scorecard:read',
    call: () => ({ method: 'GET', url: '/api/scorecard?jurisdiction=350100&year=2026' }),
    sibling: 'hidden',
  },
  'GET /api/scorecard/rule-set': {
    permission: 'scorecard:read',
    call: () => ({ method: 'GET', url: '/api/scorecard/rule-set?jurisdiction=350100&year=2026' }),
    sibling: 'hidden',
  },
  'PUT /api/scorecard/rule-set': {
    permission: 'scorecard:manage',
    call: () => ({
      method: 'PUT',
      url: '/api/scorecard/rule-set',
      payload: {
        jurisdictionCode: '350100',
        year: 2026,
        ruleSet: {
          totalWeight: 100,
          fundAccountsClosedBy: '05-31',
          indicators: [
            { indicator: 'meetingAfterAccounts', weight: 60, rule: { kind: 'atLeast', threshold: 1 } },
            { indicator: 'trainingCoverage', weight: 40, rule: { kind: 'linear', fullAt: 90 } },
          ],
        },
      },
    }),
    sibling: 'field',
  },
  'POST /api/scorecard/sign-off': {
    permission: 'scorecard:manage',
    call: () => ({
      method: 'POST',
      url: '/api/scorecard/sign-off',
      payload: { jurisdictionCode: '350100', year: 2025 },
    }),
    sibling: 'field',
  },
  'GET /api/scorecard/xlsx': {
    permission: 'scorecard:read',
    call: () => ({ method: 'GET', url: '/api/scorecard/xlsx?jurisdiction=350100&year=2026' }),
    sibling: 'hidden',
  },
  'GET /api/scorecard/print': {
    permission: 'scorecard:read',
    call: () => ({ method: 'GET', url: '/api/scorecard/print?jurisdiction=350100&year=2026' }),
    sibling: 'hidden',
  },
  'GET /api/rates/examples': {
    permission: null,
    call: () => ({ method: 'GET', url: '/api/rates/examples' }),
    sibling: null,
  },
  'GET /api/rates/rule-sets': {
    permission: 'rates:read',
    call: () => ({ method: 'GET', url: '/api/rates/rule-sets' }),
    sibling: 'filtered',
  },
  'POST /api/rates/rule-sets': {
    permission: 'rates:manage',
    call: () => ({
      method: 'POST',
      url: '/api/rates/rule-sets',
      payload: {
        jurisdiction: '350100',
        name: '访问测试规则',
        effectiveFrom: '2028-01-01',
        definition: exampleClaimRatioLadder(),
      },
    }),
    sibling: 'hidden',
  },
  'GET /api/rates/rule-sets/:id': {
    permission: 'rates:read',
    call: (f) => ({ method: 'GET', url: `/api/rates/rule-sets/${f.rates.draftId}` }),
    sibling: 'hidden',
  },
  'PUT /api/rates/rule-sets/:id': {
    permission: 'rates:manage',
    call: (f) => ({
      method: 'PUT',
      url: `/api/rates/rule-sets/${f.rates.draftId}`,
      payload: {
        name: '访问测试规则（修改）',
        effectiveFrom: '2028-01-01',
        definition: exampleClaimRatioLadder(),
      },
    }),
    sibling: 'hidden',
  },
  'POST /api/rates/rule-sets/:id/review': {
    permission: 'rates:review',
    call: (f) => ({
      method: 'POST',
      url: `/api/rates/rule-sets/${f.rates.toReviewId}/review`,
      payload: { decision: 'approve' },
    }),
    sibling: 'hidden',
    controlUser: (f) => f.rates.financeUsername,
  },
  'POST /api/rates/rule-sets/:id/adopt': {
    permission: 'rates:manage',
    call: (f) => ({ method: 'POST', url: `/api/rates/rule-sets/${f.rates.reviewedId}/adopt` }),
    sibling: 'hidden',
  },
  'GET /api/rates/rule-sets/:id/simulation': {
    permission: 'rates:read',
    call: (f) => ({ method: 'GET', url: `/api/rates/rule-sets/${f.rates.draftId}/simulation?rateYear=2026` }),
    sibling: 'hidden',
  },
  'POST /api/rates/rule-sets/:id/simulation/agenda': {
    permission: 'meetings:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/rates/rule-sets/${f.rates.draftId}/simulation/agenda`,
      payload: { meetingId: f.jm.draftMeetingId, rateYear: 2026 },
    }),
    sibling: 'hidden',
  },
  'GET /api/rates/rule-sets/:id/simulation.xlsx': {
    permission: 'rates:read',
    call: (f) => ({
      method: 'GET',
      url: `/api/rates/rule-sets/${f.rates.draftId}/simulation.xlsx?rateYear=2026`,
    }),
    sibling: 'hidden',
  },
  'POST /api/rates/runs': {
    permission: 'rates:manage',
    call: () => ({
      method: 'POST',
      url: '/api/rates/runs',
      payload: { jurisdiction: '350100', rateYear: 2027 },
    }),
    sibling: 'hidden',
  },
  'GET /api/rates/runs': {
    permission: 'rates:read',
    call: () => ({ method: 'GET', url: '/api/rates/runs?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/rates/runs/:id': {
    permission: 'rates:read',
    call: (f) => ({ method: 'GET', url: `/api/rates/runs/${f.rates.runId}` }),
    sibling: 'hidden',
  },
  'GET /api/rates/runs/:id/assignments': {
    permission: 'rates:read',
    call: (f) => ({ method: 'GET', url: `/api/rates/runs/${f.rates.runId}/assignments` }),
    sibling: 'hidden',
  },
  'GET /api/rates/assignments/:id': {
    permission: 'rates:read',
    call: (f) => ({ method: 'GET', url: `/api/rates/assignments/${f.rates.assignmentId}` }),
    sibling: 'hidden',
  },
  'GET /api/rates/effect': {
    permission: 'rates:read',
    call: () => ({ method: 'GET', url: '/api/rates/effect?jurisdiction=350100&year=2026' }),
    sibling: 'hidden',
  },
  'GET /api/rates/appeals': {
    permission: 'rates:read',
    call: () => ({ method: 'GET', url: '/api/rates/appeals?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/rates/appeals/:id/decision': {
    permission: 'rates:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/rates/appeals/${f.rates.appealId}/decision`,
      payload: { decision: 'dismissed', note: '访问测试：维持原费率' },
    }),
    sibling: 'hidden',
  },
  'GET /api/own-rates': {
    permission: 'rates:own',
    call: () => ({ method: 'GET', url: '/api/own-rates' }),
    sibling: 'filtered',
    controlUser: (f) => f.rates.employerUsername,
  },
  'POST /api/own-rates/:id/appeals': {
    permission: 'rates:own',
    call: (f) => ({
      method: 'POST',
      url: `/api/own-rates/${f.rates.assignmentId}/appeals`,
      payload: { reason: '访问测试申诉' },
    }),
    sibling: 'hidden',
    controlUser: (f) => f.rates.employerUsername,
  },
  'POST /api/own-rates/appeals/:id/files': {
    permission: 'rates:own',
    call: (f) => ({
      method: 'POST',
      url: `/api/own-rates/appeals/${f.rates.fileAppealId}/files?fileName=${encodeURIComponent('缴费凭证.pdf')}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.4 access test'),
    }),
    sibling: 'hidden',
    controlUser: (f) => f.rates.fileEmployerUsername,
  },
  // 本单位 (issue 17 item 7): an employer account's own record; officers lack employer:own.
  'GET /api/my-employer': {
    permission: 'employer:own',
    call: () => ({ method: 'GET', url: '/api/my-employer' }),
    sibling: 'hidden',
    controlUser: (f) => f.pu.employerUsername,
  },
  'GET /api/my-employer/projects': {
    permission: 'employer:own',
    call: () => ({ method: 'GET', url: '/api/my-employer/projects' }),
    sibling: 'hidden',
    controlUser: (f) => f.pu.employerUsername,
  },
  'POST /api/my-employer/rectifications/:id/answers': {
    permission: 'employer:own',
    call: (f) => ({
      method: 'POST',
      url: `/api/my-employer/rectifications/${f.jm.rectificationId}/answers`,
      payload: { note: '访问测试整改反馈' },
    }),
    sibling: 'hidden',
    controlUser: (f) => f.pu.employerUsername,
  },
  'GET /api/rates/appeal-files/:id': {
    permission: 'rates:read',
    call: (f) => ({ method: 'GET', url: `/api/rates/appeal-files/${f.rates.appealFileId}` }),
    sibling: 'hidden',
  },
  'POST /api/training/courses/:id/questions/import': {
    permission: 'training:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/training/courses/${f.training.courseId}/questions/import?fileName=bank.xlsx`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: questionWorkbook,
    }),
    sibling: 'hidden',
  },
  'GET /api/training/courses/:id/questions': {
    permission: 'training:manage',
    call: (f) => ({ method: 'GET', url: `/api/training/courses/${f.training.courseId}/questions` }),
    sibling: 'hidden',
  },
  'GET /api/study/courses/:id/exam-attempts': {
    permission: 'training:study',
    call: (f) => ({ method: 'GET', url: `/api/study/courses/${f.training.courseId}/exam-attempts` }),
    sibling: 'hidden',
    controlUser: (f) => f.training.learnerUsername,
  },
  'POST /api/study/exam-attempts/:id/answers': {
    permission: 'training:study',
    call: (f) => ({
      method: 'POST',
      url: `/api/study/exam-attempts/${f.training.attemptId}/answers`,
      payload: { answers: [{ questionId: f.training.attemptQuestionId, choice: [0] }] },
    }),
    sibling: 'hidden',
    controlUser: (f) => f.training.learnerUsername,
  },
  'POST /api/study/courses/:id/exam-attempts': {
    permission: 'training:study',
    call: (f) => ({ method: 'POST', url: `/api/study/courses/${f.training.courseId}/exam-attempts` }),
    sibling: 'hidden',
    controlUser: (f) => f.training.learnerUsername,
  },
  'POST /api/training/courses/:id/sessions': {
    permission: 'training:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/training/courses/${f.training.courseId}/sessions`,
      payload: { heldOn: today(), place: '访问测试培训室', hours: 4 },
    }),
    sibling: 'hidden',
  },
  'GET /api/training/courses/:id/sessions': {
    permission: 'training:read',
    call: (f) => ({ method: 'GET', url: `/api/training/courses/${f.training.courseId}/sessions` }),
    sibling: 'hidden',
  },
  'GET /api/training/sessions/:id': {
    permission: 'training:read',
    call: (f) => ({ method: 'GET', url: `/api/training/sessions/${f.training.sessionId}` }),
    sibling: 'hidden',
  },
  'POST /api/training/sessions/:id/roster': {
    permission: 'training:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/training/sessions/${f.training.sessionId}/roster`,
      payload: { holderIds: [f.training.holderId] },
    }),
    sibling: 'hidden',
  },
  'POST /api/training/sessions/:id/attendance': {
    permission: 'training:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/training/sessions/${f.training.sessionId}/attendance`,
      payload: { holderId: f.training.holderId },
    }),
    sibling: 'hidden',
  },
  'POST /api/study/offline-sessions/:id/sign-in': {
    permission: 'training:study',
    call: (f) => ({
      method: 'POST',
      url: `/api/study/offline-sessions/${f.training.codeSessionId}/sign-in`,
      payload: { code: 'FZ2026' },
    }),
    sibling: 'hidden',
    controlUser: (f) => f.training.learnerUsername,
  },
  'POST /api/training/courses/:id/segments': {
    permission: 'training:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/training/courses/${f.training.onlineCourseId}/segments`,
      payload: { title: '访问测试章节', durationSeconds: 60 },
    }),
    sibling: 'hidden',
  },
  'GET /api/training/courses/:id/segments': {
    permission: 'training:read',
    call: (f) => ({ method: 'GET', url: `/api/training/courses/${f.training.onlineCourseId}/segments` }),
    sibling: 'hidden',
  },
  'POST /api/training/segments/:id/video': {
    permission: 'training:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/training/segments/${f.training.segmentId}/video?fileName=part.mp4`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('access-test-video'),
    }),
    sibling: 'hidden',
  },
  'GET /api/study/segments/:id/video': {
    permission: 'training:study',
    call: (f) => ({ method: 'GET', url: `/api/study/segments/${f.training.segmentId}/video` }),
    sibling: 'hidden',
  },
  'POST /api/training/holders/:id/learner': {
    permission: 'training:register',
    call: (f) => ({
      method: 'POST',
      url: `/api/training/holders/${f.training.spareHolderId}/learner`,
      payload: { username: 'accesslearner2', password: 'Spare-Learner-Pw1!' },
    }),
    sibling: 'hidden',
  },
  'GET /api/study/courses': {
    permission: 'training:study',
    call: () => ({ method: 'GET', url: '/api/study/courses' }),
    sibling: 'filtered',
    controlUser: (f) => f.training.learnerUsername,
  },
  'GET /api/study/courses/:id': {
    permission: 'training:study',
    call: (f) => ({ method: 'GET', url: `/api/study/courses/${f.training.onlineCourseId}` }),
    sibling: 'hidden',
  },
  // The heartbeat before the start and the end: both end the fixture's study session.
  'POST /api/study/sessions/:id/heartbeat': {
    permission: 'training:study',
    call: (f) => ({
      method: 'POST',
      url: `/api/study/sessions/${f.training.studySessionId}/heartbeat`,
      payload: { segmentId: f.training.segmentId },
    }),
    sibling: 'hidden',
    controlUser: (f) => f.training.learnerUsername,
  },
  'POST /api/study/sessions/:id/end': {
    permission: 'training:study',
    call: (f) => ({ method: 'POST', url: `/api/study/sessions/${f.training.studySessionId}/end` }),
    sibling: 'hidden',
    controlUser: (f) => f.training.learnerUsername,
  },
  'POST /api/study/courses/:id/sessions': {
    permission: 'training:study',
    call: (f) => ({ method: 'POST', url: `/api/study/courses/${f.training.onlineCourseId}/sessions` }),
    sibling: 'hidden',
    controlUser: (f) => f.training.learnerUsername,
  },

  'GET /api/publicity/topics': {
    permission: 'publicity:read',
    call: () => ({ method: 'GET', url: '/api/publicity/topics?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/publicity/campaigns': {
    permission: 'publicity:read',
    call: () => ({ method: 'GET', url: '/api/publicity/campaigns?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/publicity/campaigns': {
    permission: 'publicity:manage',
    call: () => ({
      method: 'POST',
      url: '/api/publicity/campaigns',
      payload: publicityCampaign('350100'),
    }),
    sibling: 'hidden',
  },
  'GET /api/publicity/campaigns/:id': {
    permission: 'publicity:read',
    call: (f) => ({ method: 'GET', url: `/api/publicity/campaigns/${f.pu.plannedCampaignId}` }),
    sibling: 'hidden',
  },
  'POST /api/publicity/campaigns/:id/record': {
    permission: 'publicity:report',
    call: (f) => ({
      method: 'POST',
      url: `/api/publicity/campaigns/${f.pu.plannedCampaignId}/record`,
      payload: {
        events: 1,
        views: 10,
        participants: 5,
        enterprisesReached: 1,
        reachSource: '访问测试',
        summary: '访问测试',
      },
    }),
    sibling: 'hidden',
  },
  'POST /api/publicity/campaigns/:id/accept': {
    permission: 'publicity:manage',
    call: (f) => ({ method: 'POST', url: `/api/publicity/campaigns/${f.pu.recordedCampaignId}/accept` }),
    sibling: 'hidden',
  },
  'POST /api/publicity/campaigns/:id/files': {
    permission: 'publicity:report',
    call: (f) => ({
      method: 'POST',
      url: `/api/publicity/campaigns/${f.pu.plannedCampaignId}/files?fileName=a.pdf&kind=material`,
      payload: Buffer.from('%PDF-1.4 access test'),
      headers: { 'content-type': 'application/octet-stream' },
    }),
    sibling: 'hidden',
  },
  'GET /api/publicity/quota-board': {
    permission: 'publicity:read',
    call: () => ({ method: 'GET', url: '/api/publicity/quota-board?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/publicity/quota-board/export': {
    permission: 'publicity:read',
    call: () => ({ method: 'GET', url: '/api/publicity/quota-board/export?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/publicity/bases': {
    permission: 'publicity:read',
    call: () => ({ method: 'GET', url: '/api/publicity/bases?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/own-publicity/bases': {
    permission: 'publicity:apply',
    call: () => ({ method: 'GET', url: '/api/own-publicity/bases' }),
    sibling: 'filtered',
    controlUser: (f) => f.pu.employerUsername,
  },
  'POST /api/publicity/bases': {
    permission: 'publicity:apply',
    call: (f) => ({ method: 'POST', url: '/api/publicity/bases', payload: publicityBase(f.organisationId) }),
    sibling: 'hidden',
  },
  'GET /api/publicity/bases/:id': {
    permission: 'publicity:read',
    call: (f) => ({ method: 'GET', url: `/api/publicity/bases/${f.pu.designatedBaseId}` }),
    sibling: 'hidden',
  },
  'GET /api/publicity/bases/:id/expert-candidates': {
    permission: 'publicity:manage',
    call: (f) => ({ method: 'GET', url: `/api/publicity/bases/${f.pu.appliedBaseId}/expert-candidates` }),
    sibling: 'hidden',
  },
  'POST /api/publicity/bases/:id/review': {
    permission: 'publicity:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/publicity/bases/${f.pu.appliedBaseId}/review`,
      payload: {
        reviewedOn: today(),
        siteVisit: '访问测试现场查看',
        expertOpinions: [{ expertId: f.pu.expertId, opinion: '同意' }],
        outcome: 'designate',
      },
    }),
    sibling: 'hidden',
  },
  'POST /api/publicity/bases/:id/provincial': {
    permission: 'publicity:manage',
    call: (f) => ({ method: 'POST', url: `/api/publicity/bases/${f.pu.designatedBaseId}/provincial` }),
    sibling: 'hidden',
    controlUser: (f) => f.provinceOfficer,
  },
  'POST /api/publicity/bases/:id/withdraw': {
    permission: 'publicity:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/publicity/bases/${f.pu.withdrawBaseId}/withdraw`,
      payload: { reason: '访问测试撤销' },
    }),
    sibling: 'hidden',
  },
  'POST /api/publicity/bases/:id/visits': {
    permission: 'publicity:apply',
    call: (f) => ({
      method: 'POST',
      url: `/api/publicity/bases/${f.pu.designatedBaseId}/visits`,
      payload: { visitedOn: today(), groups: 1, visitors: 20, enterprises: 2 },
    }),
    sibling: 'hidden',
  },
  'POST /api/publicity/bases/:id/files': {
    permission: 'publicity:apply',
    call: (f) => ({
      method: 'POST',
      url: `/api/publicity/bases/${f.pu.designatedBaseId}/files?fileName=b.pdf&kind=material`,
      payload: Buffer.from('%PDF-1.4 access test base'),
      headers: { 'content-type': 'application/octet-stream' },
    }),
    sibling: 'hidden',
  },
  'GET /api/publicity/base-coverage': {
    permission: 'publicity:read',
    call: () => ({ method: 'GET', url: '/api/publicity/base-coverage?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/publicity/favoured-projects': {
    permission: 'publicity:read',
    call: () => ({ method: 'GET', url: '/api/publicity/favoured-projects?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/publicity/examples': {
    permission: 'publicity:read',
    call: () => ({ method: 'GET', url: '/api/publicity/examples?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/publicity/examples': {
    permission: 'publicity:manage',
    call: () => ({ method: 'POST', url: '/api/publicity/examples', payload: publicityExample('350100') }),
    sibling: 'hidden',
  },
  'POST /api/publicity/examples/:id/review': {
    permission: 'publicity:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/publicity/examples/${f.pu.exampleId}/review`,
      payload: { decision: 'publish' },
    }),
    sibling: 'hidden',
  },
  'POST /api/publicity/examples/:id/files': {
    permission: 'publicity:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/publicity/examples/${f.pu.exampleId}/files?fileName=c.pdf&kind=material`,
      payload: Buffer.from('%PDF-1.4 access test example'),
      headers: { 'content-type': 'application/octet-stream' },
    }),
    sibling: 'hidden',
  },
  'GET /api/publicity/files/:id': {
    permission: 'publicity:read',
    call: (f) => ({ method: 'GET', url: `/api/publicity/files/${f.pu.fileId}` }),
    sibling: 'hidden',
  },
  'POST /api/training/holders/import': {
    permission: 'training:register',
    call: (f) => ({
      method: 'POST',
      url: '/api/training/holders/import?fileName=holders.csv&jurisdiction=350100',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(
        `统一社会信用代码,岗位,姓名,身份证号,任职日期\n${f.organisationCreditCode},一线班组长,访问测试导入,${freshIdNumber()},2026-01-01\n`,
      ),
    }),
    sibling: 'hidden',
  },
  'GET /api/training/coverage/trend': {
    permission: 'training:read',
    call: () => ({ method: 'GET', url: '/api/training/coverage/trend?jurisdiction=350100&quarters=2' }),
    sibling: 'hidden',
  },
  'GET /api/training/coverage/export': {
    permission: 'training:read',
    call: () => ({ method: 'GET', url: '/api/training/coverage/export?jurisdiction=350100&what=gaps' }),
    sibling: 'hidden',
  },
  'GET /api/training/coverage/injury-groups': {
    permission: 'training:read',
    call: () => ({ method: 'GET', url: '/api/training/coverage/injury-groups?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/training/employers/:id/rate-change': {
    permission: 'training:read',
    call: (f) => ({ method: 'GET', url: `/api/training/employers/${f.organisationId}/rate-change` }),
    sibling: 'hidden',
  },
  'GET /api/training/projects/:id/trainees': {
    permission: 'projects:read',
    call: (f) => ({ method: 'GET', url: `/api/training/projects/${f.pp.projects.declared}/trainees` }),
    sibling: 'hidden',
  },
  'POST /api/training/projects/:id/trainees': {
    permission: 'projects:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/training/projects/${f.pp.projects.declared}/trainees`,
      payload: { trainees: [{ personName: '访问测试学员', idNumber: freshIdNumber(), trainedOn: today() }] },
    }),
    sibling: 'hidden',
  },
  'GET /api/training/schools/coverage': {
    permission: 'training:read',
    call: () => ({ method: 'GET', url: '/api/training/schools/coverage?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/training/school-courses': {
    permission: 'training:school',
    call: () => ({ method: 'GET', url: '/api/training/school-courses?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/training/school-classes': {
    permission: 'training:school',
    call: () => ({ method: 'GET', url: '/api/training/school-classes?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/training/school-classes': {
    permission: 'training:school',
    call: (f) => ({
      method: 'POST',
      url: '/api/training/school-classes',
      payload: {
        schoolId: f.trainingExtras.schoolId,
        cohort: 2026,
        name: `访问测试班${next()}`,
        courseId: f.training.courseId,
      },
    }),
    sibling: 'hidden',
  },
  'GET /api/training/school-classes/:id/students': {
    permission: 'training:school',
    call: (f) => ({
      method: 'GET',
      url: `/api/training/school-classes/${f.trainingExtras.classId}/students`,
    }),
    sibling: 'hidden',
  },
  'POST /api/training/school-classes/:id/students': {
    permission: 'training:school',
    call: (f) => ({
      method: 'POST',
      url: `/api/training/school-classes/${f.trainingExtras.classId}/students`,
      payload: { personName: '访问测试学生乙', idNumber: freshIdNumber() },
    }),
    sibling: 'hidden',
  },
  'POST /api/training/school-students/:id/assessments': {
    permission: 'training:school',
    call: (f) => ({
      method: 'POST',
      url: `/api/training/school-students/${f.trainingExtras.studentId}/assessments`,
      payload: { assessedOn: today(), score: 80 },
    }),
    sibling: 'hidden',
  },
  'POST /api/training/school-students/:id/placements': {
    permission: 'training:school',
    call: (f) => ({
      method: 'POST',
      url: `/api/training/school-students/${f.trainingExtras.studentId}/placements`,
      payload: { hostName: '访问测试实习单位', startsOn: today() },
    }),
    sibling: 'hidden',
  },
  'POST /api/training-providers': {
    permission: 'training:apply',
    call: () => ({
      method: 'POST',
      url: '/api/training-providers',
      payload: { kind: 'online_platform', services: '访问测试线上课程', qualifications: '访问测试资质' },
    }),
    sibling: 'hidden',
  },
  'GET /api/own-training-providers': {
    permission: 'training:apply',
    call: () => ({ method: 'GET', url: '/api/own-training-providers' }),
    sibling: 'filtered',
    controlUser: (f) => f.trainingExtras.institutionUsername,
  },
  'GET /api/training-providers': {
    permission: 'training:read',
    call: () => ({ method: 'GET', url: '/api/training-providers?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'POST /api/training-providers/:id/review': {
    permission: 'training:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/training-providers/${f.trainingExtras.appliedProviderId}/review`,
      payload: {
        qualification: { isAcceptable: false, note: '资质过期' },
        reputation: { isAcceptable: true, note: '无投诉' },
        service: { isAcceptable: true, note: '合格' },
        decision: 'reject',
        reason: '资质过期',
      },
    }),
    sibling: 'hidden',
  },
  'POST /api/training-providers/:id/remove': {
    permission: 'training:manage',
    call: (f) => ({
      method: 'POST',
      url: `/api/training-providers/${f.trainingExtras.listedProviderId}/remove`,
      payload: { reason: '访问测试移出' },
    }),
    sibling: 'hidden',
  },
  // Cross-checks between departments' data (AN-6).
  'GET /api/crosschecks/rules': {
    permission: 'crosschecks:read',
    call: () => ({ method: 'GET', url: '/api/crosschecks/rules?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'PUT /api/crosschecks/rules/:code': {
    permission: 'crosschecks:manage',
    call: () => ({
      method: 'PUT',
      url: '/api/crosschecks/rules/dust-insured-share',
      payload: { isActive: true, reason: '访问测试' },
    }),
    sibling: 'hidden',
    // The national rule set: a province officer changes it, a city officer (the sibling) may not.
    controlUser: (f) => f.provinceOfficer,
  },
  'GET /api/crosschecks/hits': {
    permission: 'crosschecks:read',
    call: () => ({ method: 'GET', url: '/api/crosschecks/hits?jurisdiction=350100' }),
    sibling: 'hidden',
  },
  'GET /api/crosschecks/hits/:id': {
    permission: 'crosschecks:read',
    call: (f) => ({ method: 'GET', url: `/api/crosschecks/hits/${f.crosscheck.hitId}` }),
    sibling: 'hidden',
  },
  'POST /api/crosschecks/hits/:id/confirm': {
    permission: 'crosschecks:respond',
    call: (f) => ({
      method: 'POST',
      url: `/api/crosschecks/hits/${f.crosscheck.confirmHitId}/confirm`,
      payload: { note: '访问测试' },
    }),
    sibling: 'hidden',
  },
  'POST /api/crosschecks/hits/:id/explain': {
    permission: 'crosschecks:respond',
    call: (f) => ({
      method: 'POST',
      url: `/api/crosschecks/hits/${f.crosscheck.explainHitId}/explain`,
      payload: { explanation: '访问测试说明' },
    }),
    sibling: 'hidden',
  },
  'POST /api/crosschecks/hits/:id/close': {
    permission: 'crosschecks:respond',
    call: (f) => ({
      method: 'POST',
      url: `/api/crosschecks/hits/${f.crosscheck.closeHitId}/close`,
      payload: { explanation: '访问测试说明' },
    }),
    sibling: 'hidden',
  },
  'POST /api/crosschecks/runs': {
    permission: 'crosschecks:manage',
    call: () => ({ method: 'POST', url: '/api/crosschecks/runs', payload: { jurisdictionCode: '350100' } }),
    sibling: 'field',
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
  // The recommended training providers (TR-5): published lists, no sign-in by design.
  'GET /api/public/training-providers',
  // The publicity pages (PU-1…3): campaign calendar, designated bases, published examples, their photos.
  'GET /api/public/publicity/campaigns',
  'GET /api/public/publicity/bases',
  'GET /api/public/publicity/examples',
  'GET /api/public/publicity/images/:id',
  // Public portal and open data (SV-2): de-identified aggregates with small cells withheld, the
  // catalogue and dictionaries, and published bulletins; no sign-in by design (decision 0039).
  'GET /api/open-data',
  'GET /api/open-data/:dataset/dictionary',
  'GET /api/open-data/:dataset/:file',
  'GET /api/public/bulletins',
]);
const isOutsideTable = (method: string, url: string) =>
  PUBLIC.has(`${method} ${url}`) || url === '/api/docs' || url.startsWith('/api/docs/');

/** Writes that record no audit entry of their own, each with why. */
const UNAUDITED_WRITES = new Set<string>([
  // Signing out ends one's own session; the sign-in it closes is on record.
  'POST /api/auth/logout',
  // A study heartbeat is itself the study record (session and segment rows: who, when, seconds);
  // the session's start and end, each segment finished and the completion are audited.
  'POST /api/study/sessions/:id/heartbeat',
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
  questionWorkbook = await buildQuestionWorkbook();
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
    nationalSystemAdminUsername: '',
    siblingSystemAdminUsername: '',
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
    trainingExtras: {} as Fixture['trainingExtras'],
    pu: {} as Fixture['pu'],
    rates: {} as Fixture['rates'],
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
    financeOfficer: (
      await t.buildUser({
        role: 'member_officer',
        jurisdictionCode: '350100',
        organisationId: await organisationIdOf('福州市财政局'),
      })
    ).username,
    inspection: {} as Fixture['inspection'],
    crosscheck: {} as Fixture['crosscheck'],
    rosterChange: {} as Fixture['rosterChange'],
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
  // Enterprise risk index (AN-5, issue 18 part 1): the fixture employer's 2025 index, for its detail route.
  await recomputeRiskScores(t.db, { year: 2025, employerIds: null, now: new Date('2026-12-07T02:00:00Z') });
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
  fixture.pu = await buildPublicityFixture(fuzhou, fixture);
  fixture.inspection = await buildInspectionFixture(fuzhou, fixture);
  fixture.crosscheck = await buildCrosscheckFixture(fixture);
  fixture.rosterChange = await buildRosterChangeFixture(fuzhou, fixture);
  fixture.trainingExtras = await buildTrainingExtrasFixture(fuzhou, fixture.training.courseId);
  fixture.rates = await buildRatesFixture(fuzhou, fixture.organisationId);
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
  fixture.nationalSystemAdminUsername = (
    await t.buildUser({ role: 'system_admin', jurisdictionCode: '100000' })
  ).username;
  fixture.siblingSystemAdminUsername = (
    await t.buildUser({ role: 'system_admin', jurisdictionCode: '350200' })
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
interface PublicityFixture {
  plannedCampaignId: number;
  recordedCampaignId: number;
  appliedBaseId: number;
  designatedBaseId: number;
  withdrawBaseId: number;
  exampleId: number;
  expertId: number;
  fileId: number;
  /** An employer account of the Gulou employer (it applied for the bases). */
  employerUsername: string;
}

const publicityCampaign = (jurisdiction: string) => ({
  jurisdiction,
  title: '访问测试集中宣传',
  industries: ['建筑施工'],
  topics: ['work_safety'],
  organisers: [{ kind: 'member_unit', name: '住建局' }],
  channels: ['on_site'],
  startsOn: addDays(today(), -10),
  endsOn: addDays(today(), -9),
});
const publicityBase = (employerId: number) => ({
  employerId,
  name: '访问测试警示教育基地',
  address: '鼓楼区访问测试路1号',
  cases: '事故案例',
  exhibits: '实物展品',
  capacity: 30,
  openingTimes: '工作日',
  booking: '电话预约',
});
const publicityExample = (jurisdiction: string) => ({
  jurisdiction,
  subjectKind: 'person',
  category: 'advanced',
  name: '访问测试典型',
  year: 2026,
  story: '访问测试的先进事迹，十字以上。',
});

/** Fuzhou campaigns, bases of the Gulou employer and an example, each in the state its route needs. */
async function buildPublicityFixture(fuzhou: Agent, f: Fixture): Promise<PublicityFixture> {
  const ok = (response: { statusCode: number; body: string; json: () => unknown }) => {
    if (response.statusCode >= 300) throw new Error(`publicity fixture failed: ${response.body}`);
    return response.json() as { id: number };
  };
  const campaign = async () =>
    ok(await fuzhou.post('/api/publicity/campaigns', publicityCampaign('350100'))).id;
  const plannedCampaignId = await campaign();
  const recordedCampaignId = await campaign();
  ok(
    await fuzhou.post(`/api/publicity/campaigns/${recordedCampaignId}/record`, {
      events: 1,
      views: 1,
      participants: 1,
      enterprisesReached: 1,
      reachSource: '访问测试',
      summary: '访问测试',
    }),
  );
  const employerUser = await t.buildUser({
    role: 'employer',
    jurisdictionCode: '350102',
    organisationId: f.organisationId,
  });
  const own = await t.signIn(employerUser.username, TEST_PASSWORD);
  const base = async () => ok(await own.post('/api/publicity/bases', publicityBase(f.organisationId))).id;
  const [appliedBaseId, designatedBaseId, withdrawBaseId] = [await base(), await base(), await base()];
  for (const id of [designatedBaseId, withdrawBaseId])
    ok(
      await fuzhou.post(`/api/publicity/bases/${id}/review`, {
        reviewedOn: today(),
        siteVisit: '访问测试',
        expertOpinions: [{ expertId: f.pp.expertId, opinion: '同意' }],
        outcome: 'designate',
      }),
    );
  const exampleId = ok(await fuzhou.post('/api/publicity/examples', publicityExample('350100'))).id;
  // An expert of Fuzhou's pool of its own: other rows change the project fixture's experts.
  const [fuzhouRow] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350100'));
  const [expert] = await t.db
    .insert(experts)
    .values({
      jurisdictionId: fuzhouRow?.id as number,
      name: '访问测试宣传专家',
      employerName: '福州大学',
      title: '教授',
      recommendingUnit: '福州市人社局',
      fields: ['宣传培训'],
      status: 'active',
      termStart: addDays(today(), -365),
      termEnd: addDays(today(), 365),
    })
    .returning({ id: experts.id });
  const file = ok(
    await fuzhou.request({
      method: 'POST',
      url: `/api/publicity/campaigns/${recordedCampaignId}/files?fileName=f.pdf&kind=material`,
      payload: Buffer.from('%PDF-1.4 access fixture'),
      headers: { 'content-type': 'application/octet-stream' },
    }),
  );
  return {
    plannedCampaignId,
    recordedCampaignId,
    appliedBaseId,
    designatedBaseId,
    withdrawBaseId,
    exampleId,
    expertId: expert?.id as number,
    fileId: file.id,
    employerUsername: employerUser.username,
  };
}

/**
 * Fuzhou's own rate-floating rule sets (a prefecture may hold its own): one adopted, one reviewed,
 * one to review, one draft; a 2026 run over Fuzhou's insured employers (the Gulou employer and a
 * second one made insured here) and an open appeal of the second.
 */
async function buildRatesFixture(fuzhou: Agent, employerId: number): Promise<Fixture['rates']> {
  const [gulou] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350102'));
  await t.db
    .update(organisations)
    .set({ insuranceStatus: 'insured' })
    .where(eq(organisations.id, employerId));
  const [second] = await t.db
    .insert(organisations)
    .values({
      kind: 'employer',
      name: '鼓楼区费率申诉测试企业',
      industryCode: '2614',
      jurisdictionId: gulou?.id ?? 0,
      insuranceStatus: 'insured',
    })
    .returning({ id: organisations.id });
  const [third] = await t.db
    .insert(organisations)
    .values({
      kind: 'employer',
      name: '鼓楼区费率材料测试企业',
      industryCode: '4710',
      jurisdictionId: gulou?.id ?? 0,
      insuranceStatus: 'insured',
    })
    .returning({ id: organisations.id });
  const financeUser = await t.buildUser({
    role: 'member_officer',
    jurisdictionCode: '350100',
    organisationId: await organisationIdOf('福州市财政局'),
  });
  const finance = await t.signIn(financeUser.username, TEST_PASSWORD);
  const draft = async (effectiveFrom: string) => {
    const res = await fuzhou.post('/api/rates/rule-sets', {
      jurisdiction: '350100',
      name: `访问测试规则 ${effectiveFrom}`,
      effectiveFrom,
      definition: exampleClaimRatioLadder(),
    });
    if (res.statusCode !== 201) throw new Error(`rates fixture: ${res.body}`);
    return res.json().id as number;
  };
  const approve = async (id: number) => {
    const res = await finance.post(`/api/rates/rule-sets/${id}/review`, { decision: 'approve' });
    if (res.statusCode !== 200) throw new Error(`rates fixture review: ${res.body}`);
  };
  const adopted = await draft('2026-01-01');
  await approve(adopted);
  if ((await fuzhou.post(`/api/rates/rule-sets/${adopted}/adopt`)).statusCode !== 200)
    throw new Error('rates fixture: adoption failed');
  const reviewedId = await draft('2027-01-01');
  await approve(reviewedId);
  const toReviewId = await draft('2027-06-01');
  const draftId = await draft('2027-06-01');
  const run = await fuzhou.post('/api/rates/runs', { jurisdiction: '350100', rateYear: 2026 });
  if (run.statusCode !== 201) throw new Error(`rates fixture run: ${run.body}`);
  const runId = run.json().id as number;
  const assignmentOf = async (employer: number) =>
    (
      await t.db
        .select({ id: rateAssignments.id })
        .from(rateAssignments)
        .where(and(eq(rateAssignments.runId, runId), eq(rateAssignments.employerId, employer)))
    )[0]?.id as number;
  const employerUser = await t.buildUser({
    role: 'employer',
    jurisdictionCode: '350102',
    organisationId: employerId,
  });
  const secondUser = await t.buildUser({
    role: 'employer',
    jurisdictionCode: '350102',
    organisationId: second?.id ?? 0,
  });
  const appeal = await (await t.signIn(secondUser.username, TEST_PASSWORD)).post(
    `/api/own-rates/${await assignmentOf(second?.id ?? 0)}/appeals`,
    { reason: '访问测试：待决申诉' },
  );
  if (appeal.statusCode !== 201) throw new Error(`rates fixture appeal: ${appeal.body}`);
  const fileUser = await t.buildUser({
    role: 'employer',
    jurisdictionCode: '350102',
    organisationId: third?.id ?? 0,
  });
  const fileAgent = await t.signIn(fileUser.username, TEST_PASSWORD);
  const fileAppeal = await fileAgent.post(`/api/own-rates/${await assignmentOf(third?.id ?? 0)}/appeals`, {
    reason: '访问测试：附材料的申诉',
  });
  const file = await fileAgent.request({
    method: 'POST',
    url: `/api/own-rates/appeals/${fileAppeal.json().id}/files?fileName=a.pdf`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from('%PDF-1.4 fixture'),
  });
  if (file.statusCode !== 201) throw new Error(`rates fixture file: ${file.body}`);
  return {
    draftId,
    toReviewId,
    reviewedId,
    runId,
    assignmentId: await assignmentOf(employerId),
    appealId: appeal.json().id as number,
    employerUsername: employerUser.username,
    financeUsername: financeUser.username,
    fileAppealId: fileAppeal.json().id as number,
    fileEmployerUsername: fileUser.username,
    appealFileId: file.json().id as number,
  };
}

/** A key-post holder at the Gulou employer and a Fuzhou course; its learner's study, exam and session. */
async function buildTrainingFixture(fuzhou: Agent, employerId: number): Promise<Fixture['training']> {
  const addHolder = (personName: string) =>
    fuzhou.post('/api/training/holders', {
      employerId,
      roleCode: 'principal',
      personName,
      idNumber: freshIdNumber(),
      startedOn: '2026-01-01',
    });
  const holder = await addHolder('访问测试负责人');
  const spare = await addHolder('访问测试备用负责人');
  const course = await fuzhou.post('/api/training/courses', {
    title: '访问测试固定课程',
    form: 'offline',
    roleCodes: ['principal', 'team_leader'],
    contentItems: ['policy', 'warning_education'],
    hours: 16,
  });
  const online = await fuzhou.post('/api/training/courses', {
    title: '访问测试在线课程',
    form: 'online',
    roleCodes: ['principal'],
    contentItems: ['policy'],
    hours: 1,
  });
  if (
    holder.statusCode !== 201 ||
    spare.statusCode !== 201 ||
    course.statusCode !== 201 ||
    online.statusCode !== 201
  )
    throw new Error(`training fixture failed: ${holder.body} ${course.body} ${online.body}`);
  const holderId = holder.json().id as number;
  const courseId = course.json().id as number;
  const onlineCourseId = online.json().id as number;
  const expectOk = <R extends { statusCode: number; body: string }>(res: R, what: string): R => {
    if (res.statusCode >= 300) throw new Error(`training fixture ${what} failed: ${res.body}`);
    return res;
  };
  const segmentId = expectOk(
    await fuzhou.post(`/api/training/courses/${onlineCourseId}/segments`, {
      title: '访问测试第一章',
      durationSeconds: 600,
    }),
    'segment',
  ).json().id as number;
  expectOk(
    await fuzhou.request({
      method: 'POST',
      url: `/api/training/segments/${segmentId}/video?fileName=intro.mp4`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('fixture-video-bytes'),
    }),
    'video',
  );
  expectOk(
    await fuzhou.request({
      method: 'POST',
      url: `/api/training/courses/${courseId}/questions/import?fileName=bank.xlsx`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: questionWorkbook,
    }),
    'questions',
  );
  const session = async (signInCode?: string) =>
    expectOk(
      await fuzhou.post(`/api/training/courses/${courseId}/sessions`, {
        heldOn: today(),
        place: '访问测试培训室',
        hours: 4,
        signInCode,
      }),
      'session',
    ).json().id as number;
  const sessionId = await session();
  const codeSessionId = await session('FZ2026');
  expectOk(
    await fuzhou.post(`/api/training/sessions/${codeSessionId}/roster`, { holderIds: [holderId] }),
    'roster',
  );
  const learnerUsername = 'accesslearner';
  expectOk(
    await fuzhou.post(`/api/training/holders/${holderId}/learner`, {
      username: learnerUsername,
      password: 'First-Learner-Pw1!',
    }),
    'learner',
  );
  const first = await t.signIn(learnerUsername, 'First-Learner-Pw1!');
  expectOk(
    await first.post('/api/auth/password', {
      currentPassword: 'First-Learner-Pw1!',
      newPassword: TEST_PASSWORD,
    }),
    'password',
  );
  const learner = await t.signIn(learnerUsername, TEST_PASSWORD);
  const studySessionId = expectOk(
    await learner.post(`/api/study/courses/${onlineCourseId}/sessions`),
    'study',
  ).json().id as number;
  const attempt = expectOk(
    await learner.post(`/api/study/courses/${courseId}/exam-attempts`),
    'attempt',
  ).json();
  return {
    holderId,
    courseId,
    learnerUsername,
    spareHolderId: spare.json().id as number,
    onlineCourseId,
    segmentId,
    sessionId,
    codeSessionId,
    studySessionId,
    attemptId: attempt.id as number,
    attemptQuestionId: attempt.questions[0].id as number,
  };
}

/** A Gulou technical school with a class and a passed student; a training institution's applications. */
async function buildTrainingExtrasFixture(
  fuzhou: Agent,
  courseId: number,
): Promise<Fixture['trainingExtras']> {
  const [gulou] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350102'));
  const [school, institution, platform] = await t.db
    .insert(organisations)
    .values([
      { kind: 'technical_school', name: '访问测试技师学院', jurisdictionId: gulou?.id ?? 0 },
      { kind: 'training_institution', name: '访问测试培训中心', jurisdictionId: gulou?.id ?? 0 },
      { kind: 'training_institution', name: '访问测试在线平台', jurisdictionId: gulou?.id ?? 0 },
    ])
    .returning({ id: organisations.id });
  const cls = await fuzhou.post('/api/training/school-classes', {
    schoolId: school?.id,
    cohort: 2025,
    name: '访问测试班',
    courseId,
  });
  const student = await fuzhou.post(`/api/training/school-classes/${cls.json().id}/students`, {
    personName: '访问测试学生',
    idNumber: freshIdNumber(),
  });
  const passed = await fuzhou.post(`/api/training/school-students/${student.json().id}/assessments`, {
    assessedOn: '2026-01-05',
    score: 90,
  });
  const institutionUser = await t.buildUser({
    role: 'service_org',
    jurisdictionCode: '350102',
    organisationId: institution?.id,
  });
  const platformUser = await t.buildUser({
    role: 'service_org',
    jurisdictionCode: '350102',
    organisationId: platform?.id,
  });
  const apply = async (username: string, kind: string) =>
    (await t.signIn(username, TEST_PASSWORD)).post('/api/training-providers', {
      kind,
      services: '访问测试培训服务',
      qualifications: '访问测试资质',
    });
  const applied = await apply(institutionUser.username, 'institution');
  const toList = await apply(platformUser.username, 'online_platform');
  const aspect = { isAcceptable: true, note: '合格' };
  const listed = await fuzhou.post(`/api/training-providers/${toList.json().id}/review`, {
    qualification: aspect,
    reputation: aspect,
    service: aspect,
    decision: 'list',
  });
  if (passed.statusCode !== 201 || applied.statusCode !== 201 || listed.statusCode !== 200)
    throw new Error(
      `training extras fixture failed: ${cls.body} ${student.body} ${applied.body} ${listed.body}`,
    );
  return {
    schoolId: school?.id ?? 0,
    classId: cls.json().id,
    studentId: student.json().id,
    institutionUsername: institutionUser.username,
    appliedProviderId: applied.json().id,
    listedProviderId: toList.json().id,
  };
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
        notInArray(auditLog.action, [
          'auth.login',
          'personal-data.view',
          // 本单位 shows an employer its injured workers masked, and records it.
          'personal-data.view-masked',
          'attachment.download',
          'publicity.file.download',
          'risk.view',
        ]),
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
      'GET /api/rates/examples',
      'GET /api/scorecard/indicators',
      'GET /api/training/roles',
      // workbench (decision 0041)
      'GET /api/workbench',
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
      // The audit chain's check and the daily tasks need the national scope too: the probe is a
      // Fuzhou user. An applicant's own project answers 404 to any other organisation, the probe's
      // too (its control is the applicant; standards.test checks another applicant's 404).
      const notTheProbes = [
        'GET /api/audit/verify',
        'GET /api/operations/daily-tasks',
        'GET /api/own-projects/:id/declaration',
      ];
      for (const row of GUARDED.filter(
        (r) => r.call(fixture).method === 'GET' && !notTheProbes.includes(r.key),
      )) {
        const res = await send(probeAgent, row.call(fixture));
        expect(res.statusCode, `${row.key} ${res.body}`).toBe(200);
      }
    });
    // Every GET route in turn (over 200, some composing whole reports): 38 s alone, more under load.
  }, 300_000);

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
