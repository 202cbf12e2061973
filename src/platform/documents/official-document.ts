/**
 * 公文 (official documents) in the layout of GB/T 9704-2012 《党政机关公文格式》: 版头 (发文机关标志 in
 * red, 发文字号, the red separator), 主体 (标题, 主送机关, 正文, 附件说明, 发文机关署名, 成文日期) and
 * 版记 (抄送, 印发机关和印发日期), on A4 with the standard's margins and type sizes. One model, three
 * renderings: HTML (to print, and the source of the PDF), PDF (Chromium's print-to-PDF, pdf.ts) and
 * DOCX for editing in WPS or Word (docx.ts). Decision 0034.
 */

/** A block of the body, in order. */
export type DocumentBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header?: string[]; rows: (string | number)[][] };

export interface OfficialDocument {
  /** 发文机关标志, e.g. 宁德市工伤预防工作联席会议办公室. */
  issuer: string;
  /** 发文字号, e.g. 宁工伤预防办〔2026〕3号; omitted when none is assigned yet. */
  docNumber?: string;
  /** 标题. */
  title: string;
  /** 主送机关, e.g. 福建省工伤预防工作联席会议办公室. */
  addressee?: string;
  blocks: DocumentBlock[];
  /** 附件说明: names of attachments. */
  attachments?: string[];
  /** 发文机关署名. */
  signature: string;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  /** 抄送机关. */
  copyTo?: string;
  /** 印发机关 (the 印发日期 is the date above unless given). */
  printedBy?: string;
  printedOn?: string;
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 一 … 九十九, for section numbers (一、二、… 十一、) and sub-items (（一）). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_NUMERALS[tens - 1]}十${ones ? CHINESE_NUMERALS[ones - 1] : ''}`;
}

/** The office of a jurisdiction's joint meeting, which issues its notices, minutes and reports. */
export const jointMeetingOfficeOf = (jurisdictionName: string) =>
  `${jurisdictionName}工伤预防工作联席会议办公室`;

/** GB/T 9704 §7.2.2/§7.3.5: dates in Arabic numerals, no leading zeros: 2026年12月7日. */
export function formatDocumentDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/**
 * The 发文机关标志's type size: as large as 36 pt, small enough that the name fits on one line of
 * the 156 mm type area (about 442 pt, with room for the 0.05 em letter spacing and the glyphs' side bearings).
 */
export function issuerSizePt(issuer: string): number {
  return Math.min(LAYOUT.issuerPt, Math.floor(400 / (Array.from(issuer).length * 1.1)));
}

/** The standard's measures (§5.2.1 page margins in mm; §5.2.2 type sizes in pt: 二号 22, 三号 16). */
export const LAYOUT = {
  marginTopMm: 37,
  marginBottomMm: 35,
  marginLeftMm: 28,
  marginRightMm: 26,
  titlePt: 22,
  bodyPt: 16,
  /** 发文机关标志: large red type; the standard leaves the size to the issuer within the type area. */
  issuerPt: 36,
  /** 22 lines of 28 characters per page: 16 pt type on a 28.95 pt line. */
  lineHeightPt: 28.95,
  red: '#E60012',
  fonts: {
    title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "Source Han Serif SC", serif',
    body: '"仿宋_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC", "Source Han Serif SC", serif',
    heading: '"黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
  },
} as const;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function blockHtml(block: DocumentBlock): string {
  if (block.kind === 'heading') return `<h2>${escapeHtml(block.text)}</h2>`;
  if (block.kind === 'paragraph')
    return block.text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('');
  const head = block.header
    ? `<thead><tr>${block.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`
    : '';
  const body = block.rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`)
    .join('');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

/** The document as one self-contained HTML page laid out for A4 printing. */
export function renderOfficialDocumentHtml(doc: OfficialDocument): string {
  const L = LAYOUT;
  const attachments = doc.attachments?.length
    ? `<div class="attachments">${doc.attachments
        .map(
          (a, i) =>
            `<p>${i === 0 ? '附件：' : '<span class="pad">附件：</span>'}${doc.attachments && doc.attachments.length > 1 ? `${i + 1}. ` : ''}${escapeHtml(a)}</p>`,
        )
        .join('')}</div>`
    : '';
  const record =
    doc.copyTo || doc.printedBy
      ? `<div class="record">${doc.copyTo ? `<p>抄送：${escapeHtml(doc.copyTo)}</p>` : ''}${
          doc.printedBy
            ? `<p class="printed"><span>${escapeHtml(doc.printedBy)}</span><span>${formatDocumentDate(doc.printedOn ?? doc.date)}印发</span></p>`
            : ''
        }</div>`
      : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>
<style>
@page { size: A4; margin: ${L.marginTopMm}mm ${L.marginRightMm}mm ${L.marginBottomMm}mm ${L.marginLeftMm}mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 156mm; font-family: ${L.fonts.body}; font-size: ${L.bodyPt}pt; line-height: ${L.lineHeightPt}pt; color: #000; }
@media screen { body { padding: 2em 1em; } }
.issuer { font-family: ${L.fonts.title}; color: ${L.red}; font-size: ${issuerSizePt(doc.issuer)}pt; white-space: nowrap; line-height: 1.2; text-align: center; letter-spacing: 0.05em; margin: 0; }
.number { text-align: center; margin: ${L.lineHeightPt * 2}pt 0 4mm; }
.rule { border: 0; border-top: 2px solid ${L.red}; margin: 0 0 ${L.lineHeightPt * 2}pt; }
h1 { font-family: ${L.fonts.title}; font-size: ${L.titlePt}pt; font-weight: normal; line-height: 1.5; text-align: center; margin: 0 0 ${L.lineHeightPt}pt; }
.addressee { margin: 0; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.addressee, .attachments p, .record p { text-indent: 0; }
h2 { font-family: ${L.fonts.heading}; font-size: ${L.bodyPt}pt; font-weight: normal; margin: 0; text-indent: 2em; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 14pt; line-height: 1.5; }
th, td { border: 1px solid #000; padding: 2pt 6pt; text-align: left; vertical-align: top; }
th { font-family: ${L.fonts.heading}; font-weight: normal; }
.attachments { margin-top: ${L.lineHeightPt}pt; padding-left: 2em; }
.attachments .pad { visibility: hidden; }
.signature { margin-top: ${L.lineHeightPt * 2}pt; text-align: right; padding-right: 4em; }
.signature p { text-indent: 0; text-align: right; }
.record { margin-top: ${L.lineHeightPt * 2}pt; border-top: 1px solid #000; border-bottom: 1px solid #000; font-size: 14pt; }
.record p { padding: 0 1em; }
.record p + p { border-top: 1px solid #000; }
.printed { display: flex; justify-content: space-between; }
</style></head>
<body>
<header><p class="issuer">${escapeHtml(doc.issuer)}</p>
${doc.docNumber ? `<p class="number">${escapeHtml(doc.docNumber)}</p>` : '<p class="number">&nbsp;</p>'}
<hr class="rule"></header>
<main><h1>${escapeHtml(doc.title)}</h1>
${doc.addressee ? `<p class="addressee">${escapeHtml(doc.addressee)}：</p>` : ''}
${doc.blocks.map(blockHtml).join('\n')}
${attachments}
<div class="signature"><p>${escapeHtml(doc.signature)}</p><p>${formatDocumentDate(doc.date)}</p></div>
</main>
${record}
</body></html>`;
}
