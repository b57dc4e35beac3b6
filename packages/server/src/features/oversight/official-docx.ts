/**
 * An official document (公文) as .docx, laid out after GB/T 9704-2012 as far as a generated file can: A4, margins
 * 37/35/28/26 mm, the issuing office in red over a red rule (版头), the document number (发文字号) centred above
 * the rule, the title in 22 pt (二号) bold, the body in 16 pt (三号) FangSong with a two-character first-line
 * indent and fixed 28 pt lines, headings in HeiTi, the issuer and date at the right; annex tables on landscape
 * pages, red and yellow rows shaded. Fonts fall back to whatever Song/FangSong/Hei the reader has.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';

export interface DocxParagraph {
  readonly kind: 'heading' | 'text';
  readonly text: string;
}

export interface DocxTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly highlight?: readonly ('red' | 'yellow' | null)[];
  /** Relative column widths (default equal). */
  readonly widths?: readonly number[];
}

export interface OfficialDocument {
  /** The issuing office, printed in red at the top (版头). */
  readonly issuer: string;
  /** 发文字号, e.g. 晋城市双随机办〔2023〕3号; null for none. */
  readonly number: string | null;
  readonly title: string;
  /** 主送机关 line; null for none. */
  readonly recipients: string | null;
  readonly body: readonly DocxParagraph[];
  /** The signature block at the right: issuer and date text. */
  readonly signature: string;
  readonly dateText: string;
  readonly tables: readonly DocxTable[];
}

const MM = 56.7; // twips per millimetre
const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'SimSun' };
const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'FangSong', cs: 'FangSong' };
const HEI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimHei', cs: 'SimHei' };
const RED = 'C00000';
const BODY_SIZE = 32; // half-points: 16 pt, 三号
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt

/** A run from typed options (TextRun also takes a bare string, which confuses property lookups). */
function run(options: IRunOptions): TextRun {
  return new TextRun(options);
}

function bodyParagraph(p: DocxParagraph): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    children: [run({ text: p.text, font: p.kind === 'heading' ? HEI : FANGSONG, size: BODY_SIZE })],
  });
}

function cellParagraph(text: string, bold: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [run({ text, bold, font: SONG, size: 20 })],
  });
}

function buildTable(table: DocxTable): Table {
  const widths = table.widths ?? table.header.map(() => 1);
  const total = widths.reduce((a, w) => a + w, 0);
  const percent = (i: number) => Math.max(1, Math.round(((widths[i] ?? 1) / total) * 100));
  const header = new TableRow({
    tableHeader: true,
    children: table.header.map(
      (h, i) =>
        new TableCell({
          width: { size: percent(i), type: WidthType.PERCENTAGE },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' },
          children: [cellParagraph(h, true)],
        }),
    ),
  });
  const rows = table.rows.map((row, r) => {
    const colour = table.highlight?.[r] ?? null;
    const fill = colour === 'red' ? 'FFCCCC' : colour === 'yellow' ? 'FFF2CC' : null;
    return new TableRow({
      cantSplit: true,
      children: row.map(
        (value, i) =>
          new TableCell({
            width: { size: percent(i), type: WidthType.PERCENTAGE },
            ...(fill === null ? {} : { shading: { type: ShadingType.CLEAR, color: 'auto', fill } }),
            children: [cellParagraph(value, false)],
          }),
      ),
    });
  });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

const PORTRAIT = { width: 210 * MM, height: 297 * MM };
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };

/** Renders the document (see the module comment). */
export async function renderOfficialDocx(doc: OfficialDocument): Promise<Uint8Array> {
  const head: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run({ text: doc.issuer, font: SONG, size: 44, bold: true, color: RED })],
    }),
  ];
  head.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } },
      children: [run({ text: doc.number ?? '', font: FANGSONG, size: BODY_SIZE })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 480, after: 480, line: 700, lineRule: LineRuleType.EXACT },
      children: [run({ text: doc.title, font: SONG, size: 44, bold: true })],
    }),
  );
  if (doc.recipients !== null) {
    head.push(
      new Paragraph({
        spacing: LINE,
        children: [run({ text: doc.recipients, font: FANGSONG, size: BODY_SIZE })],
      }),
    );
  }
  const signature = [
    new Paragraph({ spacing: { before: 600, ...LINE }, children: [] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      indent: { right: 640 },
      children: [run({ text: doc.signature, font: FANGSONG, size: BODY_SIZE })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      indent: { right: 1280 },
      children: [run({ text: doc.dateText, font: FANGSONG, size: BODY_SIZE })],
    }),
  ];
  const sections: ISectionOptions[] = [
    {
      properties: { page: { size: PORTRAIT, margin: MARGIN } },
      children: [...head, ...doc.body.map(bodyParagraph), ...signature],
    },
  ];
  for (const table of doc.tables) {
    sections.push({
      properties: {
        page: {
          size: { ...PORTRAIT, orientation: PageOrientation.LANDSCAPE },
          margin: { top: 25 * MM, bottom: 25 * MM, left: 25 * MM, right: 25 * MM },
        },
      },
      children: [
        new Paragraph({
          spacing: { after: 240 },
          children: [run({ text: table.title, font: HEI, size: BODY_SIZE })],
        }),
        buildTable(table),
      ],
    });
  }
  const document = new Document({
    creator: 'shuangsuiji',
    title: doc.title,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY_SIZE } } } },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
