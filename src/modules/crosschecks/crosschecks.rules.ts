import { z } from 'zod';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { type Domain, FORMATS } from '../exchange/formats.js';
import type { Department } from '../organisations/organisations.tables.js';
import type { CrosscheckKind } from './crosschecks.tables.js';

/**
 * The checks the engine can run and the parameters each accepts (decision 0036). A rule is data: a
 * kind, an owner department and parameter values; a parameter that names a field names a column of
 * an exchange format (formats.ts), so a rule cannot refer to data no department submits.
 */

const years = (max: number) => z.number().int().min(0).max(max);
const days = z.number().int().min(0).max(730);

/** A parameter whose value is a column key of an exchange format, among the ones the check can use. */
interface FieldParam {
  domain: Domain;
  usable: readonly string[];
}

interface KindDefinition {
  /** The parameters and their schemas; a field parameter is also checked against the formats. */
  params: Record<string, z.ZodType>;
  fields: Record<string, FieldParam>;
}

export const KINDS: Record<CrosscheckKind, KindDefinition> = {
  injury_without_headcount: {
    params: {
      yearField: z.string(),
      lookbackYears: years(10),
      latestYearOffset: years(5),
    },
    fields: { yearField: { domain: 'injuries', usable: ['occurredOn', 'determinedOn'] } },
  },
  injured_not_insured: {
    params: { lookbackYears: years(10), latestYearOffset: years(5), onlyWhereListExists: z.boolean() },
    fields: {},
  },
  accident_without_determination: {
    params: {
      responseDays: days,
      matchWindowDays: z.number().int().min(0).max(60),
      lookbackYears: years(10),
    },
    fields: {},
  },
  disease_without_determination: {
    params: {
      responseDays: days,
      matchWindowDays: z.number().int().min(0).max(365),
      lookbackYears: years(10),
    },
    fields: {},
  },
  dust_insured_share: {
    params: {
      industryPrefixes: z
        .array(z.string().regex(/^\d{2,4}$/))
        .min(1)
        .max(50),
      minShare: z.number().gt(0).max(1),
      shareField: z.string(),
      lookbackYears: years(10),
      latestYearOffset: years(5),
    },
    fields: { shareField: { domain: 'headcounts', usable: ['averageInsured', 'averagePaying'] } },
  },
};

export interface RuleSeed {
  code: string;
  kind: CrosscheckKind;
  titleZh: string;
  titleEn: string;
  ownerDepartment: Department;
  params: Record<string, unknown>;
}

/**
 * The seeded rule set (issue 18, AN-6). Dust-hazard industries (GB/T 4754 divisions): mining
 * 06–10, non-metallic mineral products 30, smelting 31–32, metal products 33.
 */
export const DEFAULT_RULES: readonly RuleSeed[] = [
  {
    code: 'injury-without-headcount',
    kind: 'injury_without_headcount',
    titleZh: '工伤认定单位当年无参保人数',
    titleEn: 'Injury determination, employer has no insured headcount that year',
    ownerDepartment: 'social_insurance',
    params: { yearField: 'occurredOn', lookbackYears: 3, latestYearOffset: 1 },
  },
  {
    code: 'injured-not-insured',
    kind: 'injured_not_insured',
    titleZh: '工伤职工不在单位参保人员名单',
    titleEn: 'Injured worker not on the employer’s insured list',
    ownerDepartment: 'social_insurance',
    params: { lookbackYears: 3, latestYearOffset: 0, onlyWhereListExists: true },
  },
  {
    code: 'accident-without-determination',
    kind: 'accident_without_determination',
    titleZh: '生产安全事故有死亡而无工伤认定',
    titleEn: 'Safety accident with deaths and no injury determination',
    ownerDepartment: 'emergency',
    params: { responseDays: 90, matchWindowDays: 3, lookbackYears: 2 },
  },
  {
    code: 'disease-without-determination',
    kind: 'disease_without_determination',
    titleZh: '职业病诊断无工伤认定',
    titleEn: 'Occupational-disease diagnosis with no injury determination',
    ownerDepartment: 'health',
    params: { responseDays: 180, matchWindowDays: 30, lookbackYears: 2 },
  },
  {
    code: 'dust-insured-share',
    kind: 'dust_insured_share',
    titleZh: '粉尘危害行业单位参保率偏低',
    titleEn: 'Dust-hazard employer with a low insured share',
    ownerDepartment: 'social_insurance',
    params: {
      industryPrefixes: ['06', '07', '08', '09', '10', '30', '31', '32', '33'],
      minShare: 0.9,
      shareField: 'averageInsured',
      lookbackYears: 3,
      latestYearOffset: 1,
    },
  },
];

/**
 * A rule's parameters checked against its kind: every parameter present and known, each value of
 * its type, each field parameter a column of its exchange format that the check can use. Refused
 * with the field named (`params.<name>`).
 */
export function parseRuleParams(
  kind: CrosscheckKind,
  params: Record<string, unknown>,
): Record<string, unknown> {
  const def = KINDS[kind];
  for (const key of Object.keys(params))
    if (!(key in def.params))
      throw badRequest('crosschecks.unknown_parameter', `params.${key}`, { name: key });
  const parsed: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(def.params)) {
    if (!(key in params)) throw badRequest('crosschecks.missing_parameter', `params.${key}`, { name: key });
    const result = schema.safeParse(params[key]);
    if (!result.success) throw new AppError(400, 'crosschecks.bad_parameter', { name: key }, `params.${key}`);
    parsed[key] = result.data;
  }
  for (const [key, field] of Object.entries(def.fields)) {
    const value = String(parsed[key]);
    const columns = FORMATS[field.domain].columns.map((c) => c.key);
    if (!columns.includes(value))
      throw badRequest('crosschecks.unknown_field', `params.${key}`, { field: value, domain: field.domain });
    if (!field.usable.includes(value))
      throw badRequest('crosschecks.field_not_usable', `params.${key}`, {
        field: value,
        usable: field.usable.join(', '),
      });
  }
  return parsed;
}
