/**
 * The small typesetting kit of the printable documents (检查通知书, 随机抽查情况记录表): A4 with the margins of the
 * official layout (GB/T 9704-2012 党政机关公文格式: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), Chinese fonts
 * (正文 仿宋_GB2312, 标题 宋体 bold, 小标题 黑体; Latin text and digits in Times New Roman), and a font table that
 * names a fallback for each Chinese font (`w:altName`, charset GB2312, PANOSE), so Word and LibreOffice pick 仿宋 /
 * SimSun / SimHei on a machine without the GB2312-era fonts instead of a Latin font.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';

export const FANGSONG = '仿宋_GB2312';
export const SONG = '宋体';
export const HEI = '黑体';
const LATIN = 'Times New Roman';

/** Font sizes in half-points, by their Chinese names. */
export const SIZE = { er: 44, san: 32, si: 28, xiaosi: 24, wu: 21 } as const;

/** A4 in twips, and the width between the margins (210 mm − 28 mm − 26 mm = 156 mm). */
const MM = 1440 / 25.4;
export const TEXT_WIDTH = Math.round(156 * MM);

/**
 * The font table written into `word/fontTable.xml`: each Chinese font with a fallback Word takes when the font is
 * missing (altName) and the data (PANOSE, GB2312 charset, pitch) LibreOffice and Word use to find a similar one.
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="${FANGSONG}"><w:altName w:val="仿宋"/><w:panose1 w:val="02010609030101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="仿宋"><w:altName w:val="FangSong"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="${SONG}"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="${HEI}"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="${LATIN}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
</w:fonts>`;

export interface RunStyle {
  readonly font?: string;
  readonly size?: number;
  readonly bold?: boolean;
  readonly underline?: boolean;
}

/** A run of text in a Chinese font (Latin letters and digits in Times New Roman), marked as zh-CN. */
export function run(text: string, style: RunStyle = {}): TextRun {
  // Typed apart: TextRun also takes a plain string, whose String.prototype.bold lint would see here.
  const options: IRunOptions = {
    text,
    font: { eastAsia: style.font ?? FANGSONG, ascii: LATIN, hAnsi: LATIN, cs: LATIN },
    language: { eastAsia: 'zh-CN' },
    size: style.size,
    bold: style.bold,
    underline: style.underline === true ? {} : undefined,
  };
  return new TextRun(options);
}

export interface ParagraphStyle extends RunStyle {
  readonly align?: 'left' | 'center' | 'right' | 'both';
  /** First-line indent in characters (公文正文: 2). */
  readonly indentChars?: number;
  readonly before?: number;
  readonly after?: number;
  /** Fixed line height in twips (公文: 28.95 pt ≈ 579); auto when absent. */
  readonly line?: number;
  readonly keepNext?: boolean;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.BOTH,
} as const;

/** A paragraph of one or more runs (a string is one run in the paragraph's style). */
export function para(content: string | readonly TextRun[], style: ParagraphStyle = {}): Paragraph {
  const size = style.size ?? SIZE.san;
  return new Paragraph({
    children: typeof content === 'string' ? [run(content, style)] : [...content],
    alignment: ALIGN[style.align ?? 'both'],
    spacing: {
      before: style.before ?? 0,
      after: style.after ?? 0,
      ...(style.line === undefined ? {} : { line: style.line, lineRule: LineRuleType.EXACT }),
    },
    ...(style.indentChars === undefined
      ? {}
      : { indent: { firstLine: Math.round(style.indentChars * size * 10) } }),
    ...(style.keepNext === true ? { keepNext: true } : {}),
  });
}

export interface CellStyle extends ParagraphStyle {
  readonly span?: number;
  readonly width?: number;
  readonly shade?: boolean;
  readonly rowSpanStart?: boolean;
}

/** A table cell holding paragraphs (a string may hold several lines separated by `\n`). */
export function cell(content: string | readonly Paragraph[], style: CellStyle = {}): TableCell {
  const paragraphStyle: ParagraphStyle = { size: SIZE.xiaosi, align: 'left', ...style };
  const children =
    typeof content === 'string'
      ? content.split('\n').map((line) => para(line, paragraphStyle))
      : [...content];
  return new TableCell({
    children: children.length > 0 ? children : [para('', paragraphStyle)],
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(style.span === undefined ? {} : { columnSpan: style.span }),
    ...(style.width === undefined ? {} : { width: { size: style.width, type: WidthType.DXA } }),
    ...(style.shade === true ? { shading: { fill: 'F2F2F2', type: 'clear', color: 'auto' } } : {}),
  });
}

/** A table over the text width; `widths` are the grid columns in twips (scaled to the text width). */
export function table(
  widths: readonly number[],
  rows: readonly (readonly TableCell[])[],
  options: { headerRows?: number } = {},
): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const scaled = widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: scaled,
    rows: rows.map(
      (cells, i) =>
        new TableRow({
          children: [...cells],
          cantSplit: true,
          ...(i < (options.headerRows ?? 0) ? { tableHeader: true } : {}),
        }),
    ),
  });
}

/** `2023-07-10` → `2023年7月10日` (GB/T 9704-2012 §7.3.5.4: Arabic numerals, no leading zeros). */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y ?? ''}年${String(Number(m))}月${String(Number(d))}日`;
}

/** The document: A4, official margins, 仿宋_GB2312 三号 by default, page numbers centred at the foot. */
export function makeDocument(
  meta: { title: string; subject: string },
  children: ISectionOptions['children'],
) {
  return new Document({
    title: meta.title,
    subject: meta.subject,
    creator: 'shuangsuiji 双随机',
    styles: {
      default: {
        document: {
          run: {
            font: { eastAsia: FANGSONG, ascii: LATIN, hAnsi: LATIN, cs: LATIN },
            size: SIZE.san,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
              footer: Math.round(20 * MM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: { eastAsia: SONG, ascii: LATIN, hAnsi: LATIN },
                    size: SIZE.si,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** The .docx bytes, with the font table of fallbacks. */
export async function packDocument(doc: Document): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
  return new Uint8Array(buffer);
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
