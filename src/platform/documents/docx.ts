/**
 * The DOCX rendering of an official document (official-document.ts), for editing in WPS or Word:
 * the same parts and measures, with the standard's font names (方正小标宋简体 title, 仿宋_GB2312 body,
 * 黑体 headings) that WPS resolves on a government desktop. Built with `docx` (decision 0034).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  type DocumentBlock,
  formatDocumentDate,
  issuerSizePt,
  LAYOUT,
  type OfficialDocument,
} from './official-document.js';

const TWIPS_PER_MM = 56.6929;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
/** docx sizes are half-points. */
const half = (pt: number) => pt * 2;
const RED = LAYOUT.red.slice(1);
const FONT = {
  title: { eastAsia: '方正小标宋简体', ascii: '方正小标宋简体', hAnsi: '方正小标宋简体' },
  body: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  heading: { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
};
/** Exactly 28.95 pt per line: 22 lines on the page (twentieths of a point). */
const LINE = { line: Math.round(LAYOUT.lineHeightPt * 20), lineRule: LineRuleType.EXACT };
const INDENT_2_CHARS = { firstLine: half(LAYOUT.bodyPt) * 20 };

const body = (
  text: string,
  options: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) =>
  new Paragraph({
    spacing: LINE,
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    ...(options.indent === false ? {} : { indent: INDENT_2_CHARS }),
    children: [new TextRun({ text, font: FONT.body, size: half(LAYOUT.bodyPt) })],
  });
const blank = () => body('', { indent: false });

function blockParagraphs(block: DocumentBlock): (Paragraph | Table)[] {
  if (block.kind === 'heading')
    return [
      new Paragraph({
        spacing: LINE,
        indent: INDENT_2_CHARS,
        children: [new TextRun({ text: block.text, font: FONT.heading, size: half(LAYOUT.bodyPt) })],
      }),
    ];
  if (block.kind === 'paragraph')
    return block.text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => body(line));
  const cell = (text: string, isHeader: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          children: [new TextRun({ text, font: isHeader ? FONT.heading : FONT.body, size: half(14) })],
        }),
      ],
    });
  const rows = [
    ...(block.header
      ? [new TableRow({ tableHeader: true, children: block.header.map((h) => cell(h, true)) })]
      : []),
    ...block.rows.map((row) => new TableRow({ children: row.map((c) => cell(String(c), false)) })),
  ];
  return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })];
}

/** The document as a .docx file. */
export async function renderOfficialDocumentDocx(doc: OfficialDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({ text: doc.issuer, font: FONT.title, size: half(issuerSizePt(doc.issuer)), color: RED }),
      ],
    }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: LINE,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
      children: [new TextRun({ text: doc.docNumber ?? '', font: FONT.body, size: half(LAYOUT.bodyPt) })],
    }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: doc.title, font: FONT.title, size: half(LAYOUT.titlePt) })],
    }),
    blank(),
  ];
  if (doc.addressee) children.push(body(`${doc.addressee}：`, { indent: false, align: AlignmentType.LEFT }));
  for (const block of doc.blocks) children.push(...blockParagraphs(block));
  if (doc.attachments?.length) {
    children.push(blank());
    doc.attachments.forEach((name, i) => {
      const many = (doc.attachments?.length ?? 0) > 1;
      children.push(body(`${i === 0 ? '附件：' : '　　　'}${many ? `${i + 1}. ` : ''}${name}`));
    });
  }
  children.push(blank(), blank());
  children.push(body(doc.signature, { indent: false, align: AlignmentType.RIGHT }));
  children.push(body(formatDocumentDate(doc.date), { indent: false, align: AlignmentType.RIGHT }));
  if (doc.copyTo || doc.printedBy) {
    children.push(blank());
    const line = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
    if (doc.copyTo)
      children.push(
        new Paragraph({
          border: { top: line, bottom: line },
          children: [new TextRun({ text: `抄送：${doc.copyTo}`, font: FONT.body, size: half(14) })],
        }),
      );
    if (doc.printedBy)
      children.push(
        new Paragraph({
          border: { bottom: line },
          children: [
            new TextRun({
              text: `${doc.printedBy}　　　　${formatDocumentDate(doc.printedOn ?? doc.date)}印发`,
              font: FONT.body,
              size: half(14),
            }),
          ],
        }),
      );
  }
  const document = new Document({
    creator: doc.signature,
    title: doc.title,
    styles: { default: { document: { run: { font: FONT.body, size: half(LAYOUT.bodyPt) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(210), height: twips(297) },
            margin: {
              top: twips(LAYOUT.marginTopMm),
              bottom: twips(LAYOUT.marginBottomMm),
              left: twips(LAYOUT.marginLeftMm),
              right: twips(LAYOUT.marginRightMm),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
