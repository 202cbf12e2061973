import { z } from 'zod';
import { ZBudget } from './projects.schema.js';

const ZFen = z.number().int().describe('Amount in fen (分), integer');

export const ZFinanceStatus = z
  .enum(['draft', 'submitted', 'approved', 'returned'])
  .describe('draft 未报送 | submitted 已报送财政 | approved 财政已批复 | returned 财政退回');

export const ZSubmitBudgetInput = z.object({
  proposalNote: z
    .string()
    .trim()
    .min(2)
    .max(4000)
    .describe('HRSS’s account of last year’s execution and evaluation, shown to the finance unit'),
  reason: z.string().trim().min(2).max(500).describe('Why (e.g. the joint meeting that agreed it)'),
});

export const ZDecideBudgetInput = z.object({
  decision: z.enum(['approve', 'return']).describe('approve 批复 | return 退回'),
  approvedFen: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('The amount approved, fen (approve only); at most the cap'),
  reason: z.string().trim().min(2).max(500).describe('The finance unit’s reasons'),
});

export const ZFinanceChain = z
  .object({
    budget: ZBudget,
    financeStatus: ZFinanceStatus,
    approvedFen: ZFen.nullable().describe('Amount the finance unit approved; payments stay within it'),
    proposalNote: z.string().nullable(),
    isApprovalRequired: z
      .boolean()
      .describe('Whether this jurisdiction’s payments wait for the approval (setting)'),
    previousYear: z
      .object({
        year: z.number().int(),
        budgetFen: ZFen.nullable(),
        approvedFen: ZFen.nullable(),
        paidFen: ZFen.nullable(),
        executionPct: z.number().nullable().describe('Paid ÷ budget, percent, one decimal'),
        projects: z.number().int(),
        checked: z.number().int().describe('Projects checked at acceptance'),
        passed: z.number().int().describe('Of those, accepted without deduction'),
        meanSatisfactionPct: z.number().nullable(),
      })
      .describe('Last year’s execution and evaluation, beside the proposal'),
    decisions: z.array(
      z.object({
        id: z.number().int(),
        step: z.enum(['submit', 'approve', 'return']),
        amountFen: ZFen.nullable(),
        reason: z.string(),
        actorName: z.string(),
        organisationName: z.string().nullable(),
        at: z.string(),
      }),
    ),
    projects: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        status: z.string(),
        contractFen: ZFen.nullable(),
        serviceOrganisationName: z.string().nullable(),
        paidFen: ZFen,
        payments: z.array(
          z.object({
            kind: z.enum(['prepayment', 'balance']),
            amountFen: ZFen,
            paidBy: z.string(),
            paidAt: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'FinanceChain' });
