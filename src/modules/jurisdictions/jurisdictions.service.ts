import { and, asc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { containing, withinScope } from '../../platform/db/scope.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { buildJurisdictionSeeds } from './jurisdictions.data.js';
import { jurisdictions } from './jurisdictions.tables.js';

export type JurisdictionRow = typeof jurisdictions.$inferSelect;

const columns = {
  id: jurisdictions.id,
  code: jurisdictions.code,
  name: jurisdictions.name,
  level: jurisdictions.level,
  kind: jurisdictions.kind,
  path: jurisdictions.path,
  parentId: jurisdictions.parentId,
};

/** Lists the jurisdictions in the actor's scope (optionally below `within`), in code order. */
export async function listJurisdictions(db: Db, actor: Actor, options: { within?: string; search?: string }) {
  const scopePath = options.within
    ? (await getJurisdictionInScope(db, actor, options.within)).path
    : actor.jurisdictionPath;
  const conditions: SQL[] = [withinScope(jurisdictions.path, scopePath)];
  if (options.search) conditions.push(ilike(jurisdictions.name, containing(options.search)));
  const rows = await db
    .select(columns)
    .from(jurisdictions)
    .where(and(...conditions))
    .orderBy(asc(jurisdictions.sortOrder), asc(jurisdictions.code));
  return rows.map(toDto);
}

/**
 * One jurisdiction by code, if within the actor's scope. Out of scope and unknown both answer 404,
 * so a user cannot probe which records exist elsewhere.
 */
export async function getJurisdictionInScope(db: Db, actor: Actor, code: string): Promise<JurisdictionRow> {
  const row = await findJurisdictionInScope(db, actor, code);
  if (!row) throw notFound();
  return row;
}

async function findJurisdictionInScope(
  db: Db,
  actor: Actor,
  code: string,
): Promise<JurisdictionRow | undefined> {
  const [row] = await db
    .select()
    .from(jurisdictions)
    .where(and(eq(jurisdictions.code, code), withinScope(jurisdictions.path, actor.jurisdictionPath)));
  return row;
}

/** Like getJurisdictionInScope, for a code given in a form field: a 400 naming the field. */
export async function resolveJurisdictionField(db: Db, actor: Actor, code: string, field: string) {
  const row = await findJurisdictionInScope(db, actor, code);
  if (!row) throw new AppError(400, 'jurisdiction.unknown', { code }, field);
  return row;
}

/** A jurisdiction with its ancestors (breadcrumb) and children. */
export async function describeJurisdiction(db: Db, actor: Actor, code: string) {
  const row = await getJurisdictionInScope(db, actor, code);
  const ancestorCodes = row.path.split('/').slice(0, -1);
  const [ancestors, children] = await Promise.all([
    ancestorCodes.length
      ? db.select(columns).from(jurisdictions).where(inArray(jurisdictions.code, ancestorCodes))
      : Promise.resolve([]),
    db
      .select(columns)
      .from(jurisdictions)
      .where(eq(jurisdictions.parentId, row.id))
      .orderBy(asc(jurisdictions.code)),
  ]);
  const byCode = new Map(ancestors.map((a) => [a.code, a]));
  return {
    ...toDto(row),
    source: row.source,
    // Ancestors above the actor's own jurisdiction are named but not navigable.
    ancestors: ancestorCodes.flatMap((c) => {
      const a = byCode.get(c);
      return a ? [{ code: a.code, name: a.name, isInScope: isInScope(actor, a.path) }] : [];
    }),
    children: children.map(toDto),
  };
}

function toDto(row: Pick<JurisdictionRow, 'code' | 'name' | 'level' | 'kind' | 'path' | 'parentId'>) {
  const parts = row.path.split('/');
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    kind: row.kind,
    path: row.path,
    parentCode: parts.length > 1 ? (parts[parts.length - 2] as string) : null,
  };
}

/**
 * Loads the jurisdiction tree of the served provinces (idempotent: upserts by code). Runs as
 * reference data in every mode.
 */
export async function loadJurisdictions(db: Db, provinces?: readonly string[]): Promise<number> {
  const seeds = buildJurisdictionSeeds(provinces);
  const pathOf = new Map<string, string>();
  const idOf = new Map<string, number>();
  let order = 0;
  await db.transaction(async (tx) => {
    for (const seed of seeds) {
      const parentPath = seed.parentCode ? pathOf.get(seed.parentCode) : undefined;
      const path = parentPath ? `${parentPath}/${seed.code}` : seed.code;
      pathOf.set(seed.code, path);
      const values = {
        code: seed.code,
        name: seed.name,
        level: seed.level,
        kind: seed.kind,
        path,
        parentId: seed.parentCode ? (idOf.get(seed.parentCode) ?? null) : null,
        source: seed.source,
        sortOrder: order++,
      };
      const [row] = await tx
        .insert(jurisdictions)
        .values(values)
        .onConflictDoUpdate({
          target: jurisdictions.code,
          set: { name: values.name, kind: values.kind, source: values.source },
        })
        .returning({ id: jurisdictions.id });
      if (row) idOf.set(seed.code, row.id);
    }
  });
  return seeds.length;
}
