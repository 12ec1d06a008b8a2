/** Turning one document's analysis into its entry in the workspace index. */
import { Analysis, RecheckOptions, recheckSteps } from '../analyze';
import type { Suppressed } from '../suppress';
import { CROSS_CHECKS, CROSS_CODES } from '../checks';
import { nodePath } from '../figures/context';
import { compareFindings, type Finding } from '../findings';
import type { DocumentEntry, IndexedFigure } from './index';
import { STEP_ITEMS, Steps, drain } from '../steps';
import { placeAcross } from '../origins';

/** How people name a document: the name of its first title or heading, else its file name. */
function documentName(analysis: Analysis, fileName: string): string {
  const first = analysis.outline[0];
  const name = first && first.name !== '目 录' && first.name !== '目录' ? first.name : undefined;
  if (name && name.length <= 40) return name;
  return fileName;
}

export function indexEntry(uri: string, fileName: string, analysis: Analysis): DocumentEntry {
  return drain(indexEntrySteps(uri, fileName, analysis));
}

/** `indexEntry` in steps (steps.ts). */
export function* indexEntrySteps(uri: string, fileName: string, analysis: Analysis): Steps<DocumentEntry> {
  const docName = documentName(analysis, fileName);
  const lines = analysis.model.lines;
  const figures: IndexedFigure[] = [];
  for (const figure of analysis.figures) {
    if (figures.length > 0 && figures.length % STEP_ITEMS === 0) yield;
    const s = lines.position(figure.span.start);
    const e = lines.position(figure.span.end);
    // In a compilation (seed 002) a figure belongs to its piece: name the title above it.
    const piece = pieceName(analysis, figure.span.start) ?? docName;
    const origins = analysis.model.origins;
    const place = origins && placeAcross(origins, s.line, figure.span.start - lines.starts[s.line]);
    figures.push({ uri, docName: piece, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character, figure, ...(place ? { place } : {}) });
  }
  const entry: DocumentEntry = { uri, docName, figures };
  if (analysis.facts?.province) entry.province = analysis.facts.province;
  if (analysis.facts?.city) entry.city = analysis.facts.city;
  if (analysis.facts?.county) entry.county = analysis.facts.county;
  // (A bulletin by the year it is published: see DocumentFacts.published.)
  const year = analysis.facts?.published ?? analysis.facts?.year;
  if (year !== undefined) entry.year = year;
  return entry;
}

/**
 * A document's findings with the workspace in view: its own findings, with the cross-document
 * checks' (figure.mismatch) computed again against the other documents of the index.
 */
export function findingsInWorkspace(analysis: Analysis, options: RecheckOptions): Finding[] {
  return inWorkspace(analysis, options).findings;
}

/** As `findingsInWorkspace`, with the suppressed findings too. */
export function inWorkspace(analysis: Analysis, options: RecheckOptions): { findings: Finding[]; suppressed: Suppressed[] } {
  return drain(inWorkspaceSteps(analysis, options));
}

/**
 * `inWorkspace` in steps (steps.ts). Its result holds for the index as it was throughout: a
 * caller that pauses between the steps starts again if the index changed meanwhile.
 */
export function* inWorkspaceSteps(analysis: Analysis, options: RecheckOptions): Steps<{ findings: Finding[]; suppressed: Suppressed[] }> {
  if (!analysis.analyzed) return { findings: [], suppressed: [] };
  return withCross(analysis, yield* recheckSteps(analysis, CROSS_CHECKS, options));
}

/**
 * A document's own findings with the cross-document checks' (from `recheck`) in place of the ones it had,
 * in document order. Apart from `inWorkspace` for the CLI's threads, which compute the two apart.
 */
export function withCross(
  own: Pick<Analysis, 'findings' | 'suppressed'>,
  cross: { findings: Finding[]; suppressed: Suppressed[] },
): { findings: Finding[]; suppressed: Suppressed[] } {
  return {
    findings: [...own.findings.filter((f) => !CROSS_CODES.has(f.code)), ...cross.findings].sort(compareFindings),
    suppressed: [...own.suppressed.filter((s) => !CROSS_CODES.has(s.finding.code)), ...cross.suppressed],
  };
}

/** The nearest title (or top markdown heading) above an offset, when the document has several. */
function pieceName(analysis: Analysis, offset: number): string | undefined {
  if (analysis.outline.length < 2) return undefined;
  const path = nodePath(analysis.outline, offset);
  for (let k = path.length - 1; k >= 0; k--) {
    const h = path[k].heading;
    if ((h.form === 'title' || (h.form === 'markdown' && h.markdownDepth === 1)) && path[k].name.length <= 40) return path[k].name;
  }
  return undefined;
}
