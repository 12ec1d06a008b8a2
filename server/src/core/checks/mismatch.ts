/**
 * Check `mismatch`: code `figure.mismatch` (warning). The same indicator, for the same period,
 * region and kind, stated with a different value: in another document of the workspace (the
 * report against its press brief) or elsewhere in this one (the body against its 民生实事清单).
 * The squiggle sits on each side; the message names the other place and both values; a quick
 * fix takes the other value.
 *
 * Not a mismatch (see consistency/keys.ts): a different year, region or kind, 新增 against 累计,
 * a different unit dimension, or a figure whose period or region is unknown.
 */
import { lineWords, capitalized } from '../origins';
import { disagree, statementKey, unitsApart } from '../consistency/keys';
import type { IndexedFigure } from '../consistency/index';
import { CODES, Finding, Fix, Related } from '../findings';
import type { Figure } from '../figures/extract';
import { inferenceNote, periodLabel, shownPeriod } from '../figures/format';

/** "2026 " before "target"; nothing for a year nobody stated (said after the indicator). */
function yearWordsEn(period: string | null): string {
  return period && /^\d/.test(period) ? `${period} ` : '';
}

/** 2026 → 2026年; 本年 (a year nobody stated) as it is. */
function yearWords(period: string | null): string {
  return period && /^\d{4}(?:-\d{4})?$/.test(period) ? `${period}年` : periodLabel(period);
}
import { translator } from '../locale';
import { STEP_ITEMS, Steps } from '../steps';
import { inSteps, type Check } from './check';

const SOURCE_NOTE: Record<string, string> = { document: '按文档推定', heading: '按所在标题推定', paragraph: '按前文推定' };
const SOURCE_NOTE_EN: Record<string, string> = {
  document: 'inferred from the document',
  heading: 'inferred from the heading above it',
  paragraph: 'inferred from the text before it',
};

function shown(f: Figure): string {
  return f.text.replace(/\s+/g, '');
}

/**
 * Two statements as the message shows them: their numbers, and their bounds too where the numbers
 * are the same ("5.5%以内" against "5.5%左右"), so a writer sees what differs.
 */
function shownPair(f: Figure, g: Figure): [string, string] {
  const a = shown(f);
  const b = shown(g);
  if (a !== b) return [a, b];
  const bounded = (x: Figure, v: string) => (!x.comparatorText ? v : /^(?:以上|以内|以下|左右|多|余)$/.test(x.comparatorText) ? `${v}${x.comparatorText}` : `${x.comparatorText}${v}`);
  return [bounded(f, a), bounded(g, b)];
}

/** The other statements a finding links (and offers as fixes): the message counts the rest. */
const MAX_RELATED = 20;

export const mismatch: Check = inSteps({
  id: 'mismatch',
  heavy: true,
  crossDocument: true,
  codes: [CODES.figureMismatch],
  // (In steps: on a large document against a large workspace it holds the server's event loop for
  // tens of milliseconds. A yield after every STEP_ITEMS figures or statements, and before each group.)
  *steps(model, ctx): Steps<Finding[]> {
    let handled = 0;
    const figures = ctx.figures ?? [];
    const t = translator(ctx.locale);
    const out: Finding[] = [];
    const byKey = new Map<string, Figure[]>();
    for (const f of figures) {
      if (++handled % STEP_ITEMS === 0) yield;
      const k = statementKey(f, true);
      if (!k) continue;
      const list = byKey.get(k) ?? [];
      list.push(f);
      byKey.set(k, list);
    }
    const starts = model.paragraphs.map((p) => p.start);
    const paragraphOf = (offset: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    // A key whose figures all state one amount has no mismatch inside this document; and each
    // figure's paragraph is found once, not once per pair.
    // (Any two may disagree, not only with the first: 突破5000 holds both 达到5000 and 5036, which
    // do not hold each other. Distinct amounts are few, and the search stops at the first pair.)
    const manyAmounts = new Set<string>();
    for (const [key, list] of byKey) {
      if (++handled % STEP_ITEMS === 0) yield;
      if (anyDisagree(distinctAmounts(list.map((figure) => ({ figure }))))) manyAmounts.add(key);
    }
    const paraOf = new Map<Figure, number>();
    for (const f of figures) paraOf.set(f, paragraphOf(f.sentence.start));
    const ws = ctx.index?.workspace() ?? {};
    const note = (g: Figure) => {
      const inferred = inferenceNote(g, ctx.locale, ws);
      if (inferred) return t(`（彼处${inferred}）`, ` (there, ${inferred})`);
      const n = g.periodSource ? SOURCE_NOTE[g.periodSource] : undefined;
      return n ? t(`（彼处期间${g.period}系${n}）`, ` (there, the period ${g.period} is ${SOURCE_NOTE_EN[g.periodSource!]})`) : '';
    };
    const lineOf = (g: Figure) => {
      const line = model.lines.lineAt(g.span.start);
      return lineWords(model.origins, line + 1, g.span.start - model.lines.starts[line]);
    };

    /**
     * The finding on `f`: the places that state another amount (at most MAX_RELATED linked and
     * offered as fixes; `total` counts them all), and for a group, what the group holds.
     */
    const findingOn = (f: Figure, inside: readonly Figure[], outside: readonly IndexedFigure[], total: number, group?: { count: number; amounts: [Figure, number][] }): Finding => {
      const related: Related[] = [];
      const places: string[] = [];
      const fixes: Fix[] = [];
      const seenValues = new Set<string>();
      const addFix = (g: Figure) => {
        const v = shown(g);
        if (seenValues.has(v) || v === shown(f)) return;
        seenValues.add(v);
        fixes.push({ title: t(`改为${v}（与彼处一致）`, `Change to "${v}" (as stated there)`), edits: [{ span: f.span, newText: g.text }] });
      };
      for (const g of inside) {
        const line = lineOf(g);
        places.push(t(
          `与本文${line.zh}不一致：此处${shownPair(f, g)[0]}，彼处${shownPair(f, g)[1]}${note(g)}`,
          `${line.en} of this document: "${shownPair(f, g)[0]}" here, "${shownPair(f, g)[1]}" there${note(g)}`,
        ));
        related.push({ span: g.span, message: t(`本文${line.zh}：${g.statement}`, `${capitalized(line.en)} of this document: "${g.statement}"`) });
        addFix(g);
      }
      for (const g of outside) {
        // (A document read out of a .docx or .pdf is named with the place in it: 《…》（Word 第8段）.)
        const zhAt = g.place ? `（${g.place.zh}）` : `第${g.line + 1}行`;
        const enAt = g.place ? `"${g.docName}" (${g.place.en})` : `line ${g.line + 1} of "${g.docName}"`;
        places.push(t(
          `与《${g.docName}》${zhAt}不一致：此处${shownPair(f, g.figure)[0]}，彼处${shownPair(f, g.figure)[1]}${note(g.figure)}`,
          `${enAt}: "${shownPair(f, g.figure)[0]}" here, "${shownPair(f, g.figure)[1]}" there${note(g.figure)}`,
        ));
        related.push({
          span: { start: 0, end: 0 },
          path: g.uri,
          range: { start: { line: g.line, character: g.character }, end: { line: g.endLine, character: g.endCharacter } },
          message: t(`《${g.docName}》${zhAt}：${g.figure.statement}`, `${capitalized(enAt)}: "${g.figure.statement}"`),
        });
        addFix(g.figure);
      }
      const ownSource = f.periodSource && SOURCE_NOTE[f.periodSource] ? f.periodSource : undefined;
      const inferred = inferenceNote(f, ctx.locale, ws);
      const own = inferred
        ? t(`此处${inferred}。`, `Here, ${inferred}. `)
        : ownSource
          ? t(`此处期间${f.period}系${SOURCE_NOTE[ownSource]}。`, `Here, the period ${f.period} is ${SOURCE_NOTE_EN[ownSource]}. `)
          : '';
      // A group: how often the document states the indicator, and its amounts (the first few,
      // each with its first line and how often it is stated).
      const GROUP_SHOWN = 5;
      const held = group
        ? t(
            `在本文出现${group.count}处，数值${group.amounts.length}种（${group.amounts.slice(0, GROUP_SHOWN).map(([g, n]) => `${shown(g)}见${lineOf(g).zh}${n > 1 ? `等${n}处` : ''}`).join('，')}${group.amounts.length > GROUP_SHOWN ? '等' : ''}）；其中此处`,
 ` is stated ${group.count} times in this document, with ${group.amounts.length} amounts (${group.amounts.slice(0, GROUP_SHOWN).map(([g, n]) => `"${shown(g)}" at ${lineOf(g).en}${n > 1 ? `, ${n} times` : ''}`).join('; ')}${group.amounts.length > GROUP_SHOWN ? '; …' : ''}); here it`,
          )
        : '';
      const more = total - 3;
      // (A change told in points against one in percent, keyed as one statement (keys.ts): the two
      // numbers may agree while the units do not, which the writer should be told in words.)
      const apart = [...inside, ...outside.map((g) => g.figure)].map((g) => unitsApart(g, f)).find((u) => u !== undefined);
      const units = apart === 'points'
        ? t('两处单位不同：比重或比率的升降以“个百分点”计，写作“%”则是相对自身的增幅。', 'The units differ: a share or rate rises or falls by percentage points; in % it is a change relative to itself. ')
        : apart === 'currency'
          ? t('两处币种不同：一处以人民币（元）计，一处以美元计。', 'The currencies differ: one is in yuan, the other in US dollars. ')
          : apart === 'weight'
            ? t('两处计量单位不同：一处以“斤”计，一处以“吨”或“公斤”计（1公斤＝2斤）。', 'The units differ: one is in jin, the other in tonnes or kilograms (1 kg = 2 jin). ')
            : '';
      return {
        code: CODES.figureMismatch,
        severity: 'warning',
        message: t(
          `“${f.indicator}${f.verb ? `（${f.verb}）` : ''}”${yearWords(shownPeriod(f, ws))}${f.part ?? ''}${f.kind === 'target' ? '目标' : '实际'}数据${held}${places.slice(0, 3).join('；')}${more > 0 ? `；另有${more}处` : ''}。${units}${own}请核对后统一。`,
          `The ${yearWordsEn(shownPeriod(f, ws))}${f.part ? ` ("${f.part}")` : ''}${f.kind === 'target' ? 'target' : 'actual figure'} for "${f.indicator}${f.verb ? `（${f.verb}）` : ''}"${/^\d/.test(shownPeriod(f, ws) ?? '') ? '' : ` (${periodLabel(shownPeriod(f, ws), 'en')})`}${held} differs from ` +
            `${places.slice(0, 3).join('; from ')}${more > 0 ? `; and ${more} more ${more === 1 ? 'place' : 'places'}` : ''}. ${units}${own}Check them and make them agree.`,
        ),
        span: f.span,
        related,
        fixes,
      };
    };

    // A key stated more than MAX_RELATED + 1 times in this document with amounts that disagree
    // (a statistics table of one indicator, or a hostile file): one finding for the group, on the
    // first statement of its rarest amount, so the work and the output grow with the statements,
    // not with their square. (Per statement, each finding would list the others.)
    const grouped = new Set<string>();
    for (const [key, list] of byKey) {
      if (list.length <= MAX_RELATED + 1 || !manyAmounts.has(key)) continue;
      yield;
      grouped.add(key);
      const classes = new Map<string, Figure[]>();
      for (const g of list) {
        const c = amountKey(g);
        const members = classes.get(c);
        if (members) members.push(g);
        else classes.set(c, [g]);
      }
      let anchor = list[0];
      let fewest = Infinity;
      for (const members of classes.values()) if (members.length < fewest) [anchor, fewest] = [members[0], members.length];
      const inside: Figure[] = [];
      let total = 0;
      for (const members of classes.values()) {
        if (!disagree(anchor, members[0])) continue;
        total += members.length;
        for (const g of members) if (inside.length < MAX_RELATED) inside.push(g);
      }
      const k = statementKey(anchor);
      const others = k ? (ctx.index?.sameStatement(k) ?? []) : [];
      const outside: IndexedFigure[] = [];
      for (const g of others) {
        if (g.uri === ctx.uri || !disagree(anchor, g.figure)) continue;
        total++;
        if (inside.length + outside.length < MAX_RELATED) outside.push(g);
      }
      // (Agreement need not be transitive: where the rarest amount agrees with all the others,
      // which then disagree among themselves, the group is left to the per-statement pass.)
      if (total === 0) {
        grouped.delete(key);
        continue;
      }
      inside.sort((a, b) => a.span.start - b.span.start);
      const amounts = [...classes.values()].map((m): [Figure, number] => [m[0], m.length]);
      out.push(findingOn(anchor, inside, outside, total, { count: list.length, amounts }));
    }

    for (const f of figures) {
      if (++handled % STEP_ITEMS === 0) yield;
      const local = statementKey(f, true);
      if (!local || grouped.has(local)) continue;
      const k = statementKey(f);
      const others = k ? ctx.index?.sameStatement(k) ?? [] : [];
      if (!manyAmounts.has(local) && !(others.length && differs(others, f))) continue;
      // Elsewhere in this document: in another paragraph (one paragraph lists parts, 分别, 、;
      // the body and its annex repeat).
      const pf = paraOf.get(f);
      const inside = manyAmounts.has(local) ? (byKey.get(local) ?? []).filter((g) => g !== f && paraOf.get(g) !== pf && disagree(f, g)) : [];
      // In other documents.
      const outside = others.filter((g) => g.uri !== ctx.uri && disagree(f, g.figure));
      if (inside.length === 0 && outside.length === 0) continue;
      // (At most MAX_RELATED others are linked and offered as fixes; the message counts the rest.
      // Linking every other statement grew with the square of them: a table of 1,000 rows of one
      // indicator gave 999,000 related entries and 413 MB of JSON.)
      const insideShown = inside.length > MAX_RELATED ? inside.slice(0, MAX_RELATED) : inside;
      const outsideShown = outside.slice(0, Math.max(0, MAX_RELATED - insideShown.length));
      out.push(findingOn(f, insideShown, outsideShown, inside.length + outside.length));
    }
    return out;
  },
});

export type { IndexedFigure };

/**
 * Whether any figure of a workspace list states another amount than `f`: the list's distinct
 * amounts are gathered once (figures of one amount share their normalized object), so a key
 * stated by a thousand documents costs a handful of comparisons per figure, not a thousand.
 */
type Amount = Pick<Figure, 'normalized' | 'comparator' | 'comparatorText' | 'kind' | 'text' | 'value' | 'unit' | 'cell'>;
const amountsOf = new WeakMap<readonly Pick<IndexedFigure, 'figure'>[], Amount[]>();

/**
 * The distinct amounts a list states, read once per list (figures of one amount share their
 * normalized object): with the words of their bound too, since 达到 and 突破 of one number are
 * compared differently, and an approximate amount's written precision counts.
 */
function distinctAmounts(list: readonly Pick<IndexedFigure, 'figure'>[]): Amount[] {
  let amounts = amountsOf.get(list);
  if (!amounts) {
    const seen = new Map<string, Amount>();
    for (const { figure: g } of list) {
      const k = amountKey(g);
      if (!seen.has(k)) seen.set(k, g);
    }
    amounts = [...seen.values()];
    amountsOf.set(list, amounts);
  }
  return amounts;
}

function differs(list: readonly IndexedFigure[], f: Figure): boolean {
  return distinctAmounts(list).some((a) => disagree(f, a));
}

/**
 * What makes two statements one amount for the comparison: the number as written and its value,
 * its bound and its words, its kind and unit, and whether it is a bare table cell.
 */
/** What figure.mismatch compares of an amount, as a string: two figures of one key with the same string never disagree. */
export function amountKey(g: Amount): string {
  const n = g.normalized;
  return `${n.value}\u0000${n.max ?? ''}\u0000${g.comparator ?? ''}\u0000${g.comparatorText ?? ''}\u0000${g.cell ? 1 : 0}\u0000${g.kind}\u0000${g.unit ?? ''}\u0000${g.text ?? ''}`;
}

/** The most amounts compared pairwise; beyond them, each is compared with the first only. */
const PAIRWISE = 100;

/**
 * Whether any two of the amounts disagree: each against the first, then (agreement need not be
 * transitive: 突破5000 holds both 达到5000 and 5036) the first PAIRWISE pairwise. It stops at the
 * first pair that does; it is linear in the amounts beyond PAIRWISE.
 */
function anyDisagree(amounts: readonly Amount[]): boolean {
  for (let j = 1; j < amounts.length; j++) if (disagree(amounts[0], amounts[j])) return true;
  const n = Math.min(amounts.length, PAIRWISE);
  for (let i = 1; i < n; i++) for (let j = i + 1; j < n; j++) if (disagree(amounts[i], amounts[j])) return true;
  return false;
}
