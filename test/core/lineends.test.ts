/**
 * Line ends as LSP defines them (CR, LF, CRLF) in the markdown suppression comments: the quick
 * fix's comment lands on the finding's own line, in that line's ending, and silences that line
 * only. (The shrunk counterexample of the property run was "\r“的增长一%\n": with lone CRs the
 * comment went to the start of the file and silenced the code everywhere.)
 */
import { describe, expect, it } from 'vitest';
import { analyze, suppressionEdit } from '../../server/src/core';

const apply = (text: string, e: { span: { start: number; end: number }; newText: string }) => text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);

describe('suppression comments and line ends', () => {
  for (const [name, nl] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`${name}: the comment silences the finding's line and no other`, () => {
      const text = ['# 标题', '', '第一段有一个多余的右引号”。', '', '第二段也有一个多余的右引号”。', ''].join(nl);
      const before = analyze(text, { kind: 'markdown' }).findings.filter((f) => f.code === 'quote.unopened');
      expect(before).toHaveLength(2);
      const edited = apply(text, suppressionEdit(text, before[0]));
      // The comment is on the finding's line or just above it, not at the start of the file.
      expect(edited.startsWith('# 标题')).toBe(true);
      // No line end of another kind was brought in.
      if (nl !== '\n') expect(edited.replace(/\r\n/g, '').includes('\n')).toBe(false);
      if (nl === '\r') expect(edited.includes('\r\n')).toBe(false);
      const after = analyze(edited, { kind: 'markdown' }).findings.filter((f) => f.code === 'quote.unopened');
      expect(after).toHaveLength(1);
      expect(edited.slice(0, after[0].span.start)).toContain('第二段也有一个多余的右引号');
    });
  }

  it('the shrunk counterexample: a lone CR before the finding', () => {
    const text = '\r“的增长一%\n';
    const found = analyze(text, { kind: 'markdown' }).findings;
    expect(found.length).toBeGreaterThan(0);
    const edit = suppressionEdit(text, found[0]);
    // On the finding's line (after the CR), not at offset 0.
    expect(edit.span.start).toBeGreaterThanOrEqual(1);
    const edited = apply(text, edit);
    expect(analyze(edited, { kind: 'markdown' }).findings.filter((f) => f.code === found[0].code)).toHaveLength(0);
    // A second line with the same defect stays reported.
    const two = `${edited}“另一行\n`;
    expect(analyze(two, { kind: 'markdown' }).findings.some((f) => f.code === found[0].code)).toBe(true);
  });
});
