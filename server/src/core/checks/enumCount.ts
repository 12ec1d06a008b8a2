/**
 * Check `enumCount`: code `enum.count-mismatch` (warning). A stated count that differs from the
 * items listed with it ("Internal count checks" in the domain notes). The squiggle sits on the
 * count; the message names the count and the number of items found, lists them briefly and says
 * what to do; related locations point at the first and the last item.
 *
 * The counts and their lists are read by `../lists.ts` (the shapes of the language, and where a
 * list cannot be delimited with confidence); this module decides whether a count and its list
 * disagree, and says so.
 *
 * Silent by convention (a false alarm teaches users to ignore the tool):
 * - a partial list: "A、B、C等五个方面", "包括A、B", "（含A、B）", "……" among the items: only
 *   more items than the count is a mismatch;
 * - an approximate count (20件以上, 近20个, 十余项, 三四个), the filler 一批/一个;
 * - 和/及/与 that may join two items or belong to one: any reading that fits is accepted;
 * - and every list `lists.ts` does not read (see there).
 */
import { inSteps, type Check, type CheckContext } from './check';
import { CODES, Finding, Related } from '../findings';
import { Locale, tr } from '../locale';
import {
  countSpan,
  countsIn,
  listAfter,
  listBefore,
  listFollowing,
  pointsAfter,
  readListDoc,
  type Count,
  type Item,
  type ListDoc,
  type ReadList,
} from '../lists';
import type { DocumentModel } from '../model';
import { STEP_ITEMS, Steps } from '../steps';
import { clip } from '../text';

export const enumCount: Check = inSteps({
  id: 'enumCount',
  heavy: true,
  crossDocument: false,
  codes: [CODES.enumCountMismatch],
  // (In steps, a pause every STEP_ITEMS paragraphs: a large document's analysis on the server's
  // main thread lets other documents be answered meanwhile.)
  *steps(model: DocumentModel, ctx: CheckContext): Steps<Finding[]> {
    const doc = readListDoc(model);
    const { flows } = doc;
    const out: Finding[] = [];
    const resolved = new Set<string>();
    const key = (c: Count) => `${c.flow.paras[0]}:${c.start}`;

    let read = 0;
    for (let fi = 0; fi < flows.length; fi++) {
      if (++read % STEP_ITEMS === 0) yield;
      for (const c of countsIn(flows[fi])) {
        if (c.approx) continue;
        const r = forwardList(c, ctx.locale) ?? reverseList(c, ctx.locale) ?? pointList(doc, fi, c, ctx.locale);
        if (r === undefined) continue;
        resolved.add(key(c));
        if (r) out.push(r);
      }
    }
    for (let fi = 0; fi + 1 < flows.length; fi++) {
      const r = followingList(doc, fi, (c) => resolved.has(key(c)), ctx.locale);
      if (r) out.push(r);
    }
    return out;
  },
});

// ---------------------------------------------------------------------------------------------
// Deciding. Each returns a finding, null when the count has its list and agrees with it (or the
// list cannot be read with confidence), undefined when no list is there.

/** A count, then its items: "五大环境：政策、市场、政务、法治、人文", "3个地区（鞍山、抚顺、本溪）". */
function forwardList(c: Count, locale: Locale | undefined): Finding | null | undefined {
  const read = listAfter(c);
  if (!read) return read;
  if (!mismatch(c.value, read.list)) return null;
  return listFinding(c, listMessage(c, read.inBrackets ? '括号内' : '后文', read.list, locale), read.list.items, locale);
}

/** The items, then the count: "政策、市场、政务、法治、人文“五大环境”". */
function reverseList(c: Count, locale: Locale | undefined): Finding | null | undefined {
  const list = listBefore(c);
  if (!list) return list;
  if (!mismatch(c.value, list)) return null;
  return listFinding(c, listMessage(c, '前文', list, locale), list.items, locale);
}

function mismatch(value: number, list: ReadList): boolean {
  if (list.partial) return list.min > value;
  return value < list.min || value > list.max;
}

/** A count, then points: "抓好三个方面：一是……；二是……；三是……". */
function pointList(doc: ListDoc, fi: number, c: Count, locale: Locale | undefined): Finding | null | undefined {
  const found = pointsAfter(doc, fi, c);
  if (!found) return found;
  const n = found.length;
  if (n === c.value) return null;
  const first = found[0];
  const last = found[n - 1];
  const message = tr(
    locale,
    `此处称“${phrase(c)}”，其后分${n}点列出（${first.marker}……${last.marker}）。${advice(c.value, n, '列举', locale)}`,
    `This says "${phrase(c)}", but ${n} points follow it ("${first.marker}" … "${last.marker}"). ${advice(c.value, n, '列举', locale)}`,
  );
  return finding(c, message, first, last, n, locale);
}

/** A count, then a list in the paragraphs that follow: "继续安排20件民生实事" + bullets. */
function followingList(
  doc: ListDoc,
  fi: number,
  isResolved: (c: Count) => boolean,
  locale: Locale | undefined,
): Finding | undefined {
  const list = listFollowing(doc, fi, isResolved);
  if (!list) return undefined;
  const { model } = doc;
  const { count: c, items } = list;
  const n = items.length;
  if (n === c.value) return undefined;
  const a = lineOf(model, list.extent.start);
  const b = lineOf(model, list.extent.end);
  const carriedLines = list.carried.map((pi) => model.paragraphs[pi].firstLine + 1);
  const carried = carriedLines.length
    ? tr(
        locale,
        `分页处断开后续写的第${carriedLines.join('、')}行属于上一项，未另计。`,
        carriedLines.length === 1
          ? `Line ${carriedLines[0]} carries on the item before it after a page break and is not counted as an item of its own. `
          : `Lines ${carriedLines.slice(0, -1).join(', ')} and ${carriedLines[carriedLines.length - 1]} carry on the items before them after page breaks and are not counted as items of their own. `,
      )
    : '';
  const message = tr(
    locale,
    `此处称“${phrase(c)}”，其后的列表有${n}项（第${a}—${b}行），` +
      `从“${short(items[0].label, 12)}”到“${short(items[n - 1].label, 12)}”。${carried}${advice(c.value, n, '列表', locale)}`,
    `This says "${phrase(c)}", but the list after it has ${n} items (lines ${a}–${b}), ` +
      `from "${short(items[0].label, 12)}" to "${short(items[n - 1].label, 12)}". ${carried}${advice(c.value, n, '列表', locale)}`,
  );
  return finding(c, message, items[0], items[n - 1], n, locale);
}

// ---------------------------------------------------------------------------------------------
// Findings and messages

/** The count as the message quotes it: "13个地区", "五大环境". */
function phrase(c: Count): string {
  return c.flow.text.slice(c.start, c.nounEnd);
}

function lineOf(model: DocumentModel, offset: number): number {
  return model.lines.lineAt(offset) + 1;
}

function short(s: string, n = 8): string {
  return clip(s, n);
}

function listing(labels: string[]): string {
  if (labels.length <= 6) return labels.map((l) => short(l)).join('、');
  return `${labels.slice(0, 2).map((l) => short(l)).join('、')}……${short(labels[labels.length - 1])}`;
}

/** The same in English: each item quoted, "政策", "市场" … "人文". */
function listingEn(labels: string[]): string {
  const q = (l: string) => `"${short(l)}"`;
  if (labels.length <= 6) return labels.map(q).join(', ');
  return `${labels.slice(0, 2).map(q).join(', ')} … ${q(labels[labels.length - 1])}`;
}

/** The first and the last of `n` items. */
function related(first: Item, last: Item, n: number, locale: Locale | undefined): Related[] {
  return [
    { span: first.span, message: tr(locale, `第一项：${short(first.label, 16)}`, `First item: "${short(first.label, 16)}"`) },
    { span: last.span, message: tr(locale, `最后一项（第${n}项）：${short(last.label, 16)}`, `Last item (item ${n}): "${short(last.label, 16)}"`) },
  ];
}

function finding(c: Count, message: string, first: Item, last: Item, n: number, locale: Locale | undefined): Finding {
  return {
    code: CODES.enumCountMismatch,
    severity: 'warning',
    message,
    span: countSpan(c),
    related: related(first, last, n, locale),
    fixes: [],
  };
}

function listFinding(c: Count, message: string, items: Item[], locale: Locale | undefined): Finding {
  return finding(c, message, items[0], items[items.length - 1], items.length, locale);
}

/** What to do: fewer items than the count may be an item left out, more a count not updated. */
function advice(value: number, n: number, what: '列举' | '列表', locale: Locale | undefined): string {
  return n < value
    ? tr(locale, `请核对数目或补全${what}。`, `Check the count, or add the missing ${what === '列表' ? 'items to the list' : 'items'}.`)
    : tr(locale, '请核对数目，或删去多列的项。', 'Check the count, or delete the extra items.');
}

const WHERE_EN = { 后文: 'the text after it lists', 前文: 'the text before it lists', 括号内: 'the brackets list' } as const;

function listMessage(c: Count, where: '后文' | '前文' | '括号内', list: ReadList, locale: Locale | undefined): string {
  const labels = list.items.map((i) => i.label);
  const n = list.partial ? list.min : list.reading;
  if (list.partial) {
    return tr(
      locale,
      `此处称“${phrase(c)}”，但${where}列出的就有${n}项：${listing(labels)}，多于所称数目。请核对数目，或删去多列的项。`,
      `This says "${phrase(c)}", but ${WHERE_EN[where]} ${n} items already: ${listingEn(labels)}, more than the count. Check the count, or delete the extra items.`,
    );
  }
  return tr(
    locale,
    `此处称“${phrase(c)}”，${where}列出${n}项：${listing(labels)}。${advice(c.value, n, '列举', locale)}`,
    `This says "${phrase(c)}", but ${WHERE_EN[where]} ${n} items: ${listingEn(labels)}. ${advice(c.value, n, '列举', locale)}`,
  );
}
