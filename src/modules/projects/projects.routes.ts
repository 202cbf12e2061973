import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import {
  sendOfficialDocument,
  ZDocumentFormatQuery,
  ZDocumentResponse,
} from '../../platform/documents/send.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import * as budget from './budget.service.js';
import { describeDeclarationDocument } from './declaration-document.js';
import * as disclosure from './disclosure.service.js';
import * as money from './money.service.js';
import {
  ZAcceptanceInput,
  ZAgreementInput,
  ZAssignment,
  ZBudget,
  ZBudgetParams,
  ZDecisionInput,
  ZDeclareInput,
  ZDeclineInput,
  ZDeductInput,
  ZDiscloseInput,
  ZIdParams,
  ZMemberParams,
  ZNoticeInput,
  ZPerformDrawInput,
  ZProject,
  ZProjectDetail,
  ZProjectListQuery,
  ZPublicListQuery,
  ZPublicProject,
  ZPublicProjectDetail,
  ZReasonInput,
  ZRectifyInput,
  ZReportInput,
  ZScheduleDrawInput,
  ZScoreInput,
  ZServiceOrganisation,
  ZSetBudgetInput,
  ZVerifyResult,
} from './projects.schema.js';
import * as projects from './projects.service.js';
import * as review from './review.service.js';

const tags = ['projects'];
const errors = { ...errorResponses, 409: ZError };
const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
const asList = <T>(items: T[]) => ({ items, total: items.length });

export async function projectsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/prevention-budgets/:code/:year',
    {
      schema: {
        tags,
        summary: 'The year’s prevention-fee budget: cap, committed, paid, left (PP-1)',
        params: ZBudgetParams,
        response: { 200: ZBudget, ...errors },
      },
      onRequest: requirePermission('projects:read'),
    },
    async (req) => budget.getBudget(db, actorOf(req), req.params.code, req.params.year),
  );
  r.put(
    '/api/prevention-budgets/:code/:year',
    {
      schema: {
        tags,
        summary:
          'Set the year’s budget (≤ the cap from last year’s contribution income) and key fields (PP-1)',
        params: ZBudgetParams,
        body: ZSetBudgetInput,
        response: { 200: ZBudget, ...errors },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) => budget.setBudget(db, actorOf(req), req.params.code, req.params.year, req.body),
  );
  r.post(
    '/api/prevention-budgets/:code/:year/notice',
    {
      schema: {
        tags,
        summary: 'Publish the year’s project list (公示): approved projects become listed (PP-3)',
        params: ZBudgetParams,
        body: ZNoticeInput,
        response: { 200: ZBudget, ...errors },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) => budget.publishNotice(db, actorOf(req), req.params.code, req.params.year, req.body),
  );
  r.get(
    '/api/projects',
    {
      schema: {
        tags,
        summary: 'Prevention projects of one’s scope (PP-6)',
        querystring: ZProjectListQuery,
        response: { 200: listOf(ZProject), ...errors },
      },
      onRequest: requirePermission('projects:read'),
    },
    async (req) => asList(await projects.listProjects(db, actorOf(req), req.query)),
  );
  r.post(
    '/api/projects',
    {
      schema: {
        tags,
        summary: 'Declare a project on the standard template (PP-2)',
        body: ZDeclareInput,
        response: { 201: ZProjectDetail, ...errors },
      },
      onRequest: requirePermission('projects:declare'),
    },
    async (req, reply) => reply.code(201).send(await projects.declareProject(db, actorOf(req), req.body)),
  );
  r.get(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: 'A project with panel, draw record, payments and timeline (PP-6)',
        params: ZIdParams,
        response: { 200: ZProjectDetail, ...errors },
      },
      onRequest: requirePermission('projects:read'),
    },
    async (req) => projects.getProject(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/own-projects',
    {
      schema: {
        tags,
        summary: 'Projects one’s own organisation declared; panel sealed until the review is over',
        response: { 200: listOf(ZProjectDetail), ...errors },
      },
      onRequest: requirePermission('projects:declare'),
    },
    async (req) => asList(await projects.listOwnProjects(db, actorOf(req))),
  );
  r.get(
    '/api/projects/:id/declaration',
    {
      schema: {
        tags,
        summary: '申报书: the project’s declaration as an official document (GB/T 9704 layout), for officers',
        params: ZIdParams,
        querystring: ZDocumentFormatQuery,
        response: { 200: ZDocumentResponse, ...errors },
      },
      onRequest: requirePermission('projects:read'),
    },
    async (req, reply) =>
      sendOfficialDocument(
        reply,
        describeDeclarationDocument(await projects.getProject(db, actorOf(req), req.params.id)),
        req.query.format,
      ),
  );
  r.get(
    '/api/own-projects/:id/declaration',
    {
      schema: {
        tags,
        summary: '申报书 of one of one’s own organisation’s projects, to print, sign and stamp',
        params: ZIdParams,
        querystring: ZDocumentFormatQuery,
        response: { 200: ZDocumentResponse, ...errors },
      },
      onRequest: requirePermission('projects:declare'),
    },
    async (req, reply) =>
      sendOfficialDocument(
        reply,
        describeDeclarationDocument(await projects.getOwnProject(db, actorOf(req), req.params.id)),
        req.query.format,
      ),
  );
  r.post(
    '/api/projects/:id/draw/schedule',
    {
      schema: {
        tags,
        summary: 'Schedule the random review panel: size, field mix, commitment (EX-3)',
        params: ZIdParams,
        body: ZScheduleDrawInput,
        response: { 200: ZProjectDetail, ...errors },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) => review.scheduleReviewDraw(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/projects/:id/draw',
    {
      schema: {
        tags,
        summary: 'Draw the panel with the declared public value (EX-3)',
        params: ZIdParams,
        body: ZPerformDrawInput,
        response: { 200: ZProjectDetail, ...errors },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) => review.drawReviewPanel(db, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/projects/:id/draw/verify',
    {
      schema: {
        tags,
        summary: 'Recompute the draw from its stored record (EX-3)',
        params: ZIdParams,
        response: { 200: ZVerifyResult, ...errors },
      },
      onRequest: requirePermission('projects:read'),
    },
    async (req) => review.verifyReviewDraw(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/projects/:id/panel/:memberId/decline',
    {
      schema: {
        tags,
        summary: 'Record a declined invitation with its reason; a further draw replaces the expert (EX-3)',
        params: ZMemberParams,
        body: ZDeclineInput,
        response: { 200: ZProjectDetail, ...errors },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) => review.declinePanelMember(db, actorOf(req), req.params.id, req.params.memberId, req.body),
  );
  r.get(
    '/api/review-assignments',
    {
      schema: {
        tags,
        summary: 'The reviews the signed-in expert is drawn for (PP-3)',
        response: { 200: listOf(ZAssignment), ...errors },
      },
      onRequest: requirePermission('reviews:score'),
    },
    async (req) => asList(await review.listAssignments(db, actorOf(req))),
  );
  r.post(
    '/api/review-assignments/:id/score',
    {
      schema: {
        tags,
        summary: 'Score an assigned project against the criteria; final once given (PP-3)',
        params: ZIdParams,
        body: ZScoreInput,
        response: { 200: ZAssignment.optional(), ...errors },
      },
      onRequest: requirePermission('reviews:score'),
    },
    async (req) => review.scoreAssignment(db, actorOf(req), req.params.id, req.body),
  );
  const transitions = [
    [
      'decision',
      'The joint meeting’s decision on a reviewed project (PP-3)',
      ZDecisionInput,
      projects.decideProject,
    ],
    [
      'agreement',
      'Service agreement, filed with HRSS; commits the contract sum (PP-4)',
      ZAgreementInput,
      money.signAgreement,
    ],
    [
      'acceptance',
      'Acceptance (验收) by experts or a third party with evidence (PP-5)',
      ZAcceptanceInput,
      projects.recordAcceptance,
    ],
    [
      'rectification',
      'Send a failed project back for rectification (PP-5)',
      ZRectifyInput,
      projects.orderRectification,
    ],
    [
      'deduction',
      'Deduct part or all of a failed project’s contract sum (PP-5)',
      ZDeductInput,
      money.deductProject,
    ],
    [
      'disclosure',
      'Release implementation and fee use to the public page (PP-7)',
      ZDiscloseInput,
      disclosure.discloseProject,
    ],
    [
      'showcase',
      'Mark a disclosed project as a showcase for small and medium firms (PP-9)',
      ZReasonInput,
      disclosure.markShowcase,
    ],
  ] as const;
  for (const [path, summary, body, handler] of transitions) {
    r.post(
      `/api/projects/:id/${path}`,
      {
        schema: { tags, summary, params: ZIdParams, body, response: { 200: ZProjectDetail, ...errors } },
        onRequest: requirePermission('projects:manage'),
      },
      // biome-ignore lint/suspicious/noExplicitAny: each body schema matches its handler's input
      async (req) => (handler as any)(db, actorOf(req), req.params.id, req.body),
    );
  }
  r.post(
    '/api/projects/:id/prepayment',
    {
      schema: {
        tags,
        summary: 'Pay the prepayment (预付) of a contracted project, once (PP-5)',
        params: ZIdParams,
        response: { 200: ZProjectDetail, ...errors },
      },
      onRequest: requirePermission('projects:pay'),
    },
    async (req) => money.payPrepayment(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/projects/:id/settlement',
    {
      schema: {
        tags,
        summary: 'Settle: pay the balance less any deduction, once (PP-5)',
        params: ZIdParams,
        response: { 200: ZProjectDetail, ...errors },
      },
      onRequest: requirePermission('projects:pay'),
    },
    async (req) => money.settleProject(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/projects/:id/reports',
    {
      schema: {
        tags,
        summary: 'A progress report (implementer, applicant) or supervision check (officer) (PP-6)',
        params: ZIdParams,
        body: ZReportInput,
        response: { 200: ZProjectDetail, ...errors },
      },
      onRequest: requirePermission('projects:report'),
    },
    async (req) => projects.reportOnProject(db, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/service-organisations',
    {
      schema: {
        tags,
        summary: 'Service organisations of one’s scope, with bars (PP-4, PP-8)',
        querystring: z.object({ jurisdiction: ZProjectListQuery.shape.jurisdiction }),
        response: { 200: listOf(ZServiceOrganisation), ...errors },
      },
      onRequest: requirePermission('projects:read'),
    },
    async (req) => asList(await projects.listServiceOrganisations(db, actorOf(req), req.query)),
  );
  r.post(
    '/api/service-organisations/:id/bar',
    {
      schema: {
        tags,
        summary: 'Bar a service organisation found defrauding the fund (PP-8)',
        params: ZIdParams,
        body: ZReasonInput,
        response: { 200: ZServiceOrganisation.optional(), ...errors },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) => projects.barServiceOrganisation(db, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/public/projects',
    {
      schema: {
        tags: ['public'],
        summary: 'Public: projects in 公示 and released implementation and fee use; no sign-in (PP-7, PP-9)',
        security: [],
        querystring: ZPublicListQuery,
        response: { 200: listOf(ZPublicProject) },
      },
    },
    async (req) => asList(await disclosure.unsafeListPublicProjects(db, req.query)),
  );
  r.get(
    '/api/public/projects/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'Public: one released project with payments and milestones; no sign-in (PP-7)',
        security: [],
        params: ZIdParams,
        response: { 200: ZPublicProjectDetail, 404: ZError },
      },
    },
    async (req) => disclosure.unsafeGetPublicProject(db, req.params.id),
  );
}
