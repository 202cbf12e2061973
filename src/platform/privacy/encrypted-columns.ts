import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { createPiiCrypto, type PiiCrypto, piiCrypto } from './crypto.js';

/**
 * One table whose personal-data columns are SM4 ciphertext when PII_ENCRYPTION=sm4 (decisions 0022,
 * 0024, 0042). The table needs an integer `id` primary key.
 */
export interface EncryptedTable {
  table: string;
  /** The columns held as ciphertext (nullable or not). */
  columns: readonly string[];
  /**
   * The lookup key column (`PiiCrypto.index` of `of`) that every lookup, join and unique
   * constraint uses instead of the encrypted column.
   */
  index?: { column: string; of: string };
}

/**
 * Every personal-data column under 国密 protection at rest, as data: the start-up check and
 * `pii encrypt` walk this list, so a table joins by adding a line (its module then encrypts on
 * write and decrypts on read). Tables are named, not imported: platform depends on no module.
 */
export const ENCRYPTED_TABLES: readonly EncryptedTable[] = [
  // The exchange's person tables (decision 0024).
  {
    table: 'injury_cases',
    columns: ['id_number', 'person_name'],
    index: { column: 'id_number_index', of: 'id_number' },
  },
  {
    table: 'disease_cases',
    columns: ['id_number', 'person_name'],
    index: { column: 'id_number_index', of: 'id_number' },
  },
  {
    table: 'insured_persons',
    columns: ['id_number', 'person_name'],
    index: { column: 'id_number_index', of: 'id_number' },
  },
  // Contacts and the expert pool (decision 0042).
  {
    table: 'experts',
    columns: ['id_number', 'phone'],
    index: { column: 'id_number_index', of: 'id_number' },
  },
  { table: 'organisations', columns: ['contact_name', 'contact_phone'] },
  { table: 'users', columns: ['phone'] },
  // The joint meeting's roster and its change requests, history included (decision 0042).
  { table: 'roster_members', columns: ['phone'] },
  { table: 'roster_change_requests', columns: ['phone'] },
  { table: 'roster_change_events', columns: ['phone'] },
  // The training module's persons: key-post holders, completions, students, project trainees and
  // exam attempts (decision 0042, "The training module").
  {
    table: 'key_post_holders',
    columns: ['id_number', 'person_name'],
    index: { column: 'id_number_index', of: 'id_number' },
  },
  {
    table: 'training_completions',
    columns: ['id_number', 'person_name'],
    index: { column: 'id_number_index', of: 'id_number' },
  },
  {
    table: 'school_students',
    columns: ['id_number', 'person_name'],
    index: { column: 'id_number_index', of: 'id_number' },
  },
  {
    table: 'project_trainees',
    columns: ['id_number', 'person_name'],
    index: { column: 'id_number_index', of: 'id_number' },
  },
  {
    table: 'training_exam_attempts',
    columns: ['id_number'],
    index: { column: 'id_number_index', of: 'id_number' },
  },
];

/**
 * Personal data a module keeps in a shape the registry's columns cannot describe (a jsonb document,
 * a key of several columns): the module checks and encrypts it itself, and `serve` and `pii
 * encrypt` hand it in (platform knows no module), e.g. the exchange's rejected rows.
 */
export interface PersonDataStore {
  /** The table (or tables) it covers, as the audit record and the output name it. */
  name: string;
  /** Throws, as checkPersonDataEncryption does, when the stored data and the configuration disagree. */
  check(db: Db, crypto: PiiCrypto): Promise<void>;
  /** Encrypts what is not under the current key, in batches; returns the rows changed. */
  encrypt(
    db: Db,
    crypto: PiiCrypto,
    options: { batchSize: number; onBatch?: (table: string, changed: number) => void },
  ): Promise<number>;
  /**
   * Decrypts in place, in batches, what is ciphertext (`keys`: the crypto with the keys it was
   * written with), so that the check passes with encryption off; returns the rows changed.
   */
  decrypt(
    db: Db,
    keys: PiiCrypto,
    options: { batchSize: number; onBatch?: (table: string, changed: number) => void },
  ): Promise<number>;
}

const CONFIG_HINT = 'PII_ENCRYPTION, PII_KEYS or PII_KEY_FILE, PII_INDEX_KEY';

const anyColumn = (
  entry: EncryptedTable,
  test: (column: ReturnType<typeof sql.raw>) => ReturnType<typeof sql>,
) =>
  sql.join(
    entry.columns.map((c) => test(sql.raw(c))),
    sql` or `,
  );

/**
 * Start-up check that the stored personal data and the configuration agree, so a wrong key or a
 * half-done switch stops the server instead of writing rows that no longer link:
 * - encryption on: no plaintext value remains in a listed column (else run `pii encrypt` first),
 *   each column's first stored value decrypts under the configured keys, and an indexed value
 *   gives back its stored index (a wrong data key fails the SM3 integrity check, a wrong index
 *   key gives another index);
 * - encryption off: no encrypted value is stored.
 * Each is a `limit 1` query. Throws an Error whose message names the variables to fix.
 */
export async function checkPersonDataEncryption(
  db: Db,
  crypto: PiiCrypto = piiCrypto(),
  tables: readonly EncryptedTable[] = ENCRYPTED_TABLES,
  stores: readonly PersonDataStore[] = [],
) {
  for (const store of stores) await store.check(db, crypto);
  for (const entry of tables) {
    const t = sql.raw(entry.table);
    if (!crypto.isEnabled) {
      const [encrypted] = rowsOf(
        await db.execute(
          sql`select 1 as x from ${t} where ${anyColumn(entry, (c) => sql`${c} like 'sm4:%'`)} limit 1`,
        ),
      );
      if (encrypted)
        throw new Error(
          `${entry.table} holds SM4-encrypted personal data but PII_ENCRYPTION is off: set PII_ENCRYPTION=sm4 with the keys it was written with (${CONFIG_HINT})`,
        );
      continue;
    }
    const [plain] = rowsOf(
      await db.execute(
        sql`select 1 as x from ${t} where ${anyColumn(entry, (c) => sql`${c} not like 'sm4:%'`)} limit 1`,
      ),
    );
    if (plain)
      throw new Error(
        `${entry.table} still holds plaintext personal data while PII_ENCRYPTION=sm4: run \`tsx src/cli.ts pii encrypt\` first`,
      );
    for (const column of entry.columns) {
      const c = sql.raw(column);
      const [sample] = rowsOf<{ value: string }>(
        await db.execute(sql`select ${c} as value from ${t} where ${c} is not null limit 1`),
      );
      if (!sample) continue;
      try {
        crypto.decrypt(sample.value);
      } catch (error) {
        throw new Error(
          `PII_KEYS / PII_KEY_FILE do not decrypt the personal data stored in ${entry.table} (${error instanceof Error ? error.message : String(error)}): configure the keys it was written with`,
        );
      }
    }
    if (!entry.index) continue;
    // The first and the last row: `pii rotate-index` goes by id, so one it left half done fails here.
    for (const order of [sql`id`, sql`id desc`]) {
      const [indexed] = rowsOf<{ value: string; idx: string | null }>(
        await db.execute(
          sql`select ${sql.raw(entry.index.of)} as value, ${sql.raw(entry.index.column)} as idx from ${t}
              where ${sql.raw(entry.index.of)} is not null order by ${order} limit 1`,
        ),
      );
      if (indexed && crypto.index(crypto.decrypt(indexed.value)) !== indexed.idx)
        throw new Error(
          `PII_INDEX_KEY is not the index key the personal data in ${entry.table} was indexed with: lookups and linkage would miss every stored person (after changing the index key on purpose, run \`tsx src/cli.ts pii rotate-index\`)`,
        );
    }
  }
}

/** A row of a registry table as the batched rewrites read it: its id and the columns asked for. */
type StoredRow = Record<string, string | null> & { id: number };

/**
 * Rewrites one table in batches by id (one transaction each), reading `read` and writing `written`:
 * `rewrite` answers a row's new values of `written`, in order, or null to leave the row as it is.
 * Returns the rows changed. Shared by `pii encrypt`, `pii decrypt` and `pii rotate-index`.
 */
async function rewriteTable(
  db: Db,
  table: string,
  columns: { read: readonly string[]; written: readonly string[] },
  batchSize: number,
  rewrite: (row: StoredRow) => (string | null)[] | null,
  onBatch?: (table: string, changed: number) => void,
): Promise<number> {
  const t = sql.raw(table);
  const written = columns.written.join(', ');
  let count = 0;
  let lastId = 0;
  for (;;) {
    const rows = rowsOf<StoredRow>(
      await db.execute(
        sql`select id, ${sql.raw(columns.read.join(', '))} from ${t} where id > ${lastId} order by id limit ${batchSize}`,
      ),
    );
    const last = rows.at(-1);
    if (!last) break;
    lastId = Number(last.id);
    const updates = rows.flatMap((r) => {
      const values = rewrite(r);
      if (!values) return [];
      return [
        sql`(${Number(r.id)}::int, ${sql.join(
          values.map((v) => sql`${v}::text`),
          sql`, `,
        )})`,
      ];
    });
    if (updates.length === 0) continue;
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        update ${t} f set ${sql.raw(columns.written.map((c) => `${c} = v.${c}`).join(', '))}
        from (values ${sql.join(updates, sql`, `)}) v(id, ${sql.raw(written)})
        where f.id = v.id`);
    });
    count += updates.length;
    onBatch?.(table, updates.length);
  }
  return count;
}

/**
 * Encrypts, in place and in batches (one transaction each), every row of the listed tables with a
 * value not yet under the current key: plaintext (switching encryption on) and ciphertext under an
 * older key (rotation); the index is rewritten from the plaintext too. Idempotent: a second run
 * changes nothing. Returns the rows changed per table.
 */
export async function encryptPersonData(
  db: Db,
  options: {
    batchSize?: number;
    onBatch?: (table: string, changed: number) => void;
    /** Module stores encrypted after the registry's tables, and counted in the same audit record. */
    stores?: readonly PersonDataStore[];
  } = {},
  crypto: PiiCrypto = piiCrypto(),
  tables: readonly EncryptedTable[] = ENCRYPTED_TABLES,
): Promise<Record<string, number>> {
  if (!crypto.isEnabled)
    throw new Error(`pii encrypt needs PII_ENCRYPTION=sm4 and its keys (${CONFIG_HINT})`);
  const batchSize = options.batchSize ?? 2_000;
  const changed: Record<string, number> = {};
  for (const entry of tables) {
    const written = entry.index ? [...entry.columns, entry.index.column] : [...entry.columns];
    changed[entry.table] = await rewriteTable(
      db,
      entry.table,
      { read: entry.columns, written },
      batchSize,
      (r) => {
        if (entry.columns.every((c) => crypto.isCurrent(r[c] ?? null))) return null;
        const plain = Object.fromEntries(entry.columns.map((c) => [c, crypto.decrypt(r[c] ?? null)]));
        const values = entry.columns.map((c) => crypto.encrypt(plain[c] ?? null));
        if (entry.index) values.push(crypto.index(plain[entry.index.of] ?? null));
        return values;
      },
      options.onBatch,
    );
  }
  for (const store of options.stores ?? [])
    changed[store.name] = await store.encrypt(db, crypto, { batchSize, onBatch: options.onBatch });
  // The run itself is audited (issue 13): who cannot be known from the shell, so the command and
  // the host stand in; the key is named by its id (the ciphertext's prefix `sm4:1:<key id>:`).
  await recordAudit(
    db,
    { username: 'cli:pii-encrypt', ip: 'cli' },
    {
      action: 'pii.encrypt',
      targetType: 'person_data',
      jurisdictionPath: null,
      details: { ...changed, key: crypto.encrypt('x')?.split(':')[2] ?? null },
    },
  );
  return changed;
}

/**
 * The keys `pii decrypt` reads the stored rows with, from the environment the server will start
 * with (issue 13). The rule: PII_ENCRYPTION must already be off (or unset) there, and the data keys
 * (PII_KEYS or PII_KEY_FILE) and PII_INDEX_KEY still given. With PII_ENCRYPTION=sm4 still set it
 * refuses: a server started from that environment would write new rows as ciphertext again and
 * refuse to start over the decrypted ones, so the switch is made first, where the server reads it.
 */
export function piiDecryptionKeys(env: NodeJS.ProcessEnv = process.env): PiiCrypto {
  const mode = env.PII_ENCRYPTION ?? '';
  if (mode !== '' && mode !== 'off')
    throw new Error(
      `pii decrypt switches encryption off: set PII_ENCRYPTION=off (or remove it) where the server reads its environment, keep PII_KEYS or PII_KEY_FILE and PII_INDEX_KEY to read the stored rows, stop the server, then run it (PII_ENCRYPTION is "${mode}")`,
    );
  if (!env.PII_KEYS && !env.PII_KEY_FILE)
    throw new Error(
      'pii decrypt needs the keys the personal data was written with: PII_KEYS or PII_KEY_FILE (and PII_INDEX_KEY)',
    );
  return createPiiCrypto({ ...env, PII_ENCRYPTION: 'sm4' });
}

/**
 * Switching encryption off (issue 13): decrypts in place, in batches by id (one transaction each),
 * every row of the listed tables holding ciphertext, under any of the keys given (`keys`, from
 * `piiDecryptionKeys`), and rewrites the lookup key as encryption off computes it (the normalised
 * number), then the module stores. A row is changed when a column is ciphertext or its lookup key
 * is not the one encryption off gives. Idempotent: a second run changes nothing. Audited
 * (`pii.decrypt`, the rows per table and the ids of the keys the rows were under). Returns the
 * rows changed per table; afterwards the start-up check passes with encryption off.
 */
export async function decryptPersonData(
  db: Db,
  keys: PiiCrypto,
  options: {
    batchSize?: number;
    onBatch?: (table: string, changed: number) => void;
    /** Module stores decrypted after the registry's tables, and counted in the same audit record. */
    stores?: readonly PersonDataStore[];
  } = {},
  tables: readonly EncryptedTable[] = ENCRYPTED_TABLES,
): Promise<Record<string, number>> {
  if (!keys.isEnabled)
    throw new Error(`pii decrypt needs the keys the personal data was written with (${CONFIG_HINT})`);
  const off = createPiiCrypto({});
  /** Ciphertext: what encryption off would not leave as it is. */
  const isCipher = (value: string | null | undefined) => !off.isCurrent(value ?? null);
  const batchSize = options.batchSize ?? 2_000;
  const changed: Record<string, number> = {};
  const keyIds = new Set<string>();
  for (const entry of tables) {
    const written = entry.index ? [...entry.columns, entry.index.column] : [...entry.columns];
    changed[entry.table] = await rewriteTable(
      db,
      entry.table,
      { read: written, written },
      batchSize,
      (r) => {
        const index = entry.index;
        const isPlain = entry.columns.every((c) => !isCipher(r[c]));
        if (isPlain && (!index || off.index(r[index.of] ?? null) === r[index.column])) return null;
        for (const c of entry.columns) if (isCipher(r[c])) keyIds.add(String(r[c]).split(':')[2] ?? '');
        const plain = Object.fromEntries(entry.columns.map((c) => [c, keys.decrypt(r[c] ?? null)]));
        const values = entry.columns.map((c) => plain[c] ?? null);
        if (index) values.push(off.index(plain[index.of] ?? null));
        return values;
      },
      options.onBatch,
    );
  }
  for (const store of options.stores ?? [])
    changed[store.name] = await store.decrypt(db, keys, { batchSize, onBatch: options.onBatch });
  await recordAudit(
    db,
    { username: 'cli:pii-decrypt', ip: 'cli' },
    {
      action: 'pii.decrypt',
      targetType: 'person_data',
      jurisdictionPath: null,
      details: { ...changed, keys: [...keyIds].sort() },
    },
  );
  return changed;
}

/**
 * The index key's rotation: recomputes every lookup key (`id_number_index`) of the registry's
 * indexed tables from the decrypted values under the configured PII_INDEX_KEY, in batches (one
 * transaction each), in id order. Idempotent: rows whose key is already right are skipped, so a run
 * that stopped half way is finished by running it again (the start-up check fails until then).
 * Audited with the rows changed per table and a fingerprint of the index key (never the key).
 * Returns the rows changed per table.
 */
export async function rotatePersonIndex(
  db: Db,
  options: { batchSize?: number; onBatch?: (table: string, changed: number) => void } = {},
  crypto: PiiCrypto = piiCrypto(),
  tables: readonly EncryptedTable[] = ENCRYPTED_TABLES,
): Promise<Record<string, number>> {
  if (!crypto.isEnabled)
    throw new Error(`pii rotate-index needs PII_ENCRYPTION=sm4 and its keys (${CONFIG_HINT})`);
  const batchSize = options.batchSize ?? 2_000;
  const changed: Record<string, number> = {};
  for (const entry of tables) {
    const index = entry.index;
    if (!index) continue;
    changed[entry.table] = await rewriteTable(
      db,
      entry.table,
      { read: [index.of, index.column], written: [index.column] },
      batchSize,
      (r) => {
        const idx = crypto.index(crypto.decrypt(r[index.of] ?? null));
        return idx === r[index.column] ? null : [idx];
      },
      options.onBatch,
    );
  }
  await recordAudit(
    db,
    { username: 'cli:pii-rotate-index', ip: 'cli' },
    {
      action: 'pii.rotate-index',
      targetType: 'person_data',
      jurisdictionPath: null,
      details: { ...changed, indexKey: indexKeyFingerprint(crypto) },
    },
  );
  return changed;
}

/**
 * Names the index key without revealing it (the audit record of a rotation): the first 8 hex
 * digits of the keyed SM3 of a fixed label, which only that key gives.
 */
export const indexKeyFingerprint = (crypto: PiiCrypto): string | null =>
  crypto.index('yufang pii index key fingerprint')?.slice(0, 8) ?? null;
