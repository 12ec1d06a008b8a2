/**
 * `wengao check --cache` (server/src/cli/cache.ts): the output of a run from the cache, cold or
 * warm, after a report, a config or the cache itself changed, is byte for byte that of a run
 * without it; a corrupt or foreign cache file is said and never trusted, and a foreign one is
 * never written over. Runs the BUILT command line.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import { join } from 'path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, TempDirs, runCli } from '../helpers/procCli';
import { lexiconFileText } from '../../server/src/io/lexiconFile';
import { d, docxOf, textDocx } from '../helpers/docx';

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

/** The cache file's index (its footer says where it lies): [absolute path, record] per report. */
function cacheIndex(file: string): [string, Record<string, unknown>][] {
  const b = readFileSync(file);
  const footer = /^\nwengao-index ([0-9a-f]{12}) ([0-9a-f]{12}) ([0-9a-f]{12}) ([0-9a-f]{24})\n$/.exec(b.subarray(b.length - 78).toString('latin1'));
  if (!footer) throw new Error('no footer');
  const at = parseInt(footer[2], 16);
  return (JSON.parse(b.subarray(at, at + parseInt(footer[3], 16)).toString('utf8')) as { reports: [string, Record<string, unknown>][] }).reports;
}

/** Text of the cached parts (not the index) replaced in place by another of as many bytes; how many places. */
function editCached(file: string, from: string, to: string): number {
  expect(Buffer.byteLength(to)).toBe(Buffer.byteLength(from));
  const b = readFileSync(file);
  // (Before the parts the last write appended, which the footer's digest covers.)
  const end = parseInt(/wengao-index ([0-9a-f]{12})/.exec(b.subarray(b.length - 78).toString('latin1'))![1], 16);
  const f = Buffer.from(from);
  let n = 0;
  for (let i = b.indexOf(f); i >= 0 && i < end; i = b.indexOf(f, i + f.length)) {
    Buffer.from(to).copy(b, i);
    n++;
  }
  writeFileSync(file, b);
  return n;
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

  for (const format of ['text', 'github', 'json']) {
    it(`reads unchanged reports from the cache (--format ${format}): a message edited in the cache file comes out as edited`, async () => {
      const first = await check('--cache', '--format', format);
      // (Text and GitHub keep each report's lines as printed; JSON is made from the findings kept.)
      expect(first.stdout).toContain('合并为一段');
      expect(editCached(join(dir, 'node_modules', '.cache', 'wengao', 'cache.json'), '合并为一段', '（改过的）')).toBeGreaterThan(0);
      const again = await check('--cache', '--format', format);
      expect(again.stdout).toContain('（改过的）');
      expect(again.stdout).not.toContain('合并为一段');
    }, 60_000);
  }

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
    expect(editCached(join(dir, 'node_modules', '.cache', 'wengao', 'cache.json'), '合并为一段', '（改过的）')).toBeGreaterThan(0);
    const again = () => {
      try {
        return run();
      } catch (e) {
        return (e as { stdout: string }).stdout;
      }
    };
    expect(again()).toContain('（改过的）');
    // Another word list (its total frequency in the last place): another build.
    const lexicon = join(bin, 'lexicon.txt');
    const text = lexiconFileText(readFileSync(lexicon)).replace(/^(wengao-lexicon \d \d+\.\d*)\d/, (_m, head: string) => `${head}9`);
    writeFileSync(lexicon, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(again()).not.toContain('（改过的）');
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
    const kept = cacheIndex(cacheFile).map(([name]) => name);
    expect(kept).not.toContain(join(dir, 'a', 'gz1.txt'));
    expect(kept).toContain(join(dir, 'b', 'gz2.txt'));
    expect(kept).toContain(join(other, 'a', 'gz1.txt'));
  }, 60_000);
});

describe('reports the cache vouches for by their times (written more than 2 s before the run)', () => {
  const aged = async () => new Promise((resolve) => setTimeout(resolve, 2100));

  it('an unchanged report is given by its lines as printed; a report rewritten with its old size and time is read again', async () => {
    // (A time in whole seconds, which utimes puts back exactly.)
    const r0 = join(dir, 'a', 'r0.txt');
    const t = Math.floor(Date.now() / 1000) - 60;
    utimesSync(r0, t, t);
    await aged();
    const plain = await check();
    same(plain, await check('--cache'));
    const file = join(dir, 'node_modules', '.cache', 'wengao', 'cache.json');
    // (Every report read was old enough: its times are kept.)
    expect(cacheIndex(file).filter(([, r]) => r.stamp).length).toBeGreaterThan(10);
    same(plain, await check('--cache'));
    // Rewritten with as many bytes and its modification time put back: its change time moved, so it is read.
    const before = statSync(r0);
    const text = readFileSync(r0, 'utf8');
    const edited = text.replace(/(\d)(万|亿|%|人|个|元)/, (_m, d: string, unit: string) => `${(Number(d) + 1) % 10}${unit}`);
    expect(edited).not.toBe(text);
    expect(Buffer.byteLength(edited)).toBe(before.size);
    writeFileSync(r0, edited);
    utimesSync(r0, t, t);
    expect(statSync(r0).mtimeMs).toBe(before.mtimeMs);
    const now = await check();
    expect(now.stdout).not.toBe(plain.stdout);
    same(now, await check('--cache'));
  }, 60_000);

  it('its printed lines come from the cache: edited there, they come out as edited; another --min-severity or --lang prints anew', async () => {
    await aged();
    await check('--cache');
    await check('--cache');
    const file = join(dir, 'node_modules', '.cache', 'wengao', 'cache.json');
    expect(editCached(file, '合并为一段', '（改过的）')).toBeGreaterThan(0);
    const hint = await check('--cache');
    expect(hint.stdout).toContain('（改过的）');
    // (Lines for other options are printed from the findings kept, which were edited too.)
    const warning = await check('--cache', '--min-severity', 'warning');
    expect(warning.stdout).toContain('（改过的）');
    expect(warning.stdout.length).toBeLessThan(hint.stdout.length);
    same(await check('--min-severity', 'warning'), await runCli(['check', '.', '--min-severity', 'warning', '--cache-location', 'fresh.json'], { cwd: dir, timeoutMs: 60_000 }));
  }, 60_000);
});

describe('what a review of the cache found (each failed before its fix)', () => {
  const aged = async () => new Promise((resolve) => setTimeout(resolve, 2100));

  it('a run with standard input is not taken for the same reports without it', async () => {
    const input = '贵州省2026年国民经济和社会发展计划\n\n到2030年，全省地区生产总值达到4万亿元左右。\n';
    const withStdin = await runCli(['check', '.', '-', '--stdin-filename', 'x.txt', '--min-severity', 'hint', '--cache'], { cwd: dir, input, timeoutMs: 60_000 });
    expect(withStdin.stdout).toMatch(/x\.txt/);
    const plain = await check();
    expect(plain.stdout).not.toMatch(/x\.txt/);
    same(plain, await check('--cache'));
  }, 60_000);

  it('a .docx is read every run: the other reports name places in it, as without the cache', async () => {
    writeFileSync(join(dir, 'a', 'gz3.docx'), await textDocx('贵州省2026年工作要点\n\n到2030年，全省地区生产总值突破4万亿元。\n'));
    await aged();
    const plain = await check();
    expect(plain.stdout).toMatch(/gz3\.docx:第\d+段/);
    for (let i = 0; i < 3; i++) same(plain, await check('--cache'));
  }, 60_000);

  it('what reading a .docx noted (tracked changes) is part of its key', async () => {
    const file = join(dir, 'a', 'tracked.docx');
    const run = (inserted: boolean) => [new d.TextRun('城镇新增就业'), inserted ? new d.InsertedTextRun({ text: '60', id: 2, author: '审校', date: '2026-01-05T00:00:00Z' }) : new d.TextRun('60'), new d.TextRun('万人以上。')];
    writeFileSync(file, await docxOf([new d.Paragraph('通知'), new d.Paragraph({ children: run(true) })]));
    const first = await check('--cache');
    expect(first.stderr).toMatch(/tracked\.docx: .*修订/);
    writeFileSync(file, await docxOf([new d.Paragraph('通知'), new d.Paragraph({ children: run(false) })]));
    await aged();
    const plain = await check();
    expect(plain.stderr).not.toMatch(/tracked\.docx: .*修订/);
    same(plain, await check('--cache'));
    same(plain, await check('--cache'));
  }, 60_000);

  it('a report that cannot be read when compared again is skipped, and its record dropped, not emptied', async () => {
    await check('--cache');
    // (gz2 changed: gz1, which states the same total, is compared again, and its read fails once.)
    writeFileSync(join(dir, 'b', 'gz2.txt'), '贵州省2026年国民经济和社会发展计划\n\n到2030年，全省地区生产总值达到3.5万亿元左右。\n');
    const gz1 = join(dir, 'a', 'gz1.txt');
    utimesSync(gz1, Math.floor(Date.now() / 1000) - 60, Math.floor(Date.now() / 1000) - 60);
    await aged();
    await check('--cache');
    writeFileSync(join(dir, 'b', 'gz2.txt'), '贵州省2026年国民经济和社会发展计划\n\n到2030年，全省地区生产总值达到3.6万亿元左右。\n');
    await aged();
    const failing = await runCli(['check', '.', '--min-severity', 'hint', '--cache'], { cwd: dir, timeoutMs: 60_000, nodeArgs: ['-r', join(ROOT, 'test', 'fixtures', 'cli', 'failRead.cjs')], env: { WENGAO_FAIL_READ: gz1 } });
    expect(failing.stderr).toMatch(/跳过 \(skipped\) a\/gz1\.txt/);
    expect(failing.code).toBe(2);
    expect(failing.stdout).not.toMatch(/^a\/gz1\.txt:/m);
    same(await check(), await check('--cache'));
    same(await check(), await check('--cache'));
  }, 60_000);

  it('a part of a record that cannot be read back: that report is analysed and compared again', async () => {
    await check('--cache');
    const file = join(dir, 'node_modules', '.cache', 'wengao', 'cache.json');
    const record = cacheIndex(file).find(([name]) => name === join(dir, 'a', 'gz1.txt'))![1] as { figures: [number, number] };
    const b = readFileSync(file);
    b[record.figures[0]] = 0x78;
    writeFileSync(file, b);
    // (gz2 read again for a line after its figures: gz1's comparison is unchanged, but gz2's is made
    // again against an index that needs gz1's figures, which cannot be read.)
    writeFileSync(join(dir, 'b', 'gz2.txt'), '贵州省2026年国民经济和社会发展计划\n\n到2030年，全省地区生产总值达到3万亿元左右。\n\n（完）\n');
    await aged();
    same(await check(), await check('--cache'));
  }, 60_000);

  it('one run writes at a time: while another holds the lock the cache is left as it was; a lock whose process is gone is taken over', async () => {
    const file = join(dir, 'c.json');
    const plain = await check('--cache-location', file);
    writeFileSync(join(dir, 'b', 'gz2.txt'), '贵州省2026年国民经济和社会发展计划\n\n到2030年，全省地区生产总值达到3.5万亿元左右。\n');
    const before = readFileSync(file);
    writeFileSync(`${file}.lock`, String(process.pid));
    same(await check(), await check('--cache-location', file));
    expect(readFileSync(file).equals(before)).toBe(true);
    // (A process id no process has: the lock of a run that died.)
    writeFileSync(`${file}.lock`, '2147483646');
    same(await check(), await check('--cache-location', file));
    expect(readFileSync(file).equals(before)).toBe(false);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(plain.stdout).not.toBe((await check()).stdout);
  }, 60_000);
});

describe('a cache file written in place', () => {
  it('appends what changed and is written afresh when what it no longer uses outweighs the rest', async () => {
    const file = join(dir, 'c.json');
    const plain = await check('--cache-location', file);
    const size = statSync(file).size;
    for (const quote of ['off', 'warning', 'error', 'off', 'warning']) {
      writeFileSync(join(dir, 'b', '.wengaorc.json'), JSON.stringify({ checks: { quote } }));
      same(await check(), await check('--cache-location', file));
    }
    // (Five times b/'s records replaced: the file stays within twice its size, and reads back whole.)
    expect(statSync(file).size).toBeLessThan(2.2 * size);
    writeFileSync(join(dir, 'b', '.wengaorc.json'), JSON.stringify({ checks: { quote: 'error' } }));
    same(plain, await check('--cache-location', file));
    same(plain, await check('--cache-location', file));
  }, 120_000);

  it('a write cut short, or an index that does not match its digest: said, ignored, and written afresh', async () => {
    const file = join(dir, 'c.json');
    const plain = await check('--cache-location', file);
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 40));
    const cut = await check('--cache-location', file);
    expect(cut.stderr).toMatch(/缓存文件已损坏，已忽略并将重写 \(cache corrupt: ignored, and written afresh\)/);
    expect(cut.stdout).toBe(plain.stdout);
    same(plain, await check('--cache-location', file));
    // (A byte of the index changed: its digest no longer matches.)
    const b = readFileSync(file);
    const at = parseInt(/wengao-index [0-9a-f]{12} ([0-9a-f]{12})/.exec(b.subarray(b.length - 78).toString('latin1'))![1], 16);
    const k = b.indexOf('"key":"', at) + 7;
    b[k] = b[k] === 0x61 ? 0x62 : 0x61;
    writeFileSync(file, b);
    const flipped = await check('--cache-location', file);
    expect(flipped.stderr).toMatch(/cache corrupt: ignored, and written afresh\): .*digest/);
    expect(flipped.stdout).toBe(plain.stdout);
    // (A part the last write appended, changed, as by another run writing over it: the digest covers it too.)
    writeFileSync(join(dir, 'b', 'gz2.txt'), '贵州省2026年国民经济和社会发展计划\n\n到2030年，全省地区生产总值达到3.5万亿元左右。\n');
    const changed = await check('--cache-location', file);
    const c = readFileSync(file);
    const tail = parseInt(/wengao-index ([0-9a-f]{12}) ([0-9a-f]{12})/.exec(c.subarray(c.length - 78).toString('latin1'))![1], 16);
    const index = parseInt(/wengao-index ([0-9a-f]{12}) ([0-9a-f]{12})/.exec(c.subarray(c.length - 78).toString('latin1'))![2], 16);
    expect(index).toBeGreaterThan(tail);
    c[tail] = c[tail] === 0x7b ? 0x5b : 0x7b;
    writeFileSync(file, c);
    const over = await check('--cache-location', file);
    expect(over.stderr).toMatch(/cache corrupt: ignored, and written afresh\): .*digest/);
    expect(over.stdout).toBe(changed.stdout);
    expect(over.code).toBe(changed.code);
  }, 60_000);
});

describe('a cache file that is not a good one', () => {
  it('corrupt: said, ignored, and written afresh', async () => {
    const plain = await check();
    const file = join(dir, 'c.json');
    writeFileSync(file, '{"format":"wengao-cache","version":3,"tool":"');
    const r = await check('--cache-location', file);
    expect(r.stderr).toMatch(/缓存文件已损坏，已忽略并将重写 \(cache corrupt: ignored, and written afresh\)/);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.code).toBe(plain.code);
    expect(cacheIndex(file).length).toBeGreaterThan(10);
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
