import { z } from 'zod';
import { ZPageQuery } from '../../platform/http/schemas.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import { DOMAINS } from './formats.js';

export const ZDomain = z
  .enum(DOMAINS)
  .describe(
    'employers 用人单位 | headcounts 参保人数 | insuredPersons 参保人员名单 | injuries 工伤认定 | accidents 生产安全事故 | diseases 职业病诊断 | fund 基金收支 | contributions 单位缴费与待遇',
  );

export const ZBatchStatus = z.enum(['queued', 'processing', 'committed', 'failed', 'superseded']);

export const ZBatch = z
  .object({
    id: z.number().int(),
    domain: ZDomain,
    organisationId: z.number().int(),
    organisationName: z.string().describe('Submitting member unit'),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    submittedBy: z.string().describe('Username of the submitter'),
    channel: z.string().describe('web | api'),
    fileName: z.string(),
    format: z.string().describe('csv | xlsx | json'),
    encoding: z.string().nullable().describe('utf-8 | utf-8-bom | gb18030 (detected)'),
    fileBytes: z.number().int(),
    sha256: z.string().describe('SHA-256 of the submitted content'),
    status: ZBatchStatus,
    expectedRows: z.number().int().nullable().describe('Data rows counted before validation (CSV)'),
    rowsDone: z.number().int().describe('Rows validated so far'),
    rowsPerSecond: z.number().nullable(),
    totalRows: z.number().int(),
    validRows: z.number().int(),
    rejectedRows: z.number().int(),
    warningRows: z.number().int(),
    pendingEmployers: z.number().int().describe('Unknown employers created as pending for review'),
    supersedesBatchId: z.number().int().nullable(),
    supersedeReason: z.string().nullable(),
    removalConfirmed: z.boolean().describe('The correction was submitted with confirmRemoval'),
    supersededByBatchId: z.number().int().nullable(),
    error: z.string().nullable().describe('Why a failed batch failed (code, e.g. file.missing_columns)'),
    errorMessage: z.string().nullable().describe('The same, in the language of Accept-Language'),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ExchangeBatch' });

export const ZSubmitted = z
  .object({
    batch: ZBatch,
    isDuplicate: z.boolean().describe('True when identical content was already submitted: nothing changed'),
  })
  .meta({ id: 'ExchangeSubmitted' });

export const ZSubmitQuery = z.object({
  domain: ZDomain,
  fileName: z.string().trim().min(1).max(200).describe('Original file name (.csv or .xlsx)'),
  supersedes: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Id of the committed batch this corrects'),
  reason: z
    .string()
    .trim()
    .max(500)
    .optional()
    .describe('Why the earlier batch is superseded (required with supersedes)'),
  confirmRemoval: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(
      'With supersedes: confirms that the correction may remove more of the corrected batch’s rows than the jurisdiction allows (exchange.correction, 50 % by default); without it such a correction fails',
    ),
});

export const ZJsonSubmit = z.object({
  domain: ZDomain,
  rows: z
    .array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])))
    .min(1)
    .max(10_000)
    .describe('Rows keyed by column name (Chinese, English or key, as in docs/exchange-formats.md)'),
  supersedes: z.number().int().positive().optional(),
  reason: z.string().trim().max(500).optional(),
  confirmRemoval: z
    .boolean()
    .optional()
    .describe(
      'With supersedes: confirms that the correction may remove more of the corrected batch’s rows than allowed',
    ),
});

export const ZBatchListQuery = ZPageQuery.extend({
  domain: ZDomain.optional(),
  status: ZBatchStatus.optional(),
  jurisdiction: ZJurisdictionCode.optional(),
  hasRejectedRows: z.stringbool().optional().describe('Only batches with rejected rows (the workbench link)'),
});

const ZIssue = z.object({
  column: z.string().describe('Column key; empty for the whole row'),
  columnName: z.string(),
  code: z.string(),
  message: z.string(),
});

export const ZBatchIssues = z
  .object({
    rejected: z.array(z.object({ line: z.number().int(), issues: z.array(ZIssue) })),
    total: z.number().int().describe('Rejected rows in all'),
    warnings: z.array(ZIssue.extend({ line: z.number().int() })).describe('First 200 warnings'),
  })
  .meta({ id: 'ExchangeBatchIssues' });

export const ZFormats = z
  .object({
    submittable: z.array(ZDomain).describe('Domains your unit may submit'),
    domains: z.array(
      z.object({
        domain: ZDomain,
        zh: z.string(),
        en: z.string(),
        submitters: z.array(z.string()),
        naturalKey: z.array(z.string()),
        columns: z.array(
          z.object({
            key: z.string(),
            zh: z.string(),
            en: z.string(),
            type: z.string(),
            required: z.boolean(),
            codeTable: z.string().nullable(),
            description: z.string(),
            example: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'ExchangeFormats' });

export const ZInjuryCase = z
  .object({
    id: z.number().int(),
    caseNo: z.string(),
    idNumber: z
      .string()
      .describe(
        '身份证号, masked (350102********12*X: birth date and sex digit hidden) unless you hold personal-data:view',
      ),
    personName: z.string().describe('Masked (张*) unless you hold personal-data:view'),
    sex: z.string().nullable().describe('null when masked: the sex digit is hidden too'),
    birthDate: z.string().nullable().describe('null when masked: the birth date is what the mask hides'),
    ageBand: z.string().describe('Age band at the date of the injury (16-24 … 60+), shown to every viewer'),
    post: z.string().nullable(),
    occurredOn: z.string(),
    determinedOn: z.string(),
    ground: z.string(),
    accidentCategory: z.string().nullable(),
    severity: z.string(),
    disabilityGrade: z.number().int().nullable(),
    isDeath: z.boolean(),
    fundExpenditureFen: z.number().int(),
    employerName: z.string(),
    employerCreditCode: z.string().nullable(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    batchId: z.number().int().describe('The exchange batch that last wrote it'),
    isMasked: z.boolean(),
  })
  .meta({ id: 'InjuryCase' });

export const ZInjuryQuery = ZPageQuery.extend({
  jurisdiction: ZJurisdictionCode.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  creditCode: z.string().trim().max(18).optional().describe('Only this employer'),
  search: z.string().trim().max(50).optional().describe('Part of the case number or employer name'),
});

export const ZInjuryExportQuery = ZInjuryQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv').describe('CSV (UTF-8 with BOM) or XLSX'),
});

export const ZPerson = z
  .object({
    idNumber: z.string(),
    personName: z.string(),
    injuries: z.array(ZInjuryCase),
    diseases: z.array(
      z.object({
        id: z.number().int(),
        caseNo: z.string(),
        personName: z.string(),
        diseaseClass: z.string(),
        diseaseName: z.string(),
        isPneumoconiosis: z.boolean(),
        diagnosedOn: z.string(),
        exposureYears: z.number(),
        employerName: z.string(),
        employerCreditCode: z.string().nullable(),
        jurisdictionName: z.string(),
      }),
    ),
  })
  .meta({ id: 'Person' });

export const ZEmployerProfile = z
  .object({
    employer: z.object({
      id: z.number().int(),
      name: z.string(),
      creditCode: z.string().nullable(),
      creditCodeStatus: z.string().nullable(),
      industryCode: z.string().nullable(),
      sizeBand: z.string().nullable(),
      insuranceStatus: z.string().nullable(),
      isPending: z.boolean(),
      jurisdictionCode: z.string(),
      jurisdictionName: z.string(),
    }),
    years: z.array(
      z.object({
        year: z.number().int(),
        averageInsured: z.number().int().nullable(),
        employees: z.number().int().nullable(),
        injuries: z.number().int(),
        deaths: z.number().int(),
        accidents: z.number().int(),
        diseases: z.number().int(),
        pneumoconiosis: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'EmployerProfile' });
