import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.js';
import { ZError } from '../../platform/http/schemas.js';
import { unsafeListPublicBulletins } from '../bulletins/bulletins.service.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import {
  DATASET_DEFINITIONS,
  datasetToCsv,
  unsafeDescribeCatalogue,
  unsafeDescribeDataset,
  unsafeFindJurisdictionPath,
} from './open-data.service.js';
import {
  ZCatalogue,
  ZDataset,
  ZDatasetCode,
  ZDatasetParams,
  ZDictionary,
  ZOpenDataQuery,
  ZPublicBulletins,
} from './portal.schema.js';

/**
 * Anonymous callers share the app-wide limit per address; the open data computes figures, so its
 * routes take a tighter one of their own. Answers may be cached by browsers and proxies for five
 * minutes: they are public aggregates, the same for everyone.
 */
const OPEN_DATA_LIMIT = { max: 60, timeWindow: 60_000 };
const publicCache = (reply: FastifyReply) => reply.header('cache-control', 'public, max-age=300');

/** The public portal (SV-2): open data sets with their dictionary and licence, published bulletins. */
export async function portalRoutes(app: FastifyInstance, deps: { db: Db }) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/open-data',
    {
      schema: {
        tags: ['public'],
        summary:
          'Public: the open-data catalogue (data sets, dictionaries, licence, stable URLs); no sign-in',
        security: [],
        querystring: ZOpenDataQuery,
        response: { 200: ZCatalogue, 400: ZError, 404: ZError },
      },
      config: { rateLimit: OPEN_DATA_LIMIT },
    },
    async (req, reply) => {
      publicCache(reply);
      return unsafeDescribeCatalogue(db, req.query);
    },
  );
  r.get(
    '/api/open-data/:dataset/dictionary',
    {
      schema: {
        tags: ['public'],
        summary: "Public: a data set's dictionary (every column, its type, unit and meaning); no sign-in",
        security: [],
        params: z.object({ dataset: ZDatasetCode }),
        response: { 200: ZDictionary, 400: ZError },
      },
      config: { rateLimit: OPEN_DATA_LIMIT },
    },
    async (req, reply) => {
      publicCache(reply);
      const d = DATASET_DEFINITIONS[req.params.dataset];
      return { dataset: req.params.dataset, title: d.title, description: d.description, columns: d.columns };
    },
  );
  r.get(
    '/api/open-data/:dataset/:file',
    {
      schema: {
        tags: ['public'],
        summary:
          'Public: one data set of one year as CSV or JSON (de-identified, small cells withheld); no sign-in',
        security: [],
        params: ZDatasetParams,
        querystring: ZOpenDataQuery,
        response: { 200: ZDataset.or(z.string().describe('CSV, UTF-8 with BOM')), 400: ZError, 404: ZError },
      },
      config: { rateLimit: OPEN_DATA_LIMIT },
    },
    async (req, reply) => {
      const [year, format] = req.params.file.split('.') as [string, 'csv' | 'json'];
      const data = await unsafeDescribeDataset(db, {
        dataset: req.params.dataset,
        year: Number(year),
        jurisdiction: req.query.jurisdiction,
      });
      publicCache(reply);
      if (format === 'json') return data;
      const name = `${data.dataset}-${data.jurisdiction.code}-${data.year}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `inline; filename="${name}"`)
        .send(datasetToCsv(data));
    },
  );
  r.get(
    '/api/public/bulletins',
    {
      schema: {
        tags: ['public'],
        summary: 'Public: published accident bulletins (title and text), newest first; no sign-in',
        security: [],
        querystring: z.object({ jurisdiction: ZJurisdictionCode.optional() }),
        response: { 200: ZPublicBulletins, 400: ZError, 404: ZError },
      },
    },
    async (req, reply) => {
      publicCache(reply);
      const path = req.query.jurisdiction
        ? await unsafeFindJurisdictionPath(db, req.query.jurisdiction)
        : undefined;
      return { items: await unsafeListPublicBulletins(db, { path, limit: 50 }) };
    },
  );
}
