import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import {
  ZCrosscheckHitDetail,
  ZCrosscheckHitList,
  ZCrosscheckRule,
  ZCrosscheckRuleInput,
  ZCrosscheckRuleList,
  ZHitIdParams,
  ZHitQuery,
  ZHitResponse,
  ZRuleListQuery,
  ZRuleParams,
  ZRunInput,
  ZRunResult,
} from './crosschecks.schema.js';
import {
  getHit,
  type HitAction,
  listCrosscheckRules,
  listHits,
  respondToHit,
  runFullCrosschecks,
  updateCrosscheckRule,
} from './crosschecks.service.js';

const TAGS = ['crosschecks'];

export async function crosschecksRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/crosschecks/rules',
    {
      schema: {
        tags: TAGS,
        summary:
          'The cross-check rules between departments’ data, their owners, parameters and standing hits in a jurisdiction (AN-6)',
        querystring: ZRuleListQuery,
        response: { 200: ZCrosscheckRuleList, ...errorResponses },
      },
      onRequest: requirePermission('crosschecks:read'),
    },
    async (req) => listCrosscheckRules(db, actorOf(req), req.query),
  );
  r.put(
    '/api/crosschecks/rules/:code',
    {
      schema: {
        tags: TAGS,
        summary: 'Change a rule’s parameters, owner department or whether it runs (province or above)',
        params: ZRuleParams,
        body: ZCrosscheckRuleInput,
        response: { 200: ZCrosscheckRule, ...errorResponses },
      },
      onRequest: requirePermission('crosschecks:manage'),
    },
    async (req) => updateCrosscheckRule(db, actorOf(req), req.params.code, req.body),
  );
  r.get(
    '/api/crosschecks/hits',
    {
      schema: {
        tags: TAGS,
        summary:
          'Cross-check hits the caller may see (HRSS: all of its scope; a member unit: those it answers), with each rule’s standing count',
        querystring: ZHitQuery,
        response: { 200: ZCrosscheckHitList, ...errorResponses },
      },
      onRequest: requirePermission('crosschecks:read'),
    },
    async (req) => listHits(db, actorOf(req), req.query, now()),
  );
  r.get(
    '/api/crosschecks/hits/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'One hit with the records behind it and its history',
        params: ZHitIdParams,
        response: { 200: ZCrosscheckHitDetail, ...errorResponses },
      },
      onRequest: requirePermission('crosschecks:read'),
    },
    async (req) => getHit(db, actorOf(req), req.params.id, now()),
  );
  const actions: { action: HitAction; summary: string }[] = [
    { action: 'confirm', summary: 'Confirm a hit: the data is wrong and a correcting batch will follow' },
    { action: 'explain', summary: 'Explain a hit: why the data is right (an explanation is required)' },
    { action: 'close', summary: 'Close a hit with an explanation (refused without one)' },
  ];
  for (const { action, summary } of actions)
    r.post(
      `/api/crosschecks/hits/:id/${action}`,
      {
        schema: {
          tags: TAGS,
          summary,
          params: ZHitIdParams,
          body: ZHitResponse,
          response: { 200: ZCrosscheckHitDetail, ...errorResponses },
        },
        onRequest: requirePermission('crosschecks:respond'),
      },
      async (req) => respondToHit(db, actorOf(req), req.params.id, { action, ...req.body }, now()),
    );
  r.post(
    '/api/crosschecks/runs',
    {
      schema: {
        tags: TAGS,
        summary: 'Run every active rule over a jurisdiction (a full run; imports run them incrementally)',
        body: ZRunInput,
        response: { 200: ZRunResult, ...errorResponses },
      },
      onRequest: requirePermission('crosschecks:manage'),
    },
    async (req) => runFullCrosschecks(db, actorOf(req), req.body, now()),
  );
}
