/** Paths relative to a folder (io/paths.ts): what the CLI, SARIF and GitHub show, and what the layers hold inside a folder. */
import { join, sep } from 'path';
import { describe, expect, it } from 'vitest';
import { isInside, relativeInside } from '../../server/src/io/paths';
import { annotationPath } from '../../server/src/cli/github';
import { artifactLocation } from '../../server/src/cli/sarif';

const dir = join(sep, 'work', '报告');

describe('a path relative to a folder', () => {
  // [file, its path relative to dir when inside, else undefined]
  const cases: [string, string | undefined][] = [
    [join(dir, 'a.txt'), 'a.txt'],
    [join(dir, '子', 'b.txt'), join('子', 'b.txt')],
    // (A name that only begins with two dots lies inside.)
    [join(dir, '..附件.txt'), '..附件.txt'],
    [join(dir, '...'), '...'],
    [dir, undefined],
    [join(dir, '..', 'c.txt'), undefined],
    [join(sep, 'work', '报告二', 'd.txt'), undefined],
    [join(sep, 'elsewhere'), undefined],
  ];
  for (const [file, rel] of cases) {
    it(`${file}: ${rel ?? 'outside'}`, () => {
      expect(relativeInside(dir, file)).toBe(rel);
      expect(isInside(dir, file)).toBe(rel !== undefined);
    });
  }

  it('the folder itself is inside only when asked (orSame)', () => {
    expect(isInside(dir, dir, true)).toBe(true);
    expect(isInside(dir, dir)).toBe(false);
  });

  it("GitHub and SARIF name a file whose name begins with two dots relative to the working directory", () => {
    expect(annotationPath('..附件.txt', dir)).toBe('..附件.txt');
    expect(artifactLocation('..附件.txt', dir)).toEqual({ uri: encodeURIComponent('..附件.txt'), uriBaseId: expect.any(String) });
    expect(artifactLocation(join('..', 'c.txt'), dir).uri).toMatch(/^file:\/\//);
  });
});
