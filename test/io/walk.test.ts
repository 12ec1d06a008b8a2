/**
 * One rule for symbolic links in every walker (io/walk.ts): the CLI's folder walk, its quoted
 * glob and the server's workspace index find the same files in one tree of links (loops, second
 * names of a file and of a folder met before their own, a link into a dot-folder, links out of
 * the folder, dangling links, a link to itself), each real file once under its own path where the
 * walk meets it, and each names the links it did not follow. The index holds a file the watcher
 * reports to the same rule.
 */
import { execFileSync } from 'child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { afterAll, describe, expect, it } from 'vitest';
import { collect } from '../../server/src/cli/files';
import { ConfigResolver } from '../../server/src/io/config';
import { NOT_REGULAR } from '../../server/src/io/read';
import { LINK_NOT_FOLLOWED, walkFolder } from '../../server/src/io/walk';
import { nodeFs } from '../../server/src/io/workspaceFs';
import { DEFAULT_WORKSPACE, WorkspaceIndexer } from '../../server/src/lsp/workspace';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const REPORT = '2025年全市地区生产总值增长5%。\n';

/** A folder of reports and links, and a folder outside it that two links lead to. */
function tree(): { d: string; outside: string } {
  const d = mkdtempSync(join(tmpdir(), 'wengao-links-'));
  const outside = mkdtempSync(join(tmpdir(), 'wengao-outside-'));
  made.push(d, outside);
  for (const f of ['a/报告.txt', 'c.txt', 'z.txt', 'zdir/inner.txt', '.drafts/草稿.txt']) {
    mkdirSync(join(d, f, '..'), { recursive: true });
    writeFileSync(join(d, f), REPORT);
  }
  writeFileSync(join(outside, 'secret.txt'), REPORT);
  symlinkSync(join(d, 'a', '报告.txt'), join(d, 'a', '链接.txt')); // a second name, met after the file
  symlinkSync(join(d, 'z.txt'), join(d, '0first.txt')); // a second name met before the file's own
  symlinkSync(join(d, 'zdir'), join(d, '0dir')); // a second name of a folder, met before it
  symlinkSync(d, join(d, 'a', 'loop')); // back to the top
  symlinkSync('..', join(d, 'zdir', 'up')); // to the parent, relative
  symlinkSync(join(d, '.drafts', '草稿.txt'), join(d, 'draft.txt')); // the only way to a file in a dot-folder
  symlinkSync(join(outside, 'secret.txt'), join(d, 'out.txt'));
  symlinkSync(outside, join(d, 'outdir'));
  symlinkSync(join(d, 'nowhere.txt'), join(d, 'dangling.txt'));
  symlinkSync(join(d, 'self.txt'), join(d, 'self.txt')); // a loop of one link
  return { d, outside };
}

/** What each walker should find in `tree()`. */
const FILES = ['a/报告.txt', 'c.txt', 'draft.txt', 'z.txt', 'zdir/inner.txt'];
const LINKS = [
  ['dangling.txt', 'broken'],
  ['out.txt', 'outside'],
  ['outdir', 'outside'],
  ['self.txt', 'broken'],
] as const;

describe('symbolic links, one rule for every walker', () => {
  it('the walk: loops stopped, each real file once under its own path, links out and to nothing listed', async () => {
    const { d } = tree();
    const walked = await walkFolder(nodeFs, d, { enter: (p) => !p.endsWith('/.drafts'), want: (p) => p.endsWith('.txt') });
    expect(walked.files.map((f) => f.path)).toEqual(FILES.map((f) => join(d, f)));
    // The file reached only through a link is listed under the link, with its real path.
    expect(walked.files.find((f) => f.path === join(d, 'draft.txt'))?.real).toBe(join(d, '.drafts', '草稿.txt'));
    expect(walked.links.map((l) => [l.path, l.reason])).toEqual(LINKS.map(([p, r]) => [join(d, p), r]));
    expect(walked.unreadable).toEqual([]);
  });

  it('the CLI finds the same through a folder and through a glob, and names the links it did not follow', async () => {
    const { d } = tree();
    for (const arg of [d, `${d}/**/*.txt`]) {
      const found = await collect([arg], new ConfigResolver());
      expect(found.filter((s) => s.kind === 'file').map((s) => ('path' in s ? s.path : '')), arg).toEqual(FILES.map((f) => join(d, f)));
      expect(found.filter((s) => s.kind === 'note'), arg).toEqual(LINKS.map(([p, r]) => ({ kind: 'note', path: join(d, p), message: LINK_NOT_FOLLOWED[r] })));
    }
    // A glob whose fixed start is inside the tree follows links inside that start only.
    const sub = await collect([`${d}/zdir/**/*.txt`], new ConfigResolver());
    expect(sub.filter((s) => s.kind === 'file').map((s) => ('path' in s ? s.path : ''))).toEqual([join(d, 'zdir', 'inner.txt')]);
    expect(sub.filter((s) => s.kind === 'note').map((s) => ('path' in s ? s.path : ''))).toEqual([join(d, 'zdir', 'up')]);
  });

  it("the server's index finds the same, logs the links it did not follow, and holds the watcher's files to the rule", async () => {
    const { d, outside } = tree();
    const logs: string[] = [];
    const indexer = new WorkspaceIndexer((m) => logs.push(m), async () => ({ scope: 'all' as const, minChineseRatio: 0, covered: true }));
    await indexer.scan([d], DEFAULT_WORKSPACE);
    const uri = (f: string) => pathToFileURL(join(d, f)).href;
    expect(indexer.index.uris().map((u) => fileURLToPath(u))).toEqual(FILES.map((f) => join(d, f)));
    for (const [p, r] of LINKS) expect(logs).toContain(`not indexed ${join(d, p)}: ${LINK_NOT_FOLLOWED[r]}`);

    // The watcher names the file's own path, in the dot-folder: the entry under the link is read again.
    appendFileSync(join(d, '.drafts', '草稿.txt'), '全市粮食产量增长3%。\n');
    await indexer.refreshFromDisk(uri('.drafts/草稿.txt'), DEFAULT_WORKSPACE, [d]);
    expect(indexer.index.has(uri('.drafts/草稿.txt'))).toBe(false);
    expect(indexer.index.get(uri('draft.txt'))?.figures).toHaveLength(2);
    // A second name made since the scan adds nothing; a link made to outside is not read.
    symlinkSync(join(d, 'c.txt'), join(d, 'c2.txt'));
    symlinkSync(join(outside, 'secret.txt'), join(d, 'leak.txt'));
    await indexer.refreshFromDisk(uri('c2.txt'), DEFAULT_WORKSPACE, [d]);
    await indexer.refreshFromDisk(uri('leak.txt'), DEFAULT_WORKSPACE, [d]);
    expect(indexer.index.has(uri('c2.txt'))).toBe(false);
    expect(indexer.index.has(uri('leak.txt'))).toBe(false);
    expect(logs).toContain(`not indexed ${join(d, 'leak.txt')}: ${LINK_NOT_FOLLOWED.outside}`);
    // The file behind a link deleted: the link's entry goes.
    rmSync(join(d, '.drafts', '草稿.txt'));
    await indexer.refreshFromDisk(uri('.drafts/草稿.txt'), DEFAULT_WORKSPACE, [d]);
    expect(indexer.index.has(uri('draft.txt'))).toBe(false);
    expect(indexer.index.uris().map((u) => fileURLToPath(u)).sort()).toEqual(['a/报告.txt', 'c.txt', 'z.txt', 'zdir/inner.txt'].map((f) => join(d, f)));
  });

  it('a named pipe and a link to a device, named like reports: listed apart by the walk, named by the CLI and in the index log, never read', { timeout: 5_000 }, async () => {
    const { d } = tree();
    execFileSync('mkfifo', [join(d, 'zdir', 'p.txt')]);
    symlinkSync('/dev/zero', join(d, 'a', 'zero.txt'));
    const walked = await walkFolder(nodeFs, d, { enter: (p) => !p.endsWith('/.drafts'), want: (p) => p.endsWith('.txt') });
    expect(walked.files.map((f) => f.path)).toEqual(FILES.map((f) => join(d, f)));
    expect(walked.special).toEqual([
      { path: join(d, 'a', 'zero.txt'), real: '/dev/zero' },
      { path: join(d, 'zdir', 'p.txt'), real: join(d, 'zdir', 'p.txt') },
    ]);
    const found = await collect([d], new ConfigResolver());
    expect(found.filter((s) => s.kind === 'unreadable')).toEqual([
      { kind: 'unreadable', path: join(d, 'a', 'zero.txt'), message: NOT_REGULAR },
      { kind: 'unreadable', path: join(d, 'zdir', 'p.txt'), message: NOT_REGULAR },
    ]);
    const logs: string[] = [];
    const indexer = new WorkspaceIndexer((m) => logs.push(m), async () => ({ scope: 'all' as const, minChineseRatio: 0, covered: true }));
    await indexer.scan([d], DEFAULT_WORKSPACE);
    expect(indexer.index.uris().map((u) => fileURLToPath(u))).toEqual(FILES.map((f) => join(d, f)));
    expect(logs).toContain(`not indexed ${join(d, 'zdir', 'p.txt')}: ${NOT_REGULAR}`);
    expect(logs).toContain(`not indexed ${join(d, 'a', 'zero.txt')}: ${NOT_REGULAR}`);
  });

  it("the index's cut at wengao.workspace.maxFiles: the first files in name order, and how many more were left out, across folders", async () => {
    const a = mkdtempSync(join(tmpdir(), 'wengao-cut-'));
    const b = mkdtempSync(join(tmpdir(), 'wengao-cut-'));
    made.push(a, b);
    for (const f of ['1.txt', '2.txt', '3.txt']) writeFileSync(join(a, f), REPORT);
    for (const f of ['4.txt', '5.txt']) writeFileSync(join(b, f), REPORT);
    const logs: string[] = [];
    const indexer = new WorkspaceIndexer((m) => logs.push(m), async () => ({ scope: 'all' as const, minChineseRatio: 0, covered: true }));
    await indexer.scan([a, b], { ...DEFAULT_WORKSPACE, maxFiles: 2 });
    expect(indexer.index.uris().map((u) => fileURLToPath(u))).toEqual([join(a, '1.txt'), join(a, '2.txt')]);
    expect(logs.join('\n')).toMatch(/indexed 2 report files in \d+ ms; 3 more left out \(wengao\.workspace\.maxFiles\)/);
  });
});
