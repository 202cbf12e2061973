import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { type PiiCrypto, piiCrypto } from '../../platform/privacy/crypto.js';

/**
 * The exchange's person tables under 国密 protection at rest (decision 0022): 身份证号 and name
 * stored as SM4 ciphertext when PII_ENCRYPTION=sm4, beside `id_number_index`, the lookup key every
 * upsert, duplicate check, linkage and person count uses (the keyed SM3 of the number when
 * encrypted, the number itself when not).
 */
export const PERSON_TABLES = ['injury_cases', 'disease_cases', 'insured_persons'] as const;

const CONFIG_HINT = 'PII_ENCRYPTION, PII_KEYS or PII_KEY_FILE, PII_INDEX_KEY';

/**
 * Start-up check that the stored person data and the configuration agree, so a wrong key or a
 * half-done switch stops the server instead of writing rows that no longer link:
 * - encryption on: no plaintext row remains (else run `pii encrypt` first), and one stored row of
 *   each table decrypts under the configured keys and gives back its stored index (a wrong data
 *   key fails the SM3 integrity check, a wrong index key gives another index);
 * - encryption off: no encrypted row is stored.
 * Throws an Error whose message names the variables to fix.
 */
export async function checkPersonDataEncryption(db: Db, crypto: PiiCrypto = piiCrypto()) {
  for (const table of PERSON_TABLES) {
    const t = sql.raw(table);
    if (!crypto.isEnabled) {
      const [encrypted] = rowsOf(
        await db.execute(
          sql`select 1 as x from ${t} where id_number like 'sm4:%' or person_name like 'sm4:%' limit 1`,
        ),
      );
      if (encrypted)
        throw new Error(
          `${table} holds SM4-encrypted personal data but PII_ENCRYPTION is off: set PII_ENCRYPTION=sm4 with the keys it was written with (${CONFIG_HINT})`,
        );
      continue;
    }
    const [plain] = rowsOf(
      await db.execute(
        sql`select 1 as x from ${t} where id_number not like 'sm4:%' or person_name not like 'sm4:%' limit 1`,
      ),
    );
    if (plain)
      throw new Error(
        `${table} still holds plaintext personal data while PII_ENCRYPTION=sm4: run \`tsx src/cli.ts pii encrypt\` first`,
      );
    const [sample] = rowsOf<{ id_number: string; id_number_index: string; person_name: string }>(
      await db.execute(sql`select id_number, id_number_index, person_name from ${t} limit 1`),
    );
    if (!sample) continue;
    let idNumber: string | null;
    try {
      idNumber = crypto.decrypt(sample.id_number);
      crypto.decrypt(sample.person_name);
    } catch (error) {
      throw new Error(
        `PII_KEYS / PII_KEY_FILE do not decrypt the personal data stored in ${table} (${error instanceof Error ? error.message : String(error)}): configure the keys it was written with`,
      );
    }
    if (crypto.index(idNumber) !== sample.id_number_index)
      throw new Error(
        `PII_INDEX_KEY is not the index key the personal data in ${table} was indexed with: lookups and linkage would miss every stored person`,
      );
  }
}

/**
 * Encrypts, in place and in batches (one transaction each), every person row not yet under the
 * current key: plaintext rows (switching encryption on) and rows under an older key (rotation).
 * Idempotent: a second run changes nothing. Returns the rows changed per table.
 */
export async function encryptPersonData(
  db: Db,
  options: { batchSize?: number; onBatch?: (table: string, changed: number) => void } = {},
  crypto: PiiCrypto = piiCrypto(),
): Promise<Record<string, number>> {
  if (!crypto.isEnabled)
    throw new Error(`pii encrypt needs PII_ENCRYPTION=sm4 and its keys (${CONFIG_HINT})`);
  const batchSize = options.batchSize ?? 2_000;
  const changed: Record<string, number> = {};
  for (const table of PERSON_TABLES) {
    const t = sql.raw(table);
    changed[table] = 0;
    let lastId = 0;
    for (;;) {
      const rows = rowsOf<{ id: number; id_number: string; person_name: string }>(
        await db.execute(
          sql`select id, id_number, person_name from ${t} where id > ${lastId} order by id limit ${batchSize}`,
        ),
      );
      if (rows.length === 0) break;
      lastId = Number(rows[rows.length - 1]?.id);
      const updates = rows
        .filter((r) => !crypto.isCurrent(r.id_number) || !crypto.isCurrent(r.person_name))
        .map((r) => {
          const idNumber = crypto.decrypt(r.id_number) as string;
          return sql`(${Number(r.id)}::int, ${crypto.encrypt(idNumber)}, ${crypto.index(idNumber)}, ${crypto.encrypt(crypto.decrypt(r.person_name))})`;
        });
      if (updates.length === 0) continue;
      await db.transaction(async (tx) => {
        await tx.execute(sql`
          update ${t} f set id_number = v.id_number, id_number_index = v.id_number_index, person_name = v.person_name
          from (values ${sql.join(updates, sql`, `)}) v(id, id_number, id_number_index, person_name)
          where f.id = v.id`);
      });
      changed[table] += updates.length;
      options.onBatch?.(table, updates.length);
    }
  }
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
