import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { type BudgetLine, paymentStandards } from './projects.tables.js';

// Service payment standards (服务支付标准, PP-11): unit prices per kind of service, per jurisdiction
// and year. A jurisdiction's own standard of a kind wins, else its nearest ancestor's (as settings).

export interface ResolvedStandard {
  kind: string;
  name: string;
  unit: string;
  unitPriceFen: number;
  /** Code of the jurisdiction that set it (the asked one or an ancestor). */
  definedAt: string;
  definedAtName: string;
  isOwn: boolean;
}

/** The standards in force at a jurisdiction (given by its path) for a year, by kind; nearest ancestor wins. */
export async function resolveStandards(
  db: Db,
  jurisdictionPath: string,
  year: number,
): Promise<Map<string, ResolvedStandard>> {
  const codes = jurisdictionPath.split('/');
  const rows = await db
    .select({
      code: jurisdictions.code,
      jurisdictionName: jurisdictions.name,
      kind: paymentStandards.kind,
      name: paymentStandards.name,
      unit: paymentStandards.unit,
      unitPriceFen: paymentStandards.unitPriceFen,
    })
    .from(paymentStandards)
    .innerJoin(jurisdictions, eq(jurisdictions.id, paymentStandards.jurisdictionId))
    .where(and(eq(paymentStandards.year, year), inArray(jurisdictions.code, codes)))
    .orderBy(asc(paymentStandards.kind), asc(paymentStandards.id));
  const own = codes[codes.length - 1];
  const result = new Map<string, ResolvedStandard>();
  for (const row of rows) {
    const held = result.get(row.kind);
    // Nearest first: a code later in the path lies closer to the jurisdiction asked about.
    if (held && codes.indexOf(held.definedAt) > codes.indexOf(row.code)) continue;
    result.set(row.kind, {
      kind: row.kind,
      name: row.name,
      unit: row.unit,
      unitPriceFen: row.unitPriceFen,
      definedAt: row.code,
      definedAtName: row.jurisdictionName,
      isOwn: row.code === own,
    });
  }
  return result;
}

/** The payment standards in force at a jurisdiction of the actor's scope for a year (PP-11). */
export async function listStandards(db: Db, actor: Actor, code: string, year: number) {
  const jurisdiction = await getJurisdictionInScope(db, actor, code);
  const resolved = await resolveStandards(db, jurisdiction.path, year);
  return {
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name },
    year,
    standards: [...resolved.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
  };
}

/** Sets (or replaces) the jurisdiction's own standard of a kind for a year; audited with the value before. */
export async function setStandard(
  db: Db,
  actor: Actor,
  code: string,
  year: number,
  kind: string,
  input: { name: string; unit: string; unitPriceFen: number; reason: string },
) {
  const jurisdiction = await getJurisdictionInScope(db, actor, code);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(paymentStandards)
      .where(
        and(
          eq(paymentStandards.jurisdictionId, jurisdiction.id),
          eq(paymentStandards.year, year),
          eq(paymentStandards.kind, kind),
        ),
      )
      .for('update');
    if (before)
      await tx
        .update(paymentStandards)
        .set({
          name: input.name,
          unit: input.unit,
          unitPriceFen: input.unitPriceFen,
          updatedBy: actor.username,
          updatedAt: sql`now()`,
        })
        .where(eq(paymentStandards.id, before.id));
    else
      await tx.insert(paymentStandards).values({
        jurisdictionId: jurisdiction.id,
        year,
        kind,
        name: input.name,
        unit: input.unit,
        unitPriceFen: input.unitPriceFen,
        updatedBy: actor.username,
      });
    await recordAudit(tx, actor, {
      action: 'payment-standard.set',
      targetType: 'payment_standard',
      targetId: `${jurisdiction.code}:${year}:${kind}`,
      jurisdictionPath: jurisdiction.path,
      details: {
        ...input,
        before: before ? { name: before.name, unit: before.unit, unitPriceFen: before.unitPriceFen } : null,
      },
    });
  });
  return listStandards(db, actor, code, year);
}

/**
 * Prices a declaration's budget lines against the standards of the pooling jurisdiction and year:
 * a line naming a kind gets the unit price and the amount the standard allows (quantity × price);
 * a line above it without a reason is refused, naming the line's field.
 */
export async function priceBudgetLines(
  db: Db,
  jurisdictionPath: string,
  year: number,
  lines: BudgetLine[],
): Promise<BudgetLine[]> {
  if (!lines.some((l) => l.serviceKind !== undefined))
    return lines.map((l) => ({ item: l.item, amountFen: l.amountFen }));
  const standards = await resolveStandards(db, jurisdictionPath, year);
  return lines.map((line, i) => {
    if (line.serviceKind === undefined) return { item: line.item, amountFen: line.amountFen };
    const standard = standards.get(line.serviceKind);
    if (!standard)
      throw badRequest('standard.unknown_kind', `budgetLines.${i}.serviceKind`, {
        kind: line.serviceKind,
        year,
      });
    if (line.quantity === undefined)
      throw badRequest('standard.quantity_missing', `budgetLines.${i}.quantity`);
    const standardFen = line.quantity * standard.unitPriceFen;
    const reason = line.overStandardReason?.trim();
    if (line.amountFen > standardFen && !reason)
      throw badRequest('standard.reason_missing', `budgetLines.${i}.overStandardReason`, {
        standard: standardFen,
        unit: standard.unit,
      });
    return {
      item: line.item,
      amountFen: line.amountFen,
      serviceKind: line.serviceKind,
      quantity: line.quantity,
      unitPriceFen: standard.unitPriceFen,
      standardFen,
      standardDefinedAt: standard.definedAt,
      // A reason on a line within the standard says nothing: it is not kept.
      ...(line.amountFen > standardFen ? { overStandardReason: reason } : {}),
    };
  });
}
