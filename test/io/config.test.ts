/**
 * Finding the config and ignore files on disk: nearest upward, --config, unsaved editor text,
 * include/exclude globs, ignore entries by relative path or glob.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
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
});
