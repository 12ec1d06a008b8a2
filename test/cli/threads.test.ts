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
import { threadsFor, PARALLEL_MIN_FILES } from '../../server/src/cli/parallel';
import { ROOT, TempDirs, runCli } from '../helpers/procCli';

const temp = new TempDirs();
let dir = '';

/**
 * 60 reports in three folders: the seeds in turn, each with its own year and 1500人 → 1500…1506人
 * (so the copies disagree with one another across folders and threads), a markdown report with a
 * suppressed finding, one in GB18030, one that is not text, and a folder whose config makes
 * quote findings errors and turns the heading checks off.
 */
beforeAll(() => {
  dir = temp.make('wengao-threads-');
  const seeds = readdirSync(join(ROOT, 'seeds')).sort().map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));
  for (const d of ['a', 'b', 'c']) mkdirSync(join(dir, d));
  for (let i = 0; i < 60; i++) {
    const text = seeds[i % seeds.length].replace(/2026年/g, `${2026 + (i % 3)}年`).replace('1500人', `${1500 + (i % 7)}人`);
    writeFileSync(join(dir, 'abc'[Math.floor(i / 20)], `r${String(i).padStart(2, '0')}.txt`), text);
  }
  writeFileSync(
    join(dir, 'a', 'note.md'),
    '# 说明\n\n<!-- wengao-disable-next-line quote.unclosed -->\n会议强调，要把“高质量发展摆在突出位置。\n\n全年城镇新增就业1500人以上。\n\n另一处“没有收尾。\n',
  );
  writeFileSync(join(dir, 'b', 'gb.txt'), iconv.encode(seeds[0].replace('1500人', '1509人'), 'gb18030'));
  writeFileSync(join(dir, 'b', 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 10]));
  writeFileSync(join(dir, 'c', '.wengaorc.json'), JSON.stringify({ checks: { quote: 'error', heading: 'off' } }));
});
afterAll(() => temp.cleanup());

const run = (threads: number, ...args: string[]) => runCli(['check', '.', '--min-severity', 'hint', '--threads', String(threads), ...args], { cwd: dir, timeoutMs: 60_000 });
/** The summary line names the threads when there were several; nothing else may differ. */
const withoutThreads = (stderr: string) => stderr.replace(/，\d+ 个线程/, '');

describe('wengao check on two threads gives what one thread gives', () => {
  for (const format of ['json', 'sarif', 'text', 'github']) {
    it(`--format ${format}`, async () => {
      const one = await run(1, '--format', format);
      const two = await run(2, '--format', format);
      expect(one.stderr).not.toMatch(/个线程/);
      expect(two.stderr).toMatch(/，2 个线程/);
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
    // figure.mismatch pointing from one folder into another (so between reports of different shards).
    const cross = results.filter(
      (x) => x.ruleId === 'figure.mismatch' && (x.relatedLocations ?? []).some((l) => l.physicalLocation.artifactLocation.uri.split('/')[0] !== where(x).split('/')[0]),
    );
    expect(cross.length).toBeGreaterThan(10);
    expect(results.some((x) => x.ruleId === 'quote.unclosed' && x.suppressions?.length && where(x) === 'a/note.md')).toBe(true);
    expect(results.some((x) => x.ruleId === 'quote.unclosed' && !x.suppressions?.length && where(x) === 'a/note.md')).toBe(true);
    expect(results.some((x) => where(x).startsWith('b/gb.txt'))).toBe(true);
    expect(results.some((x) => x.ruleId.startsWith('quote.') && where(x).startsWith('c/') && x.level === 'error')).toBe(true);
    expect(results.some((x) => x.ruleId.startsWith('heading.') && where(x).startsWith('c/'))).toBe(false);
    expect(r.stderr).toMatch(/跳过 \(skipped\) b\/binary\.txt/);
    expect(r.code).toBe(2);
  }, 60_000);
});

describe('threadsFor', () => {
  it('keeps few reports on the main thread, and gives each thread at least half the minimum', () => {
    expect(threadsFor(PARALLEL_MIN_FILES - 1, 8)).toBe(1);
    expect(threadsFor(PARALLEL_MIN_FILES, 8)).toBe(2);
    expect(threadsFor(1000, 8)).toBe(8);
    expect(threadsFor(1000, 1)).toBe(1);
  });
  it('by default leaves one core to V8: one thread on two cores, three on four', () => {
    expect(threadsFor(1000, 0, 1)).toBe(1);
    expect(threadsFor(1000, 0, 2)).toBe(1);
    expect(threadsFor(1000, 0, 4)).toBe(3);
    expect(threadsFor(60, 0, 8)).toBe(2);
  });
});
