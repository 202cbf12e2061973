import { DEPARTMENT_NAMES_ZH } from '../organisations/organisations.tables.js';
import { DOMAINS, FORMATS } from './formats.js';

const TYPE_NAMES: Record<string, string> = {
  text: 'text',
  credit_code: '统一社会信用代码',
  jurisdiction: 'jurisdiction code',
  industry: 'GB/T 4754 code',
  id_number: '身份证号',
  date: 'date YYYY-MM-DD',
  year: 'year YYYY',
  count: 'whole number ≥ 0',
  yuan: 'yuan, ≤ 2 decimals',
  fen: 'fen (integer)',
  decimal: 'number, 1 decimal',
  enum: 'code',
};

const DEPARTMENT_NAMES: Record<string, string> = DEPARTMENT_NAMES_ZH;

/** docs/exchange-formats.md, generated from formats.ts (`npm run openapi` writes it, CI checks it). */
export function renderFormatsDoc(): string {
  const lines = [
    '# Exchange formats (DX-1)',
    '',
    'Generated from `src/modules/exchange/formats.ts` by `npm run openapi`: do not edit by hand.',
    '',
    'One file per data domain. CSV in UTF-8, UTF-8 with BOM or GBK (detected), or XLSX (first',
    'worksheet); the first row is the header. A header may be the Chinese name, the English name or',
    'the key of a column, in any order; unknown columns are ignored. JSON rows for',
    '`POST /api/exchange/batches/json` use the same names. Rows whose key (“record key”) matches an',
    'existing record correct it; a batch submitted with `supersedes` replaces an earlier batch.',
    '',
    '## What an import refuses (docs/decisions/0013)',
    '',
    '- **Damaged text**: the whole file is decoded strictly. A byte sequence invalid in the file’s',
    '  encoding fails the batch naming the first bad line; nothing is imported. A file that starts in',
    '  ASCII and turns out to be GBK further down is read as GBK.',
    '- **Quotes**: a quote inside an unquoted cell (`张"三`) rejects only its own line; a quote that is',
    '  never closed fails the batch naming the line where it opened.',
    '- **The template’s example row** (all its cells equal to the template’s example, or a first cell',
    '  starting with `示例` or `#example`) is skipped with a warning, not imported.',
    '- **Cells as other systems write them**: XLSX date cells and date serials in date columns, dates',
    '  as `2025年3月14日` or with a midnight time (`2025-03-14 00:00:00`), numbers where text is',
    '  expected (a case number typed as a number). A long number stored as a number (an 身份证号) has',
    '  lost its last digits: the row is rejected. Industry codes may carry their section letter',
    '  (`C3311` is read as `3311` when C is the section of division 33).',
    '- **Implausible rows** (per jurisdiction, setting `exchange.plausibility`, nearest ancestor',
    '  wins): an injury before birth is rejected; an age at the injury outside 16–75 and a date of',
    '  an injury, accident or diagnosis before 1990-01-01 are rejected by default, or only warned about.',
    '- **A second death** of one 身份证号 (any batch, except the rows a correction replaces) is',
    '  rejected naming the earlier case number.',
    '- **A correction that removes more than 50 %** (setting `exchange.correction`) of the corrected',
    '  batch’s rows fails with the numbers unless submitted with `confirmRemoval=true`.',
    '- **The same file submitted twice at once** makes one batch; the others answer with it.',
    '',
    'Cell contents in batch errors, rejection reasons and the rejected-rows file are shown to the',
    'submitting unit and HRSS (`personal-data:view`) only; other officers of the area see the reasons',
    'without the cells.',
    'Every CSV the product writes for people neutralises formula cells: text starting with `=`, `+`,',
    "`-`, `@`, a tab or a carriage return gets a leading `'` (numbers stay numbers).",
    '',
  ];
  for (const domain of DOMAINS) {
    const f = FORMATS[domain];
    const keyNames = f.naturalKey.map((k) => f.columns.find((c) => c.key === k)?.zh ?? k).join(' + ');
    lines.push(`## ${f.zh} — ${f.en} (\`${domain}\`)`, '');
    lines.push(
      `Submitted by: ${f.submitters.map((s) => DEPARTMENT_NAMES[s] ?? s).join('、')}. Record key: ${keyNames}.`,
      '',
    );
    lines.push(
      '| 列名 | column | type | required | code table / rule | example |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const c of f.columns) {
      lines.push(
        `| ${c.zh} | \`${c.en}\` | ${TYPE_NAMES[c.type] ?? c.type} | ${c.required ? 'yes' : 'no'} | ${(c.codeTable ?? c.description).replaceAll('|', '\\|')} | ${c.example} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
