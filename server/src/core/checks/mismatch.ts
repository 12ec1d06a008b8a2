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
import { disagree, statementKey } from '../consistency/keys';
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
import { tr } from '../locale';
import type { Check } from './check';

const SOURCE_NOTE: Record<string, string> = { document: '按文档推定', heading: '按所在标题推定', paragraph: '按前文推定' };
const SOURCE_NOTE_EN: Record<string, string> = {
  document: 'inferred from the document',
  heading: 'inferred from the heading above it',
  paragraph: 'inferred from the text before it',
};

function shown(f: Figure): string {
  return f.text.replace(/\s+/g, '');
}

/** The other statements a finding links (and offers as fixes): the message counts the rest. */
const MAX_RELATED = 20;

export const mismatch: Check = {
  id: 'mismatch',
  codes: [CODES.figureMismatch],
  run(model, ctx): Finding[] {
    const figures = ctx.figures ?? [];
    const t = (zh: string, en: string) => tr(ctx.locale, zh, en);
    const out: Finding[] = [];
    const byKey = new Map<string, Figure[]>();
    for (const f of figures) {
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
    for (const [key, list] of byKey) if (anyDisagree(distinctAmounts(list.map((figure) => ({ figure }))))) manyAmounts.add(key);
    const paraOf = new Map<Figure, number>();
    for (const f of figures) paraOf.set(f, paragraphOf(f.sentence.start));
    for (const f of figures) {
      const local = statementKey(f, true);
      if (!local) continue;
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
      const total = inside.length + outside.length;
      const insideShown = inside.length > MAX_RELATED ? inside.slice(0, MAX_RELATED) : inside;
      const outsideShown = outside.slice(0, Math.max(0, MAX_RELATED - insideShown.length));
      const related: Related[] = [];
      const places: string[] = [];
      const fixes: Fix[] = [];
      const seenValues = new Set<string>();
      const ws = ctx.index?.workspace() ?? {};
      const note = (g: Figure) => {
        const inferred = inferenceNote(g, ctx.locale, ws);
        if (inferred) return t(`（彼处${inferred}）`, ` (there, ${inferred})`);
        const n = g.periodSource ? SOURCE_NOTE[g.periodSource] : undefined;
        return n ? t(`（彼处期间${g.period}系${n}）`, ` (there, the period ${g.period} is ${SOURCE_NOTE_EN[g.periodSource!]})`) : '';
      };
      for (const g of insideShown) {
        const line = model.lines.position(g.span.start).line + 1;
        places.push(t(
          `与本文第${line}行不一致：此处${shown(f)}，彼处${shown(g)}${note(g)}`,
          `line ${line} of this document: "${shown(f)}" here, "${shown(g)}" there${note(g)}`,
        ));
        related.push({ span: g.span, message: t(`本文第${line}行：${g.statement}`, `Line ${line} of this document: "${g.statement}"`) });
        addFix(g);
      }
      for (const g of outsideShown) {
        places.push(t(
          `与《${g.docName}》第${g.line + 1}行不一致：此处${shown(f)}，彼处${shown(g.figure)}${note(g.figure)}`,
          `line ${g.line + 1} of "${g.docName}": "${shown(f)}" here, "${shown(g.figure)}" there${note(g.figure)}`,
        ));
        related.push({
          span: { start: 0, end: 0 },
          path: g.uri,
          range: { start: { line: g.line, character: g.character }, end: { line: g.endLine, character: g.endCharacter } },
          message: t(`《${g.docName}》第${g.line + 1}行：${g.figure.statement}`, `Line ${g.line + 1} of "${g.docName}": "${g.figure.statement}"`),
        });
        addFix(g.figure);
      }
      function addFix(g: Figure) {
        const v = shown(g);
        if (seenValues.has(v) || v === shown(f)) return;
        seenValues.add(v);
        fixes.push({ title: t(`改为${v}（与彼处一致）`, `Change to "${v}" (as stated there)`), edits: [{ span: f.span, newText: g.text }] });
      }
      const ownSource = f.periodSource && SOURCE_NOTE[f.periodSource] ? f.periodSource : undefined;
      const inferred = inferenceNote(f, ctx.locale, ws);
      const own = inferred
        ? t(`此处${inferred}。`, `Here, ${inferred}. `)
        : ownSource
          ? t(`此处期间${f.period}系${SOURCE_NOTE[ownSource]}。`, `Here, the period ${f.period} is ${SOURCE_NOTE_EN[ownSource]}. `)
          : '';
      const more = total - 3;
      out.push({
        code: CODES.figureMismatch,
        severity: 'warning',
        message: t(
          `“${f.indicator}${f.verb ? `（${f.verb}）` : ''}”${yearWords(shownPeriod(f, ws))}${f.part ?? ''}${f.kind === 'target' ? '目标' : '实际'}数据${places.slice(0, 3).join('；')}${more > 0 ? `；另有${more}处` : ''}。${own}请核对后统一。`,
          `The ${yearWordsEn(shownPeriod(f, ws))}${f.part ? ` ("${f.part}")` : ''}${f.kind === 'target' ? 'target' : 'actual figure'} for "${f.indicator}${f.verb ? `（${f.verb}）` : ''}"${/^\d/.test(shownPeriod(f, ws) ?? '') ? '' : ` (${periodLabel(shownPeriod(f, ws), 'en')})`} differs from ` +
            `${places.slice(0, 3).join('; from ')}${more > 0 ? `; and ${more} more ${more === 1 ? 'place' : 'places'}` : ''}. ${own}Check them and make them agree.`,
        ),
        span: f.span,
        related,
        fixes,
      });
    }
    return out;
  },
};

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
    amounts = [];
    for (const { figure: g } of list) {
      if (!amounts.some((a) => a.normalized === g.normalized && a.comparator === g.comparator && a.comparatorText === g.comparatorText && a.cell === g.cell && a.kind === g.kind && a.unit === g.unit)) amounts.push(g);
    }
    amountsOf.set(list, amounts);
  }
  return amounts;
}

function differs(list: readonly IndexedFigure[], f: Figure): boolean {
  return distinctAmounts(list).some((a) => disagree(f, a));
}

/** Whether any two of the amounts disagree (it stops at the first pair that does). */
function anyDisagree(amounts: readonly Amount[]): boolean {
  for (let i = 0; i < amounts.length; i++) for (let j = i + 1; j < amounts.length; j++) if (disagree(amounts[i], amounts[j])) return true;
  return false;
}
