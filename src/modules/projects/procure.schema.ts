import { z } from 'zod';
import { ZBudgetParams } from './projects.schema.js';

// Schemas of service payment standards (PP-11) and of procurement (PP-4).

const ZReason = z.string().trim().min(2).max(500).describe('Why (kept in the audit log)');
const ZKind = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/)
  .describe('Code of the kind of service, lower case (training_person_day)');

export const ZStandardParams = ZBudgetParams.extend({ kind: ZKind });

export const ZSetStandardInput = z.object({
  name: z.string().trim().min(2).max(50).describe('Name of the kind of service, e.g. 培训（人·天）'),
  unit: z.string().trim().min(1).max(20).describe('Unit the price is per, e.g. 人·天'),
  unitPriceFen: z.number().int().positive().max(1_000_000_000).describe('Unit price, fen'),
  reason: ZReason,
});

export const ZPaymentStandard = z.object({
  kind: z.string(),
  name: z.string(),
  unit: z.string(),
  unitPriceFen: z.number().int(),
  definedAt: z.string().describe('Code of the jurisdiction that set it: the one asked about or an ancestor'),
  definedAtName: z.string(),
  isOwn: z.boolean(),
});

export const ZPaymentStandards = z
  .object({
    jurisdiction: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    standards: z.array(ZPaymentStandard),
  })
  .meta({ id: 'PaymentStandards' });

// --- Procurement (PP-4)

const ZIsoDate = z.iso.date().describe('Date, YYYY-MM-DD');
export const ZProcurementMethod = z
  .enum([
    'open_tender',
    'invited_tender',
    'competitive_consultation',
    'competitive_negotiation',
    'single_source',
    'inquiry',
    'framework',
  ])
  .describe('公开招标 | 邀请招标 | 竞争性磋商 | 竞争性谈判 | 单一来源 | 询价 | 框架协议采购');

export const ZOpenProcurementInput = z.object({
  method: ZProcurementMethod,
  noticeNo: z.string().trim().min(2).max(100).describe('采购公告 number'),
  noticeOn: ZIsoDate.describe('Notice published on'),
  bidDeadline: ZIsoDate.describe('Bids (responses) due by'),
  noticeText: z.string().trim().min(10).max(10_000).describe('The notice: scope, qualifications, criteria'),
  reason: ZReason,
});

export const ZBidInput = z.object({
  organisationId: z.number().int().positive().describe('The bidding service organisation'),
  amountFen: z.number().int().positive().max(100_000_000_000).describe('Bid price, fen'),
  submittedOn: ZIsoDate,
});

export const ZEvaluateInput = z.object({
  scores: z
    .array(z.object({ bidId: z.number().int().positive(), score: z.number().min(0).max(100) }))
    .min(1)
    .max(200)
    .describe('Every bid’s score out of 100'),
  evaluationNote: z.string().trim().min(4).max(4000).describe('The evaluation committee’s account'),
  reason: ZReason,
});

export const ZAwardInput = z.object({
  bidId: z.number().int().positive().describe('The winning bid'),
  awardedOn: ZIsoDate,
  reason: ZReason,
});

export const ZFailInput = z.object({ reason: ZReason });

export const ZDocumentQuery = z.object({
  kind: z.enum(['notice', 'bid', 'evaluation', 'award', 'contract', 'other']),
  fileName: z.string().trim().min(1).max(200).describe('Original file name'),
});

export const ZProcurement = z
  .object({
    id: z.number().int(),
    method: ZProcurementMethod,
    status: z.enum(['noticed', 'evaluated', 'awarded', 'failed']),
    noticeNo: z.string(),
    noticeOn: z.string(),
    bidDeadline: z.string(),
    noticeText: z.string(),
    evaluationNote: z.string().nullable(),
    awardedBidId: z.number().int().nullable(),
    awardedOn: z.string().nullable(),
    bids: z.array(
      z.object({
        id: z.number().int(),
        organisation: z.object({ id: z.number().int(), name: z.string() }),
        isBarred: z.boolean().describe('On the barred list now (PP-8): cannot be awarded'),
        amountFen: z.number().int(),
        submittedOn: z.string(),
        score: z.number().nullable(),
        rank: z.number().int().nullable(),
      }),
    ),
    documents: z.array(
      z.object({
        id: z.number().int(),
        kind: z.string(),
        fileName: z.string(),
        sizeBytes: z.number().int(),
        uploadedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'Procurement' });

export const ZProcurements = z.object({ items: z.array(ZProcurement) });
