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

const DEPARTMENT_NAMES: Record<string, string> = {
  hrss: '人社',
  social_insurance: '社保经办',
  emergency: '应急',
  health: '卫健',
};

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
