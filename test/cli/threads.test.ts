/**
 * `wengao check` on many reports runs on worker threads (server/src/cli/parallel.ts), with
 * figure.mismatch computed against an index cut to the statements whose amounts differ. It must
 * give byte for byte what one thread gives: the same findings, related locations, suppressions,
 * skipped files and exit status, in every format. Runs the BUILT command line.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import { join } from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableParallelism } from 'os';
import { PARALLEL_MIN_FILES, tagNumbers, threadsFor, untagNumbers } from '../../server/src/cli/parallel';
import { ROOT, TempDirs, runCli } from '../helpers/procCli';

const temp = new TempDirs();
let dir = '';

/**
 * 75 reports in three folders: the seeds in turn, each with its own year and 1500人 → 1500…1506人
 * (so the copies disagree with one another across folders and threads), two that state one amount
 * with different bounds (突破 and 左右), a markdown report with a
 * suppressed finding, one in GB18030, one that is not text, and a folder whose config makes
 * quote findings errors and turns the heading checks off, and an ignore file that silences one
 * report's figure.mismatch findings.
 */
beforeAll(() => {
  dir = temp.make('wengao-threads-');
  const seeds = readdirSync(join(ROOT, 'seeds')).sort().map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));
  for (const d of ['a', 'b', 'c']) mkdirSync(join(dir, d));
  for (let i = 0; i < 75; i++) {
    const text = seeds[i % seeds.length].replace(/2026年/g, `${2026 + (i % 3)}年`).replace('1500人', `${1500 + (i % 7)}人`);
    writeFileSync(join(dir, 'abc'[Math.floor(i / 25)], `r${String(i).padStart(2, '0')}.txt`), text);
  }
  writeFileSync(
    join(dir, 'a', 'note.md'),
    '# 说明\n\n<!-- wengao-disable-next-line quote.unclosed -->\n会议强调，要把“高质量发展摆在突出位置。\n\n全年城镇新增就业1500人以上。\n\n另一处“没有收尾。\n',
  );
  writeFileSync(join(dir, 'b', 'gb.txt'), iconv.encode(seeds[0].replace('1500人', '1509人'), 'gb18030'));
  writeFileSync(join(dir, 'b', 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 10]));
  writeFileSync(join(dir, 'c', '.wengaorc.json'), JSON.stringify({ checks: { quote: 'error', heading: 'off' } }));
  // One amount with two bounds' words: 突破 against 左右 disagree though value and bound type agree
  // (the threads once cut this key out of the index they compare).
  writeFileSync(join(dir, 'a', 'gz1.txt'), '贵州省2026年政府工作报告\n\n到2030年，全省地区生产总值突破3万亿元。\n');
  writeFileSync(join(dir, 'b', 'gz2.txt'), '贵州省2026年国民经济和社会发展计划\n\n到2030年，全省地区生产总值达到3万亿元左右。\n');
  // A report's mismatches silenced by the ignore file: the suppressed side of the merge.
  writeFileSync(join(dir, 'b', '.wengaoignore'), 'r28.txt figure.mismatch *  # 已核实\n');
});
afterAll(() => temp.cleanup());

const run = (threads: number, ...args: string[]) => runCli(['check', '.', '--min-severity', 'hint', '--threads', String(threads), ...args], { cwd: dir, timeoutMs: 60_000 });
/** The summary line names the threads when there were several; nothing else may differ. */
const withoutThreads = (stderr: string) => stderr.replace(/，\d+ 个线程|, \d+ threads/, '');
/** The summary's words for N threads, in the run's language. */
const threadWords = (n: number, args: string[]) => (args.includes('en') ? `, ${n} threads` : `，${n} 个线程`);

describe('wengao check on two or three threads gives what one thread gives', () => {
  const cases: [number, string[]][] = [
    [2, ['--format', 'json']],
    [2, ['--format', 'sarif', '--include-suppressed']],
    [2, ['--format', 'text']],
    [2, ['--format', 'github']],
    [3, ['--format', 'json', '--lang', 'en']],
  ];
  for (const [threads, args] of cases) {
    it(`--threads ${threads} ${args.join(' ')}`, async () => {
      const one = await run(1, ...args);
      const two = await run(threads, ...args);
      expect(one.stderr).not.toMatch(/个线程| threads/);
      // (Never more threads than cores: on a 2-core machine --threads 3 runs two.)
      expect(two.stderr).toContain(threadWords(Math.min(threads, availableParallelism()), args));
      expect(two.stderr).not.toMatch(/多线程检查失败/);
      expect(two.code).toBe(one.code);
      expect(withoutThreads(two.stderr)).toBe(one.stderr);
      expect(two.stdout).toBe(one.stdout);
      expect(one.stdout.length).toBeGreaterThan(1000);
    }, 120_000);
  }

  it('the run it compares has cross-document mismatches, a suppression, a skipped file and a config at work', async () => {
    const r = await run(2, '--format', 'sarif', '--include-suppressed');
    const sarif = JSON.parse(r.stdout) as {
      runs: { results: { ruleId: string; level: string; suppressions?: unknown[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const results = sarif.runs[0].results;
    const where = (x: (typeof results)[number]) => x.locations[0].physicalLocation.artifactLocation.uri;
    // figure.mismatch pointing from one folder into another (the threads' shards are split by size, not by folder).
    const cross = results.filter(
      (x) => x.ruleId === 'figure.mismatch' && (x.relatedLocations ?? []).some((l) => l.physicalLocation.artifactLocation.uri.split('/')[0] !== where(x).split('/')[0]),
    );
    expect(cross.length).toBeGreaterThan(10);
    expect(cross.some((x) => where(x) === 'a/gz1.txt' && x.relatedLocations!.some((l) => l.physicalLocation.artifactLocation.uri === 'b/gz2.txt'))).toBe(true);
    expect(results.some((x) => x.ruleId === 'quote.unclosed' && x.suppressions?.length && where(x) === 'a/note.md')).toBe(true);
    expect(results.some((x) => x.ruleId === 'quote.unclosed' && !x.suppressions?.length && where(x) === 'a/note.md')).toBe(true);
    expect(results.some((x) => where(x).startsWith('b/gb.txt'))).toBe(true);
    expect(results.some((x) => x.ruleId.startsWith('quote.') && where(x).startsWith('c/') && x.level === 'error')).toBe(true);
    expect(results.some((x) => x.ruleId.startsWith('heading.') && where(x).startsWith('c/'))).toBe(false);
    expect(results.some((x) => x.ruleId === 'figure.mismatch' && x.suppressions?.length && where(x) === 'b/r28.txt')).toBe(true);
    expect(results.some((x) => x.ruleId === 'figure.mismatch' && !x.suppressions?.length && where(x) === 'b/r28.txt')).toBe(false);
    expect(r.stderr).toMatch(/跳过 \(skipped\) b\/binary\.txt/);
    expect(r.code).toBe(2);
  }, 60_000);
});

describe('numbers JSON cannot write cross between threads intact', () => {
  it('NaN, ±Infinity and -0 come back as they went', () => {
    const values = [NaN, Infinity, -Infinity, -0, 0, 1.5, 1e308];
    const back = JSON.parse(JSON.stringify({ values, nested: [{ v: NaN }] }, tagNumbers), untagNumbers) as { values: number[]; nested: { v: number }[] };
    back.values.forEach((v, i) => expect(Object.is(v, values[i])).toBe(true));
    expect(back.nested[0].v).toBeNaN();
  });
});

describe('threadsFor', () => {
  it('keeps few reports on the main thread, and gives each thread at least half the minimum', () => {
    expect(threadsFor(PARALLEL_MIN_FILES - 1, 8, 8)).toBe(1);
    expect(threadsFor(PARALLEL_MIN_FILES, 8, 8)).toBe(2);
    expect(threadsFor(1000, 8, 8)).toBe(8);
    expect(threadsFor(1000, 1, 8)).toBe(1);
  });
  it('by default leaves one core to V8: one thread on two cores, three on four', () => {
    expect(threadsFor(1000, 0, 1)).toBe(1);
    expect(threadsFor(1000, 0, 2)).toBe(1);
    expect(threadsFor(1000, 0, 4)).toBe(3);
    expect(threadsFor(60, 0, 8)).toBe(2);
  });
  it('never starts more threads than there are cores, whatever --threads asks', () => {
    expect(threadsFor(100_000, 999, 8)).toBe(8);
    expect(threadsFor(100_000, 999, 2)).toBe(2);
    expect(threadsFor(100_000, 4, 2)).toBe(2);
  });
});
