/**
 * Check `headings`: the numbering of headings (GB/T 9704-2012 7.3.3: 一、 → （一） → 1. → （1）;
 * GB/T 15834-2011 for the marks that go with them).
 *
 * Codes:
 * - `heading.sequence`: within one list of sibling headings (the children of one outline node,
 *   or the top level, that share a heading form) the numbers run 1, 2, 3… A gap (（一）（三）),
 *   a repeat (（二）（二）), a wrong order (（三）（二）) or a list under a numbered heading that
 *   does not start at 1 is reported on the marker, with the previous sibling (or the parent) as
 *   related location. A slip is reported once: when the headings after it carry on from it, the
 *   list goes on from there (1 2 4 5: only 4); when they carry on from where it should have
 *   been, it counts as a typo (1 2 7 4: only 7) or a stray (1 2 9 3: only 9); two swapped
 *   headings are one finding. 第一，第二， may start over at 第一 within a section (a speech
 *   counts its points afresh); the other forms may not (a missing parent heading).
 * - `heading.marker`: a marker of the wrong form, with a quick fix that rewrites it (GB/T
 *   15834-2011 on the marks after ordinals): 一. 一， (a Chinese numeral takes 、), 1、 (an Arabic
 *   numeral takes the dot: 1. or 1．), （一）、 （一）. （1）， (nothing follows a bracket), 第一,
 *   第一: (half-width marks in Chinese text), (一) (brackets around a Chinese numeral are
 *   full-width), a marker with one half-width and one full-width bracket, and widths mixed within
 *   one list of (1) siblings: the minority is reported (on a tie the full-width brackets win, and
 *   for the dot after Arabic numerals the half-width 1.). In the text too, heading or not, at a
 *   line's or clause's start: 第一、 其一、 首先、 (these take a comma) and ①、 ①. (nothing after a
 *   circled number).
 *
 * Silent by convention: a list that starts above 1 at the top of a document or after a
 * "（上接第二版）" note (a continuation page: seed 003 opens at （四）), as long as no numbered
 * heading above it started in the text; lists under different parents, each restarting at （一）;
 * 第一， in speeches; titles and markdown headings without a marker; table-of-contents
 * lines (not headings); a list of (1) consistently written with half-width brackets.
 */
import { lineWords } from '../origins';
import type { Check, CheckContext } from './check';
import { CODES, Finding, Related } from '../findings';
import { CONTINUATION_NOTE, Heading, HeadingForm } from '../headings';
import { translator } from '../locale';
import type { DocumentModel } from '../model';
import { OutlineNode, buildOutline } from '../outline';
import { clip, firstAtOrAfter } from '../text';
import { inHeadingMarker, proseParagraphs } from './prose';

/**
 * An ordinal at the start of a line or clause with the wrong mark after it: 第一、 其二、 首先、
 * (not 第一、第二产业, a list of ordinals; after a comma too, "……，其次、要"), ①、 ②. (not ①、②,
 * two items named). Groups: 1 the 第/其/首 ordinal, 2 the circled number, 3 its mark.
 */
const ORDINAL_MARK =
  /(?<=^|[。；：！？;:!?，,\s\u3000“（(])(?:(第[一二三四五六七八九十]{1,3}|其[一二三四五六七八九十]|首先|其次|再次)、(?![一二两三四五六七八九十其])|([①-⑳❶-❿])([、，.．])(?![①-⑳❶-❿]))/gu;

/**
 * A numbered item run into the text after a colon or a clause's end, with the wrong mark: "：一.增开",
 * "；二，层次高", "：1、新投产", "：（1）、宾馆". Groups: 1 a Chinese numeral and 2 its mark, 3 an Arabic
 * one, 4 a bracketed number and 5 the marks after it. Before words only: "：1、2月份", "：一，二" list
 * numbers.
 */
const RUN_IN_MARK =
  /(?<=[。；;]|(?<![0-9０-９])[：:])[\s\u3000]*(?:([一二三四五六七八九十]{1,3})([.．，,])(?=(?![一二两三四五六七八九十百千万零])\p{Script=Han})|([0-9０-９]{1,2})、(?=\p{Script=Han})|([（(](?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})[）)])([、，,.．]+))/gu;

type NumberedForm = Exclude<HeadingForm, 'title' | 'markdown'>;

interface SiblingList {
  parent?: OutlineNode;
  form: NumberedForm;
  items: Heading[];
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (markers go no higher). */
function chineseNumeral(n: number): string {
  if (n <= 0 || n >= 1000 || !Number.isInteger(n)) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = '';
  if (h) s += CN_DIGITS[h] + '百';
  if (t) s += (t === 1 && !h ? '' : CN_DIGITS[t]) + '十';
  else if (h && u) s += '零';
  if (u) s += CN_DIGITS[u];
  return s;
}

const isCnForm = (form: NumberedForm) => form === 'cn' || form === 'ordinal' || form === 'cn-paren';

/** The marker `marker` written with the number `n` instead, in the same style. */
function renumber(marker: string, form: NumberedForm, n: number): string {
  if (isCnForm(form)) return marker.replace(/[一二三四五六七八九十百零]+/, chineseNumeral(n));
  return marker.replace(/[0-9０-９]+/, (d) =>
    /[０-９]/.test(d) ? String(n).replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : String(n));
}

/** The marker without a stray mark after its bracket: "（一）、" → "（一）". */
function core(h: Heading): string {
  const m = h.marker ?? '';
  if (h.form === 'cn-paren' || h.form === 'arabic-paren') return m.replace(/[、，,.．]+$/, '');
  return m;
}

type Width = 'full' | 'half' | 'mixed';

function bracketWidth(marker: string): Width {
  const open = marker[0];
  const close = /[）)]/.exec(marker)?.[0] ?? '';
  if (open === '（' && close === '）') return 'full';
  if (open === '(' && close === ')') return 'half';
  return 'mixed';
}

interface ListStyle {
  /** Brackets the list agrees on: the majority, full-width on a tie. */
  width?: 'full' | 'half';
  /** The dot after Arabic numerals the list agrees on: the majority, 1. on a tie. */
  dot?: '.' | '．';
}

function listStyle(list: SiblingList): ListStyle {
  const { items, form } = list;
  // Brackets that hold a Chinese numeral hold Chinese text: full-width, whatever the siblings do
  // (GB/T 15834-2011 4.9; punct.half-width's rule for brackets around Chinese).
  if (form === 'cn-paren') return { width: 'full' };
  // (1) (2) in half-width brackets throughout is tolerated; mixed with （1）, the full-width ones
  // of Chinese text are the right ones.
  if (form === 'arabic-paren') {
    const widths = items.map((h) => bracketWidth(h.marker!));
    return { width: widths.every((w) => w === 'half') ? 'half' : 'full' };
  }
  if (form === 'arabic') {
    const dots = items.map((h) => h.marker!.slice(-1));
    const full = dots.filter((d) => d === '．').length;
    const half = dots.filter((d) => d === '.').length;
    return { dot: full > half ? '．' : '.' };
  }
  return {};
}

/** The marker as it should be written in its list: "(五)、" → "（五）", "1、" → "1.", "第二," → "第二，". */
function canonical(h: Heading, style: ListStyle): string {
  const m = h.marker!;
  switch (h.form) {
    case 'cn-paren':
    case 'arabic-paren': {
      const r = /^[（(](.+?)[）)]/.exec(m);
      if (!r) return m;
      return style.width === 'half' ? `(${r[1]})` : `（${r[1]}）`;
    }
    case 'arabic':
      return m.slice(0, -1) + (style.dot ?? '.');
    case 'ordinal':
      return m.replace(/,$/, '，').replace(/:$/, '：');
    case 'cn':
      // A Chinese numeral without brackets takes 、 (GB/T 15834-2011 4.5.3.5, B.2.2.2).
      return m.slice(0, -1) + '、';
    default:
      return m;
  }
}

export const headingNumbers: Check = {
  id: 'headings',
  heavy: false,
  crossDocument: false,
  codes: [CODES.headingSequence, CODES.headingMarker],
  run(model: DocumentModel, ctx: CheckContext): Finding[] {
    const outline = ctx.outline ?? buildOutline(model);
    const lineOf = (offset: number) => lineWords(model.origins, model.lines.lineAt(offset) + 1);
    const at = (h: Heading) => h.markerSpan ?? h.nameSpan;
    const t = translator(ctx.locale);
    const out: Finding[] = [];

    // Every list of numbered siblings, and where each form first appears in the document.
    const lists: SiblingList[] = [];
    const firstOfForm = new Map<NumberedForm, number>();
    const collect = (nodes: OutlineNode[], parent?: OutlineNode) => {
      const byForm = new Map<NumberedForm, SiblingList>();
      for (const n of nodes) {
        const h = n.heading;
        if (h.form !== 'title' && h.form !== 'markdown' && h.number !== undefined && h.marker && h.markerSpan) {
          let list = byForm.get(h.form);
          if (!list) {
            list = { parent, form: h.form, items: [] };
            byForm.set(h.form, list);
            lists.push(list);
          }
          list.items.push(h);
          const first = firstOfForm.get(h.form);
          if (first === undefined || h.span.start < first) firstOfForm.set(h.form, h.span.start);
        }
        collect(n.children, n);
      }
    };
    collect(outline);

    // "（上接第二版）": the text carries on from a page not in the document.
    // (The model keeps such notes as page furniture, out of its paragraphs.)
    const continuations = [...model.paragraphs, ...model.furniture.map((f) => ({ start: f.start, text: model.text.slice(f.start, f.end).trim() }))]
      .filter((p) => CONTINUATION_NOTE.test(p.text) && /[上]接/.test(p.text))
      .map((p) => p.start)
      .sort((a, b) => a - b);

    for (const list of lists) {
      const style = listStyle(list);
      sequence(list, style);
      markers(list, style);
    }
    ordinalsInText();
    return out.sort((a, b) => a.span.start - b.span.start);

    /**
     * Ordinals in the text, heading or not, followed by the wrong mark: 第一、 其一、 首先、 (these
     * take a comma) and ①、 ①. (a circled numeral takes none) at a line's or clause's start, and
     * items numbered into the text after a colon or a clause's end (：一.增开, ；2、光伏, ：（1）、宾馆).
     * Headings' own markers are markers()'s.
     */
    function ordinalsInText(): void {
      const inMarker = inHeadingMarker(model);
      // (A heading's 第一、 is this scan's too: markers() reports only the half-width marks after 第一.)
      const push = (start: number, written: string, fixed: string, zh: string, en: string, headingsToo = false, edit?: { start: number; end: number; newText: string }) => {
        if (!headingsToo && inMarker(start)) return;
        const span = { start, end: start + written.length };
        const edits = [edit ? { span: { start: edit.start, end: edit.end }, newText: edit.newText } : { span, newText: fixed }];
        out.push({
          code: CODES.headingMarker,
          severity: 'warning',
          message: t(`序号“${written}”${zh}：请改为“${fixed}”。`, `Ordinal "${written}" ${en}: change it to "${fixed}".`),
          span,
          related: [],
          fixes: [{ title: t(`改为“${fixed}”`, `Change to "${fixed}"`), edits }],
        });
      };
      for (const { p, raw } of proseParagraphs(model)) {
        if (/[第其首次①-⑳❶-❿]/.test(raw)) {
          ORDINAL_MARK.lastIndex = 0;
          for (let m = ORDINAL_MARK.exec(raw); m; m = ORDINAL_MARK.exec(raw)) {
            const start = p.start + m.index;
            if (m[2] !== undefined) {
              push(start, m[0], m[2], `后多了“${m[3]}”（带圈的序号后面不加标点，GB/T 15834-2011）`, `has an extra "${m[3]}" (a circled number takes no punctuation after it, GB/T 15834-2011)`, true);
              continue;
            }
            // (第一、第二产业 lists two ordinals; 第三、第三段…… is one with its wrong mark.)
            const next = /^第([一二三四五六七八九十]{1,3})/.exec(raw.slice(m.index + m[0].length));
            if (next && `第${next[1]}` !== m[1]) continue;
            push(start, m[0], `${m[1]}，`, '用了顿号（“第”字头、“其”字头和“首先”类序次语后用逗号，GB/T 15834-2011）', 'uses the enumeration comma "、" (ordinals of the "第一", "其一" and "首先" kinds take a comma, GB/T 15834-2011)', true);
          }
        }
        if (!/[。；：;:]/.test(raw)) continue;
        RUN_IN_MARK.lastIndex = 0;
        for (let m = RUN_IN_MARK.exec(raw); m; m = RUN_IN_MARK.exec(raw)) {
          const lead = /^[\s\u3000]*/.exec(m[0])![0].length;
          const start = p.start + m.index + lead;
          const written = m[0].slice(lead);
          if (m[1] !== undefined) {
            const dot = m[2] === '.' || m[2] === '．';
            push(start, written, `${m[1]}、`, `用了${dot ? '下脚点' : '逗号'}（汉字数字序号后用顿号，GB/T 15834-2011）`, `uses ${dot ? 'a dot' : 'a comma'} (a Chinese numeral as an ordinal takes "、", GB/T 15834-2011)`);
          } else if (m[3] !== undefined) {
            push(start, written, `${m[3]}.`, '用了顿号（阿拉伯数字序号后用下脚点，不用顿号，GB/T 15834-2011）', 'uses the enumeration comma "、" (an Arabic numeral as an ordinal takes a dot, GB/T 15834-2011)');
          } else {
            // (The fix deletes the marks after the bracket only: the bracket's own width is punct.half-width's.)
            push(start, written, m[4], `的括号后多了“${m[5]}”（括号已把序号和后文隔开，后面不再加标点，GB/T 15834-2011）`, `has an extra "${m[5]}" after the bracket (the bracket already sets the number off, so no punctuation follows it, GB/T 15834-2011)`, false, { start: start + m[4].length, end: start + written.length, newText: '' });
          }
        }
      }
    }

    function mayStartAbove1(list: SiblingList): boolean {
      const parent = list.parent?.heading;
      // A numbered heading above it started in the text: so must its list.
      if (parent && parent.number !== undefined && parent.form !== 'title') return false;
      const first = list.items[0];
      if (firstOfForm.get(list.form) === first.span.start) return true;
      const from = parent ? parent.span.end : 0;
      // The first note at or after `from` (the notes are in document order).
      const k = firstAtOrAfter(continuations, from);
      return k < continuations.length && continuations[k] < first.span.start;
    }

    function sequence(list: SiblingList, style: ListStyle): void {
      const { items, form } = list;
      const written = (h: Heading) => canonical(h, style);
      // Whether the previous heading's number is one to count on from.
      let prevTrusted = true;
      let expected = mayStartAbove1(list) ? items[0].number! : 1;
      for (let i = 0; i < items.length; i++) {
        const h = items[i];
        const n = h.number!;
        if (n === expected) {
          expected++;
          prevTrusted = true;
          continue;
        }
        // A speech starts a new run of 第一，第二， wherever a new point needs one.
        if (form === 'ordinal' && n === 1 && i > 0) {
          expected = 2;
          prevTrusted = true;
          continue;
        }
        const next = items[i + 1]?.number;
        const want = renumber(written(h), form, expected);
        const found = `“${core(h)}”`;
        const foundEn = `"${core(h)}"`;
        const prev = items[i - 1];
        // Two headings swapped: （一）（三）（二）（四）.
        if (next === expected && n === expected + 1) {
          const second = items[i + 1];
          out.push({
            code: CODES.headingSequence,
            severity: 'warning',
            message: t(
              `标题序号顺序颠倒：“${core(h)}”（${lineOf(h.span.start).zh}）排在了“${core(second)}”前面，` +
                `“${core(second)}”应在前。请对调这两部分，或把序号依次改为“${renumber(written(h), form, expected)}”“${renumber(written(second), form, expected + 1)}”。`,
              `Heading numbers swapped: "${core(h)}" (${lineOf(h.span.start).en}) comes before "${core(second)}", ` +
                `which should come first. Swap the two sections, or renumber them "${renumber(written(h), form, expected)}" and "${renumber(written(second), form, expected + 1)}" in this order.`,
            ),
            span: at(second),
            related: [{ span: at(h), message: t(`上一个同级标题“${core(h)}”（${lineOf(h.span.start).zh}）`, `Previous heading at this level: "${core(h)}" (${lineOf(h.span.start).en})`) }],
            fixes: [],
          });
          expected += 2;
          i++;
          prevTrusted = true;
          continue;
        }
        // The headings after this one carry on from it: the list goes on from here. They carry
        // on from where it should have been: a typo that stands alone.
        const resync = next === undefined || next === n + 1;
        const intruder = !resync && next === expected;
        const tail = resync && i + 1 < items.length
          ? t(
              `如确有缺漏请补上，否则请改为“${want}”，并把后面的序号依次顺延。`,
              `If a heading is really missing, add it; otherwise change this one to "${want}" and renumber the headings after it accordingly.`,
            )
          : intruder
            ? t(
                `后面的“${core(items[i + 1])}”（${lineOf(items[i + 1].span.start).zh}）才接上顺序：这个标题的序号有误或放错了位置，请核对。`,
                `The sequence resumes only at the next one, "${core(items[i + 1])}" (${lineOf(items[i + 1].span.start).en}): this heading's number is wrong or the heading is out of place. Check it.`,
              )
            : t(`请改为“${want}”。`, `Change it to "${want}".`);
        let message: string;
        let related: Related[];
        if (!prev && !list.parent) {
          message = t(
            `标题序号没有从头开始：应为“${want}”，这里是${found}。请改为“${want}”。`,
            `Heading numbering does not start at the first number: this should be "${want}", not ${foundEn}. Change it to "${want}".`,
          );
          related = [];
        } else if (!prev) {
          const p = list.parent!.heading;
          const pname = clip(p.name, 20);
          message = t(
            `标题序号没有从头开始：这是“${pname}”（${lineOf(p.span.start).zh}）下第一个这一级的标题，` +
              `应为“${want}”，这里是${found}。${resync && i + 1 < items.length ? `如前面确有缺漏请补上，否则请从这里起依次改正序号。` : `请改为“${want}”。`}`,
            `Heading numbering does not start at the first number: this is the first heading of its level under "${pname}" (${lineOf(p.span.start).en}), ` +
              `so it should be "${want}", not ${foundEn}. ${resync && i + 1 < items.length ? 'If headings before it are really missing, add them; otherwise renumber the headings from here on.' : `Change it to "${want}".`}`,
          );
          related = [{ span: at(p), message: t(`上一级标题“${pname}”（${lineOf(p.span.start).zh}）`, `Parent heading: "${pname}" (${lineOf(p.span.start).en})`) }];
        } else {
          const pm = core(prev);
          const pl = lineOf(prev.span.start);
          // After a heading whose own number is a slip, count from where the list should be.
          const after = prevTrusted ? `上一个同级标题“${pm}”（${pl.zh}）之后应为` : '按顺序这里应为';
          const note = prevTrusted ? '' : `（上一个同级标题“${pm}”在${pl.zh}，它的序号也有误）`;
          // 'after the previous heading at this level, "2." (line 5), comes "3."'
          const expectedEn = prevTrusted
            ? `after the previous heading at this level, "${pm}" (${pl.en}), comes "${want}"`
            : `in sequence "${want}" comes here`;
          const noteEn = prevTrusted ? '' : ` (the previous heading at this level, "${pm}" on ${pl.en}, is misnumbered too)`;
          if (n === prev.number) {
            message = t(
              `标题序号重复：${after}“${want}”，这里又是${found}${note}。请改为“${want}”。`,
              `Heading number repeated: ${expectedEn}, but this one is ${foundEn} again${noteEn}. Change it to "${want}".`,
            );
          } else if (n > expected) {
            message = t(
              `标题序号跳号：${after}“${want}”，这里是${found}${note}。${tail}`,
              `Heading number skipped: ${expectedEn}, but this one is ${foundEn}${noteEn}. ${tail}`,
            );
          } else if (n === 1) {
            message = t(
              `标题序号重新从${found}开始：${after}“${want}”${note}。` +
                `如这里开始新的一部分，可能缺了上一级标题；否则请改为“${want}”，并把后面的序号依次顺延。`,
              `Heading numbering starts again at ${foundEn}: ${expectedEn}${noteEn}. ` +
                `If a new part begins here, a higher-level heading may be missing; otherwise change it to "${want}" and renumber the headings after it accordingly.`,
            );
          } else {
            message = t(
              `标题序号顺序不对：${after}“${want}”，这里却是${found}${note}。${tail}`,
              `Heading number out of order: ${expectedEn}, but this one is ${foundEn}${noteEn}. ${tail}`,
            );
          }
          related = [{ span: at(prev), message: t(`上一个同级标题“${pm}”（${lineOf(prev.span.start).zh}）`, `Previous heading at this level: "${pm}" (${lineOf(prev.span.start).en})`) }];
        }
        // The fix the message names: this number, and (where the headings after it carry on from
        // it) theirs in turn. None where the message asks to check (a heading out of place).
        const fixes: Finding['fixes'] = [];
        // (Nor on a marker of the wrong form: heading.marker's fix is on it first.)
        const asWritten = (x: Heading) => x.markerSpan !== undefined && model.text.slice(x.markerSpan.start, x.markerSpan.end) === written(x);
        if (!intruder && h.markerSpan) {
          const renumbered = resync && i + 1 < items.length ? items.slice(i) : [h];
          if (renumbered.every(asWritten)) {
            fixes.push({
              title: renumbered.length > 1 ? t(`改为“${want}”，后面的序号依次顺延`, `Change to "${want}" and renumber the headings after it`) : t(`改为“${want}”`, `Change to "${want}"`),
              edits: renumbered.map((x, k) => ({ span: x.markerSpan!, newText: renumber(written(x), form, expected + k) })),
            });
          }
        }
        out.push({ code: CODES.headingSequence, severity: 'warning', message, span: at(h), related, fixes });
        if (resync) expected = n + 1;
        else if (!intruder) expected++;
        prevTrusted = resync;
      }
    }

    function markers(list: SiblingList, style: ListStyle): void {
      const { items, form } = list;
      // For each sibling, the nearest one before and after it written the way the list agrees on.
      const agrees = (x: Heading) =>
        form === 'arabic' ? x.marker!.endsWith(style.dot!) : form === 'cn' || form === 'ordinal' ? canonical(x, style) === x.marker : bracketWidth(x.marker!) === style.width;
      const before: number[] = [];
      const after: number[] = [];
      for (let i = 0, last = -1; i < items.length; i++) {
        before.push(last);
        if (agrees(items[i])) last = i;
      }
      for (let i = items.length - 1, last = -1; i >= 0; i--) {
        after[i] = last;
        if (agrees(items[i])) last = i;
      }
      for (let i = 0; i < items.length; i++) {
        const h = items[i];
        const m = h.marker!;
        const fixed = canonical(h, style);
        if (fixed === m) continue;
        const problems: string[] = [];
        const problemsEn: string[] = [];
        let related: Related[] = [];
        let onlyWidth = false;
        /** The sibling nearest to this one that the list agrees with, the earlier one on a tie. */
        const nearest = (): Heading | undefined => {
          const b = before[i];
          const a = after[i];
          if (b < 0) return a < 0 ? undefined : items[a];
          if (a < 0 || i - b <= a - i) return items[b];
          return items[a];
        };
        const sibling = (other: Heading | undefined, shown: string) => {
          if (other) {
            related = [{
              span: at(other),
              message: t(`同级标题“${shown}”（${lineOf(other.span.start).zh}）`, `Heading at the same level: "${shown}" (${lineOf(other.span.start).en})`),
            }];
          }
        };
        if (form === 'cn-paren' || form === 'arabic-paren') {
          const w = bracketWidth(m);
          const extra = m.slice(core(h).length);
          const name = (x: 'full' | 'half') => (x === 'half' ? '半角' : '全角');
          const nameEn = (x: 'full' | 'half') => (x === 'half' ? 'half-width' : 'full-width');
          if (w === 'mixed') {
            problems.push('左右括号一个半角、一个全角');
            problemsEn.push('has one half-width and one full-width bracket');
          } else if (w !== style.width && !nearest()) {
            // No sibling written right to point to: the rule itself.
            problems.push('用了半角括号（括着汉字数字的括号用全角）');
            problemsEn.push('uses half-width brackets (brackets around a Chinese numeral are full-width)');
          } else if (w !== style.width) {
            const other = nearest();
            problems.push(`用了${name(w)}括号，同级其他标题用${name(style.width!)}${other ? `“${core(other)}”` : '括号'}`);
            problemsEn.push(`uses ${nameEn(w)} brackets, while the other headings at this level use ${nameEn(style.width!)} ones${other ? ` such as "${core(other)}"` : ''}`);
            sibling(other, other ? core(other) : '');
            onlyWidth = true;
          }
          if (extra) {
            problems.push(`括号后多了“${extra}”（括号已把序号和标题隔开，后面不再加标点）`);
            problemsEn.push(`has an extra "${extra}" after the bracket (the bracket already sets the number off from the heading, so no punctuation follows it)`);
            onlyWidth = false;
          }
        } else if (form === 'arabic') {
          const dot = m.slice(-1);
          if (dot === '、') {
            problems.push('用了顿号（阿拉伯数字序号后用下脚点，不用顿号）');
            problemsEn.push('uses the enumeration comma "、" (an Arabic numeral in a heading takes a dot, not "、")');
          } else {
            const other = nearest();
            problems.push(`用了${dot === '．' ? '全角' : '半角'}下脚点，同级其他标题用${other ? `“${other.marker}”` : `“${style.dot}”`}`);
            problemsEn.push(`uses a ${dot === '．' ? 'full-width' : 'half-width'} dot, while the other headings at this level use "${other ? other.marker : style.dot}"`);
            sibling(other, other?.marker ?? '');
            onlyWidth = true;
          }
        } else if (form === 'cn') {
          const mark = m.slice(-1);
          const name = mark === '.' || mark === '．' ? '下脚点' : '逗号';
          problems.push(`用了${name}（汉字数字序号后用顿号）`);
          problemsEn.push(`uses ${name === '逗号' ? 'a comma' : 'a dot'} (a Chinese numeral in a heading takes "、")`);
        } else if (form === 'ordinal') {
          const comma = m.endsWith(',');
          problems.push(`用了半角${comma ? '逗号' : '冒号'}（中文行文用全角“${comma ? '，' : '：'}”）`);
          problemsEn.push(`uses a half-width ${comma ? 'comma' : 'colon'} (Chinese text takes the full-width "${comma ? '，' : '：'}")`);
        }
        out.push({
          code: CODES.headingMarker,
          severity: 'warning',
          message: t(
            `标题序号“${m}”${problems[0].startsWith('用了') ? '' : '的'}${problems.join('；')}：请${onlyWidth ? '统一' : '改'}为“${fixed}”。`,
            `Heading marker "${m}" ${problemsEn.join('; it ')}: ${onlyWidth ? `write it "${fixed}" like the others` : `change it to "${fixed}"`}.`,
          ),
          span: h.markerSpan!,
          related,
          fixes: [{ title: t(`改为“${fixed}”`, `Change to "${fixed}"`), edits: [{ span: h.markerSpan!, newText: fixed }] }],
        });
      }
    }
  },
};
