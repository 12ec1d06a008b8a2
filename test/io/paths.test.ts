/** Paths relative to a folder (io/paths.ts): what the CLI, SARIF and GitHub show, and what the layers hold inside a folder; the read-only view's URI. */
import { join, sep } from 'path';
import { describe, expect, it } from 'vitest';
import { canonicalUri, isInside, relativeInside, sourceViewUri } from '../../server/src/io/paths';
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

describe('the read-only view of a .docx or .pdf (wengao-source:) stands for its file', () => {
  it('maps a file to its view and back, a host kept (a Windows share), percent-encoding spelled one way', () => {
    for (const [file, view] of [
      ['file:///tmp/%E8%8D%89%E7%A8%BF.docx', 'wengao-source:/tmp/%E8%8D%89%E7%A8%BF.docx'],
      ['file://server/share/report.pdf', 'wengao-source://server/share/report.pdf'],
    ]) {
      expect(sourceViewUri(file)).toBe(view);
      expect(canonicalUri(view)).toBe(canonicalUri(file));
    }
    expect(canonicalUri('wengao-source:/tmp/%e8%8d%89%e7%a8%bf.docx')).toBe('file:///tmp/%E8%8D%89%E7%A8%BF.docx');
    // Other files and schemes as given.
    expect(sourceViewUri('file:///tmp/a.txt')).toBe('file:///tmp/a.txt');
    expect(sourceViewUri('untitled:Untitled-1')).toBe('untitled:Untitled-1');
  });
});
