import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { sendOfficialDocument } from '../../platform/documents/send.js';
import { streamXlsx, XLSX_CONTENT_TYPE } from '../../platform/export/xlsx.js';
import { sendDownload } from '../../platform/http/download.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import { DEFAULT_RULE_SET, INDICATORS, type IndicatorDefinition } from './scorecard.data.js';
import {
  ZIndicatorList,
  ZRuleSetInput,
  ZRuleSetView,
  ZScorecard,
  ZScorecardQuery,
  ZSignOffInput,
} from './scorecard.schema.js';
import {
  describeScorecard,
  describeScorecardDocument,
  getScorecardRuleSet,
  saveScorecardRuleSet,
  scorecardRows,
  signOffScorecard,
} from './scorecard.service.js';

const tags = ['scorecard'];
const writeResponses = { ...errorResponses, 409: ZError } as const;

/** 考核评分 (SV-1): the scorecard, its rule sets, the sign-off and the exports. */
export async function scorecardRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/scorecard/indicators',
    {
      schema: {
        tags,
        summary: 'The indicators a scorecard can assess, and the default rule set',
        response: { 200: ZIndicatorList, ...errorResponses },
      },
      onRequest: requirePermission(null),
    },
    async () => ({
      items: (INDICATORS as readonly IndicatorDefinition[]).map((i) => ({
        ...i,
        categories: i.categories ? [...i.categories] : undefined,
      })),
      defaultRuleSet: DEFAULT_RULE_SET,
    }),
  );
  r.get(
    '/api/scorecard',
    {
      schema: {
        tags,
        summary:
          'A jurisdiction’s subordinates scored and ranked for a year (live, or the signed-off snapshot)',
        querystring: ZScorecardQuery,
        response: { 200: ZScorecard, ...errorResponses },
      },
      onRequest: requirePermission('scorecard:read'),
    },
    async (req) => describeScorecard(db, actorOf(req), req.query, now()),
  );
  r.get(
    '/api/scorecard/rule-set',
    {
      schema: {
        tags,
        summary:
          'The rule set a jurisdiction assesses on for a year (its own, an ancestor’s, or the default)',
        querystring: ZScorecardQuery,
        response: { 200: ZRuleSetView, ...errorResponses },
      },
      onRequest: requirePermission('scorecard:read'),
    },
    async (req) => getScorecardRuleSet(db, actorOf(req), req.query),
  );
  r.put(
    '/api/scorecard/rule-set',
    {
      schema: {
        tags,
        summary: 'Store a jurisdiction’s rule set for a year (refused once the year is signed off)',
        body: ZRuleSetInput,
        response: { 200: ZRuleSetView, ...writeResponses },
      },
      onRequest: requirePermission('scorecard:manage'),
    },
    async (req) =>
      saveScorecardRuleSet(
        db,
        actorOf(req),
        { jurisdiction: req.body.jurisdictionCode, year: req.body.year, ruleSet: req.body.ruleSet },
        now(),
      ),
  );
  r.post(
    '/api/scorecard/sign-off',
    {
      schema: {
        tags,
        summary: 'Sign off a year’s assessment: the scorecard is stored and no longer changes',
        body: ZSignOffInput,
        response: { 200: ZScorecard, ...writeResponses },
      },
      onRequest: requirePermission('scorecard:manage'),
    },
    async (req) =>
      signOffScorecard(
        db,
        actorOf(req),
        { jurisdiction: req.body.jurisdictionCode, year: req.body.year, note: req.body.note },
        now(),
      ),
  );
  r.get(
    '/api/scorecard/xlsx',
    {
      schema: {
        tags,
        summary: 'The scorecard as an XLSX workbook',
        querystring: ZScorecardQuery,
        response: { 200: z.any().describe('XLSX file'), ...errorResponses },
      },
      onRequest: requirePermission('scorecard:read'),
    },
    async (req, reply) => {
      const card = await describeScorecard(db, actorOf(req), req.query, now());
      return sendDownload(reply, {
        fileName: `${card.jurisdiction.name}${card.year}年度考核评分.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
        body: streamXlsx('考核评分', scorecardRows(card)),
      });
    },
  );
  r.get(
    '/api/scorecard/print',
    {
      schema: {
        tags,
        summary:
          'The scorecard as an official document (GB/T 9704 layout): HTML to print (default), PDF or DOCX',
        querystring: ZScorecardQuery.extend({ format: z.enum(['html', 'pdf', 'docx']).default('html') }),
        response: { 200: z.any().describe('text/html, application/pdf or DOCX'), ...errorResponses },
      },
      onRequest: requirePermission('scorecard:read'),
    },
    async (req, reply) => {
      const card = await describeScorecard(db, actorOf(req), req.query, now());
      return sendOfficialDocument(reply, describeScorecardDocument(card, now()), req.query.format);
    },
  );
}
