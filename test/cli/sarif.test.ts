/**
 * `wengao check --format sarif` from the BUILT command line: valid against the SARIF 2.1.0
 * JSON schema (the rtm.5 schema that @microsoft/jest-sarif ships, validated with ajv), with what
 * GitHub code scanning requires of an upload, and the same findings as the JSON format.
 */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import type * as Sarif from 'sarif';
import { pathToFileURL } from 'url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import schema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import pkg from '../../package.json';
import { CODES, LineIndex, fingerprint } from '../../server/src/core';
import { ROOT, TempDirs, runCli } from '../helpers/procCli';
import { withoutProofreading } from '../helpers/proofreading';

const SEEDS = join(ROOT, 'seeds');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'workspace', 'press-brief');
const HAN = /[\u4e00-\u9fff]/;
const CHINESE_NAME = '报告 附件.txt';

// The rtm.5 schema's pattern for `language` is not a valid regular expression in unicode mode.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

interface JsonReport {
  files: { path: string; diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[];
}

const temp = new TempDirs();
afterEach(() => temp.cleanup());
const shared = new TempDirs();
afterAll(() => shared.cleanup());

function expectValid(log: unknown): asserts log is Sarif.Log {
  const ok = validate(log);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
}

/** What GitHub's upload needs beyond the schema: the properties it marks required, non-empty, within its limits. */
function expectGithubSubset(log: Sarif.Log): void {
  expect(log.$schema).toMatch(/^https:\/\/.*sarif-2\.1\.0/);
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0];
  const driver = run.tool.driver;
  expect(driver.name).toBe('Wengao');
  expect(driver.version).toBe(pkg.version);
  expect(driver.informationUri).toBe('https://example.invalid/wengao');
  expect(driver.rules!.map((r) => r.id)).toEqual(Object.values(CODES));
  for (const rule of driver.rules!) {
    expect(rule.name!.length).toBeLessThanOrEqual(255);
    for (const d of [rule.shortDescription!, rule.fullDescription!]) {
      expect(d.text.trim()).not.toBe('');
      expect(d.text.length).toBeLessThanOrEqual(1024);
    }
    expect(rule.help!.text).toMatch(HAN);
    expect(rule.help!.markdown!.length).toBeGreaterThan(0);
    expect(['note', 'warning', 'error']).toContain(rule.defaultConfiguration!.level);
    expect((rule.properties!.tags as string[]).length).toBeGreaterThan(0);
  }
  expect(run.columnKind).toBe('utf16CodeUnits');
  for (const r of run.results!) {
    expect(driver.rules![r.ruleIndex!].id).toBe(r.ruleId);
    expect(['note', 'warning', 'error']).toContain(r.level);
    expect(r.message.text!.trim()).not.toBe('');
    expect(r.locations!.length).toBeGreaterThanOrEqual(1);
    expect(r.locations!.length).toBeLessThanOrEqual(10);
    const p = r.locations![0].physicalLocation!;
    expect(p.artifactLocation!.uri).toBeTruthy();
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) {
      expect(Number.isInteger(p.region![k]) && p.region![k]! >= 1, `${k} of ${JSON.stringify(p)}`).toBe(true);
    }
    expect(Object.keys(r.partialFingerprints!).length).toBeGreaterThan(0);
  }
}

/** The file a result's artifact names, under the run's %SRCROOT%. */
function fileOf(run: Sarif.Run, loc: Sarif.ArtifactLocation): string {
  if (loc.uriBaseId) {
    expect(loc.uriBaseId).toBe('%SRCROOT%');
    return decodeURIComponent(new URL(loc.uri!, run.originalUriBaseIds!['%SRCROOT%'].uri).pathname);
  }
  return decodeURIComponent(new URL(loc.uri!).pathname);
}

let dir: string;
let sarif: Sarif.Log;
let withSuppressed: Sarif.Log;
let json: JsonReport;
let exit: number | null;

beforeAll(async () => {
  dir = shared.make('wengao-sarif-');
  const files: Record<string, string> = {};
  for (const f of ['000_d4031d3451319d89.txt', '002_823a23dd25e68816.txt', '004_0624703ab3c854fd.txt']) files[`seeds/${f}`] = readFileSync(join(SEEDS, f), 'utf8');
  for (const f of ['report.txt', 'brief.txt']) files[`press/${f}`] = readFileSync(join(FIXTURE, f), 'utf8').replace(/⟦[^⟧]*⟧/g, '');
  files[CHINESE_NAME] = readFileSync(join(SEEDS, '004_0624703ab3c854fd.txt'), 'utf8');
  files['notes/说明.md'] =
    '# 关于“十五五”规划开局之年的说明\n\n<!-- wengao-disable-next-line quote.unopened -- 原文如此 -->\n五”开局之年，全省经济运行总体平稳、稳中有进。\n\n又一个五”开局之年，我们要继续努力，推动高质量发展。\n';
  files['.wengaoignore'] = 'seeds/000_d4031d3451319d89.txt quote.paragraph-break *  # 已与原件核对\n';
  files['broken/.wengaorc.json'] = '{ "checks": { "quote": "off" ';
  files['broken/x.txt'] = '这一段文字没有任何问题，只是所在的文件夹里有一个写坏了的配置文件。\n';
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const [a, b, c] = await Promise.all([
    runCli(['check', '.', '--format', 'sarif'], { cwd: dir }),
    runCli(['check', '.', '--format', 'sarif', '--include-suppressed'], { cwd: dir }),
    runCli(['check', '.', '--format', 'json'], { cwd: dir }),
  ]);
  exit = a.code;
  sarif = JSON.parse(a.stdout);
  withSuppressed = JSON.parse(b.stdout);
  json = JSON.parse(c.stdout);
}, 60_000);

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 with what GitHub code scanning requires', () => {
    expect(exit).toBe(1);
    expectValid(sarif);
    expectGithubSubset(sarif);
    expectValid(withSuppressed);
    expectGithubSubset(withSuppressed);
    const run = sarif.runs[0];
    expect(run.originalUriBaseIds!['%SRCROOT%'].uri).toBe(pathToFileURL(dir).href + '/');
    expect(run.language).toBe('zh-CN');
    expect(run.invocations![0].executionSuccessful).toBe(true);
    // The validator is not vacuous: an LSP severity name, or a 0-based line, is rejected.
    const bad = JSON.parse(JSON.stringify(sarif)) as Sarif.Log;
    (bad.runs[0].results![0] as { level: string }).level = 'information';
    expect(validate(bad)).toBe(false);
    const zero = JSON.parse(JSON.stringify(sarif)) as Sarif.Log;
    zero.runs[0].results![0].locations![0].physicalLocation!.region!.startLine = 0;
    expect(validate(zero)).toBe(false);
  });

  it('carries the same findings as --format json: code, message, and the range in 1-based lines and columns', () => {
    const run = sarif.runs[0];
    const fromSarif = run.results!.map((r) => {
      const p = r.locations![0].physicalLocation!;
      const g = p.region!;
      return {
        file: fileOf(run, p.artifactLocation!),
        code: r.ruleId,
        message: r.message.text,
        range: { start: { line: g.startLine! - 1, character: g.startColumn! - 1 }, end: { line: g.endLine! - 1, character: g.endColumn! - 1 } },
      };
    });
    const fromJson = json.files.flatMap((f) => f.diagnostics.map((d) => ({ file: join(dir, f.path), code: d.code, message: d.message, range: d.range })));
    expect(fromSarif).toEqual(fromJson);
    // Every family of the project, whatever the proofreading checks add.
    expect(new Set(withoutProofreading(fromSarif).map((x) => x.code))).toEqual(new Set(['config.syntax', 'quote.unopened', 'quote.paragraph-break', 'heading.marker', 'figure.mismatch']));
  });

  it('points at the mark: seed 000 line 63 column 2, a UTF-16 column in the file on disk', () => {
    const r = sarif.runs[0].results!.find((x) => x.ruleId === 'quote.unopened' && x.locations![0].physicalLocation!.artifactLocation!.uri!.startsWith('seeds/'))!;
    const p = r.locations![0].physicalLocation!;
    expect(p.artifactLocation).toEqual({ uri: 'seeds/000_d4031d3451319d89.txt', uriBaseId: '%SRCROOT%' });
    expect(p.region).toEqual({ startLine: 63, startColumn: 2, endLine: 63, endColumn: 3 });
    expect(r.level).toBe('error');
    const line = readFileSync(join(dir, 'seeds/000_d4031d3451319d89.txt'), 'utf8').split('\n')[62];
    expect(line[p.region!.startColumn! - 1]).toBe('”');
  });

  it("partialFingerprints carry the core's fingerprint of each finding", () => {
    const run = sarif.runs[0];
    for (const r of run.results!) {
      const p = r.locations![0].physicalLocation!;
      const text = readFileSync(fileOf(run, p.artifactLocation!), 'utf8');
      const lines = new LineIndex(text);
      const span = {
        start: lines.offset({ line: p.region!.startLine! - 1, character: p.region!.startColumn! - 1 }),
        end: lines.offset({ line: p.region!.endLine! - 1, character: p.region!.endColumn! - 1 }),
      };
      expect(r.partialFingerprints).toEqual({ 'wengao/v1': fingerprint(text, { code: r.ruleId as never, span }) });
    }
  });

  it('relatedLocations: the other document for figure.mismatch, the partner mark for pairing', () => {
    const run = sarif.runs[0];
    const brief = run.results!.filter((r) => r.ruleId === 'figure.mismatch' && r.locations![0].physicalLocation!.artifactLocation!.uri === 'press/brief.txt');
    expect(brief).toHaveLength(3);
    for (const r of brief) {
      expect(r.message.text).toMatch(/第\d+行不一致/);
      expect(r.relatedLocations!.length).toBeGreaterThan(0);
      r.relatedLocations!.forEach((rel, i) => {
        expect(rel.id).toBe(i + 1);
        expect(rel.physicalLocation!.artifactLocation).toEqual({ uri: 'press/report.txt', uriBaseId: '%SRCROOT%' });
        expect(rel.message!.text).toMatch(HAN);
        const g = rel.physicalLocation!.region!;
        const line = readFileSync(join(dir, 'press/report.txt'), 'utf8').split('\n')[g.startLine! - 1];
        expect(line.slice(g.startColumn! - 1, g.endColumn! - 1)).toMatch(/^\d/);
      });
    }
    const pbreak = run.results!.find((r) => r.ruleId === 'quote.paragraph-break' && r.locations![0].physicalLocation!.artifactLocation!.uri === 'seeds/002_823a23dd25e68816.txt')!;
    expect(pbreak.relatedLocations!.map((x) => [x.physicalLocation!.artifactLocation!.uri, x.physicalLocation!.region!.startLine])).toEqual([['seeds/002_823a23dd25e68816.txt', 450]]);
  });

  it('percent-encodes paths: a Chinese file name with a space', () => {
    const uris = new Set(sarif.runs[0].results!.map((r) => r.locations![0].physicalLocation!.artifactLocation!.uri));
    const encoded = CHINESE_NAME.split('').map((c) => encodeURIComponent(c)).join('');
    expect(uris).toContain(encoded);
    expect(decodeURIComponent(encoded)).toBe(CHINESE_NAME);
    expect(uris).toContain('broken/.wengaorc.json');
  });

  it('leaves suppressed findings out by default; --include-suppressed marks them inSource or external', () => {
    const key = (r: Sarif.Result) => `${r.ruleId} ${r.locations![0].physicalLocation!.artifactLocation!.uri}`;
    expect(sarif.runs[0].results!.every((r) => !r.suppressions)).toBe(true);
    const extra = withSuppressed.runs[0].results!.filter((r) => r.suppressions);
    expect(extra.map((r) => [key(r), r.suppressions])).toEqual([
      ['quote.unopened notes/%E8%AF%B4%E6%98%8E.md', [{ kind: 'inSource', status: 'accepted' }]],
      ['quote.paragraph-break seeds/000_d4031d3451319d89.txt', [{ kind: 'external', status: 'accepted', justification: '已与原件核对' }]],
    ]);
    expect(withSuppressed.runs[0].results!.filter((r) => !r.suppressions)).toEqual(sarif.runs[0].results);
  });

  it('--lang en: English rule descriptions and run language; the help stays Chinese first', async () => {
    const r = await runCli(['check', 'seeds/004_0624703ab3c854fd.txt', '--format', 'sarif', '--lang', 'en'], { cwd: dir });
    const log = JSON.parse(r.stdout);
    expectValid(log);
    const run = log.runs[0] as Sarif.Run;
    expect(run.language).toBe('en-US');
    const rule = run.tool.driver.rules!.find((x) => x.id === 'quote.paragraph-break')!;
    expect(rule.shortDescription!.text).toBe('A quotation split by a paragraph break in mid-sentence.');
    expect(rule.help!.text).toMatch(/^引号/);
  });

  it('a file that cannot be decoded: a tool execution notification, executionSuccessful false, exit 2, still valid', async () => {
    const d = temp.make();
    const bin = Buffer.alloc(2048);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 37) & 0xff;
    writeFileSync(join(d, 'x.txt'), bin);
    copyFileSync(join(SEEDS, '000_d4031d3451319d89.txt'), join(d, 'ok.txt'));
    const r = await runCli(['check', '.', '--format', 'sarif'], { cwd: d });
    expect(r.code).toBe(2);
    const log = JSON.parse(r.stdout);
    expectValid(log);
    const inv = (log as Sarif.Log).runs[0].invocations![0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications!.map((n) => n.locations![0].physicalLocation!.artifactLocation!.uri)).toEqual(['x.txt']);
    expect(withoutProofreading((log as Sarif.Log).runs[0].results!, (x) => x.ruleId).map((x) => x.ruleId)).toEqual(['quote.unopened', 'quote.paragraph-break']);
  });
});
