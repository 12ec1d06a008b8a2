/**
 * `wengao check --cache` (server/src/cli/cache.ts): the output of a run from the cache, cold or
 * warm, after a report, a config or the cache itself changed, is byte for byte that of a run
 * without it; a corrupt or foreign cache file is said and never trusted, and a foreign one is
 * never written over. Runs the BUILT command line.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import { join } from 'path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, TempDirs, runCli } from '../helpers/procCli';

const temp = new TempDirs();
afterAll(() => temp.cleanup());

/**
 * Fourteen reports in two folders: the seeds, and again with other amounts (mismatches across the
 * folders), a pair that states one amount with two bounds' words, a markdown report with a
 * suppressed finding, one in GB18030, one that is not text, a config and an ignore file.
 */
function makeFolder(): string {
  const dir = temp.make('wengao-cache-');
  const seeds = readdirSync(join(ROOT, 'seeds')).sort().map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));
  for (const d of ['a', 'b']) mkdirSync(join(dir, d));
  // (Each seed twice, in a/ and in b/, the copy in b/ stating other amounts: mismatches across the folders.)
  for (let i = 0; i < 10; i++) {
    const text = i < 5 ? seeds[i] : seeds[i - 5].replace(/(\d)0(万|亿|%|人)/, '$17$2');
    writeFileSync(join(dir, i < 5 ? 'a' : 'b', `r${i}.txt`), text);
  }
  writeFileSync(join(dir, 'a', 'gz1.txt'), '贵州省2026年政府工作报告\n\n到2030年，全省地区生产总值突破3万亿元。\n');
  writeFileSync(join(dir, 'b', 'gz2.txt'), '贵州省2026年国民经济和社会发展计划\n\n到2030年，全省地区生产总值达到3万亿元左右。\n');
  writeFileSync(join(dir, 'a', 'note.md'), '# 说明\n\n<!-- wengao-disable-next-line quote.unclosed -->\n会议强调，要把“高质量发展摆在突出位置。\n\n另一处“没有收尾。\n');
  writeFileSync(join(dir, 'b', 'gb.txt'), iconv.encode(seeds[0].replace('1500人', '1509人'), 'gb18030'));
  writeFileSync(join(dir, 'b', 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 10]));
  writeFileSync(join(dir, 'b', '.wengaorc.json'), JSON.stringify({ checks: { quote: 'error' } }));
  writeFileSync(join(dir, 'a', '.wengaoignore'), 'r3.txt figure.mismatch *  # 已核实\n');
  return dir;
}

let dir = '';
beforeEach(() => {
  dir = makeFolder();
});

const check = (...args: string[]) => runCli(['check', '.', '--min-severity', 'hint', ...args], { cwd: dir, timeoutMs: 60_000 });
const same = (a: { code: number | null; stdout: string; stderr: string }, b: typeof a) => {
  expect(b.code).toBe(a.code);
  expect(b.stdout).toBe(a.stdout);
  expect(b.stderr).toBe(a.stderr);
};

describe('wengao check --cache gives what a run without it gives', () => {
  for (const format of ['text', 'json', 'sarif', 'github']) {
    it(`--format ${format}: cold, then warm`, async () => {
      const args = ['--format', format, ...(format === 'sarif' ? ['--include-suppressed'] : [])];
      const plain = await check(...args);
      expect(plain.stdout.length).toBeGreaterThan(1000);
      same(plain, await check(...args, '--cache'));
      expect(existsSync(join(dir, 'node_modules', '.cache', 'wengao', 'cache.json'))).toBe(true);
      same(plain, await check(...args, '--cache'));
    }, 120_000);
  }

  it('the folder it compares has mismatches across reports, the pair of bounds, a suppression, a config and a skipped file', async () => {
    const r = await check('--cache');
    expect(r.stdout).toMatch(/a\/gz1\.txt:3:\d+: warning figure\.mismatch .*gz2/);
    expect(r.stdout).toMatch(/b\/r\d\.txt:\d+:\d+: warning figure\.mismatch .*a\/r\d\.txt/);
    expect(r.stdout).toMatch(/a\/r\d\.txt:\d+:\d+: warning figure\.mismatch .*b\/r\d\.txt/);
    expect(r.stdout).toMatch(/b\/[^:]+:\d+:\d+: error quote\./);
    expect(r.stdout).not.toMatch(/^a\/r3\.txt:\d+:\d+: \w+ figure\.mismatch/m);
    expect(r.stderr).toMatch(/跳过 \(skipped\) b\/binary\.txt/);
    expect(r.code).toBe(2);
    // (a/r3.txt's mismatches are there, silenced by the ignore file.)
    const sarif = JSON.parse((await check('--cache', '--format', 'sarif', '--include-suppressed')).stdout) as { runs: { results: { ruleId: string; suppressions?: unknown[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0].results.filter((x) => x.ruleId === 'figure.mismatch' && x.suppressions?.length && x.locations[0].physicalLocation.artifactLocation.uri === 'a/r3.txt').length).toBe(3);
  }, 60_000);

  it('reads unchanged reports from the cache: a finding edited in the cache file comes out as edited', async () => {
    await check('--cache');
    const file = join(dir, 'node_modules', '.cache', 'wengao', 'cache.json');
    // (A line per report: its path, its key and its record, tab-separated.)
    const lines = readFileSync(file, 'utf8').split('\n');
    const k = lines.findIndex((l, i) => i > 0 && l && (JSON.parse(l.split('\t')[2]) as { findings: unknown[] }).findings.length > 0);
    const [name, key, json] = lines[k].split('\t');
    const record = JSON.parse(json) as { findings: { message: string }[] };
    record.findings[0].message = '（缓存里改过的消息）';
    lines[k] = [name, key, JSON.stringify(record)].join('\t');
    writeFileSync(file, lines.join('\n'));
    expect((await check('--cache')).stdout).toContain('（缓存里改过的消息）');
  }, 60_000);

  it('a cache is of one build: after the word list beside the bundle changed, it is not read', async () => {
    // (A copy of the built CLI with its own word list, which the test may change.)
    const bin = temp.make('wengao-bin-');
    copyFileSync(join(ROOT, 'dist', 'cli.js'), join(bin, 'cli.js'));
    copyFileSync(join(ROOT, 'dist', 'lexicon.txt'), join(bin, 'lexicon.txt'));
    const run = () => execFileSync(process.execPath, [join(bin, 'cli.js'), 'check', '.', '--cache', '--min-severity', 'hint'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 }).toString();
    const first = (() => {
      try {
        return run();
      } catch (e) {
        return (e as { stdout: string }).stdout;
      }
    })();
    expect(first.length).toBeGreaterThan(1000);
    const file = join(dir, 'node_modules', '.cache', 'wengao', 'cache.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"message":"[^"]+"/, '"message":"（缓存里改过的消息）"'));
    const again = () => {
      try {
        return run();
      } catch (e) {
        return (e as { stdout: string }).stdout;
      }
    };
    expect(again()).toContain('（缓存里改过的消息）');
    // Another word list (its total frequency in the last place): another build.
    const lexicon = join(bin, 'lexicon.txt');
    writeFileSync(lexicon, readFileSync(lexicon, 'utf8').replace(/^(wengao-lexicon 1 \d+\.\d*)\d/, (_m, head: string) => `${head}9`));
    expect(again()).not.toContain('（缓存里改过的消息）');
  }, 60_000);

  it('after a report changed, re-checks it and what it is compared with: a new mismatch on an unchanged report', async () => {
    await check('--cache');
    writeFileSync(join(dir, 'b', 'gz2.txt'), '贵州省2026年国民经济和社会发展计划\n\n到2030年，全省地区生产总值达到3.5万亿元左右。\n');
    const warm = await check('--cache');
    same(await check(), warm);
    expect(warm.stdout).toMatch(/a\/gz1\.txt:3:\d+: warning figure\.mismatch .*3\.5万亿元/);
  }, 60_000);

  it('after a config or ignore file changed, gives what a run without the cache gives', async () => {
    await check('--cache');
    writeFileSync(join(dir, 'b', '.wengaorc.json'), JSON.stringify({ checks: { quote: 'off' } }));
    writeFileSync(join(dir, 'a', '.wengaoignore'), '');
    same(await check(), await check('--cache'));
    same(await check('--lang', 'en'), await check('--cache', '--lang', 'en'));
  }, 60_000);
});

describe('--cache with standard input and with reports that go', () => {
  it('a report on standard input is compared as without the cache (and not kept)', async () => {
    const input = readFileSync(join(dir, 'b', 'gz2.txt'), 'utf8');
    const plain = await runCli(['check', '.', '-', '--stdin-filename', 'x.txt', '--min-severity', 'hint'], { cwd: dir, input, timeoutMs: 60_000 });
    expect(plain.stdout).toMatch(/^x\.txt:3:\d+: warning figure\.mismatch/m);
    const cached = await runCli(['check', '.', '-', '--stdin-filename', 'x.txt', '--min-severity', 'hint', '--cache'], { cwd: dir, input, timeoutMs: 60_000 });
    same(plain, cached);
    expect(readFileSync(join(dir, 'node_modules', '.cache', 'wengao', 'cache.json'), 'utf8')).not.toContain(join(dir, 'x.txt'));
  }, 60_000);

  it('a report deleted since leaves the cache file; one of another folder stays', async () => {
    const other = makeFolder();
    const cacheFile = join(dir, 'shared-cache.json');
    await runCli(['check', other, '--cache-location', cacheFile], { cwd: dir, timeoutMs: 60_000 });
    await check('--cache-location', cacheFile);
    rmSync(join(dir, 'a', 'gz1.txt'));
    await check('--cache-location', cacheFile);
    const kept = readFileSync(cacheFile, 'utf8').split('\n').slice(1, -1).map((l) => JSON.parse(l.split('\t')[0]) as string);
    expect(kept).not.toContain(join(dir, 'a', 'gz1.txt'));
    expect(kept).toContain(join(dir, 'b', 'gz2.txt'));
    expect(kept).toContain(join(other, 'a', 'gz1.txt'));
  }, 60_000);
});

describe('a cache file that is not a good one', () => {
  it('corrupt: said, ignored, and written afresh', async () => {
    const plain = await check();
    const file = join(dir, 'c.json');
    writeFileSync(file, '{"format":"wengao-cache","version":2,"tool":"');
    const r = await check('--cache-location', file);
    expect(r.stderr).toMatch(/缓存文件已损坏，已忽略并将重写 \(cache corrupt: ignored, and written afresh\)/);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.code).toBe(plain.code);
    expect(() => readFileSync(file, 'utf8').split('\n').slice(0, -1).map((l, i) => JSON.parse(i ? l.split('\t')[2] : l))).not.toThrow();
    same(plain, await check('--cache-location', file));
  }, 60_000);

  it('foreign (a report where the cache should be): said, not used, and left as it was', async () => {
    const plain = await check();
    const file = join(dir, 'a', 'r0.txt');
    const before = readFileSync(file);
    const r = await check('--cache-location', file);
    expect(r.stderr).toMatch(/不是 Wengao 的缓存文件，未使用也未改写/);
    expect(r.stdout).toBe(plain.stdout);
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 60_000);

  it('a folder as the location holds wengao-cache.json; the cache is for check only', async () => {
    mkdirSync(join(dir, 'cachedir'));
    await check('--cache-location', 'cachedir');
    expect(existsSync(join(dir, 'cachedir', 'wengao-cache.json'))).toBe(true);
    const figures = await runCli(['figures', '.', '--cache'], { cwd: dir });
    expect(figures.code).toBe(2);
    expect(figures.stderr).toContain('--cache 只用于 wengao check');
  }, 60_000);
});
