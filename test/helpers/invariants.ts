/**
 * What must hold for any analysis of any text, as lists of problems (empty: all is well), so
 * that the property tests, the LSP soak test and fixtures can share them.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Analysis, buildFolds, buildOutline, DocKind, Finding, Fix, LineIndex, OutlineNode, Span,
} from '../../server/src/core';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** An offset between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** An offset between \r and \n: no LSP position can name it. */
export function splitsCrlf(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && text[offset - 1] === '\r' && text[offset] === '\n';
}

export function spanProblems(text: string, span: Span, what: string): string[] {
  const p: string[] = [];
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end))) p.push(`${what}: span ${JSON.stringify(span)} is not whole offsets`);
  else if (!(span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
    p.push(`${what}: span ${span.start}..${span.end} outside the document (0..${text.length})`);
  } else {
    for (const o of [span.start, span.end]) {
      if (splitsPair(text, o)) p.push(`${what}: offset ${o} splits a surrogate pair`);
      if (splitsCrlf(text, o)) p.push(`${what}: offset ${o} splits a CRLF`);
    }
  }
  return p;
}

/** Where an offset of the old text lands after the edits (inside an edit: at its start). */
export function mapOffset(offset: number, edits: readonly { span: Span; newText: string }[]): number {
  let shift = 0;
  for (const e of edits) {
    if (e.span.end <= offset && !(e.span.start === e.span.end && e.span.start === offset)) shift += e.newText.length - (e.span.end - e.span.start);
    else if (e.span.start <= offset && offset < e.span.end) return e.span.start + shift;
  }
  return offset + shift;
}

/**
 * Applies a fix: its edits must not overlap, and the result must be the text before the first
 * edit, each new text with the untouched text between edits, and the text after the last one.
 * It is applied twice, by offsets and as an editor would (LSP ranges through
 * vscode-languageserver-textdocument), and both must agree.
 */
export function applyFix(text: string, fix: Fix, lines: LineIndex, what: string): { text: string; problems: string[] } {
  const problems: string[] = [];
  if (fix.edits.length === 0) problems.push(`${what}: a fix with no edits`);
  for (const e of fix.edits) problems.push(...spanProblems(text, e.span, `${what} edit`));
  if (problems.length) return { text, problems };
  const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let i = 1; i < edits.length; i++) {
    if (edits[i].span.start < edits[i - 1].span.end || (edits[i].span.start === edits[i - 1].span.start && edits[i].span.start === edits[i].span.end)) {
      problems.push(`${what}: edits ${JSON.stringify(edits[i - 1].span)} and ${JSON.stringify(edits[i].span)} overlap`);
    }
  }
  if (problems.length) return { text, problems };
  // Spliced from the end, as the fixture helper does.
  let spliced = text;
  for (const e of [...edits].reverse()) spliced = spliced.slice(0, e.span.start) + e.newText + spliced.slice(e.span.end);
  // Checked piece by piece: before the first edit, between edits, after the last.
  let pos = 0;
  let at = 0;
  for (const e of edits) {
    const kept = text.slice(pos, e.span.start);
    if (spliced.slice(at, at + kept.length) !== kept) problems.push(`${what}: text before offset ${e.span.start} changed`);
    at += kept.length;
    if (spliced.slice(at, at + e.newText.length) !== e.newText) problems.push(`${what}: edit at ${e.span.start} not applied as written`);
    at += e.newText.length;
    pos = e.span.end;
  }
  if (spliced.slice(at) !== text.slice(pos)) problems.push(`${what}: text after the last edit changed`);
  const doc = TextDocument.create('file:///x.txt', 'plaintext', 1, text);
  const viaLsp = TextDocument.applyEdits(
    doc,
    edits.map((e) => ({ range: lines.range(e.span), newText: e.newText })),
  );
  if (viaLsp !== spliced) problems.push(`${what}: applied through LSP ranges the fix gives another text`);
  return { text: spliced, problems };
}

function outlineProblems(text: string, lines: LineIndex, nodes: OutlineNode[], parent?: OutlineNode): string[] {
  const p: string[] = [];
  for (const n of nodes) {
    p.push(...spanProblems(text, n.span, `outline ${n.name}`), ...spanProblems(text, n.selectionSpan, `outline ${n.name} selection`));
    if (n.selectionSpan.start < n.span.start || n.selectionSpan.end > n.span.end) p.push(`outline ${n.name}: selection outside its range`);
    if (parent && (n.span.start < parent.span.start || n.span.end > parent.span.end)) p.push(`outline ${n.name}: outside its parent ${parent.name}`);
    p.push(...outlineProblems(text, lines, n.children, n));
  }
  return p;
}

/** Every span of an analysis inside its text; outline and folds inside; figures read from it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** No lone surrogate: every UTF-16 code unit is a whole character or half of a pair. */
export function wellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

export function analysisProblems(text: string, a: Analysis, findings: Finding[] = a.findings, locale: 'zh' | 'en' = 'zh'): string[] {
  const p: string[] = [];
  const lines = a.model.lines;
  if (a.model.text !== text) p.push('the model holds another text');
  p.push(...a.failures.map((f) => `${f.check} threw: ${f.error.split('\n').slice(0, 3).join(' | ')}`));
  // Text cut for a message, an excerpt or a title is never cut inside a character: from a
  // well-formed text, every string the core gives is well-formed (a lone surrogate makes a whole
  // LSP message invalid to some clients).
  const whole = wellFormed(text);
  const cut = (s: string | undefined, what: string) => {
    if (whole && s !== undefined && !wellFormed(s)) p.push(`${what}: a lone surrogate in ${JSON.stringify(s)}`);
  };
  for (const f of findings) {
    const what = `${f.code}@${f.span.start}`;
    p.push(...spanProblems(text, f.span, what));
    cut(f.message, `${what} message`);
    for (const r of f.related) cut(r.message, `${what} related message`);
    for (const fix of f.fixes) {
      cut(fix.title, `${what} fix title`);
      for (const e of fix.edits) cut(e.newText, `${what} fix text`);
    }
    if (locale === 'zh' && !/[\u4e00-\u9fff]/.test(f.message)) p.push(`${what}: message without Chinese`);
    if (locale === 'en' && !/[A-Za-z]{3}/.test(f.message)) p.push(`${what}: English message without English`);
    for (const r of f.related) {
      if (r.path === undefined) p.push(...spanProblems(text, r.span, `${what} related`));
      else if (!r.range) p.push(`${what}: related in ${r.path} without a range`);
    }
    f.fixes.forEach((fix, i) => p.push(...applyFix(text, fix, lines, `${what} fix ${i}`).problems));
  }
  for (const g of a.figures) {
    const what = `figure ${JSON.stringify(g.text)}@${g.span.start}`;
    p.push(...spanProblems(text, g.span, what), ...spanProblems(text, g.sentence, `${what} sentence`));
    if (g.span.start < g.sentence.start || g.span.end > g.sentence.end) p.push(`${what}: outside its sentence`);
    if (!Number.isFinite(g.value) || !Number.isFinite(g.normalized.value)) p.push(`${what}: value ${g.value} is not finite`);
  }
  for (const g of a.figures) for (const [k, v] of [['indicator', g.indicator], ['statement', g.statement]] as const) cut(v, `figure@${g.span.start} ${k}`);
  const outline = buildOutline(a.model);
  p.push(...outlineProblems(text, lines, outline));
  const names = (nodes: typeof outline): void => {
    for (const n of nodes) {
      cut(n.name, `outline ${n.name}`);
      names(n.children);
    }
  };
  names(outline);
  for (const f of buildFolds(a.model, outline)) {
    if (!(f.startLine >= 0 && f.startLine < f.endLine && f.endLine < lines.lineCount)) p.push(`fold ${f.startLine}..${f.endLine} outside 0..${lines.lineCount - 1}`);
  }
  return p;
}

/**
 * Fixes that promise to resolve their finding, and how to tell: the same code no longer starts
 * where the finding started (mapped through the edits).
 * - quote.paragraph-break: joining the paragraphs makes the quotation one paragraph.
 * - heading.marker: the marker in the form the list agrees on.
 * - figure.mismatch: taking the other value; promised when there was one other value only
 *   (with several, the figure still disagrees with the rest).
 */
export function promisesResolution(f: Finding): boolean {
  if (f.code === 'quote.paragraph-break' || f.code === 'heading.marker') return true;
  if (f.code === 'figure.mismatch') return f.fixes.length === 1;
  return false;
}

export type { DocKind };
