/**
 * A .docx as a reviewer reads it: the body's paragraphs in order, each list item with its number
 * as Word displays it (一、 （一） 1.), a heading marked by its style written as a markdown heading
 * when its text carries no marker of its own, tables as rows (the cells of a row set apart by
 * tabs, as `figures/table.ts` reads a table, the first row naming the columns), text boxes, and
 * then the footnotes and endnotes ("注1：…"). Tracked changes are read as accepted (an insertion's
 * text kept, a deletion's dropped, a deleted paragraph mark joining two paragraphs), and said in
 * the notes; comments are not read.
 *
 * Bounded: only the XML parts of the document are unzipped, each at most `MAX_PART_BYTES` once
 * unzipped and all together at most `MAX_TOTAL_BYTES`, as their sizes say before anything is
 * inflated (a zip bomb is refused unread; inflating never writes past the size announced).
 * fflate unzips, saxes parses the XML as it streams (no tree is built).
 */
import { unzipSync } from 'fflate';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { readMarker } from '../core/headings';
import { LineOrigin, SourceRead } from './source';

/** The largest XML part read (64 MB unzipped: a 1,000-page report's document.xml is some 20 MB). */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** All the parts read together. */
export const MAX_TOTAL_BYTES = 160 * 1024 * 1024;

/** The parts read beside the main one, in its folder. */
const PARTS = ['styles.xml', 'numbering.xml', 'footnotes.xml', 'endnotes.xml'];

/** The main document part, as the package's relationships name it (word/document.xml, or word/document2.xml as some editors write). */
function mainPart(bytes: Uint8Array): string {
  const rels = unzipSync(bytes, { filter: (f) => f.name === '_rels/.rels' && f.originalSize < 1024 * 1024 })['_rels/.rels'];
  let target: string | undefined;
  if (rels) {
    try {
      parse('_rels/.rels', utf8(rels), {
        open: (t) => {
          if (t.name.endsWith('Relationship') && /\/officeDocument$/.test(attr(t, 'Type') ?? '')) target ??= attr(t, 'Target');
        },
      });
    } catch {
      // (Unreadable relationships: the usual name.)
    }
  }
  const name = target?.replace(/^\/+/, '');
  return name && /^[\w./-]+\.xml$/.test(name) && !name.includes('..') ? name : 'word/document.xml';
}

const fail = (zh: string, en: string): SourceRead => ({ ok: false, message: `${zh} (${en})` });

/** The reading of a .docx file's bytes. */
export function readDocx(bytes: Uint8Array): SourceRead {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return fail(
      '文件已加密，或是旧版 Word 格式（.doc）：请解除密码，或在 Word 中另存为 .docx，未检查',
      'the file is encrypted, or in the old Word format (.doc): remove the password or save it as .docx in Word; not checked',
    );
  }
  if (!(bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    return fail('不是有效的 .docx 文件（不是 zip 压缩包），未检查', 'not a valid .docx file (not a zip archive); not checked');
  }
  let parts: Record<string, Uint8Array>;
  let over: string | undefined;
  let total = 0;
  let main = 'word/document.xml';
  try {
    main = mainPart(bytes);
    const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
    const wanted = new Set([main, ...PARTS.map((p) => dir + p)]);
    parts = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted.has(f.name)) return false;
        total += f.originalSize;
        if (f.originalSize > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) {
          over ??= f.name;
          return false;
        }
        return true;
      },
    });
  } catch (err) {
    return fail(`文件已损坏，无法解压（${(err as Error).message}），未检查`, `the file is damaged and cannot be unzipped (${(err as Error).message}); not checked`);
  }
  if (over) {
    return fail(
      `${over} 解压后超过 ${MAX_PART_BYTES / 1024 / 1024} MB 的上限（可能是压缩炸弹），未检查`,
      `${over} is over the ${MAX_PART_BYTES / 1024 / 1024} MB limit once unzipped (perhaps a zip bomb); not checked`,
    );
  }
  const body = parts[main];
  if (!body) return fail(`文件中没有 ${main}，不是 Word 文档，未检查`, `the file holds no ${main}: not a Word document; not checked`);
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const part = (name: string) => parts[dir + name];
  try {
    const styles = part('styles.xml') ? readStyles(utf8(part('styles.xml'))) : new Map<string, Style>();
    const numbering = new Numbering(part('numbering.xml') ? utf8(part('numbering.xml')) : undefined);
    const notes = {
      footnote: part('footnotes.xml') ? readNotes(utf8(part('footnotes.xml')), 'w:footnote') : new Map<string, string[]>(),
      endnote: part('endnotes.xml') ? readNotes(utf8(part('endnotes.xml')), 'w:endnote') : new Map<string, string[]>(),
    };
    return readBody(utf8(body), styles, numbering, notes, main);
  } catch (err) {
    if (err instanceof XmlError) {
      return fail(`文档的 XML 有误（${err.part}：${err.message}），未检查`, `the document's XML is malformed (${err.part}: ${err.message}); not checked`);
    }
    throw err;
  }
}

const decoder = new TextDecoder('utf-8');
const utf8 = (b: Uint8Array) => decoder.decode(b);

class XmlError extends Error {
  constructor(
    readonly part: string,
    message: string,
  ) {
    super(message);
  }
}

/** Runs saxes over `xml`, calling `open`/`close` with plain tags and `text` with text; its errors become XmlError. */
function parse(
  part: string,
  xml: string,
  on: { open?: (tag: SaxesTagPlain) => void; close?: (tag: SaxesTagPlain) => void; text?: (text: string) => void },
): void {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  if (on.open) parser.on('opentag', on.open);
  if (on.close) parser.on('closetag', on.close);
  if (on.text) {
    parser.on('text', on.text);
    parser.on('cdata', on.text);
  }
  // (Fed in pieces, so that an error stops the parse early.)
  const PIECE = 1 << 20;
  for (let i = 0; i < xml.length && !error; i += PIECE) parser.write(xml.slice(i, i + PIECE));
  if (!error) parser.close();
  if (error) throw new XmlError(part, error.message.split('\n')[0]);
}

const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  const v = tag.attributes[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * An integer attribute held to a range, else `fallback`: a file says what it likes ("x", -100,
 * 2000000000), and a list level (0–8) or a counter's start (0–32767, Word's own bounds) is used
 * as an array length and repeated in text.
 */
const int = (tag: SaxesTagPlain, name: string, min: number, max: number, fallback: number | undefined): number | undefined => {
  const v = Number(attr(tag, name));
  return Number.isInteger(v) && v >= min && v <= max ? v : fallback;
};
const LEVEL = (tag: SaxesTagPlain, fallback: number | undefined = 0) => int(tag, 'w:ilvl', 0, 8, fallback);
const START = (tag: SaxesTagPlain) => int(tag, 'w:val', 0, 32767, 1)!;

interface Style {
  name?: string;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
}

function readStyles(xml: string): Map<string, Style> {
  const styles = new Map<string, Style>();
  let cur: Style | undefined;
  let inPPr = false;
  parse('word/styles.xml', xml, {
    open: (t) => {
      if (t.name === 'w:style') {
        cur = {};
        const id = attr(t, 'w:styleId');
        if (id && attr(t, 'w:type') !== 'character' && attr(t, 'w:type') !== 'table') styles.set(id, cur);
      } else if (!cur) return;
      else if (t.name === 'w:name') cur.name = attr(t, 'w:val');
      else if (t.name === 'w:basedOn') cur.basedOn = attr(t, 'w:val');
      else if (t.name === 'w:pPr') inPPr = true;
      else if (inPPr && t.name === 'w:numId') cur.numId = attr(t, 'w:val');
      else if (inPPr && t.name === 'w:ilvl') cur.ilvl = int(t, 'w:val', 0, 8, undefined);
      else if (inPPr && t.name === 'w:outlineLvl') cur.outlineLvl = int(t, 'w:val', 0, 9, undefined);
    },
    close: (t) => {
      if (t.name === 'w:style') cur = undefined;
      else if (t.name === 'w:pPr') inPPr = false;
    },
  });
  return styles;
}

/** A style's own value or its base's, up the chain (at most 16 steps: a chain may loop). */
function inherited<K extends keyof Style>(styles: Map<string, Style>, id: string | undefined, key: K): Style[K] | undefined {
  for (let i = 0; id && i < 16; i++) {
    const s = styles.get(id);
    if (!s) return undefined;
    if (s[key] !== undefined) return s[key];
    id = s.basedOn;
  }
  return undefined;
}

/** The heading level (1–6) a paragraph style gives: its outline level, or a name "heading 2" / "标题 2". */
function headingLevel(styles: Map<string, Style>, id: string | undefined, direct: number | undefined): number | undefined {
  const outline = direct ?? inherited(styles, id, 'outlineLvl');
  if (outline !== undefined && outline >= 0 && outline <= 5) return outline + 1;
  if (outline !== undefined) return undefined;
  for (let i = 0, s = id; s && i < 16; i++) {
    const name = styles.get(s)?.name ?? '';
    const m = /^(?:heading|标题)\s*([1-6])$/i.exec(name.trim());
    if (m) return Number(m[1]);
    s = styles.get(s)?.basedOn;
  }
  return undefined;
}

interface Level {
  start: number;
  fmt: string;
  text: string;
  suff: string;
}

/** numbering.xml: list definitions, and the counters of the lists as the body is read in order. */
class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  /** Per list definition: the counter of each level, and the w:num that last used it. */
  private readonly counters = new Map<string, { n: (number | undefined)[]; lastNum?: string }>();

  constructor(xml: string | undefined) {
    if (!xml) return;
    let abs: Map<number, Level> | undefined;
    let lvl: Level | undefined;
    let num: { abstract: string; starts: Map<number, number> } | undefined;
    let overrideLvl: number | undefined;
    parse('word/numbering.xml', xml, {
      open: (t) => {
        switch (t.name) {
          case 'w:abstractNum':
            abs = new Map();
            this.abstracts.set(attr(t, 'w:abstractNumId') ?? '', abs);
            break;
          case 'w:lvl':
            lvl = { start: 1, fmt: 'decimal', text: '', suff: 'tab' };
            if (abs && LEVEL(t, undefined) !== undefined) abs.set(LEVEL(t)!, lvl);
            break;
          case 'w:start':
            if (lvl) lvl.start = START(t);
            break;
          case 'w:numFmt':
            if (lvl) lvl.fmt = attr(t, 'w:val') ?? 'decimal';
            break;
          case 'w:lvlText':
            if (lvl) lvl.text = attr(t, 'w:val') ?? '';
            break;
          case 'w:suff':
            if (lvl) lvl.suff = attr(t, 'w:val') ?? 'tab';
            break;
          case 'w:num':
            num = { abstract: '', starts: new Map() };
            this.nums.set(attr(t, 'w:numId') ?? '', num);
            break;
          case 'w:abstractNumId':
            if (num) num.abstract = attr(t, 'w:val') ?? '';
            break;
          case 'w:lvlOverride':
            overrideLvl = LEVEL(t, undefined);
            break;
          case 'w:startOverride':
            if (num && overrideLvl !== undefined) num.starts.set(overrideLvl, START(t));
            break;
        }
      },
      close: (t) => {
        if (t.name === 'w:lvl') lvl = undefined;
        else if (t.name === 'w:abstractNum') abs = undefined;
        else if (t.name === 'w:num') num = undefined;
        else if (t.name === 'w:lvlOverride') overrideLvl = undefined;
      },
    });
  }

  /**
   * The number a paragraph of list `numId` at level `ilvl` shows, as displayed ("（三）", "2."),
   * counting on from the list's last paragraph; undefined for no list. Lists sharing a definition
   * count on together, unless one of them restarts a level (Word's rule).
   */
  next(numId: string | undefined, ilvl: number): string | undefined {
    if (!numId || numId === '0') return undefined;
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return undefined;
    let c = this.counters.get(num.abstract);
    if (!c) this.counters.set(num.abstract, (c = { n: [] }));
    if (c.lastNum !== numId && num.starts.size) {
      for (const [l, start] of num.starts) {
        c.n[l] = start - 1;
        c.n.length = Math.min(c.n.length, l + 1);
      }
    }
    c.lastNum = numId;
    c.n[ilvl] = (c.n[ilvl] ?? level.start - 1) + 1;
    c.n.length = ilvl + 1;
    if (level.fmt === 'none') return '';
    if (level.fmt === 'bullet') return level.text ? `${level.text} ` : '';
    const shown = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const lv = levels.get(l);
      return formatNumber(c.n[l] ?? lv?.start ?? 1, lv?.fmt ?? 'decimal');
    });
    // (Word puts a tab after the number by default: read as a space after a bare Latin letter or
    // digit, "1 总体要求", and as nothing after a mark or a character that is its own marker, ① 一、.)
    const gap = level.suff !== 'nothing' && /[0-9A-Za-z]$/.test(shown) ? ' ' : '';
    return shown + gap;
  }
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1–9999 in Chinese counting (十一, 二十, 一百零五). */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000 || !Number.isInteger(n)) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : CN_DIGITS[d]) + unit;
  });
  return out;
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'ideographDigital':
      return fmt === 'ideographDigital' ? String(n).split('').map((d) => CN_DIGITS[Number(d)]).join('') : chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n).replace(/[一二三四五六七八九十百千零]/g, (c) => '壹贰叁肆伍陆柒捌玖拾佰仟零'['一二三四五六七八九十百千零'.indexOf(c)]);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1] : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
    case 'upperLetter': {
      if (n < 1) return String(n);
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return fmt === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      const r = roman(n);
      return fmt === 'lowerRoman' ? r.toLowerCase() : r;
    }
    default:
      return String(n);
  }
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/**
 * The text of a run-level walk shared by the body and the notes: text in w:t (not in a deletion),
 * tabs, line breaks; field codes, deleted text, mc:Fallback (a copy of mc:Choice) and a ruby's
 * annotation (w:rt, the pinyin over the characters) skipped.
 */
class Runs {
  /** Depth inside elements whose text is not read (deletions, field codes, fallbacks). */
  skip = 0;
  private inText = false;
  tracked = false;
  images = 0;

  open(t: SaxesTagPlain, para: { text: string } | undefined): void {
    switch (t.name) {
      case 'w:del':
      case 'w:moveFrom':
        this.tracked = true;
        this.skip++;
        return;
      case 'w:ins':
      case 'w:moveTo':
        this.tracked = true;
        return;
      case 'mc:Fallback':
      case 'w:instrText':
      case 'w:delText':
      case 'w:rt':
        this.skip++;
        return;
      case 'w:t':
        this.inText = true;
        return;
      case 'w:drawing':
      case 'w:pict':
        this.images++;
        return;
    }
    if (!para || this.skip) return;
    if (t.name === 'w:tab') para.text += '\t';
    else if (t.name === 'w:br' || t.name === 'w:cr') {
      const type = attr(t, 'w:type');
      if (type !== 'page' && type !== 'column') para.text += '\n';
    } else if (t.name === 'w:noBreakHyphen') para.text += '-';
  }

  close(t: SaxesTagPlain): void {
    switch (t.name) {
      case 'w:del':
      case 'w:moveFrom':
      case 'mc:Fallback':
      case 'w:instrText':
      case 'w:delText':
      case 'w:rt':
        this.skip--;
        return;
      case 'w:t':
        this.inText = false;
    }
  }

  text(s: string, para: { text: string } | undefined): void {
    // (A CR or line separator written in w:t would end a line of the text read: a space.)
    if (this.inText && !this.skip && para) para.text += s.replace(/[\r\n\u2028\u2029\u0085]/g, ' ');
  }
}

/** Footnotes or endnotes: id → paragraphs (separators left out). */
function readNotes(xml: string, element: 'w:footnote' | 'w:endnote'): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  const runs = new Runs();
  let cur: string[] | undefined;
  let para: { text: string } | undefined;
  parse(element === 'w:footnote' ? 'word/footnotes.xml' : 'word/endnotes.xml', xml, {
    open: (t) => {
      if (t.name === element) {
        const type = attr(t, 'w:type');
        cur = [];
        if (!type || type === 'normal') notes.set(attr(t, 'w:id') ?? '', cur);
      } else if (t.name === 'w:p' && cur) para = { text: '' };
      else runs.open(t, para);
    },
    close: (t) => {
      if (t.name === element) cur = undefined;
      else if (t.name === 'w:p' && cur && para) {
        if (para.text.trim()) cur.push(para.text.replace(/\n/g, ' ').trim());
        para = undefined;
      } else runs.close(t);
    },
    text: (s) => runs.text(s, para),
  });
  return notes;
}

interface Para {
  text: string;
  style?: string;
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
  /** The paragraph mark is a tracked deletion: accepted, the paragraph runs on into the next. */
  markDeleted: boolean;
}

/** A table being read: its rows, each a list of cells; the paragraphs of the cell being read. */
interface Table {
  rows: string[][];
  cell?: string[];
}

function readBody(
  xml: string,
  styles: Map<string, Style>,
  numbering: Numbering,
  notes: { footnote: Map<string, string[]>; endnote: Map<string, string[]> },
  main: string,
): SourceRead {
  const out: { text: string; origin: LineOrigin }[] = [];
  const runs = new Runs();
  const paras: Para[] = [];
  const tables: Table[] = [];
  const tags: string[] = [];
  let paragraphNo = 0;
  let tableNo = 0;
  /**
   * Text of paragraphs whose mark was deleted, waiting for the paragraph they run into (which
   * keeps its own properties and number, as Word's merge does); kept as pieces, joined once.
   */
  let carried: string[] = [];
  let carriedText = false;
  /** Depth inside a tracked change's old properties (w:pPrChange, w:rPrChange …): not the properties in force. */
  let changed = 0;
  /** Depth inside mc:Fallback, a copy of mc:Choice for older readers: nothing in it is read. */
  let fallback = 0;
  const referenced: { kind: 'footnote' | 'endnote'; id: string }[] = [];

  const blank = () => {
    if (out.length && out[out.length - 1].origin.part !== 'blank') out.push({ text: '', origin: { part: 'blank' } });
  };
  const emitLines = (text: string, origin: LineOrigin) => {
    for (const line of text.split('\n')) out.push({ text: line, origin });
  };

  const closeParagraph = (p: Para) => {
    const inCell = tables.length > 0 && tables[tables.length - 1].cell;
    let ilvl = p.ilvl;
    let numId = p.numId;
    if (numId === undefined) {
      numId = inherited(styles, p.style, 'numId');
      ilvl ??= inherited(styles, p.style, 'ilvl');
    }
    if (p.markDeleted) {
      carried.push(p.text);
      carriedText ||= p.text.trim().length > 0;
      return;
    }
    // (An empty paragraph shows no number: Word does not count it.)
    const hasText = carriedText || p.text.trim().length > 0;
    const number = hasText ? numbering.next(numId, ilvl ?? 0) ?? '' : '';
    let text = number + carried.join('') + p.text;
    carried = [];
    carriedText = false;
    if (inCell) {
      if (text.trim()) inCell.push(text.replace(/[\n\t]/g, ' ').trim());
      return;
    }
    if (!text.trim()) {
      blank();
      return;
    }
    const level = headingLevel(styles, p.style, p.outlineLvl);
    // (A heading whose text opens with a marker of its own, 一、 （一） 1. 第一，, is read by that marker.)
    if (level && !readMarker(text.trimStart())) text = `${'#'.repeat(level)} ${text.trimStart()}`;
    paragraphNo++;
    emitLines(text, { part: 'paragraph', paragraph: paragraphNo });
  };

  parse(main, xml, {
    open: (t) => {
      const parent = tags[tags.length - 1];
      tags.push(t.name);
      if (t.name === 'mc:Fallback') fallback++;
      if (fallback) return;
      if (t.name.endsWith('PrChange') || t.name === 'w:numberingChange') changed++;
      const p = paras[paras.length - 1];
      switch (t.name) {
        case 'w:p':
          paras.push({ text: '', markDeleted: false });
          return;
        case 'w:pStyle':
          if (p && parent === 'w:pPr' && !changed) p.style = attr(t, 'w:val');
          return;
        case 'w:numId':
          if (p && tags[tags.length - 3] === 'w:pPr' && !changed) p.numId = attr(t, 'w:val');
          return;
        case 'w:ilvl':
          if (p && tags[tags.length - 3] === 'w:pPr' && !changed) p.ilvl = int(t, 'w:val', 0, 8, 0);
          return;
        case 'w:outlineLvl':
          if (p && parent === 'w:pPr' && !changed) p.outlineLvl = int(t, 'w:val', 0, 9, undefined);
          return;
        case 'w:tbl':
          tables.push({ rows: [] });
          return;
        case 'w:tr':
          tables[tables.length - 1]?.rows.push([]);
          return;
        case 'w:tc': {
          const tb = tables[tables.length - 1];
          if (tb) tb.cell = [];
          return;
        }
        case 'w:footnoteReference':
        case 'w:endnoteReference': {
          const id = attr(t, 'w:id');
          if (id && !runs.skip) referenced.push({ kind: t.name === 'w:footnoteReference' ? 'footnote' : 'endnote', id });
          return;
        }
      }
      // A deleted paragraph mark: <w:pPr><w:rPr><w:del/></w:rPr></w:pPr> (not one in an old w:pPrChange).
      if (p && (t.name === 'w:del' || t.name === 'w:ins') && parent === 'w:rPr' && tags[tags.length - 3] === 'w:pPr' && !changed) {
        runs.tracked = true;
        if (t.name === 'w:del') p.markDeleted = true;
        tags.pop();
        tags.push('(mark)');
        return;
      }
      // (Tabs in w:pPr/w:tabs are tab stops, not text.)
      if (t.name === 'w:tab' && parent === 'w:tabs') return;
      runs.open(t, p);
    },
    close: (t) => {
      const name = tags.pop();
      if (name === 'mc:Fallback') {
        fallback--;
        return;
      }
      if (fallback || name === '(mark)') return;
      if (t.name.endsWith('PrChange') || t.name === 'w:numberingChange') changed--;
      switch (t.name) {
        case 'w:p': {
          const p = paras.pop();
          if (p) closeParagraph(p);
          return;
        }
        case 'w:tc': {
          const tb = tables[tables.length - 1];
          if (tb?.cell) tb.rows[tb.rows.length - 1]?.push(tb.cell.join(' '));
          if (tb) tb.cell = undefined;
          return;
        }
        case 'w:tbl': {
          const tb = tables.pop();
          if (!tb) return;
          const outer = tables[tables.length - 1];
          const rows = tb.rows.filter((r) => r.some((c) => c.trim()));
          if (outer?.cell) {
            // (A table inside a cell: its rows are the cell's text.)
            for (const r of rows) outer.cell.push(r.join(' '));
            return;
          }
          tableNo++;
          blank();
          rows.forEach((r, i) => out.push({ text: r.join('\t'), origin: { part: 'table', table: tableNo, row: i + 1 } }));
          blank();
          return;
        }
      }
      runs.close(t);
    },
    text: (s) => {
      if (!fallback) runs.text(s, paras[paras.length - 1]);
    },
  });
  if (carriedText) {
    paragraphNo++;
    emitLines(carried.join(''), { part: 'paragraph', paragraph: paragraphNo });
  }
  // Notes after the body, numbered as Word numbers them: in the order they are referenced.
  const counted = { footnote: 0, endnote: 0 };
  const seen = new Set<string>();
  for (const kind of ['footnote', 'endnote'] as const) {
    for (const ref of referenced) {
      if (ref.kind !== kind || seen.has(`${kind}:${ref.id}`)) continue;
      seen.add(`${kind}:${ref.id}`);
      const paragraphs = notes[kind].get(ref.id);
      const n = ++counted[kind];
      if (!paragraphs?.length) continue;
      blank();
      paragraphs.forEach((text, i) => out.push({ text: i === 0 ? `${kind === 'footnote' ? '注' : '尾注'}${n}：${text}` : text, origin: { part: kind, note: n } }));
    }
  }
  while (out.length && out[out.length - 1].origin.part === 'blank') out.pop();
  if (!out.some((l) => l.text.trim())) {
    return runs.images
      ? fail('文档中只有图片，没有文字，未检查', 'the document holds images only, no text; not checked')
      : fail('文档中没有文字，未检查', 'the document holds no text; not checked');
  }
  const notesSaid: string[] = [];
  if (runs.tracked) notesSaid.push('文档含修订，按接受全部修订后的文本检查 (the document has tracked changes: checked as if all were accepted)');
  return {
    ok: true,
    source: { format: 'docx', text: out.map((l) => l.text).join('\n') + '\n', lines: out.map((l) => l.origin), notes: notesSaid },
  };
}
