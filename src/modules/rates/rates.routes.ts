import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { streamXlsx, XLSX_CONTENT_TYPE, type XlsxCell } from '../../platform/export/xlsx.js';
import { sendStoredFile } from '../../platform/files/stored-files.js';
import { sendDownload } from '../../platform/http/download.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { languageOf } from '../../platform/i18n/messages.js';
import { now } from '../../platform/time.js';
import { ZMeeting } from '../joint-meeting/workflow.schema.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import {
  APPEAL_FILE_MAX_BYTES,
  attachAppealFile,
  decideAppeal,
  getRateNotice,
  listAppeals,
  listOwnRateNotices,
  openAppealFile,
  submitAppeal,
} from './appeals.service.js';
import {
  ZAppeal,
  ZAppealDecision,
  ZAppealInput,
  ZAppealList,
  ZAssignmentPage,
  ZAssignmentQuery,
  ZAttachSimulationInput,
  ZExample,
  ZNotice,
  ZRateFloatingEffect,
  ZReviewInput,
  ZRuleSet,
  ZRuleSetInput,
  ZRuleSetList,
  ZRuleSetUpdate,
  ZRun,
  ZRunInput,
  ZRunList,
  ZSimulation,
  ZSimulationQuery,
} from './rates.schema.js';
import { describeRateFloating, getRun, listAssignments, listRuns, runRating } from './rating.service.js';
import {
  adoptRuleSet,
  draftRuleSet,
  getRuleSet,
  listRuleSetExamples,
  listRuleSets,
  reviewRuleSet,
  updateRuleSet,
} from './rule-sets.service.js';
import { attachSimulationToMeeting, simulateRuleSet } from './simulation.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const tags = ['rates'];

export async function ratesRoutes(app: FastifyInstance, { db, config }: { db: Db; config: AppConfig }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  r.get(
    '/api/rates/examples',
    {
      schema: {
        tags,
        summary: 'The shipped example rule sets (examples to adapt, not any province’s official method)',
        response: { 200: z.object({ items: z.array(ZExample) }), ...errorResponses },
      },
      onRequest: requirePermission(null),
    },
    async () => listRuleSetExamples(),
  );
  r.get(
    '/api/rates/rule-sets',
    {
      schema: {
        tags,
        summary:
          'Rate-floating rule sets of the pooling jurisdictions above, at and below the actor’s (FR-1)',
        response: { 200: ZRuleSetList, ...errorResponses },
      },
      onRequest: requirePermission('rates:read'),
    },
    async (req) => listRuleSets(db, actorOf(req)),
  );
  r.post(
    '/api/rates/rule-sets',
    {
      schema: {
        tags,
        summary: 'Draft a new version of a pooling jurisdiction’s rule set; refused naming each broken rule',
        body: ZRuleSetInput,
        response: { 201: ZRuleSet, ...errorResponses },
      },
      onRequest: requirePermission('rates:manage'),
    },
    async (req, reply) => reply.code(201).send(await draftRuleSet(db, actorOf(req), req.body, now())),
  );
  r.get(
    '/api/rates/rule-sets/:id',
    {
      schema: { tags, summary: 'One rule set', params: ZId, response: { 200: ZRuleSet, ...errorResponses } },
      onRequest: requirePermission('rates:read'),
    },
    async (req) => getRuleSet(db, actorOf(req), req.params.id),
  );
  r.put(
    '/api/rates/rule-sets/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft (a reviewed set returns to draft); an adopted set is never edited',
        params: ZId,
        body: ZRuleSetUpdate,
        response: { 200: ZRuleSet, ...errorResponses },
      },
      onRequest: requirePermission('rates:manage'),
    },
    async (req) => updateRuleSet(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.post(
    '/api/rates/rule-sets/:id/review',
    {
      schema: {
        tags,
        summary: '财政 (the finance member unit) approves a draft or returns it with a note',
        params: ZId,
        body: ZReviewInput,
        response: { 200: ZRuleSet, ...errorResponses },
      },
      onRequest: requirePermission('rates:review'),
    },
    async (req) => reviewRuleSet(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.post(
    '/api/rates/rule-sets/:id/adopt',
    {
      schema: {
        tags,
        summary: 'Adopt a reviewed rule set; the standing one is superseded (both kept)',
        params: ZId,
        response: { 200: ZRuleSet, ...errorResponses },
      },
      onRequest: requirePermission('rates:manage'),
    },
    async (req) => adoptRuleSet(db, actorOf(req), req.params.id, now()),
  );
  r.get(
    '/api/rates/rule-sets/:id/simulation',
    {
      schema: {
        tags,
        summary:
          'Apply a rule set to the current data beside the adopted one (FR-2): tiers, income, movers, balance',
        params: ZId,
        querystring: ZSimulationQuery,
        response: { 200: ZSimulation, ...errorResponses },
      },
      onRequest: requirePermission('rates:read'),
    },
    async (req) => simulateRuleSet(db, actorOf(req), req.params.id, req.query),
  );
  r.post(
    '/api/rates/rule-sets/:id/simulation/agenda',
    {
      schema: {
        tags,
        summary:
          'Put the simulation over a meeting’s jurisdiction on that meeting’s agenda, its figures frozen (FR-2)',
        params: ZId,
        body: ZAttachSimulationInput,
        response: { 200: ZMeeting, ...errorResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req) => attachSimulationToMeeting(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.get(
    '/api/rates/rule-sets/:id/simulation.xlsx',
    {
      schema: {
        tags,
        summary: 'The simulation as XLSX',
        params: ZId,
        querystring: ZSimulationQuery,
        produces: [XLSX_CONTENT_TYPE],
        response: { 200: z.any(), ...errorResponses },
      },
      onRequest: requirePermission('rates:read'),
    },
    async (req, reply) => {
      const zh = languageOf(req) === 'zh';
      const s = await simulateRuleSet(db, actorOf(req), req.params.id, req.query);
      const yuan = (fen: number) => Math.round(fen) / 100;
      function* rows(): Generator<XlsxCell[]> {
        yield [zh ? `费率浮动模拟（${s.rateYear}年）` : `Rate-floating simulation (${s.rateYear})`];
        yield ['', zh ? '草案' : 'Draft', zh ? '现行' : 'Adopted'];
        yield [zh ? '规则' : 'Rule set', s.draft.name, s.adopted.name];
        yield [
          zh ? '保费收入（元）' : 'Premium income (yuan)',
          yuan(s.draft.incomeFen),
          yuan(s.adopted.incomeFen),
        ];
        yield [zh ? '收支比' : 'Balance ratio', s.draft.balanceRatio, s.adopted.balanceRatio];
        const tiers = [...new Set([...Object.keys(s.draft.byTier), ...Object.keys(s.adopted.byTier)])].sort(
          (a, b) => Number(a) - Number(b),
        );
        for (const t of tiers)
          yield [`${zh ? '档次' : 'Tier'} ${t}%`, s.draft.byTier[t] ?? 0, s.adopted.byTier[t] ?? 0];
        for (const c of ['1', '2', '3', '4', '5', '6', '7', '8'])
          yield [
            `${zh ? '第' : 'Class '}${c}${zh ? '类收入（元）' : ' income (yuan)'}`,
            yuan(s.draft.incomeByClass[c] ?? 0),
            yuan(s.adopted.incomeByClass[c] ?? 0),
          ];
        const prefs = [
          ...new Set([
            ...Object.keys(s.draft.incomeByPrefecture),
            ...Object.keys(s.adopted.incomeByPrefecture),
          ]),
        ].sort();
        for (const p of prefs)
          yield [
            `${p}${zh ? ' 收入（元）' : ' income (yuan)'}`,
            yuan(s.draft.incomeByPrefecture[p] ?? 0),
            yuan(s.adopted.incomeByPrefecture[p] ?? 0),
          ];
        yield [];
        yield [
          zh ? '变动最大的单位' : 'Biggest movers',
          zh ? '地市' : 'Prefecture',
          zh ? '现行费率（%）' : 'Adopted rate (%)',
          zh ? '草案费率（%）' : 'Draft rate (%)',
          zh ? '保费变动（元）' : 'Premium change (yuan)',
        ];
        for (const m of s.movers)
          yield [
            m.employerName,
            m.prefecture,
            m.adoptedRateMicro === null ? '—' : m.adoptedRateMicro / 10000,
            m.draftRateMicro === null ? '—' : m.draftRateMicro / 10000,
            yuan(m.changeFen),
          ];
      }
      return sendDownload(reply, {
        fileName: `rate-simulation-${req.params.id}-${s.rateYear}.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
        body: streamXlsx(zh ? '模拟' : 'Simulation', rows()),
      });
    },
  );
  r.post(
    '/api/rates/runs',
    {
      schema: {
        tags,
        summary: 'Rate the insured employers of an area for a year under the adopted rule set (FR-1)',
        body: ZRunInput,
        response: { 201: ZRun, ...errorResponses },
      },
      onRequest: requirePermission('rates:manage'),
    },
    async (req, reply) => reply.code(201).send(await runRating(db, actorOf(req), req.body, now())),
  );
  r.get(
    '/api/rates/runs',
    {
      schema: {
        tags,
        summary: 'Rating runs of an area and below, newest first',
        querystring: z.object({ jurisdiction: ZJurisdictionCode.optional() }),
        response: { 200: ZRunList, ...errorResponses },
      },
      onRequest: requirePermission('rates:read'),
    },
    async (req) => listRuns(db, actorOf(req), req.query),
  );
  r.get(
    '/api/rates/runs/:id',
    {
      schema: { tags, summary: 'One rating run', params: ZId, response: { 200: ZRun, ...errorResponses } },
      onRequest: requirePermission('rates:read'),
    },
    async (req) => getRun(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/rates/runs/:id/assignments',
    {
      schema: {
        tags,
        summary: 'The employers of a run with class, tier, rate, rationale and projected rate',
        params: ZId,
        querystring: ZAssignmentQuery,
        response: { 200: ZAssignmentPage, ...errorResponses },
      },
      onRequest: requirePermission('rates:read'),
    },
    async (req) => listAssignments(db, actorOf(req), req.params.id, req.query),
  );
  r.get(
    '/api/rates/assignments/:id',
    {
      schema: {
        tags,
        summary: 'An employer’s rate notice (费率通知), for officers',
        params: ZId,
        response: { 200: ZNotice, ...errorResponses },
      },
      onRequest: requirePermission('rates:read'),
    },
    async (req) => getRateNotice(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/rates/effect',
    {
      schema: {
        tags,
        summary: 'Whether floating ran for a year’s rates in an area, and its effect (for the scorecard)',
        querystring: z.object({
          jurisdiction: ZJurisdictionCode,
          year: z.coerce.number().int().min(2000).max(2100),
        }),
        response: { 200: ZRateFloatingEffect, ...errorResponses },
      },
      onRequest: requirePermission('rates:read'),
    },
    async (req) => describeRateFloating(db, actorOf(req), req.query),
  );
  r.get(
    '/api/rates/appeals',
    {
      schema: {
        tags,
        summary: 'Appeals against rates of employers in an area, open ones first',
        querystring: z.object({ jurisdiction: ZJurisdictionCode.optional() }),
        response: { 200: ZAppealList, ...errorResponses },
      },
      onRequest: requirePermission('rates:read'),
    },
    async (req) => listAppeals(db, actorOf(req), req.query),
  );
  r.post(
    '/api/rates/appeals/:id/decision',
    {
      schema: {
        tags,
        summary: 'The agency decides an appeal: dismissed, or upheld with the corrected tier',
        params: ZId,
        body: ZAppealDecision,
        response: { 200: ZAppeal, ...errorResponses },
      },
      onRequest: requirePermission('rates:manage'),
    },
    async (req) => decideAppeal(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.get(
    '/api/own-rates',
    {
      schema: {
        tags,
        summary:
          'The employer’s own rate notices of standing runs: class, base, tier, rate, rationale, figures, projected rate, appeals',
        response: { 200: z.object({ total: z.number(), items: z.array(ZNotice) }), ...errorResponses },
      },
      onRequest: requirePermission('rates:own'),
    },
    async (req) => listOwnRateNotices(db, actorOf(req)),
  );
  r.post(
    '/api/own-rates/:id/appeals',
    {
      schema: {
        tags,
        summary: 'The employer appeals its rate (工伤保险条例 第五十五条) with a reason',
        params: ZId,
        body: ZAppealInput,
        response: { 201: ZAppeal, ...errorResponses },
      },
      onRequest: requirePermission('rates:own'),
    },
    async (req, reply) =>
      reply.code(201).send(await submitAppeal(db, actorOf(req), req.params.id, req.body, now())),
  );
  r.post(
    '/api/own-rates/appeals/:id/files',
    {
      bodyLimit: APPEAL_FILE_MAX_BYTES + 1,
      schema: {
        tags,
        summary: `Attach a file to one's open appeal (raw body, application/octet-stream, at most ${APPEAL_FILE_MAX_BYTES / 1024 / 1024} MB)`,
        params: ZId,
        querystring: z.object({ fileName: z.string().trim().min(1).max(200).describe('Original file name') }),
        response: {
          201: z.object({ id: z.number(), fileName: z.string(), sizeBytes: z.number() }),
          ...errorResponses,
        },
      },
      onRequest: requirePermission('rates:own'),
    },
    async (req, reply) =>
      reply.code(201).send(
        await attachAppealFile(
          db,
          actorOf(req),
          req.params.id,
          {
            fileName: req.query.fileName,
            contentType: 'application/octet-stream',
            body: req.body as AsyncIterable<Buffer>,
            uploadDir: config.uploadDir,
          },
          now(),
        ),
      ),
  );
  r.get(
    '/api/rates/appeal-files/:id',
    {
      schema: {
        tags,
        summary: 'Download a file of an appeal (officers of the employer’s area)',
        params: ZId,
        response: { 200: z.any().describe('The file'), ...errorResponses },
      },
      onRequest: requirePermission('rates:read'),
    },
    async (req, reply) => {
      const file = await openAppealFile(db, actorOf(req), req.params.id);
      return sendStoredFile(req, reply, config.uploadDir, file);
    },
  );
}
