import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import type { PiiCrypto } from '../../platform/privacy/crypto.js';
import type { PersonDataStore } from '../../platform/privacy/encrypted-columns.js';
import {
  CELL_PARAMS,
  openCells,
  openIssues,
  openParams,
  type StoredCells,
  type StoredIssue,
  sealCells,
  sealIssues,
  sealParams,
} from './rejected-cells.js';

/**
 * The exchange's rejected rows (cells and the reasons quoting them) and failed batches' reason
 * parameters under 国密 at rest (issue 13): checked at start and encrypted by `pii encrypt` beside
 * the registry's columns (platform/privacy/encrypted-columns.ts), which cannot describe a jsonb
 * document keyed by (batch, line).
 */

/** SQL true when a jsonb object of reason parameters `params` holds a cell quote that is (not) ciphertext. */
const quotesCell = (params: ReturnType<typeof sql.raw>, encrypted: boolean) =>
  sql.join(
    CELL_PARAMS.map(
      (k) =>
        sql`(jsonb_typeof(${params}->${k}) = 'string' and (${params}->>${k} like 'sm4:%') = ${encrypted})`,
    ),
    sql` or `,
  );

const issueQuotes = (encrypted: boolean) =>
  sql`exists (select 1 from jsonb_array_elements(r.issues) i where ${quotesCell(sql.raw(`(i->'params')`), encrypted)})`;

async function exists(db: Db, query: ReturnType<typeof sql>) {
  return rowsOf(await db.execute(sql`select 1 as x where exists (${query})`)).length > 0;
}

/** Throws when rejected rows or batch errors are stored otherwise than the configuration says. */
export async function checkRejectedCellsEncryption(db: Db, crypto: PiiCrypto): Promise<void> {
  const encrypted = crypto.isEnabled;
  const rows = sql`select 1 from exchange_rejected_rows r where jsonb_typeof(r.raw) = ${encrypted ? 'array' : 'string'} or ${issueQuotes(!encrypted)}`;
  const batches = sql`select 1 from exchange_batches b where b.error_params is not null and (${quotesCell(sql.raw('b.error_params'), !encrypted)})`;
  if ((await exists(db, rows)) || (await exists(db, batches)))
    throw new Error(
      encrypted
        ? 'exchange_rejected_rows still holds plaintext cells while PII_ENCRYPTION=sm4: run `tsx src/cli.ts pii encrypt` first'
        : 'exchange_rejected_rows holds SM4-encrypted cells but PII_ENCRYPTION is off: set PII_ENCRYPTION=sm4 with the keys it was written with',
    );
  if (!encrypted) return;
  const [sample] = rowsOf<{ raw: string }>(
    await db.execute(
      sql`select raw #>> '{}' as raw from exchange_rejected_rows where jsonb_typeof(raw) = 'string' limit 1`,
    ),
  );
  if (!sample) return;
  try {
    openCells(sample.raw, crypto);
  } catch (error) {
    throw new Error(
      `PII_KEYS / PII_KEY_FILE do not decrypt the rejected rows stored in exchange_rejected_rows (${error instanceof Error ? error.message : String(error)}): configure the keys they were written with`,
    );
  }
}

type RejectedRow = { batch_id: number; line: number; raw: StoredCells | null; issues: StoredIssue[] };

/**
 * Rewrites, in batches of rows (one transaction each), every rejected row for which `rewrite`
 * answers new cells and reasons (null: left as it is), then failed batches' reason parameters
 * through `rewriteParams`. Returns the rejected rows changed (batches' errors are few and uncounted).
 */
async function rewriteRejectedCells(
  db: Db,
  options: { batchSize: number; onBatch?: (table: string, changed: number) => void },
  rewrite: (row: RejectedRow) => { raw: unknown; issues: StoredIssue[] } | null,
  rewriteParams: (params: Record<string, unknown>) => Record<string, unknown> | undefined,
): Promise<number> {
  let count = 0;
  let after = { batchId: 0, line: -1 };
  for (;;) {
    const rows = rowsOf<RejectedRow>(
      await db.execute(
        sql`select batch_id, line, raw, issues from exchange_rejected_rows
            where (batch_id, line) > (${after.batchId}::int, ${after.line}::int)
            order by batch_id, line limit ${options.batchSize}`,
      ),
    );
    const last = rows.at(-1);
    if (!last) break;
    after = { batchId: Number(last.batch_id), line: Number(last.line) };
    const updates = rows.flatMap((r) => {
      const next = rewrite(r);
      if (!next) return [];
      return [
        sql`(${Number(r.batch_id)}::int, ${Number(r.line)}::int, ${JSON.stringify(next.raw)}::jsonb, ${JSON.stringify(next.issues)}::jsonb)`,
      ];
    });
    if (updates.length === 0) continue;
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        update exchange_rejected_rows r set raw = v.raw, issues = v.issues
        from (values ${sql.join(updates, sql`, `)}) v(batch_id, line, raw, issues)
        where r.batch_id = v.batch_id and r.line = v.line`);
    });
    count += updates.length;
    options.onBatch?.('exchange_rejected_rows', updates.length);
  }
  const failed = rowsOf<{ id: number; params: Record<string, unknown> }>(
    await db.execute(
      sql`select id, error_params as params from exchange_batches where error_params is not null`,
    ),
  );
  for (const b of failed) {
    const params = rewriteParams(b.params);
    if (JSON.stringify(params) !== JSON.stringify(b.params))
      await db.execute(
        sql`update exchange_batches set error_params = ${JSON.stringify(params)}::jsonb where id = ${Number(b.id)}`,
      );
  }
  return count;
}

/**
 * Encrypts every rejected row whose cells or quoting reasons are not under the current key
 * (plaintext, or an older key), and failed batches' reason parameters. Idempotent.
 */
export function encryptRejectedCells(
  db: Db,
  crypto: PiiCrypto,
  options: { batchSize: number; onBatch?: (table: string, changed: number) => void },
): Promise<number> {
  return rewriteRejectedCells(
    db,
    options,
    (r) => {
      const isCurrentRaw = r.raw === null || (typeof r.raw === 'string' && crypto.isCurrent(r.raw));
      const raw = isCurrentRaw ? r.raw : sealCells(openCells(r.raw, crypto) ?? [], crypto);
      const issues = sealIssues(r.issues, crypto);
      if (isCurrentRaw && JSON.stringify(issues) === JSON.stringify(r.issues)) return null;
      return { raw, issues };
    },
    (params) => sealParams(params, crypto),
  );
}

/**
 * Switching encryption off (`pii decrypt`): opens every rejected row whose cells are one ciphertext
 * or whose reasons quote a cell as ciphertext, back to the cells and reasons as the file had them,
 * and failed batches' reason parameters. `keys` holds the keys they were written with. Idempotent.
 */
export function decryptRejectedCells(
  db: Db,
  keys: PiiCrypto,
  options: { batchSize: number; onBatch?: (table: string, changed: number) => void },
): Promise<number> {
  return rewriteRejectedCells(
    db,
    options,
    (r) => {
      const raw = openCells(r.raw, keys);
      const issues = openIssues(r.issues, keys);
      if (typeof r.raw !== 'string' && JSON.stringify(issues) === JSON.stringify(r.issues)) return null;
      return { raw, issues };
    },
    (params) => openParams(params, keys),
  );
}

/** The rejected rows as `serve`, `pii encrypt` and `pii decrypt` take them (cli.ts). */
export const REJECTED_CELLS_STORE: PersonDataStore = {
  name: 'exchange_rejected_rows',
  check: checkRejectedCellsEncryption,
  encrypt: encryptRejectedCells,
  decrypt: decryptRejectedCells,
};
