/**
 * Finding the config and ignore files on disk: nearest upward, --config, unsaved editor text,
 * include/exclude globs, ignore entries by relative path or glob; config and ignore files that
 * are not regular files or are too large, found and not read.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative as relativePath } from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigResolver, ignoreEntryPath } from '../../server/src/io/config';

const root = mkdtempSync(join(tmpdir(), 'wengao-config-'));
const files: Record<string, string> = {
  '.wengaorc.json': '{ "checks": { "figure.target": "off" }, "year": 2025, "exclude": ["归档/**"] }',
  '.wengaoignore': '# 顶层\n报告/a.txt quote.unopened 0123456789abcdef\n**/*.txt heading.marker *\n',
  '报告/a.txt': '',
  '报告/b.txt': '',
  '归档/old.txt': '',
  '市/.wengaorc.json': '{ "checks": { "quote": "error" }, "include": ["*.md"] }',
  '市/c.md': '',
  '市/d.txt': '',
  '坏/.wengaorc.json': '{ "year": "二〇二六" ',
  '坏/e.txt': '',
};
for (const [name, text] of Object.entries(files)) {
  mkdirSync(join(root, name, '..'), { recursive: true });
  writeFileSync(join(root, name), text);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ConfigResolver', () => {
  const r = new ConfigResolver({ base: { checks: { 'heading.marker': 'hint' }, units: [], terms: [], year: 2020 } });

  it('lays the nearest config over the settings: the file wins, checks merge by code', async () => {
    const a = await r.forFile(join(root, '报告/a.txt'));
    expect(a.file?.path).toBe(join(root, '.wengaorc.json'));
    expect(a.config.checks).toEqual({ 'heading.marker': 'hint', 'figure.target': 'off' });
    expect(a.config.year).toBe(2025);
  });

  it('takes the nearest config only, not the ones above it', async () => {
    const c = await r.forFile(join(root, '市/c.md'));
    expect(c.file?.path).toBe(join(root, '市/.wengaorc.json'));
    expect(c.config.checks).toEqual({ 'heading.marker': 'hint', quote: 'error' });
    expect(c.config.year).toBe(2020);
  });

  it('reports a broken config and applies the defaults meanwhile', async () => {
    const e = await r.forFile(join(root, '坏/e.txt'));
    expect(e.file?.findings.map((f) => f.code)).toContain('config.syntax');
    expect(e.config.year).toBe(2020);
  });

  it("decides coverage by the config's include and exclude, relative to its folder", async () => {
    const cover = async (f: string) => r.covers(join(root, f), await r.forFile(join(root, f)));
    expect(await cover('报告/a.txt')).toBe(true);
    expect(await cover('归档/old.txt')).toBe(false);
    expect(await cover('市/c.md')).toBe(true);
    expect(await cover('市/d.txt')).toBe(false);
  });

  it('picks the ignore entries for a report by its relative path or a glob', async () => {
    const a = await r.forFile(join(root, '报告/a.txt'));
    expect(a.ignoreFile?.path).toBe(join(root, '.wengaoignore'));
    expect(a.ignore.map((e) => `${e.code} ${e.fingerprint}`)).toEqual(['quote.unopened 0123456789abcdef', 'heading.marker *']);
    const b = await r.forFile(join(root, '报告/b.txt'));
    expect(b.ignore.map((e) => e.code)).toEqual(['heading.marker']);
    const c = await r.forFile(join(root, '市/c.md'));
    expect(c.ignore).toEqual([]);
    expect(ignoreEntryPath(join(root, '.wengaoignore'), join(root, '报告/a.txt'))).toBe('报告/a.txt');
  });

  it('uses --config for every report, and fails clearly when it cannot be read', async () => {
    const x = new ConfigResolver({ explicit: join(root, '市/.wengaorc.json') });
    expect((await x.forFile(join(root, '报告/a.txt'))).config.checks).toEqual({ quote: 'error' });
    const missing = new ConfigResolver({ explicit: join(root, 'nope.json') });
    await expect(missing.forFile(join(root, '报告/a.txt'))).rejects.toThrow(/无法读取配置文件/);
    // Given relative to the working directory, as on a command line: still an error, not the defaults.
    const relative = new ConfigResolver({ explicit: relativePath(process.cwd(), join(root, 'nope.json')) });
    await expect(relative.forFile(join(root, '报告/a.txt'))).rejects.toThrow(/无法读取配置文件/);
  });

  it("prefers the editor's unsaved text of a config file, and forgets on change", async () => {
    let unsaved: string | undefined = '{ "year": 2031 }';
    const x = new ConfigResolver({ overlay: (f) => (f === join(root, '.wengaorc.json') ? unsaved : undefined) });
    expect((await x.forFile(join(root, '报告/a.txt'))).config.year).toBe(2031);
    unsaved = undefined;
    expect((await x.forFile(join(root, '报告/a.txt'))).config.year).toBe(2031);
    x.changed(join(root, '.wengaorc.json'));
    expect((await x.forFile(join(root, '报告/a.txt'))).config.year).toBe(2025);
  });

  it('finds a config or ignore file that is a named pipe, a link to a device or over 1 MB, and reads none of them, saying why', { timeout: 5_000 }, async () => {
    const top = join(root, '界');
    mkdirSync(join(top, '管道'), { recursive: true });
    mkdirSync(join(top, '大'));
    // (The config above them: found, it would apply in silence to the reports below.)
    writeFileSync(join(top, '.wengaorc.json'), '{ "year": 2024 }');
    execFileSync('mkfifo', [join(top, '管道', '.wengaorc.json')]);
    symlinkSync('/dev/zero', join(top, '管道', '.wengaoignore'));
    // (Sparse: 2 MB on paper, nothing on disk.)
    writeFileSync(join(top, '大', '.wengaorc.json'), '');
    truncateSync(join(top, '大', '.wengaorc.json'), 2 * 1024 * 1024);
    const x = new ConfigResolver({ base: { checks: {}, units: [], terms: [], year: 2020 } });
    const piped = await x.forFile(join(top, '管道', 'a.txt'));
    expect(piped.file?.path).toBe(join(top, '管道', '.wengaorc.json'));
    expect(piped.file?.unread).toMatch(/^不是普通文件（设备、管道或套接字），未读取 \(not a regular file: .*\)；其下的报告不用它的设置/);
    expect(piped.config.year).toBe(2020);
    expect(piped.ignoreFile?.unread).toMatch(/^不是普通文件.*；它不为其下的报告忽略任何问题/);
    expect(piped.ignore).toEqual([]);
    const big = await x.forFile(join(top, '大', 'a.txt'));
    expect(big.file?.unread).toMatch(/^文件 2 MB，超过配置文件和忽略文件 1 MB 的上限，未读取 \(the file is 2 MB, over the 1 MB limit of config and ignore files; not read\)/);
    expect(big.config.year).toBe(2020);
    expect(x.problemsIn(big.file!, 'en')).toEqual([]);
    // As --config: an error that says why, at once (the pipe blocked for good, /dev/zero filled the memory).
    for (const [file, why] of [
      [join(top, '管道', '.wengaorc.json'), /不是普通文件/],
      ['/dev/zero', /不是普通文件/],
      [join(top, '大', '.wengaorc.json'), /文件 2 MB，超过配置文件和忽略文件 1 MB 的上限/],
    ] as const) {
      const explicit = new ConfigResolver({ explicit: file });
      await expect(explicit.forFile(join(root, '报告/a.txt')), file).rejects.toThrow(new RegExp(`^无法读取配置文件 \\(cannot read the config file\\) .*: ${why.source}`));
    }
  });
});
