/**
 * The walkthrough's sample report (samples/示例报告.txt) shows exactly what the walkthrough
 * promises: one unclosed quotation mark, one heading numbering gap, one figure that differs
 * between the body and the 民生实事清单 (flagged on both sides), and the hover step's cursor
 * lands on that figure.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE, sampleFigureOffset } from '../../client/src/sampleFigure';
import { analyze, documentKind } from '../../server/src/core';
import { ROOT } from '../helpers/procLsp';

const text = readFileSync(join(ROOT, 'samples', SAMPLE_FILE), 'utf8');

describe('the sample report', () => {
  const a = analyze(text, { kind: documentKind(`wengao-sample:/${SAMPLE_FILE}`, 'wengao-report') });

  it('has exactly the three deliberate defects', () => {
    expect(a.analyzed).toBe(true);
    expect(a.failures).toEqual([]);
    const defects = a.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    expect(defects.map((f) => f.code).sort()).toEqual(['figure.mismatch', 'figure.mismatch', 'heading.sequence', 'quote.unclosed']);
    const mismatched = defects.filter((f) => f.code === 'figure.mismatch').map((f) => text.slice(f.span.start, f.span.end));
    expect(mismatched.sort()).toEqual(['20个', '25个']);
    // The rest are target notes.
    expect(new Set(a.findings.filter((f) => !defects.includes(f)).map((f) => f.code))).toEqual(new Set(['figure.target']));
  });

  it('puts the hover step on the body\'s mismatched figure', () => {
    const at = sampleFigureOffset(text);
    const f = a.figures.find((x) => x.span.start <= at && at < x.span.end);
    expect(f?.value).toBe(20);
    expect(a.findings.some((x) => x.code === 'figure.mismatch' && x.span.start <= at && at < x.span.end)).toBe(true);
  });

  it('has an outline: the title, 一、二、三、 and the 清单', () => {
    expect(a.outline.length).toBeGreaterThan(0);
  });
});
