/**
 * Where the lines of a text came from, when the text was read out of a file that is not text
 * (a .docx, a .pdf: `formats/`), so that messages name a place the reviewer can find in the file
 * (第8段, 第3页第5行) rather than a line of a text they never see. Plain data: it travels with
 * the analysis, the index entries, the caches.
 */

/** Where one line of the converted text came from. */
export type LineOrigin =
  /** A paragraph of a .docx body, numbered from 1 among the non-empty ones. */
  | { part: 'paragraph'; paragraph: number }
  /** A row of a .docx table (`table` numbered from 1, `row` from 1). */
  | { part: 'table'; table: number; row: number }
  /** A footnote or endnote, by its number as displayed. */
  | { part: 'footnote' | 'endnote'; note: number }
  /**
   * A line of a .pdf page, both from 1; a paragraph joined from several lines of the PDF says
   * where (`at`, an offset in the line of text) each later one begins, on which page and line.
   */
  | { part: 'page'; page: number; line: number; rest?: { at: number; page: number; line: number }[] }
  /** A blank line the reader put between paragraphs. */
  | { part: 'blank' };

export type SourceFormat = 'docx' | 'pdf';

/** A converted text's format and one origin per line. */
export interface Origins {
  format: SourceFormat;
  lines: readonly LineOrigin[];
}

/** The origin of the character at `at` (an offset in its line of text): a joined PDF paragraph's own page and line there. */
export function originAt(o: LineOrigin | undefined, at: number): LineOrigin | undefined {
  if (o?.part !== 'page' || !o.rest) return o;
  let page = o.page;
  let line = o.line;
  for (const r of o.rest) {
    if (r.at > at) break;
    page = r.page;
    line = r.line;
  }
  return { part: 'page', page, line };
}

/** The origin as the reviewer names it: 第12段, 第3页第5行, 表2第4行, 脚注1 ('' for a blank line). */
export function describeOrigin(o: LineOrigin | undefined, locale: 'zh' | 'en' = 'zh'): string {
  const zh = locale === 'zh';
  switch (o?.part) {
    case 'paragraph':
      return zh ? `第${o.paragraph}段` : `paragraph ${o.paragraph}`;
    case 'table':
      return zh ? `表${o.table}第${o.row}行` : `table ${o.table}, row ${o.row}`;
    case 'footnote':
      return zh ? `脚注${o.note}` : `footnote ${o.note}`;
    case 'endnote':
      return zh ? `尾注${o.note}` : `endnote ${o.note}`;
    case 'page':
      return zh ? `第${o.page}页第${o.line}行` : `page ${o.page}, line ${o.line}`;
    default:
      return '';
  }
}

/**
 * A line (1-based) of a document as its messages name it: 第12行 / line 12 in a text file, the
 * place in the file it was read from otherwise (第8段 / paragraph 8); `at`, an offset in the line,
 * picks the PDF line of a paragraph joined from several.
 */
export function lineWords(origins: Origins | undefined, line1: number, at = 0): { zh: string; en: string } {
  const o = originAt(origins?.lines[line1 - 1], at);
  if (!o || o.part === 'blank') return { zh: `第${line1}行`, en: `line ${line1}` };
  return { zh: describeOrigin(o, 'zh'), en: describeOrigin(o, 'en') };
}

/** A line of another document (`at`: the offset in it), for messages that name it beside its title: "Word 第8段", "PDF 第12页第3行"; undefined for a text file. */
export function placeAcross(origins: Origins | undefined, line0: number, at = 0): { zh: string; en: string } | undefined {
  const o = originAt(origins?.lines[line0], at);
  if (!origins || !o || o.part === 'blank') return undefined;
  const name = origins.format === 'pdf' ? 'PDF' : 'Word';
  return { zh: `${name} ${describeOrigin(o, 'zh')}`, en: `${name}, ${describeOrigin(o, 'en')}` };
}

/** The first letter in upper case, for an English place that opens a sentence. */
export const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
