import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { eq } from 'drizzle-orm';
import { runImport } from '../modules/exchange/exchange.service.js';
import { exchangeBatches } from '../modules/exchange/exchange.tables.js';
import type { Domain } from '../modules/exchange/formats.js';
import { jurisdictions } from '../modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../modules/organisations/organisations.tables.js';
import type { Database } from '../platform/db/client.js';
import { JobQueue } from '../platform/jobs/queue.js';
import { generateDataset } from './generate.js';
import { runSeedOnce } from './reference.js';

/** Who submits what in the demo: each province's own member departments, as the plans intend. */
const SUBMITTERS: readonly { province: '35' | '22'; domain: Domain; organisation: string; file: string }[] = [
  { province: '35', domain: 'employers', organisation: '福建省人力资源和社会保障厅', file: 'employers.csv' },
  { province: '35', domain: 'headcounts', organisation: '福建省社会保险中心', file: 'headcounts.csv' },
  {
    province: '35',
    domain: 'insuredPersons',
    organisation: '福建省社会保险中心',
    file: 'insuredPersons.csv',
  },
  { province: '35', domain: 'injuries', organisation: '福建省人力资源和社会保障厅', file: 'injuries.csv' },
  { province: '35', domain: 'accidents', organisation: '福建省应急管理厅', file: 'accidents.csv' },
  { province: '35', domain: 'diseases', organisation: '福建省卫生健康委员会', file: 'diseases.csv' },
  { province: '35', domain: 'fund', organisation: '福建省社会保险中心', file: 'fund.csv' },
  // A batch with deliberately invalid rows, so the rejected-rows view has something to show.
  {
    province: '35',
    domain: 'injuries',
    organisation: '福建省人力资源和社会保障厅',
    file: 'invalid/injuries.csv',
  },
  { province: '22', domain: 'employers', organisation: '吉林省人力资源和社会保障厅', file: 'employers.csv' },
  { province: '22', domain: 'headcounts', organisation: '吉林省社会保险事业管理局', file: 'headcounts.csv' },
  {
    province: '22',
    domain: 'insuredPersons',
    organisation: '吉林省社会保险事业管理局',
    file: 'insuredPersons.csv',
  },
  { province: '22', domain: 'injuries', organisation: '吉林省人力资源和社会保障厅', file: 'injuries.csv' },
  { province: '22', domain: 'accidents', organisation: '吉林省应急管理厅', file: 'accidents.csv' },
  { province: '22', domain: 'diseases', organisation: '吉林省卫生健康委员会', file: 'diseases.csv' },
  { province: '22', domain: 'fund', organisation: '吉林省社会保险事业管理局', file: 'fund.csv' },
];

/** Region of a data line: the jurisdiction column, or the credit code's region digits (headcounts). */
function regionOf(domain: Domain, cells: string[]): string {
  if (domain === 'headcounts' || domain === 'insuredPersons') return (cells[0] ?? '').slice(2, 8);
  if (domain === 'fund') return cells[0] ?? '';
  return cells[2] ?? '';
}

/** Copies the lines of `source` whose region lies in `province` (the generator writes no quoted commas in these columns). */
async function splitByProvince(source: string, target: string, domain: Domain, province: string) {
  const out = createWriteStream(target);
  let isHeader = true;
  for await (const line of createInterface({ input: createReadStream(source) })) {
    if (isHeader || regionOf(domain, line.split(',')).startsWith(province)) {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }
    isHeader = false;
  }
  out.end();
  await once(out, 'finish');
}

/**
 * Demo mode only: the demo-scale synthetic data set, submitted by each province's member
 * departments through the real import pipeline, so a new user sees batches, rates and ledgers at once.
 */
export async function seedDemoExchangeData(
  database: Database,
  /** The present the data run up to (tests pin it); the generator reads the clock when absent. */
  now?: Date,
): Promise<boolean> {
  const { db } = database;
  return runSeedOnce(db, 'demo-exchange:v1', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yufang-demo-'));
    try {
      await generateDataset({ scale: 'demo', seed: 2026, outDir: dir, now });
      const runtime = { database, config: { uploadDir: dir }, queue: new JobQueue(() => undefined) };
      for (const [index, s] of SUBMITTERS.entries()) {
        const [org] = await db
          .select({ id: organisations.id, jurisdictionId: organisations.jurisdictionId })
          .from(organisations)
          .where(eq(organisations.name, s.organisation));
        const [province] = await db
          .select({ id: jurisdictions.id })
          .from(jurisdictions)
          .where(eq(jurisdictions.code, `${s.province}0000`));
        if (!org || !province) throw new Error(`demo exchange: ${s.organisation} is not loaded`);
        const file = path.join(dir, `part-${index}.csv`);
        await splitByProvince(path.join(dir, s.file), file, s.domain, s.province);
        const [batch] = await db
          .insert(exchangeBatches)
          .values({
            domain: s.domain,
            organisationId: org.id,
            jurisdictionId: province.id,
            submittedBy: 'demo-seed',
            channel: 'api',
            fileName: `demo-${s.file.replace('/', '-')}`,
            format: 'csv',
            encoding: 'utf-8',
            fileBytes: 0,
            sha256: `demo-${s.province}-${index}`,
            status: 'queued',
          })
          .returning({ id: exchangeBatches.id });
        if (!batch) throw new Error('demo exchange: batch insert failed');
        await runImport(runtime, batch.id, file);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
