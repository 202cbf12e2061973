/**
 * Fails when the Drizzle tables and the committed migrations disagree: runs drizzle-kit generate
 * into a scratch copy of migrations/ and requires its "No schema changes" answer.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// drizzle-kit wants a path relative to the project.
fs.mkdirSync('.tmp', { recursive: true });
const scratch = path.relative(process.cwd(), fs.mkdtempSync(path.join('.tmp', 'migrations-check-')));
fs.cpSync('migrations', scratch, { recursive: true });
const before = new Set(fs.readdirSync(scratch));
const output = execFileSync(
  'npx',
  [
    'drizzle-kit',
    'generate',
    '--dialect',
    'postgresql',
    '--schema',
    './src/**/*.tables.ts',
    '--out',
    scratch,
  ],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
);
const added = fs.readdirSync(scratch).filter((f) => !before.has(f));
fs.rmSync(scratch, { recursive: true, force: true });
// drizzle-kit can print an error and still exit 0: require its positive answer.
if (added.length > 0 || !output.includes('No schema changes')) {
  console.error(`The tables changed without a migration (drizzle-kit would add ${added.join(', ')}).`);
  console.error('Run `npm run db:generate -- --name <verb>_<noun>` and commit the migration.');
  console.error(output);
  process.exit(1);
}
console.log('Migrations are up to date with the tables.');
