/**
 * Check `terms`: the curated list of `core/terms.ts`, each entry with its source. Codes:
 * - `term.misspelling`: a word or set phrase written wrong (布署 → 部署, 一如继往 → 一如既往).
 * - `term.formulation`: a standard formulation (截止2025年底 → 截至, 即要……又要 → 既要, 十四五 →
 *   “十四五”).
 * - `term.homophone`: a set phrase with one character written as another of its sound, found in the
 *   word list rather than listed (穿流不息 → 川流不息: `core/soundAlike.ts`), after the list's own.
 * - `term.confusable`: a word written for another where the word right next to it shows the other
 *   is meant (截流资金 → 截留: `core/confusables.ts`).
 * Each with a fix to the right form. Silent inside quoted speech (“…” after a colon or a verb of
 * saying: a quotation is reproduced as it was said) and inside titles in 《》, which are written as
 * their documents are.
 */
import { inSteps, type Check, type CheckContext } from './check';
import { CODES, Finding } from '../findings';
import { translator } from '../locale';
import { proseParagraphs } from './prose';
import type { DocumentModel } from '../model';
import { STEP_ITEMS, Steps } from '../steps';
import { PLAN_NAME, PROJECT_SOURCE, SOURCE_EN, TERMS, TermEntry, quotedNames } from '../terms';
import { segments, wordSegmenter } from '../words';
import { bundledLexicon } from '../lexicon';
import { soundAlikePhrases } from '../soundAlike';
import { confusedWords } from '../confusables';
import { endsOnSurname } from '../names';

/**
 * Whether a word of the text runs into the match from before it: 宣布|署党组 holds no 布署, 拼凑|和
 * no 凑和, 预防犯罪 (one word of the list) no 防犯 (the word segmenter, asked about a few characters
 * only).
 */
function straddles(raw: string, at: number, len: number): boolean {
  const seg = wordSegmenter();
  if (!seg) return false;
  const from = Math.max(0, at - 3);
  const end = at + len;
  // (And, the other way, a word of three characters or more that starts inside the match and runs
  // out of it: 按|装机容量 holds no 按装, 按|装配式 none either; a word of two may be the slip's own
  // neighbour, 瞻|养老人.)
  return segments(seg, raw.slice(from, end + 3)).some(([s, e]) => (from + s < at && from + e > at) || (from + s > at && from + s < end && from + e > end && e - s > 2));
}

/**
 * Whether a two-character wrong form at `at` may be a given name after its surname (副县长王洪锋,
 * 常委刘先峰): a surname just before it that ends no word of the text before it.
 */
function givenName(raw: string, at: number): boolean {
  return endsOnSurname(wordSegmenter(), raw.slice(Math.max(0, at - 4), at));
}

/**
 * The built-in list with the project's `substitutions` laid over it: a project's entry replaces
 * a built-in one of the same wrong form, null turns a built-in entry off (a pattern entry by its
 * `name`: 截止, 即要), and the others join as formulations.
 */
function termList(substitutions: Readonly<Record<string, string | null>> | undefined): { literals: Literals; patterns: TermEntry[] } {
  if (!substitutions || Object.keys(substitutions).length === 0) return BUILT_IN;
  const listed = (e: TermEntry) => Object.prototype.hasOwnProperty.call(substitutions, typeof e.wrong === 'string' ? e.wrong : e.name ?? '');
  const literals = TERMS.filter((e) => typeof e.wrong === 'string' && !listed(e));
  for (const [wrong, right] of Object.entries(substitutions)) if (right !== null) literals.push({ wrong, right, source: PROJECT_SOURCE, kind: 'formulation' });
  return { literals: byFirstCharacter(literals), patterns: BUILT_IN.patterns.filter((e) => !listed(e)) };
}

/** Literal entries by their first character, longest first: a longer wrong form is the one meant where a shorter one lies inside it. */
/**
 * The literal wrong forms by their first code unit (a number: reading a paragraph makes no string
 * per character), and a table of the code units that begin one (most characters begin none).
 */
interface Literals {
  byFirst: Map<number, TermEntry[]>;
  begins: Uint8Array;
}

function byFirstCharacter(entries: TermEntry[]): Literals {
  const byFirst = new Map<number, TermEntry[]>();
  const begins = new Uint8Array(0x10000);
  for (const e of entries) {
    const first = (e.wrong as string).charCodeAt(0);
    const list = byFirst.get(first) ?? byFirst.set(first, []).get(first)!;
    list.push(e);
    begins[first] = 1;
  }
  for (const list of byFirst.values()) list.sort((a, b) => (b.wrong as string).length - (a.wrong as string).length);
  return { byFirst, begins };
}

const BUILT_IN = {
  literals: byFirstCharacter(TERMS.filter((e) => typeof e.wrong === 'string')),
  patterns: TERMS.filter((e) => typeof e.wrong !== 'string'),
};

/** The depth of quotation after `c` (“…”, 「…」, and a straight " that opens where none is open). */
function quoteDepth(depth: number, c: string): number {
  if (c === '“' || c === '「') return depth + 1;
  if ((c === '”' || c === '」') && depth > 0) return depth - 1;
  if (c === '"') return depth > 0 ? depth - 1 : depth + 1;
  return depth;
}

/** The heads a short name takes inside one word of the list (三农问题, 放管服改革); not 两重|性, 三资|企业, other words. */
const HEADS = /^(?:问题|工作|政策|领域|建设|改革|战略|工程)$/;

/**
 * Whether the segmenter reads a word boundary at both ends of [at, at + length) in `raw`, or a word
 * of the list starts with it there and ends on one of HEADS (三农问题 holds 三农 whole).
 */
function wordOfItsOwn(raw: string, at: number, length: number): boolean {
  const seg = wordSegmenter();
  if (!seg) return true;
  const from = Math.max(0, at - 6);
  const bounds = new Set<number>();
  let startsWord = false;
  for (const [s, e] of segments(seg, raw.slice(from, Math.min(raw.length, at + length + 6)))) {
    bounds.add(from + s).add(from + e);
    if (from + s === at && HEADS.test(raw.slice(at + length, from + e))) startsWord = true;
  }
  return bounds.has(at) && (bounds.has(at + length) || startsWord);
}

/** The opening “ of a quotation of speech: after a colon, or a verb of saying. */
const SPEECH = /(?:[：:]|说|指出|强调|表示|要求|提出|称)\s*$/;

export const terms: Check = inSteps({
  id: 'terms',
  codes: [CODES.termMisspelling, CODES.termFormulation, CODES.termHomophone, CODES.termConfusable],
  heavy: false,
  crossDocument: false,
  // (In steps, a pause every STEP_ITEMS paragraphs: see pageBreak.)
  *steps(model: DocumentModel, ctx: CheckContext): Steps<Finding[]> {
    const t = translator(ctx.locale);
    const out: Finding[] = [];
    const { literals, patterns } = termList(ctx.substitutions);
    const substitutions = ctx.substitutions;
    let read = 0;
    for (const { p, raw } of proseParagraphs(model)) {
      if (++read % STEP_ITEMS === 0) yield;
      /** Spans of quoted speech and of titles in 《》 in this paragraph. */
      // (One pass, the last opener of each kind paired with the next closer: a scan from every
      // opener to its closer would cost the square of a paragraph of openers.)
      const silent: Array<[number, number]> = [];
      let speech = -1;
      let title = -1;
      for (let i = 0; i < raw.length; i++) {
        const c = raw.charCodeAt(i);
        if (c === 0x201c) speech = SPEECH.test(raw.slice(Math.max(0, i - 4), i)) ? i : -1; // “
        else if (c === 0x201d && speech >= 0) (silent.push([speech, i]), (speech = -1)); // ”
        else if (c === 0x300a) title = i; // 《
        else if (c === 0x300b && title >= 0) (silent.push([title, i]), (title = -1)); // 》
      }
      const quiet = (i: number) => silent.some(([s, e]) => s < i && i < e);
      // (One finding for one stretch of text: a longer wrong form is tried first and wins.)
      // (Marked character by character: a paragraph of many findings costs its length.)
      const taken = new Uint8Array(raw.length);
      const report = (at: number, wrong: string, right: string, source: string, kind: 'misspelling' | 'formulation' | 'homophone' | 'confusable', message?: string) => {
        if (quiet(at)) return;
        for (let k = at; k < at + wrong.length; k++) if (taken[k]) return;
        taken.fill(1, at, at + wrong.length);
        out.push({
          code: kind === 'misspelling' ? CODES.termMisspelling : kind === 'homophone' ? CODES.termHomophone : kind === 'confusable' ? CODES.termConfusable : CODES.termFormulation,
          severity: 'warning',
          message: message ?? (kind === 'misspelling'
            ? t(`“${wrong}”应为“${right}”（${source}）。`, `"${wrong}" is written "${right}" (${SOURCE_EN[source] ?? source}).`)
            : right === `“${wrong}”`
              // (Only the marks are missing: "“两学一做”应写作““两学一做””" would read as a stutter.)
              ? t(`简称${wrong}引用时应加引号，写作${right}（${source}）。`, `The short name "${wrong}" is cited in quotation marks: "${right}" (${SOURCE_EN[source] ?? source}).`)
              : t(`“${wrong}”应写作“${right}”（${source}）。`, `"${wrong}" should be "${right}" here (${SOURCE_EN[source] ?? source}).`)),
          span: { start: p.start + at, end: p.start + at + wrong.length },
          related: [],
          fixes: [{ title: right === `“${wrong}”` ? t('加上引号', 'Add the quotation marks') : t(`改为“${right}”`, `Change to "${right}"`), edits: [{ span: { start: p.start + at, end: p.start + at + wrong.length }, newText: right }] }],
        });
      };
      // One pass over the paragraph, trying at each character the wrong forms that begin with it
      // (longest first): the cost is the paragraph's length, however long the list.
      for (let i = 0; i < raw.length; i++) {
        const c = raw.charCodeAt(i);
        if (!literals.begins[c]) continue;
        const here = literals.byFirst.get(c);
        if (!here) continue;
        for (const e of here) {
          const w = e.wrong as string;
          // (A set phrase of four or more characters is not met by chance where two words meet: 正如|火如茶
          // holds 如火如茶 all the same.)
          if (!raw.startsWith(w, i) || (w.length < 4 && straddles(raw, i, w.length)) || (w.length === 2 && givenName(raw, i))) continue;
          // (既使……又使 is 既 and 使: "既使企业减负，又使群众受益".)
          if (w === '既使' && /^[^。；！？]{1,30}[又也]/.test(raw.slice(i + 2, i + 40))) continue;
          report(i, w, e.right, e.source, e.kind);
          break;
        }
      }
      for (const e of patterns) {
        const re = e.wrong as RegExp;
        re.lastIndex = 0;
        // (As for the literal forms: not where a word of the text runs into the match, 当即|有.)
        for (let m = re.exec(raw); m; m = re.exec(raw)) if (!straddles(raw, m.index, m[0].length)) report(m.index, m[0], e.right.replace(/\$(\d)/g, (_, k: string) => m![Number(k)] ?? ''), e.source, e.kind);
      }
      PLAN_NAME.lastIndex = 0;
      for (let m = PLAN_NAME.exec(raw); m; m = PLAN_NAME.exec(raw)) report(m.index, m[0], `“${m[0]}”`, 'GB/T 15834-2011 4.8.3', 'formulation');
      // (A short name inside a longer quotation, “深入开展两学一做学习教育”, is that quotation's; one
      // whose first or last character belongs to a word around it, 新一代|一线, is no name there.
      // The depth of quotation is carried from one match to the next: one pass over the paragraph.)
      let depth = 0;
      let scanned = 0;
      for (const [at, name] of quotedNames(raw)) {
        for (; scanned < at; scanned++) depth = quoteDepth(depth, raw[scanned]);
        if (depth > 0 || substitutions?.[name] === null || !wordOfItsOwn(raw, at, name.length)) continue;
        report(at, name, `“${name}”`, 'GB/T 15834-2011 4.8.3', 'formulation');
      }
      // (After the list: a word written for another where the word next to it shows which is meant.)
      for (const c of confusedWords(raw, wordSegmenter())) {
        if (substitutions?.[c.written] === null) continue;
        report(c.at, c.written, c.meant, '', 'confusable', t(
          `“${c.written}”疑为“${c.meant}”：紧挨着“${c.cue}”，这里通常用“${c.meant}”。`,
          `"${c.written}" is probably "${c.meant}" here: next to "${c.cue}", "${c.meant}" is the usual word.`,
        ));
      }
      // (Last: where the list has an entry, its finding stands.)
      const lexicon = bundledLexicon();
      if (lexicon) {
        for (const s of soundAlikePhrases(raw, lexicon)) {
          report(s.at, s.wrong, s.right, '', 'homophone', t(
            `“${s.wrong}”疑为“${s.right}”：“${s.written}”“${s.meant}”同音，“${s.right}”是成语或习用语，“${s.wrong}”不是。`,
            `"${s.wrong}" is probably "${s.right}": "${s.written}" and "${s.meant}" sound alike, and only "${s.right}" is a set phrase.`,
          ));
        }
      }
    }
    return out.sort((a, b) => a.span.start - b.span.start);
  },
});
