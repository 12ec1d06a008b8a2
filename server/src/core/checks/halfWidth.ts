/**
 * Check `half-width` (GB/T 15834-2011: Chinese running text takes full-width marks).
 *
 * Code `punct.half-width`: a half-width , ; : ? ! ( ) in Chinese text, with a quick fix that
 * writes its full-width form (and drops the spaces a paste left around it).
 * - , ; : ? ! are Chinese text's when a Chinese character or mark stands on either side of them
 *   and no Latin letter on the other ("增长5.2%,全市", "2025年,", "各位代表!", "主要目标:").
 * - ( ) are when what they hold, or what stands before the opening one, is Chinese
 *   ("(含农民工)", "地区生产总值(GDP)"); a lone one by its neighbours.
 *
 * Silent: between digits (1,000万元, 14:30, 1:1) or letters and digits (A1:F20), among Latin letters ("Made in China 2025",
 * "GDP (nominal)", ISO 9001:2015), inside URLs, e-mail addresses, file names (表(2026版).xlsx), markdown code and verbatim
 * blocks, and in heading markers ("(一)", "第一,"), which `heading.marker` reports; in emoticons,
 * formulas ("(x,y)", "!="), menu keys ("属性(R)"), marks quoted to be named ("“,”"), IPv6 and MAC
 * addresses, and bibliographic entries (GB/T 7714: "[M]. 北京: 中国统计出版社, 2023").
 */
import { inSteps, type Check, type CheckContext } from './check';
import { CODES, Finding } from '../findings';
import { translator } from '../locale';
import type { DocumentModel } from '../model';
import { STEP_ITEMS, Steps } from '../steps';
import type { Span } from '../text';
import { mixedPairs } from './mixedWidth';
import { inHeadingMarker, nonProse, proseParagraphs } from './prose';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const MARK = /[,;:?!()]/g;
/** Chinese characters and Chinese (full-width) marks. */
const CHINESE = /[\p{Script=Han}，。；：？！、“”‘’（）《》【】〈〉「」『』…—·～]/u;
const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9]/;
const SPACE = /[ \t]/;
/** What a figure is written with, passed over when judging a mark's side: spaces, digits, 5.2%, ‰. */
const FIGURE_CHAR = /[ \t0-9.%％‰]/;
/** What a short Latin term is written with: PM2.5, 5G, COVID-19. */
const TERM_CHAR = /[A-Za-z0-9.\-]/;
/**
 * Not prose either: emoticons (:) ;-) :-D (T_T) (^_^)), IPv6 and MAC addresses, a mark quoted to be
 * named ("英文逗号“,”", "“?”“:”"), and the operators != and n! of code and formulas.
 */
const NOT_TEXT = /(?<![A-Za-z0-9])[:;][-']?[()DPp](?![A-Za-z0-9])|\([^\s()\p{Script=Han}]{1,3}_[^\s()\p{Script=Han}]{1,3}\)|\(\^[_\-.]?\^\)|(?<![0-9A-Fa-f:])[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Fa-f:])|(?<=[“‘「])[,;:?!()|*](?=[”’」])|!=|(?<=[0-9A-Za-z])!/gu;
/** A bibliographic entry (GB/T 7714): its marks are half-width by that standard. */
const REFERENCE = /\[(?:M|J|N|R|C|D|P|S|Z|A|G|EB\/OL|DB|CP)(?:\/OL)?\]/;
export const halfWidth: Check = inSteps({
  id: 'half-width',
  codes: [CODES.punctHalfWidth],
  heavy: false,
  crossDocument: false,
  // (In steps, a pause every STEP_ITEMS paragraphs: a large document's analysis on the server's
  // main thread lets other documents be answered meanwhile.)
  *steps(model: DocumentModel, ctx: CheckContext): Steps<Finding[]> {
    const out: Finding[] = [];
    const t = translator(ctx.locale);
    // Heading markers are heading.marker's: "(一)", "第一,".
    const inMarker = inHeadingMarker(model);
    let read = 0;
    for (const { p, raw } of proseParagraphs(model)) {
      if (++read % STEP_ITEMS === 0) yield;
      if (!/[,;:?!()]/.test(raw) || REFERENCE.test(raw)) continue;
      const skip: Span[] = nonProse(raw, model.kind);
      NOT_TEXT.lastIndex = 0;
      for (let m = NOT_TEXT.exec(raw); m; m = NOT_TEXT.exec(raw)) skip.push({ start: m.index, end: m.index + m[0].length });
      const skipped = (i: number) => skip.some((s) => s.start <= i && i < s.end);
      /** The nearest character before or after `i` that is not a space (or undefined at the paragraph's edge). */
      const before = (i: number) => {
        let k = i - 1;
        while (k >= 0 && SPACE.test(raw[k])) k--;
        return k >= 0 ? raw[k] : undefined;
      };
      const after = (i: number) => {
        let k = i + 1;
        while (k < raw.length && SPACE.test(raw[k])) k++;
        return k < raw.length ? raw[k] : undefined;
      };
      const chinese = (c: string | undefined) => c !== undefined && CHINESE.test(c);
      const latin = (c: string | undefined) => c !== undefined && LATIN.test(c);
      const digit = (c: string | undefined) => c !== undefined && DIGIT.test(c);
      /** The matching ) of the ( at `i`, in this paragraph. */
      const closing = (i: number) => {
        let depth = 0;
        for (let k = i; k < raw.length; k++) {
          if (raw[k] === '(') depth++;
          else if (raw[k] === ')' && --depth === 0) return k;
          else if (raw[k] === '\n' && raw[k + 1] === '\n') return -1;
        }
        return -1;
      };
      /** What stands on one side of `i`, past spaces and figures: Chinese, Latin, or neither. */
      const side = (i: number, dir: 1 | -1): 'zh' | 'latin' | undefined => {
        let k = i + dir;
        while (k >= 0 && k < raw.length && FIGURE_CHAR.test(raw[k])) k += dir;
        if (k < 0 || k >= raw.length) return undefined;
        // (A URL or an address is neither: "网址:https://……" is Chinese text's colon.)
        if (skipped(k)) return undefined;
        if (chinese(raw[k])) return 'zh';
        if (!latin(raw[k])) return undefined;
        // (A short Latin term within Chinese, PM2.5, 5G, IP: the text goes on in Chinese past it.)
        let run = 0;
        while (k >= 0 && k < raw.length && TERM_CHAR.test(raw[k])) {
          k += dir;
          run++;
        }
        return run <= 8 && k >= 0 && k < raw.length && /\p{Script=Han}/u.test(raw[k]) ? 'zh' : 'latin';
      };
      const flagged = new Set<number>();
      // A bracket whose partner is full-width is punct.mixed-width's: "（含农民工)".
      for (const m of mixedPairs(raw, (i) => skipped(i) || inMarker(p.start + i))) flagged.add(m.open).add(m.close);
      const mixed = new Set(flagged);
      /** Closing brackets judged with their opening one. */
      const judged = new Set<number>();
      MARK.lastIndex = 0;
      for (let m = MARK.exec(raw); m; m = MARK.exec(raw)) {
        const i = m.index;
        const c = m[0];
        if (flagged.has(i) || skipped(i) || inMarker(p.start + i)) continue;
        const prev = before(i);
        const next = after(i);
        if (c === '(') {
          const j = closing(i);
          const inside = j > i ? raw.slice(i + 1, j) : '';
          const chineseInside = /[\p{Script=Han}]/u.test(inside);
          if (j > i) judged.add(j);
          // (A menu's access key, "属性(R)", and a formula's brackets, "(x,y)", "(0,+∞)", "P(A)", are
          // not the text's: a letter alone, or Latin and signs with an operator or a comma.)
          if (j > i && !chineseInside && (/^[A-Za-z]$/.test(inside) || /^[\x21-\x7e∞±×÷≤≥≠√π\s]*[,=+\-*/<>^∞][\x21-\x7e∞±×÷≤≥≠√π\s]*$/.test(inside))) continue;
          if (j > i ? chineseInside || chinese(prev) : chinese(prev) || chinese(next)) {
            flagged.add(i);
            if (j > i && !skipped(j) && !inMarker(p.start + j)) flagged.add(j);
          }
          continue;
        }
        if (c === ')') {
          // (One judged with its opening above: "(April 2025)》" is English's; a lone one by its
          // neighbours.)
          if (!judged.has(i) && (chinese(prev) || (chinese(next) && !latin(prev)))) flagged.add(i);
          continue;
        }
        if (digit(prev) && digit(next)) continue;
        // (Between letters or digits with no space, the mark is theirs: A1:F20, N,N-二甲基.)
        if (/[A-Za-z0-9]/.test(raw[i - 1] ?? '') && /[A-Za-z0-9]/.test(raw[i + 1] ?? '')) continue;
        // (Judged by the words on either side, past figures and short Latin terms: "87%,42个村",
        // "增长10.3%;PM2.5浓度" are Chinese text's; "World Bank,世界银行" is not told.)
        const left = side(i, -1);
        const right = side(i, 1);
        if ((left === 'zh' && right !== 'latin') || (right === 'zh' && left !== 'latin')) flagged.add(i);
      }
      for (const i of [...flagged].filter((k) => !mixed.has(k)).sort((a, b) => a - b)) {
        const c = raw[i];
        const full = FULL[c];
        // The fix takes the spaces a paste left beside the mark, where Chinese text meets it.
        let start = i;
        let end = i + 1;
        if (c === '(') while (start > 0 && SPACE.test(raw[start - 1]) && chinese(before(i))) start--;
        else while (end < raw.length && SPACE.test(raw[end]) && chinese(after(i))) end++;
        const at = p.start + i;
        out.push({
          code: CODES.punctHalfWidth,
          severity: 'warning',
          message: t(`中文文本中的半角“${c}”应为全角“${full}”（GB/T 15834-2011）。`, `Half-width "${c}" in Chinese text: write the full-width "${full}" (GB/T 15834-2011).`),
          span: { start: at, end: at + 1 },
          related: [],
          fixes: [{ title: t(`改为全角“${full}”`, `Change to the full-width "${full}"`), edits: [{ span: { start: p.start + start, end: p.start + end }, newText: full }] }],
        });
      }
    }
    return out;
  },
});
