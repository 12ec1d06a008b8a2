/**
 * The one way to the workspace's files (io/workspaceFs.ts): `untrustedFs`, what the server is
 * given in Restricted Mode, refuses every read, listing, write and watch, so the config resolver,
 * `readReport`, the index, the CLI's file selection and the watch read nothing through it; each
 * takes the refusal as "nothing there", quietly.
 */
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { afterAll, describe, expect, it } from 'vitest';
import { EMPTY_CONFIG, WengaoConfig } from '../../server/src/core';
import { collect } from '../../server/src/cli/files';
import { ConfigResolver } from '../../server/src/io/config';
import { readReport } from '../../server/src/io/read';
import { watchFolders } from '../../server/src/io/watch';
import { UNTRUSTED, nodeFs, untrustedFs } from '../../server/src/io/workspaceFs';
import { DEFAULT_WORKSPACE, WorkspaceIndexer } from '../../server/src/lsp/workspace';

const root = mkdtempSync(join(tmpdir(), 'wengao-wsfs-'));
const report = join(root, '报告.txt');
const config = join(root, '.wengaorc.json');
const ignore = join(root, '.wengaoignore');
mkdirSync(join(root, 'sub'));
writeFileSync(report, '2025年全市地区生产总值增长5%。\n');
writeFileSync(join(root, 'sub', 'b.txt'), '全市粮食产量增长3%。\n');
writeFileSync(config, '{ "checks": { "figure.target": "off" }, "year": 2025 }');
writeFileSync(ignore, '报告.txt quote.unopened 0123456789abcdef\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const base: WengaoConfig = { ...EMPTY_CONFIG, checks: { 'heading.marker': 'hint' } };

describe('untrustedFs', () => {
  it('refuses every read, listing, write and watch with an error that says why', async () => {
    expect(untrustedFs.trusted).toBe(false);
    expect(nodeFs.trusted).toBe(true);
    const calls = [untrustedFs.readFile(report), untrustedFs.stat(report), untrustedFs.lstat(report), untrustedFs.readdir(root), untrustedFs.realpath(report), untrustedFs.writeFile(join(root, 'new.txt'), 'x')];
    for (const call of calls) {
      const err = await call.then(() => undefined, (e: NodeJS.ErrnoException) => e);
      expect(err?.code).toBe(UNTRUSTED);
      expect(err?.message).toMatch(/untrusted workspace \(Restricted Mode\)/);
    }
    expect(() => untrustedFs.watch(root, () => undefined)).toThrow(/untrusted workspace/);
    // Nothing was written.
    expect(readdirSync(root).sort()).toEqual(['.wengaoignore', '.wengaorc.json', 'sub', '报告.txt']);
    // The disk itself is there.
    expect(new TextDecoder().decode(await nodeFs.readFile(config))).toContain('figure.target');
  });

  it('given to a ConfigResolver, finds no config or ignore file, though one that turns a check off sits beside the report', async () => {
    const trusted = await new ConfigResolver({ base }).forFile(report);
    expect(trusted.file?.path).toBe(config);
    expect(trusted.config.checks).toEqual({ 'heading.marker': 'hint', 'figure.target': 'off' });
    expect(trusted.ignore).toHaveLength(1);

    // (The editor's unsaved text of the config does not count either.)
    const r = new ConfigResolver({ base, fs: untrustedFs, overlay: (f) => (f === config ? '{ "checks": { "quote": "off" } }' : undefined) });
    const resolved = await r.forFile(report);
    expect(resolved.file).toBeUndefined();
    expect(resolved.ignoreFile).toBeUndefined();
    expect(resolved.ignore).toEqual([]);
    expect(resolved.config).toBe(base);
    expect(await r.readConfig(config)).toBeUndefined();
    expect(await r.readIgnore(ignore)).toBeUndefined();
    expect(r.covers(report, resolved)).toBe(true);
  });

  it('a resolver given the trust at reset, as the server does at initialize, forgets what it read', async () => {
    const r = new ConfigResolver({ base });
    expect((await r.forFile(report)).file?.path).toBe(config);
    r.reset({ fs: untrustedFs });
    expect((await r.forFile(report)).config).toBe(base);
  });

  it('readReport through it reads nothing, and the file is not said to be gone', async () => {
    const read = await readReport(report, untrustedFs);
    expect(read.ok).toBe(false);
    expect(read.ok === false && read.gone).toBeFalsy();
    expect(read.ok === false && read.message).toMatch(/不受信任|untrusted/);
    expect((await readReport(report)).ok).toBe(true);
  });

  it('the index given it holds nothing from disk, quietly', async () => {
    const logs: string[] = [];
    const options = async () => ({ scope: 'all' as const, minChineseRatio: 0, covered: true });
    const errors: string[] = [];
    const untrusted = new WorkspaceIndexer((m) => logs.push(m), options, untrustedFs);
    untrusted.onReadError = (uri) => errors.push(uri);
    await untrusted.scan([root], DEFAULT_WORKSPACE);
    await untrusted.refreshFromDisk(pathToFileURL(report).href, DEFAULT_WORKSPACE, [root]);
    await untrusted.closed(pathToFileURL(report).href, DEFAULT_WORKSPACE, [root]);
    expect(untrusted.index.size).toBe(0);
    expect(logs).toEqual([]);
    expect(errors).toEqual([]);

    const trusted = new WorkspaceIndexer(() => undefined, options);
    await trusted.scan([root], DEFAULT_WORKSPACE);
    expect(trusted.index.size).toBe(2);
  });

  it("the CLI's file selection and the watch cannot go through it", async () => {
    await expect(collect([root], new ConfigResolver({ fs: untrustedFs }))).rejects.toThrow(/untrusted workspace/);
    expect((await collect([root], new ConfigResolver())).map((s) => ('path' in s ? s.path : s.kind))).toEqual([join(root, 'sub', 'b.txt'), report]);
    const logs: string[] = [];
    const stop = watchFolders(untrustedFs, [root], () => undefined, (m) => logs.push(m));
    stop();
    expect(logs.join('\n')).toMatch(/cannot watch .*untrusted workspace/);
  });
});
