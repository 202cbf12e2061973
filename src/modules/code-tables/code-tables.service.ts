import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { codeTableEntries } from './code-tables.tables.js';
import {
  GBT4754_DIVISIONS,
  GBT4754_EFFECTIVE_FROM,
  GBT4754_SECTIONS,
  GBT4754_VERSION,
  sectionOfDivision,
} from './gbt4754.data.js';

export const INDUSTRY_TABLE = 'gbt4754';

/** Loads GB/T 4754-2017 sections and divisions (idempotent). */
export async function loadIndustryCodes(db: Db): Promise<number> {
  const base = { tableName: INDUSTRY_TABLE, version: GBT4754_VERSION, effectiveFrom: GBT4754_EFFECTIVE_FROM };
  const rows = [
    ...GBT4754_SECTIONS.map((s) => ({
      ...base,
      code: s.code,
      name: s.name,
      parentCode: null,
      level: 'section',
    })),
    ...Object.entries(GBT4754_DIVISIONS).map(([code, name]) => ({
      ...base,
      code,
      name,
      parentCode: sectionOfDivision(code) ?? null,
      level: 'division',
    })),
  ];
  await db.insert(codeTableEntries).values(rows).onConflictDoNothing();
  return rows.length;
}

/** The industry table of the current version: sections with their divisions. */
export async function listIndustries(db: Db) {
  const rows = await db
    .select({
      code: codeTableEntries.code,
      name: codeTableEntries.name,
      parentCode: codeTableEntries.parentCode,
      level: codeTableEntries.level,
    })
    .from(codeTableEntries)
    .where(and(eq(codeTableEntries.tableName, INDUSTRY_TABLE), eq(codeTableEntries.version, GBT4754_VERSION)))
    .orderBy(asc(codeTableEntries.code));
  return { version: GBT4754_VERSION, effectiveFrom: GBT4754_EFFECTIVE_FROM, items: rows };
}

/**
 * The division and section of an industry code (2-, 3- or 4-digit), or null when the division is
 * not in the table.
 */
export async function describeIndustryCode(db: Db, code: string) {
  const division = code.slice(0, 2);
  const [row] = await db
    .select({ name: codeTableEntries.name, section: codeTableEntries.parentCode })
    .from(codeTableEntries)
    .where(
      and(
        eq(codeTableEntries.tableName, INDUSTRY_TABLE),
        eq(codeTableEntries.version, GBT4754_VERSION),
        eq(codeTableEntries.code, division),
      ),
    );
  return row ? { division, divisionName: row.name, section: row.section } : null;
}
