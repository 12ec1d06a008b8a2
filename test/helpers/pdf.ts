/**
 * PDFs for the tests, made with pdfkit and a CJK font embedded (Noto Sans SC, OFL, from
 * @fontsource-variable/noto-sans-sc: subsets of about 40 KB by Unicode range, each registered
 * when a character of its range is first written): a report set as a 公文 is printed, each
 * paragraph with a first-line indent of two characters, lines filled to the right margin, a
 * blank line left as a gap, a running header on every page after the first and the page number
 * centred at its foot. Cells of a line with tabs are set at fixed columns.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import PDFDocument from 'pdfkit';

const FONT_DIR = join(__dirname, '..', '..', 'node_modules', '@fontsource-variable', 'noto-sans-sc');
const RANGES: [string, [number, number][]][] = Object.entries(JSON.parse(readFileSync(join(FONT_DIR, 'unicode.json'), 'utf8')) as Record<string, string>).map(([k, v]) => [
  k.replace(/[[\]]/g, ''),
  v.split(',').map((r) => {
    const [a, b] = r.trim().replace('U+', '').split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)] as [number, number];
  }),
]);
const subsetOf = (cp: number) => RANGES.find(([, rs]) => rs.some(([a, b]) => cp >= a && cp <= b))?.[0] ?? 'latin';

export interface PdfLayout {
  /** Points; A4 by default with the margins of GB/T 9704 in spirit. */
  size?: number;
  charsPerLine?: number;
  linesPerPage?: number;
  /** The running header of pages 2 onwards; none when ''. */
  header?: string;
  pageNumbers?: boolean;
  /** Encrypts the file with this password to open it. */
  password?: string;
  /**
   * One font file for every character (a .ttf, .otf or .ttc, with the face's name in a
   * collection), as a PDF exported by Word or WPS has one CJK font, instead of Noto Sans SC's
   * subsets; for benchmarks on a machine that has one (Debian's fonts-noto-cjk).
   */
  font?: { file: string; family?: string };
}

/** A report's text (one paragraph per line) as a printed PDF. */
export function reportPdf(text: string, layout: PdfLayout = {}): Promise<Buffer> {
  const size = layout.size ?? 16;
  const perLine = layout.charsPerLine ?? 28;
  const perPage = layout.linesPerPage ?? 22;
  const left = 80;
  const top = 100;
  const lineHeight = size * 1.75;
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, ...(layout.password ? { userPassword: layout.password, ownerPassword: layout.password } : {}) });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const registered = new Set<string>();
  const use = (key: string, sz: number) => {
    if (layout.font) key = 'one';
    if (!registered.has(key)) {
      if (layout.font) doc.registerFont(key, layout.font.file, layout.font.family);
      else doc.registerFont(key, readFileSync(join(FONT_DIR, 'files', `noto-sans-sc-${key}-wght-normal.woff2`)));
      registered.add(key);
    }
    return doc.font(key).fontSize(sz);
  };
  const widths = new Map<string, number>();
  /** Width of a character in ems, as the font sets it. */
  const em = (ch: string) => {
    let w = widths.get(ch);
    if (w === undefined) widths.set(ch, (w = use(subsetOf(ch.codePointAt(0)!), 100).widthOfString(ch) / 100));
    return w;
  };
  const write = (s: string, x: number, y: number, sz = size) => {
    let run = '';
    let key = '';
    const flush = () => {
      if (!run) return;
      use(key, sz).text(run, x, y, { lineBreak: false });
      x += doc.widthOfString(run);
      run = '';
    };
    for (const ch of s) {
      const k = layout.font ? 'one' : ch === ' ' ? key || 'latin' : subsetOf(ch.codePointAt(0)!);
      if (k !== key) {
        flush();
        key = k;
      }
      run += ch;
    }
    flush();
  };
  let page = 0;
  let row = perPage;
  const newPage = () => {
    doc.addPage();
    page++;
    row = 0;
    if (page > 1 && layout.header !== '') write(layout.header ?? '政府工作报告', left, top - lineHeight * 1.6, size * 0.75);
    if (layout.pageNumbers !== false) write(`— ${page} —`, left + (perLine * size) / 2 - size * 2, top + perPage * lineHeight + lineHeight, size * 0.75);
  };
  const put = (s: string, indent: number) => {
    if (row >= perPage) newPage();
    write(s, left + indent * size, top + row * lineHeight);
    row++;
  };
  for (const paragraph of text.replace(/\n$/, '').split('\n')) {
    if (!paragraph.trim()) {
      // (A blank line: a gap, at the top or foot of a page too.)
      if (row >= perPage) newPage();
      row++;
      continue;
    }
    if (paragraph.includes('\t')) {
      if (row >= perPage) newPage();
      paragraph.split('\t').forEach((cell, i) => write(cell, left + i * 8 * size, top + row * lineHeight));
      row++;
      continue;
    }
    // Lines filled to the margin: the first indented two characters.
    let line = '';
    let width = 2;
    let indent = 2;
    for (const ch of paragraph.trim()) {
      if (width + em(ch) > perLine + 0.01) {
        put(line, indent);
        line = '';
        width = 0;
        indent = 0;
      }
      line += ch;
      width += em(ch);
    }
    if (line) put(line, indent);
  }
  if (page === 0) newPage();
  doc.end();
  return done;
}

/**
 * A PDF whose CJK font is named, not embedded, on one of Adobe's predefined CMaps (STSong-Light on
 * UniGB-UCS2-H, each character's code its UCS-2 value), as iText and many older government systems
 * write Chinese PDFs: written by hand, one line of text per entry, 28 points apart.
 */
export function predefinedCMapPdf(lines: string[]): Buffer {
  const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = `BT /F1 16 Tf 72 760 Td ${lines.map((l, i) => `${i ? '0 -28 Td ' : ''}<${hex(l)}> Tj`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
