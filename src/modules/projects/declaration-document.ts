import type { z } from 'zod';
import {
  chineseNumber,
  type DocumentBlock,
  type OfficialDocument,
} from '../../platform/documents/official-document.js';
import { today } from '../../platform/time.js';
import type { ZProjectDetail } from './projects.schema.js';

type ProjectDetail = z.infer<typeof ZProjectDetail>;

const TYPE_ZH = { publicity: '宣传类', training: '培训类' } as const;
const PERFORMANCE_ZH = {
  satisfactionPct: ['服务对象满意度', '%'],
  passRatePct: ['培训考核合格率', '%'],
  injuryRateChangePct: ['参训单位工伤发生率较前三年变化', '%'],
} as const;

/** Fen as yuan with two decimals and thousands separators: 500000 → 5,000.00. */
export function formatYuanOfFen(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * The project 申报书 (PP-2; issue 19 item 5) as an official document: the applicant's declaration
 * to the HRSS department of the jurisdiction, on the standard template's parts — basic facts, the
 * content, the budget line by line against the payment standard (PP-11) with any reason for a
 * price above it, and the performance targets (PP-10). Built from the project as the reader may
 * see it, so nothing sealed is printed.
 */
export function describeDeclarationDocument(project: ProjectDetail): OfficialDocument {
  const section = (n: number, text: string): DocumentBlock => ({
    kind: 'heading',
    text: `${chineseNumber(n)}、${text}`,
  });
  const lines = project.budgetLines;
  const blocks: DocumentBlock[] = [
    section(1, '项目基本情况'),
    {
      kind: 'table',
      rows: [
        ['项目名称', project.title],
        ['申报单位', project.applicant.name],
        ['项目类别', TYPE_ZH[project.type]],
        ['重点领域', project.keyField],
        ['行业门类', project.industryCode ?? '—'],
        ['申报年度', `${project.year}年`],
        ['申报金额（元）', formatYuanOfFen(project.requestedFen)],
      ],
    },
    section(2, '项目内容'),
    ...project.summary
      .split(/\n+/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .map((text) => ({ kind: 'paragraph' as const, text })),
    section(3, '预算明细'),
    {
      kind: 'table',
      header: ['序号', '支出项目', '数量', '标准单价（元）', '金额（元）', '超标准说明'],
      rows: [
        ...lines.map((line, i) => [
          i + 1,
          line.item,
          line.quantity ?? '—',
          line.unitPriceFen === undefined ? '—' : formatYuanOfFen(line.unitPriceFen),
          formatYuanOfFen(line.amountFen),
          line.overStandardReason ?? '',
        ]),
        ['合计', '', '', '', formatYuanOfFen(lines.reduce((sum, line) => sum + line.amountFen, 0)), ''],
      ],
    },
    section(4, '绩效目标'),
  ];
  const targets = Object.entries(PERFORMANCE_ZH).flatMap(([key, [label, unit]]) => {
    const value = project.performanceTargets[key as keyof typeof PERFORMANCE_ZH];
    return value === undefined ? [] : [[label, `${value}${unit}`]];
  });
  blocks.push(
    targets.length > 0
      ? { kind: 'table', header: ['指标', '目标值'], rows: targets }
      : { kind: 'paragraph', text: '未填写。' },
    section(5, '申报单位承诺'),
    {
      kind: 'paragraph',
      text: '本单位承诺所填报内容真实、准确、完整，项目资金专款专用，自觉接受人力资源社会保障、财政等部门的监督检查和绩效评价。',
    },
  );
  return {
    issuer: project.applicant.name,
    title: `${project.year}年度工伤预防项目申报书`,
    addressee: `${project.jurisdiction.name}人力资源和社会保障局`,
    blocks,
    signature: project.applicant.name,
    date: today(new Date(project.createdAt)),
  };
}
