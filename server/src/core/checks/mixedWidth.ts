/**
 * Check `mixed-width` (GB/T 15834-2011: one text, one width): code `punct.mixed-width`.
 * - A pair whose halves differ in width: （含农民工), (含农民工）, “十五五", "十五五”. The half in the
 *   wrong width is reported: the half-width one where the pair holds Chinese or follows it
 *   (地区生产总值(GDP）), the full-width one where it holds only Latin letters, digits and signs
 *   and follows none ("Made in China”). The fix writes it in its partner's width.
 * - Full-width digits and Latin letters (２０２６年, ＧＤＰ): one finding per run, fixed to half width.
 * - One mark in both widths within a sentence ("联系人:张明；联系电话：…") is `punct.half-width`'s
 *   wherever the half-width one stands in Chinese text; elsewhere it is the figures' or the
 *   Latin text's (1,286.5, 9:30, {"code":200}), and right. (Measured: a sentence rule of its own
 *   found no mark of the gold corpus that punct.half-width missed, and flagged a JSON snippet.)
 * Silent: verbatim blocks and code; straight quotes paired with each other; apostrophes.
 */
import { inSteps, type Check, type CheckContext } from './check';
import { CODES, Finding } from '../findings';
import { CHINESE_SIDE, HAN } from '../chars';
import { translator } from '../locale';
import type { DocumentModel } from '../model';
import { STEP_ITEMS, Steps } from '../steps';
import { inHeadingMarker, nonProse, proseParagraphs } from './prose';
import { CharClass } from '../text';

const OPENS: Record<string, { family: string; full: boolean }> = {
  '(': { family: 'round', full: false }, '（': { family: 'round', full: true },
  '“': { family: 'double', full: true }, '‘': { family: 'single', full: true },
};
const CLOSES: Record<string, { family: string; full: boolean }> = {
  ')': { family: 'round', full: false }, '）': { family: 'round', full: true },
  '”': { family: 'double', full: true }, '’': { family: 'single', full: true },
};
const STRAIGHT: Record<string, string> = { '"': 'double', "'": 'single' };
/** Every mark of OPENS, CLOSES and STRAIGHT. */
const PAIR_MARKS = new CharClass(Object.keys(OPENS).join('') + Object.keys(CLOSES).join('') + Object.keys(STRAIGHT).join(''));
/** The other width of each mark of a pair. */
const OTHER: Record<string, Record<string, string>> = {
  open: { '(': '（', '（': '(', '“': '"', '‘': "'", '"': '“', "'": '‘' },
  close: { ')': '）', '）': ')', '”': '"', '’': "'", '"': '”', "'": '’' },
};
const FULLWIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]+/g;
/** What a paragraph must hold for this check to find anything: a half-width bracket or quote, or a full-width letter. */
const MAYBE = /[()"'０-９Ａ-Ｚａ-ｚ]/;

const HALF_OPENS: Record<string, true> = { '(': true, '"': true, "'": true };

interface Open {
  at: number;
  family: string;
  full: boolean;
}

/**
 * The pairs of a paragraph's text whose halves differ in width, as offsets of their halves
 * (`punct.half-width` leaves their half-width halves to this check). `skip` tells offsets that
 * are not prose (URLs, code, heading markers).
 */
export function mixedPairs(raw: string, skip: (i: number) => boolean): Array<{ open: number; close: number }> {
  const out: Array<{ open: number; close: number }> = [];
  const stack: Open[] = [];
  const pending = new Map<string, number>();
  const close = (o: Open, at: number, full: boolean) => {
    if (o.full !== full) out.push({ open: o.at, close: at });
  };
  // (From one mark of a pair to the next: most of a paragraph holds none.)
  for (let i = PAIR_MARKS.next(raw, 0, raw.length); i < raw.length; i = PAIR_MARKS.next(raw, i + 1, raw.length)) {
    const c = raw[i];
    if (skip(i)) continue;
    const sf = STRAIGHT[c];
    if (sf !== undefined) {
      // (An apostrophe in Latin text is none: China's.)
      if (c === "'" && !(CHINESE_SIDE.test(raw[i - 1] ?? '') || CHINESE_SIDE.test(raw[i + 1] ?? ''))) continue;
      let k = stack.length - 1;
      while (k >= 0 && stack[k].family !== sf) k--;
      if (k >= 0) {
        close(stack[k], i, false);
        stack.length = k;
      } else if (pending.has(sf)) pending.delete(sf);
      else pending.set(sf, i);
      continue;
    }
    const o = OPENS[c];
    if (o) {
      stack.push({ at: i, family: o.family, full: o.full });
      continue;
    }
    const cl = CLOSES[c];
    let k = stack.length - 1;
    while (k >= 0 && stack[k].family !== cl.family) k--;
    if (k >= 0) {
      close(stack[k], i, cl.full);
      stack.length = k;
    } else if (pending.has(cl.family)) {
      close({ at: pending.get(cl.family)!, family: cl.family, full: false }, i, cl.full);
      pending.delete(cl.family);
    }
  }
  return out.sort((a, b) => a.open - b.open);
}

export const mixedWidth: Check = inSteps({
  id: 'mixed-width',
  codes: [CODES.punctMixedWidth],
  heavy: false,
  crossDocument: false,
  // (In steps, a pause every STEP_ITEMS paragraphs: a large document's analysis on the server's
  // main thread lets other documents be answered meanwhile.)
  *steps(model: DocumentModel, ctx: CheckContext): Steps<Finding[]> {
    const t = translator(ctx.locale);
    const out: Finding[] = [];
    const report = (at: number, end: number, newText: string, zh: string, en: string, fixZh: string, fixEn: string) =>
      out.push({
        code: CODES.punctMixedWidth,
        severity: 'warning',
        message: t(zh, en),
        span: { start: at, end },
        related: [],
        fixes: [{ title: t(fixZh, fixEn), edits: [{ span: { start: at, end }, newText }] }],
      });
    const reportPair = (span: { start: number; end: number }, edit: { span: { start: number; end: number }; newText: string }, zh: string, en: string, fixZh: string, fixEn: string) =>
      out.push({ code: CODES.punctMixedWidth, severity: 'warning', message: t(zh, en), span, related: [], fixes: [{ title: t(fixZh, fixEn), edits: [edit] }] });
    const inMarker = inHeadingMarker(model);
    let read = 0;
    for (const { p, raw } of proseParagraphs(model)) {
      if (++read % STEP_ITEMS === 0) yield;
      // (Most paragraphs hold nothing this check reads: no half-width bracket or quote, no full-width letter.)
      if (!MAYBE.test(raw)) continue;
      const skip = nonProse(raw, model.kind, { fileNames: false });
      const skipped = (i: number) => skip.some((x) => x.start <= i && i < x.end);

      // Pairs whose halves differ in width.
      for (const m of mixedPairs(raw, (i) => skipped(i) || inMarker(p.start + i))) {
        // (As punct.half-width judges a pair: what it holds, or what stands before it, is Chinese.)
        const inside = raw.slice(m.open + 1, m.close);
        let b = m.open - 1;
        while (b >= 0 && /[ \t]/.test(raw[b])) b--;
        const chinese = HAN.test(inside) || (b >= 0 && CHINESE_SIDE.test(raw[b]));
        // The half that is wrong: half-width around Chinese, full-width around Latin only.
        const openWrong = chinese === (raw[m.open] in HALF_OPENS);
        const [at, side] = openWrong ? [m.open, 'open'] : [m.close, 'close'];
        const ch = raw[at];
        const right = OTHER[side][ch];
        const pair = `${raw[m.open]}…${raw[m.close]}`;
        // (The finding covers the pair: which half is wrong is a house style's choice around a
        // Latin abbreviation, "(PPP）"; that they differ is not. The fix writes the one above.)
        const fix = { span: { start: p.start + at, end: p.start + at + 1 }, newText: right };
        reportPair(
          { start: p.start + m.open, end: p.start + m.close + 1 }, fix,
          `“${pair}”的两半宽度不一：${chinese ? '在中文里应都用全角' : '括着外文或数字，应都用半角'}，“${ch}”应为“${right}”。`,
          `The halves of "${pair}" differ in width: ${chinese ? 'in Chinese text both are full-width' : 'around Latin text both are half-width'}, so "${ch}" should be "${right}".`,
          `改为“${right}”`, `Change to "${right}"`,
        );
      }

      // Full-width digits and letters.
      FULLWIDTH_ALNUM.lastIndex = 0;
      for (let m = FULLWIDTH_ALNUM.exec(raw); m; m = FULLWIDTH_ALNUM.exec(raw)) {
        const half = [...m[0]].map((ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).join('');
        report(
          p.start + m.index, p.start + m.index + m[0].length, half,
          `全角的字母或数字“${m[0]}”应为半角“${half}”。`, `Full-width letters or digits "${m[0]}": write the half-width "${half}".`,
          `改为半角“${half}”`, `Change to the half-width "${half}"`,
        );
      }
    }

    return out.sort((a, b) => a.span.start - b.span.start);
  },
});
