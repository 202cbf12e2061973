import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses, pageOf } from '../../platform/http/schemas.js';
import { type Language, languageOf, translate } from '../../platform/i18n/messages.js';
import {
  ZOrganisation,
  ZOrganisationInput,
  ZOrganisationListQuery,
  ZOrganisationSaved,
} from './organisations.schema.js';
import {
  createOrganisation,
  type EmployerChangeListener,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
  type Warning,
} from './organisations.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive().describe('Organisation id') });

function renderWarnings(warnings: Warning[], language: Language) {
  return warnings.map((w) => ({
    field: w.field,
    code: w.code,
    message: translate(w.code, language, w.params),
  }));
}

export async function organisationsRoutes(
  app: FastifyInstance,
  { db, employerListener }: { db: Db; employerListener?: EmployerChangeListener },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Search organisations in a jurisdiction and below (ORG-2)',
        querystring: ZOrganisationListQuery,
        response: { 200: pageOf(ZOrganisation), ...errorResponses },
      },
      onRequest: requirePermission('organisations:read'),
    },
    async (req) => listOrganisations(db, actorOf(req), req.query),
  );
  r.get(
    '/api/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'One organisation',
        params: ZId,
        response: { 200: ZOrganisation, ...errorResponses },
      },
      onRequest: requirePermission('organisations:read'),
    },
    async (req) => getOrganisation(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Register an organisation',
        body: ZOrganisationInput,
        response: { 201: ZOrganisationSaved, 409: errorResponses[400], ...errorResponses },
      },
      onRequest: requirePermission('organisations:write'),
    },
    async (req, reply) => {
      const saved = await createOrganisation(db, actorOf(req), req.body);
      return reply.code(201).send({ ...saved, warnings: renderWarnings(saved.warnings, languageOf(req)) });
    },
  );
  r.put(
    '/api/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Edit an organisation',
        params: ZId,
        body: ZOrganisationInput,
        response: { 200: ZOrganisationSaved, 409: errorResponses[400], ...errorResponses },
      },
      onRequest: requirePermission('organisations:write'),
    },
    async (req) => {
      const saved = await updateOrganisation(db, actorOf(req), req.params.id, req.body, employerListener);
      return { ...saved, warnings: renderWarnings(saved.warnings, languageOf(req)) };
    },
  );
}
