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
import { streamXlsx, XLSX_CONTENT_TYPE, type XlsxCell } from '../../platform/export/xlsx.js';
import { sendDownload } from '../../platform/http/download.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import {
  composeImplementationReport,
  describeImplementationReportDocument,
  getImplementationReport,
  listImplementationReports,
  PART_STATUS_ZH,
  reviewImplementationReport,
  STATUS_ZH,
  submitImplementationReport,
  type YearlyReportSource,
} from './implementation-reports.service.js';
import {
  getMemberReport,
  getMemberReportBoard,
  reviewMemberReport,
  saveMemberReport,
  submitMemberReport,
} from './member-reports.service.js';
import {
  ZComposeInput,
  ZDueDateInput,
  ZDueDates,
  ZIdParams,
  ZImplementationReport,
  ZImplementationReportList,
  ZMemberReport,
  ZMemberReportBoard,
  ZReviewInput,
  ZSaveMemberReportInput,
  ZSubmitInput,
  ZYearQuery,
} from './workflow.schema.js';
import { getDueDates, updateDueDate } from './workflow.shared.js';

const tags = ['joint-meeting'];
const writeResponses = { ...errorResponses, 409: ZError } as const;

export async function yearlyReportsRoutes(
  app: FastifyInstance,
  { db, reportSources = [] }: { db: Db; reportSources?: readonly YearlyReportSource[] },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/member-reports/board',
    {
      schema: {
        tags,
        summary: 'Status board of member units’ yearly reports for a jurisdiction (JM-5)',
        querystring: ZYearQuery,
        response: { 200: ZMemberReportBoard, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => getMemberReportBoard(db, actorOf(req), req.query, now()),
  );
  r.put(
    '/api/member-reports',
    {
      schema: {
        tags,
        summary: 'Save my unit’s yearly report for a year (draft or returned)',
        body: ZSaveMemberReportInput,
        response: { 200: ZMemberReport, ...writeResponses },
      },
      onRequest: requirePermission('meetings:report'),
    },
    async (req) => saveMemberReport(db, actorOf(req), req.body, now()),
  );
  r.get(
    '/api/member-reports/:id',
    {
      schema: {
        tags,
        summary: 'One member unit’s yearly report (its own unit, or the convener)',
        params: ZIdParams,
        response: { 200: ZMemberReport, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => getMemberReport(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/member-reports/:id/submit',
    {
      schema: {
        tags,
        summary: 'draft/returned → submitted',
        params: ZIdParams,
        body: ZSubmitInput,
        response: { 200: ZMemberReport, ...writeResponses },
      },
      onRequest: requirePermission('meetings:report'),
    },
    async (req) => submitMemberReport(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.post(
    '/api/member-reports/:id/review',
    {
      schema: {
        tags,
        summary: 'submitted → accepted, or returned with comments (the convener)',
        params: ZIdParams,
        body: ZReviewInput,
        response: { 200: ZMemberReport, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req) => reviewMemberReport(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.get(
    '/api/implementation-reports',
    {
      schema: {
        tags,
        summary: 'Yearly implementation reports owed: own and direct subordinates’, overdue flagged (JM-6)',
        querystring: ZYearQuery,
        response: { 200: ZImplementationReportList, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => listImplementationReports(db, actorOf(req), req.query, now()),
  );
  r.post(
    '/api/implementation-reports',
    {
      schema: {
        tags,
        summary: 'Compose (or recompose) my jurisdiction’s yearly report from the year’s records',
        body: ZComposeInput,
        response: { 200: ZImplementationReport, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req) => composeImplementationReport(db, actorOf(req), req.body, now(), reportSources),
  );
  r.get(
    '/api/implementation-reports/:id',
    {
      schema: {
        tags,
        summary: 'One yearly implementation report with its review history',
        params: ZIdParams,
        response: { 200: ZImplementationReport, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => getImplementationReport(db, actorOf(req), req.params.id, now()),
  );
  r.post(
    '/api/implementation-reports/:id/submit',
    {
      schema: {
        tags,
        summary: 'draft/returned → submitted to the superior',
        params: ZIdParams,
        body: ZSubmitInput,
        response: { 200: ZImplementationReport, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req) => submitImplementationReport(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.post(
    '/api/implementation-reports/:id/review',
    {
      schema: {
        tags,
        summary: 'submitted → accepted, or returned for revision with comments (the superior)',
        params: ZIdParams,
        body: ZReviewInput,
        response: { 200: ZImplementationReport, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req) => reviewImplementationReport(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.get(
    '/api/implementation-reports/:id/print',
    {
      schema: {
        tags,
        summary:
          'The report as an official document (GB/T 9704 layout): HTML to print (default), PDF (Chromium print-to-PDF) or DOCX to edit in WPS/Word',
        params: ZIdParams,
        querystring: ZDocumentFormatQuery,
        response: { 200: ZDocumentResponse, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req, reply) => {
      const report = await getImplementationReport(db, actorOf(req), req.params.id, now());
      const document = await describeImplementationReportDocument(db, report);
      return sendOfficialDocument(reply, document, req.query.format);
    },
  );
  r.get(
    '/api/implementation-reports/:id/xlsx',
    {
      schema: {
        tags,
        summary: 'The report as an XLSX workbook',
        params: ZIdParams,
        response: { 200: z.any().describe('XLSX file'), ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req, reply) => {
      const report = await getImplementationReport(db, actorOf(req), req.params.id, now());
      function* rows(): Generator<XlsxCell[]> {
        yield [`${report.jurisdiction.name}${report.year}年度工伤预防工作实施情况报告`];
        yield ['状态', STATUS_ZH[report.status] ?? report.status, '报送期限', report.dueDate ?? ''];
        yield ['工作总结', report.narrative];
        yield ['部分', '项目', '数值', '说明'];
        for (const p of report.parts) {
          if (p.status !== 'ok') yield [p.title, '', '', PART_STATUS_ZH[p.status]];
          else for (const row of p.rows) yield [p.title, row.label, row.value, ''];
        }
      }
      return sendDownload(reply, {
        fileName: `${report.jurisdiction.name}${report.year}年度实施情况报告.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
        body: streamXlsx('实施情况报告', rows()),
      });
    },
  );
  r.get(
    '/api/joint-meeting-settings',
    {
      schema: {
        tags,
        summary: 'Due dates of yearly reports that apply at a jurisdiction, and where each is set',
        querystring: z.object({ jurisdiction: ZJurisdictionCode.optional() }),
        response: { 200: ZDueDates, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => getDueDates(db, actorOf(req), req.query.jurisdiction),
  );
  r.put(
    '/api/joint-meeting-settings',
    {
      schema: {
        tags,
        summary: 'Set a jurisdiction’s own due date (MM-DD); it applies below unless overridden',
        body: ZDueDateInput,
        response: { 200: ZDueDates, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req) => updateDueDate(db, actorOf(req), req.body),
  );
}
