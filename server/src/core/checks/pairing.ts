/**
 * Check `pairing`: quotation marks and brackets that do not pair (GB/T 15834-2011 4.8, 4.9).
 *
 * Codes:
 * - `quote.unclosed` / `bracket.unclosed`: an opening mark whose paragraph ends before its
 *   partner. An opener is never "closed" by a mark in a later paragraph, except across a page
 *   break (see below) or in a quotation of several paragraphs.
 * - `quote.unopened` / `bracket.unopened`: a closing mark with no opener, such as the ” left
 *   when a page edge cut off “十五.
 * - `quote.paragraph-break`: a pair of quotation marks split by a blank line inside a sentence:
 *   the paragraph was broken by a PDF page break. Quick fix: join the two paragraphs.
 * - `quote.nesting`: a quotation mark nested directly inside one of the same shape
 *   (“…“…”…”); the inner pair should be ‘’.
 *
 * Silent by convention: a quotation of several paragraphs where each paragraph opens with “ and
 * only the last one closes (GB/T 15834 4.8.3.5); apostrophes in Latin text (it’s); list
 * enumerators such as "1)" or "a)"; a half-width bracket closing a full-width one, or a straight
 * quote " ' standing for one half of a curly pair (“十五五") — a matter of form, which
 * `punct.mixed-width` reports.
 */
import type { Check, CheckContext } from './check';
import { CODES, Finding, Fix } from '../findings';
import { translator } from '../locale';
import type { DocumentModel, Paragraph } from '../model';
import { CHINESE_SIDE } from '../chars';
import { CharClass } from '../text';

type Family = 'double' | 'single' | 'corner' | 'white-corner' | 'round' | 'book' | 'angle' | 'lenticular';

const OPEN: Record<string, Family> = {
  '“': 'double', '‘': 'single', '「': 'corner', '『': 'white-corner',
  '（': 'round', '(': 'round', '《': 'book', '〈': 'angle', '【': 'lenticular',
};
const CLOSE: Record<string, Family> = {
  '”': 'double', '’': 'single', '」': 'corner', '』': 'white-corner',
  '）': 'round', ')': 'round', '》': 'book', '〉': 'angle', '】': 'lenticular',
};
const QUOTE_FAMILIES = new Set<Family>(['double', 'single', 'corner', 'white-corner']);
const PARTNER: Record<Family, [string, string]> = {
  double: ['“', '”'], single: ['‘', '’'], corner: ['「', '」'], 'white-corner': ['『', '』'],
  round: ['（', '）'], book: ['《', '》'], angle: ['〈', '〉'], lenticular: ['【', '】'],
};

interface Open {
  ch: string;
  family: Family;
  offset: number;
  paragraph: number;
  /** Paragraph indexes whose page break this opener has been carried across. */
  breaks: number[];
  /** Quotation of several paragraphs: the opener has been carried by a paragraph-opening “. */
  multi: boolean;
  /** Openers of the same shape nested directly inside this one, reported when it closes. */
  nested: Open[];
}

const isQuote = (f: Family) => QUOTE_FAMILIES.has(f);

/**
 * The marks: the scan jumps from one to the next by char code and looks at a character only
 * there (most of a report is not a mark; making a string of each character costs more than the
 * whole check otherwise does).
 */
const MARKS = new CharClass([...Object.keys(OPEN), ...Object.keys(CLOSE), '"', "'"].join(''));
/** The curly quotation a straight quote stands in for, when it pairs with one (“十五五", "十五五”): `punct.mixed-width` reports it. */
const STRAIGHT: Record<string, Family> = { '"': 'double', "'": 'single' };
const MAX_DEPTH = 64;

export const pairing: Check = {
  id: 'pairing',
  heavy: false,
  crossDocument: false,
  codes: [
    CODES.quoteUnclosed, CODES.quoteUnopened, CODES.quoteParagraphBreak, CODES.quoteNesting,
    CODES.bracketUnclosed, CODES.bracketUnopened,
  ],
  run(model: DocumentModel, ctx: CheckContext): Finding[] {
    const { text, paragraphs } = model;
    const out: Finding[] = [];
    const lineOf = (offset: number) => model.lines.lineAt(offset) + 1;
    const t = translator(ctx.locale);
    let stack: Open[] = [];

    const unclosed = (o: Open) => {
      const [open, close] = PARTNER[o.family];
      out.push({
        code: isQuote(o.family) ? CODES.quoteUnclosed : CODES.bracketUnclosed,
        severity: 'error',
        message: isQuote(o.family)
          ? t(
              `左引号${o.ch}没有配对的右引号${close}：引文到段落结束仍未闭合。请在引文结束处补上${close}，或删去多余的${o.ch}。`,
              `Opening ${o.ch} has no closing ${close}: the quotation is still open at the end of the paragraph. Add ${close} where the quotation ends, or delete the extra ${o.ch}.`,
            )
          : t(
              `左括号${o.ch}没有配对的右括号${o.ch === '(' ? ')' : close}：到段落结束仍未闭合。请补上右括号，或删去多余的${o.ch}。`,
              `Opening ${o.ch} has no closing ${o.ch === '(' ? ')' : close}: the bracket is still open at the end of the paragraph. Add the closing bracket, or delete the extra ${o.ch}.`,
            ),
        span: { start: o.offset, end: o.offset + 1 },
        related: o.nested.length
          ? o.nested.map((n) => ({
              span: { start: n.offset, end: n.offset + 1 },
              message: t(`第${lineOf(n.offset)}行另一个同形的${open}`, `Another ${open} of the same shape on line ${lineOf(n.offset)}`),
            }))
          : [],
        fixes: [],
      });
    };

    const breakFix = (breaks: number[]): Fix => ({
      title: breaks.length > 1
        ? t(`合并被分页断开的 ${breaks.length + 1} 段`, `Join the ${breaks.length + 1} paragraphs split by page breaks`)
        : t('合并被分页断开的两段', 'Join the two paragraphs split by a page break'),
      edits: breaks.map((i) => ({ span: { start: paragraphs[i].end, end: paragraphs[i + 1].start }, newText: '' })),
    });

    const closeOpen = (o: Open, closeAt: number, ch: string) => {
      const closeSpan = { start: closeAt, end: closeAt + 1 };
      if (o.breaks.length > 0 && isQuote(o.family)) {
        const first = o.breaks[0];
        out.push({
          code: CODES.quoteParagraphBreak,
          severity: 'warning',
          message: t(
            `引号${o.ch}…${ch}被空行分在第${lineOf(o.offset)}行和第${lineOf(closeAt)}行两段里：` +
              `第${paragraphs[first].lastLine + 1}行的段落在句子中间断开（多为 PDF 分页所致），并非缺少引号。请合并这两段。`,
            `The quotation ${o.ch}…${ch} opens on line ${lineOf(o.offset)} and closes on line ${lineOf(closeAt)}, ` +
              (o.breaks.length > 1 ? `split by blank lines into ${o.breaks.length + 1} paragraphs: ` : 'split by a blank line into two paragraphs: ') +
              `the paragraph ending on line ${paragraphs[first].lastLine + 1} stops mid-sentence (usually a PDF page break), so no quotation mark is missing. Join the paragraphs.`,
          ),
          span: { start: o.offset, end: o.offset + 1 },
          related: [{ span: closeSpan, message: t(`配对的右引号${ch}（第${lineOf(closeAt)}行）`, `The closing ${ch} that pairs with it (line ${lineOf(closeAt)})`) }],
          fixes: [breakFix(o.breaks)],
        });
      }
      for (const n of o.nested) {
        const [, close] = PARTNER[o.family];
        const inner = o.family === 'double' ? '‘’' : o.family === 'corner' ? '『』' : '';
        out.push({
          code: CODES.quoteNesting,
          severity: 'warning',
          message: t(
            `引号${n.ch}套在同形的引号${o.ch}…${close}之内（第${lineOf(o.offset)}行起）。` +
              (inner ? `引号里面再用引号时，内层应改为${inner}。` : '同形引号不能直接套用，请改用另一种引号。'),
            `Quotation mark ${n.ch} is nested directly inside a quotation of the same shape, ${o.ch}…${close} (from line ${lineOf(o.offset)}). ` +
              (inner ? `A quotation inside a quotation takes ${inner} for the inner pair.` : 'Marks of the same shape cannot nest directly: use another kind of quotation mark for the inner one.'),
          ),
          span: { start: n.offset, end: n.offset + 1 },
          related: [{ span: { start: o.offset, end: o.offset + 1 }, message: t(`外层的${o.ch}（第${lineOf(o.offset)}行）`, `The outer ${o.ch} (line ${lineOf(o.offset)})`) }],
          fixes: [],
        });
      }
    };

    for (let pi = 0; pi < paragraphs.length; pi++) {
      const p = paragraphs[pi];
      if (p.verbatim) continue;
      let i = p.start;
      // A quotation of several paragraphs: this paragraph's opening “ continues the open one.
      if (stack.length > 0 && stack[stack.length - 1].multi && text[i] === stack[stack.length - 1].ch) i++;
      /** Straight quotes of this paragraph not yet paired, by family. */
      const straight = new Map<Family, number>();
      for (i = MARKS.next(text, i, p.end); i < p.end; i = MARKS.next(text, i + 1, p.end)) {
        let ch = text[i];
        const sf = STRAIGHT[ch];
        if (sf !== undefined) {
          // (An apostrophe in Latin text is none: China's.)
          if (ch === "'" && !(CHINESE_SIDE.test(text[i - 1] ?? '') || CHINESE_SIDE.test(text[i + 1] ?? ''))) continue;
          const open = stack.findIndex((o) => o.family === sf && o.paragraph === pi);
          if (open < 0) {
            if (straight.has(sf)) straight.delete(sf);
            else straight.set(sf, i);
            continue;
          }
          ch = PARTNER[sf][1];
        }
        const of = OPEN[ch];
        if (of !== undefined) {
          // ‘ inside Latin text is an apostrophe-like mark only when ’ follows in Latin; treat as opener.
          const o: Open = { ch, family: of, offset: i, paragraph: pi, breaks: [], multi: false, nested: [] };
          if (isQuote(of)) {
            let enclosing: Open | undefined;
            for (let k = stack.length - 1; k >= 0 && !enclosing; k--) if (isQuote(stack[k].family)) enclosing = stack[k];
            if (enclosing && enclosing.ch === ch) enclosing.nested.push(o);
          }
          // Real text nests a few levels deep; a run of thousands of openers would make every
          // later search slow, so the oldest beyond MAX_DEPTH is given up as unclosed.
          if (stack.length >= MAX_DEPTH) unclosed(stack.shift()!);
          stack.push(o);
          continue;
        }
        const cf = CLOSE[ch];
        if (cf === undefined) continue;
        let at = -1;
        for (let k = stack.length - 1; k >= 0; k--) {
          if (stack[k].family === cf) {
            at = k;
            break;
          }
        }
        if (at < 0) {
          if (cf === 'single' && isApostrophe(text, i)) continue;
          if (straight.has(cf)) {
            straight.delete(cf);
            continue;
          }
          if (cf === 'round' && isEnumerator(text, p, i)) continue;
          out.push({
            code: isQuote(cf) ? CODES.quoteUnopened : CODES.bracketUnopened,
            severity: 'error',
            message: isQuote(cf)
              ? t(
                  `右引号${ch}前没有配对的左引号${PARTNER[cf][0]}。如是分页或复制时丢了引文的开头，请补全；否则删去多余的${ch}。`,
                  `Closing ${ch} has no opening ${PARTNER[cf][0]} before it. If a page break or copy lost the start of the quotation, restore it; otherwise delete the extra ${ch}.`,
                )
              : t(
                  `右括号${ch}前没有配对的左括号${ch === ')' ? '(' : PARTNER[cf][0]}。请补上左括号，或删去多余的${ch}。`,
                  `Closing ${ch} has no opening ${ch === ')' ? '(' : PARTNER[cf][0]} before it. Add the opening bracket, or delete the extra ${ch}.`,
                ),
            span: { start: i, end: i + 1 },
            related: [],
            fixes: [],
          });
          continue;
        }
        // Marks opened after the partner and still open have lost their own partners.
        for (let k = stack.length - 1; k > at; k--) unclosed(stack[k]);
        const o = stack[at];
        stack = stack.slice(0, at);
        // A nested opener of the same shape that is still listed was closed by this mark
        // instead: only pairs closed while the outer is open count as nesting.
        o.nested = o.nested.filter((n) => !stack.includes(n));
        closeOpen(o, i, ch);
        // If this closer closed an inner same-shape quote, its outer keeps the record.
      }
      if (stack.length === 0) continue;
      const next = paragraphs[pi + 1];
      if (p.continues && next && !next.verbatim) {
        for (const o of stack) o.breaks.push(pi);
        continue;
      }
      // Quotation of several paragraphs: only a “ that opened this paragraph (or was carried
      // into it that way) continues, and only when the next paragraph opens with “ too.
      const carry: Open[] = [];
      for (const o of stack) {
        const opensParagraph = o.offset === p.start || (o.multi && o.paragraph <= pi);
        if (isQuote(o.family) && opensParagraph && next && !next.verbatim && text[next.start] === o.ch && o.breaks.length === 0 && stack.length === 1) {
          o.multi = true;
          carry.push(o);
        } else {
          unclosed(o);
        }
      }
      stack = carry;
    }
    for (const o of stack) unclosed(o);
    return out;
  },
};


/** ’ right after a Latin letter or digit, with no ‘ open: an apostrophe (it’s, students’). */
function isApostrophe(text: string, i: number): boolean {
  return /[A-Za-z0-9]/.test(text[i - 1] ?? '');
}

/** A list enumerator: "1)" "a)" "①)" at the start of a paragraph or after a space or a mark. */
function isEnumerator(text: string, p: Paragraph, i: number): boolean {
  const before = text.slice(Math.max(p.start, i - 4), i);
  const m = /(^|[\s\u3000、；;：:。])([0-9]{1,3}|[A-Za-z]|[①-⑳])$/.exec(before);
  if (!m) return false;
  const startOfToken = i - m[2].length;
  return startOfToken === p.start || /[\s\u3000、；;：:。]/.test(text[startOfToken - 1] ?? '');
}
