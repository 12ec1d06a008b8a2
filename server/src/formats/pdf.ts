/**
 * A .pdf's text layer as a reviewer reads the printed report: pages in order, each page's lines
 * top to bottom, the page furniture dropped (page numbers, running headers and footers met on
 * several pages), and lines joined into paragraphs by the layout a report is set in: a paragraph
 * opens with a first-line indent, or after a line that stops short of the right margin, or after
 * a gap (read as a blank line). The page breaks are known here, not guessed: the last paragraph of a page runs on into
 * the next when its last line is full and the next page's first line is not indented, and it is
 * joined (the notes count the joins). Cells of a table row stay on the row's line, set apart by tabs.
 *
 * Pure: the PDF is parsed by an engine handed in (`PdfEngine`, pdf.js through unpdf, loaded by
 * `io/pdfEngine.ts` only when a PDF is read); `layoutPdf` works on the positioned text alone.
 */
import type { LineOrigin, SourceRead } from './source';

/** A run of text on a page: its baseline's start (`x`, `y` from the page's bottom), its width and font size, in points. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** What `readPdf` needs of a PDF parser. */
export interface PdfEngine {
  /** Opens the document; throws an error named `PasswordException` or `InvalidPDFException` as pdf.js does. */
  open(bytes: Uint8Array): Promise<{ pages: number; page(n: number): Promise<PdfItem[]>; close(): Promise<void> }>;
}

/** The most pages read (a 1,000-page compilation is rare; past this the file is refused, not cut). */
export const MAX_PDF_PAGES = 3000;

const fail = (zh: string, en: string): SourceRead => ({ ok: false, message: `${zh} (${en})` });

/**
 * The reading of a PDF's bytes through `engine`; `pause` is awaited between pages (the server
 * lets the event loop answer the editor there: a page takes some 20 ms, a long PDF seconds).
 */
export async function readPdf(engine: PdfEngine, bytes: Uint8Array, pause: () => Promise<void> = async () => undefined): Promise<SourceRead> {
  let doc: Awaited<ReturnType<PdfEngine['open']>>;
  try {
    doc = await engine.open(bytes);
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'PasswordException') return fail('PDF 已加密：请先解除密码再检查，未检查', 'the PDF is encrypted: remove the password first; not checked');
    return fail(`PDF 文件已损坏或不是 PDF（${(err as Error)?.message ?? err}），未检查`, `the PDF is damaged or not a PDF (${(err as Error)?.message ?? err}); not checked`);
  }
  try {
    if (doc.pages > MAX_PDF_PAGES) {
      return fail(`PDF 有 ${doc.pages} 页，超过 ${MAX_PDF_PAGES} 页的上限，未检查`, `the PDF has ${doc.pages} pages, over the limit of ${MAX_PDF_PAGES}; not checked`);
    }
    const pages: PdfItem[][] = [];
    for (let n = 1; n <= doc.pages; n++) {
      pages.push(await doc.page(n));
      await pause();
    }
    return layoutPdf(pages);
  } catch (err) {
    return fail(`PDF 读取失败（${(err as Error)?.message ?? err}），未检查`, `the PDF could not be read (${(err as Error)?.message ?? err}); not checked`);
  } finally {
    await doc.close().catch(() => undefined);
  }
}

interface Line {
  page: number;
  /** 1-based, counting every line of the page as printed (its header and page number too). */
  line: number;
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** A character narrower than a Chinese one: Latin letters, digits, ASCII marks. */
const NARROW = /[!-~]/;

/** The page's items as lines, top to bottom; each line's items left to right. */
function pageLines(items: PdfItem[], page: number): Line[] {
  const sorted = items.filter((i) => i.str.length > 0 && Number.isFinite(i.x) && Number.isFinite(i.y)).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    const size = it.size > 0 ? it.size : 10;
    if (row && Math.abs(row[0].y - it.y) <= size * 0.4) row.push(it);
    else rows.push([it]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let x0 = Infinity;
    let x1 = -Infinity;
    const sizes: number[] = [];
    for (const it of row) {
      const size = it.size > 0 ? it.size : 10;
      if (!it.str.trim()) {
        // (A run of spaces only: a gap, read as its width says below.)
        continue;
      }
      const gap = it.x - end;
      if (text && gap > size * 1.5) text += '\t';
      // (A space where a gap parts two runs and one side is not a wide character: "- 健康", "GDP 增长";
      // between two Chinese characters a gap is the justification's, never a space.)
      else if (text && gap > size * 0.2 && (NARROW.test(text[text.length - 1]) || NARROW.test(it.str.trimStart()[0] ?? ''))) text += ' ';
      // (A CR or line separator in a run would end a line of the text read: a space.)
      // (A glyph pdf.js could not map to a character comes as U+0000: the replacement character, seen.)
      const str = it.str.replace(/[\r\n\u2028\u2029\u0085]/g, ' ').replace(/\u0000/g, '\uFFFD');
      text += text ? str : str.trimStart();
      end = it.x + it.width;
      x0 = Math.min(x0, it.x);
      x1 = Math.max(x1, end);
      sizes.push(size);
    }
    text = text.trimEnd();
    if (!text) continue;
    sizes.sort((a, b) => a - b);
    lines.push({ page, line: lines.length + 1, text, x0, x1, y: row[0].y, size: sizes[sizes.length >> 1] });
  }
  return lines;
}

/** A page number as printed: "— 12 —", "-3-", "12", "第 3 页", "第3页 共20页", "3 / 20". */
const PAGE_NUMBER = /^[\s—–\-－―·•]*(?:第\s*)?[0-9０-９]{1,4}(?:\s*页)?(?:\s*[/／]\s*[0-9]{1,4}|\s*共\s*[0-9]{1,4}\s*页)?[\s—–\-－―·•]*$/;

/** The text of a header or footer line with its numbers blanked, to find the same line on other pages. */
const shape = (s: string) => s.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');

/** The positioned text of each page → the document as paragraphs, one per line of text. */
export function layoutPdf(pages: PdfItem[][]): SourceRead {
  const all = pages.map((items, i) => pageLines(items, i + 1));
  if (!all.some((l) => l.length)) {
    return fail('PDF 没有文字层，可能是扫描件：请用带文字层的 PDF，或先做文字识别（OCR），未检查', 'the PDF has no text layer, perhaps a scan: use a PDF with text, or run OCR first; not checked');
  }
  // The usual distance between two lines, before anything is dropped.
  const round = (v: number) => Math.round(v);
  const mode = (vs: number[]) => {
    const count = new Map<number, number>();
    for (const v of vs) count.set(round(v), (count.get(round(v)) ?? 0) + 1);
    return [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  };
  // (The size most of the text is set in: each line counted by its characters, not once.)
  const bySize = new Map<number, number>();
  for (const l of all.flat()) bySize.set(round(l.size * 10), (bySize.get(round(l.size * 10)) ?? 0) + l.text.length);
  const printSize = ([...bySize].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0) / 10;
  // (The closest two lines of the text stand, not the commonest distance: on short pages the
  // margins' gaps may be as many as the lines; a superscript's offset, under the print's size, is none.)
  const diffs = all.flatMap((lines) => lines.slice(1).map((l, i) => lines[i].y - l.y).filter((d) => d >= printSize * 0.8));
  const rawSpacing = diffs.reduce((m, d) => Math.min(m, d), diffs.length ? Infinity : 0);
  // Page furniture stands apart at a page's top or foot (in its margin, further from the text than
  // a line): a page number, or a line met at the same height on two pages or more (a running header
  // or footer). A short line of the text itself at a page's edge (a paragraph's last words, a table's
  // row) is a line's distance from its neighbour, and a title is not where the headers are.
  const at = (l: Line) => `${shape(l.text)}@${round(l.y)}`;
  const edges = new Map<string, number>();
  for (const lines of all) {
    // (Once per page: a page of one line has it at its top and its foot.)
    const keys = new Set([lines[0], lines[lines.length - 1]].filter((l) => l && l.text.length <= 40).map(at));
    for (const k of keys) edges.set(k, (edges.get(k) ?? 0) + 1);
  }
  const apart = (lines: Line[], i: number) => {
    const next = i === 0 ? lines[1] : lines[i - 1];
    return !next || rawSpacing <= 0 || Math.abs(lines[i].y - next.y) > rawSpacing * 1.3;
  };
  // (A running header is often met once only: a two-page report has it on its second page. At a
  // page's top, apart from the text and set smaller than it, a short line is one however often met.)
  const isFurniture = (lines: Line[], i: number) =>
    apart(lines, i) &&
    (PAGE_NUMBER.test(lines[i].text) ||
      (lines[i].text.length <= 40 && ((edges.get(at(lines[i])) ?? 0) >= 2 || (i === 0 && lines.length > 1 && lines[i].size < printSize * 0.9))));
  const body = all.map((page) => {
    const lines = page.slice();
    // (Twice at each edge: a page number under a footer, a header over a second one.)
    for (let k = 0; k < 2 && lines.length; k++) {
      if (isFurniture(lines, 0)) lines.shift();
      if (lines.length && isFurniture(lines, lines.length - 1)) lines.pop();
    }
    return lines;
  });
  if (!body.some((l) => l.length)) {
    return fail('PDF 除页码、页眉外没有文字，可能是扫描件：请用带文字层的 PDF，或先做文字识别（OCR），未检查', 'the PDF holds no text but page numbers and headers, perhaps a scan: use a PDF with text, or run OCR first; not checked');
  }
  const scanned = body.map((l, i) => (l.length ? 0 : i + 1)).filter((n) => n > 0 && all[n - 1].length === 0);
  // A page's footnotes: the lines at its foot set smaller than the text (under 85% of the size most
  // lines have). They leave the flow, so that a paragraph the page break cut still runs on into the
  // next page, and are read after the text, each with its own page and line.
  const textSize = printSize;
  const footnotes: Line[] = [];
  for (const lines of body) {
    let k = lines.length;
    while (k > 0 && lines[k - 1].size < textSize * 0.85) k--;
    // (Not a page of small print only: that is text of its own.)
    if (k > 0 && k < lines.length) footnotes.push(...lines.splice(k));
  }

  // The text block's left edge (where unindented lines start) and its right edge (where full lines end).
  const flat = body.flat();
  // (Not the commonest start: in a short text most lines may open a paragraph, indented.)
  const starts = flat.map((l) => l.x0).sort((a, b) => a - b);
  const left = starts[Math.floor(starts.length * 0.05)] ?? 0;
  const ends = flat.map((l) => l.x1).sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length * 0.9)] ?? 0;
  const spacing = mode(body.flatMap((lines) => lines.slice(1).map((l, i) => lines[i].y - l.y).filter((d) => d > 0)));

  // Where a page's text usually starts and ends: a page whose first line starts lower, or whose
  // last line ends higher, by a line or more, has a blank line there.
  const topY = mode(body.filter((lines) => lines.length).map((lines) => lines[0].y));
  const bottomY = mode(body.filter((lines) => lines.length).map((lines) => lines[lines.length - 1].y));
  const indented = (l: Line) => l.x0 >= left + l.size * 1.2;
  const full = (l: Line) => l.x1 >= right - l.size * 1.5;

  const out: { text: string; origin: LineOrigin }[] = [];
  /** The last character of the last paragraph (a Latin letter there and at the next line's start: a space between). */
  let lastChar = '';
  let joinsAcrossPages = 0;
  let prev: Line | undefined;
  for (const lines of body) {
    for (const l of lines) {
      const samePage = prev?.page === l.page;
      const gap =
        spacing > 0 &&
        (samePage
          ? prev!.y - l.y > spacing * 1.8
          : !!prev && (topY - l.y > spacing * 0.8 || prev.y - bottomY > spacing * 0.8));
      const runsOn = prev && full(prev) && !indented(l) && !gap && !prev.text.includes('\t') && !l.text.includes('\t');
      const cur = out[out.length - 1];
      if (runsOn && cur && cur.origin.part === 'page') {
        const sep = /[A-Za-z]/.test(lastChar) && /^[A-Za-z]/.test(l.text) ? ' ' : '';
        (cur.origin.rest ??= []).push({ at: cur.text.length + sep.length, page: l.page, line: l.line });
        cur.text += sep + l.text;
        lastChar = l.text[l.text.length - 1];
        if (!samePage) joinsAcrossPages++;
      } else {
        // (A gap of a blank line or more between two paragraphs reads as a blank line, as in a text file.)
        if (gap && cur && cur.origin.part !== 'blank') out.push({ text: '', origin: { part: 'blank' } });
        out.push({ text: l.text, origin: { part: 'page', page: l.page, line: l.line } });
        lastChar = l.text[l.text.length - 1];
      }
      prev = l;
    }
  }
  if (footnotes.length) {
    out.push({ text: '', origin: { part: 'blank' } });
    for (const l of footnotes) out.push({ text: l.text, origin: { part: 'page', page: l.page, line: l.line } });
  }
  const notes: string[] = [];
  if (joinsAcrossPages) notes.push(`跨页的段落 ${joinsAcrossPages} 处已按版式接上 (${joinsAcrossPages} ${joinsAcrossPages === 1 ? 'paragraph' : 'paragraphs'} continued across a page joined)`);
  if (scanned.length) notes.push(`第${scanned.join('、')}页没有文字层（可能是扫描页），未读取 (page ${scanned.join(', ')} has no text layer, perhaps scanned; not read)`);
  return { ok: true, source: { format: 'pdf', text: out.map((l) => l.text).join('\n') + '\n', lines: out.map((l) => l.origin), notes } };
}
