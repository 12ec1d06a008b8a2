/**
 * The project's configuration and suppression over LSP, the server run in-process: a
 * .wengaorc.json applies to the reports below it, a broken one gets diagnostics of its own while
 * the defaults apply, unsaved edits of it count, the settings mirror it (the file wins), and
 * "ignore this finding" silences a finding in markdown (a comment) and in plain text (a line in
 * .wengaoignore, written by the server), where it stays silent after edits elsewhere.
 */
import { execFileSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { describe, expect, it } from 'vitest';
import {
  CodeAction, CodeActionRequest, Diagnostic, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExecuteCommandRequest,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspOptions, LspSession, startLsp, ROOT, sandbox } from '../helpers/procLsp';

const SEED_000 = '000_d4031d3451319d89.txt';

const box = sandbox();

function folder(files: Record<string, string> = {}): string {
  const dir = box.tempDir('wengao-cfg-');
  cpSync(join(ROOT, 'seeds', SEED_000), join(dir, SEED_000));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function server(dir: string, options?: LspOptions & { trusted?: boolean }): Promise<LspSession> {
  const s = startLsp(options);
  box.track(s);
  await s.initialize({ workspace: { configuration: !!options?.configuration } }, [dir], options?.trusted === undefined ? undefined : { trusted: options.trusted });
  return s;
}

async function open(s: LspSession, file: string, text = readFileSync(file, 'utf8'), languageId = 'plaintext'): Promise<string> {
  const uri = pathToFileURL(file).href;
  await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  return uri;
}

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code).sort();
const latest = (s: LspSession, uri: string) => s.published(uri).at(-1);

async function actionsFor(s: LspSession, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return (await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
}

describe('project configuration over LSP', () => {
  it('applies .wengaorc.json to the reports below it', async () => {
    const dir = folder({ '.wengaorc.json': '{ "checks": { "quote.unopened": "off", "quote.paragraph-break": "error" } }' });
    const s = await server(dir);
    const uri = await open(s, join(dir, SEED_000));
    const p = await s.nextDiagnostics(uri, 0);
    expect(codes(p)).not.toContain('quote.unopened');
    const pbreak = p.diagnostics.find((d) => d.code === 'quote.paragraph-break');
    expect(pbreak?.severity).toBe(1); // error
  });

  it('reports a broken config on the config file, applies the defaults, and follows its unsaved edits', async () => {
    const dir = folder({ '.wengaorc.json': '{ "checks": { "quote.unopened": "off" }, "year": 二〇二六 }' });
    const s = await server(dir);
    const uri = await open(s, join(dir, SEED_000));
    const cfg = pathToFileURL(join(dir, '.wengaorc.json')).href;
    const bad = await s.nextDiagnostics(cfg, 0);
    expect(bad.diagnostics.map((d) => d.code)).toContain('config.syntax');
    expect(bad.diagnostics[0].message).toMatch(/[\u4e00-\u9fff]/);
    // What could be read applies: quote.unopened is off.
    const first = await s.nextDiagnostics(uri, 0);
    expect(codes(first)).not.toContain('quote.unopened');
    // The user fixes the file in the editor, without saving: the report follows.
    await open(s, join(dir, '.wengaorc.json'), '{ "checks": { "quote.unopened": "off" }, "year": 2026 }', 'json');
    await s.waitFor(() => latest(s, cfg)?.diagnostics.length === 0, 'the config diagnostics cleared');
    const n = s.published(uri).length;
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: cfg, version: 2 },
      contentChanges: [{ text: '{ "checks": { "quote": "off" } }' }],
    });
    const after = await s.nextDiagnostics(uri, n, (p) => !codes(p).some((c) => String(c).startsWith('quote.')));
    expect(codes(after)).toEqual(expect.arrayContaining(['figure.target']));
    expect(latest(s, cfg)?.diagnostics).toEqual([]);
  });

  it('applies the last of quick config edits, even one that arrives while the report is being read', async () => {
    // The shape of "select all, delete, paste" in the editor: an empty config, then the new one,
    // a few milliseconds apart. An ignore file above the config folder makes reading a report's
    // context take a disk read after the config is read: the window the second edit can land in.
    const PLAN = '2026年工作计划\n\n今年力争新增就业岗位3万个。\n\n各单位要落实十五”规划部署。\n';
    const BROKEN = '{\n  "checks": { "figure.target": off }\n}\n';
    const OFF = '{ "checks": { "figure.target": "off" } }\n';
    const dir = box.tempDir('wengao-cfg-');
    writeFileSync(join(dir, '.wengaoignore'), 'other.txt quote.unopened 0123456789abcdef\n');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', '.wengaorc.json'), BROKEN);
    const s = await server(dir);
    const plan = await open(s, join(dir, 'sub', 'plan.txt'), PLAN);
    const cfg = await open(s, join(dir, 'sub', '.wengaorc.json'), BROKEN, 'json');
    const target = (p: PublishDiagnosticsParams | undefined) => !!p?.diagnostics.some((d) => d.code === 'figure.target');
    let version = 1;
    const edit = (text: string) =>
      s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: cfg, version: ++version }, contentChanges: [{ text }] });
    const settled = () => new Promise((r) => setTimeout(r, 150));
    for (let round = 0; round < 4; round++) {
      await edit(BROKEN);
      await s.waitFor(() => target(latest(s, plan)), `round ${round}: figure.target back with the broken config`);
      await settled();
      await edit('');
      await new Promise((r) => setTimeout(r, round % 4));
      await edit(OFF);
      await s.waitFor(() => !target(latest(s, plan)), `round ${round}: figure.target gone with the config that turns it off`);
      await settled();
      expect(target(latest(s, plan)), `round ${round}: the last publish applies the last config`).toBe(false);
    }
  }, 40_000);

  it('typing in .wengaorc.json re-checks the open reports once the typing pauses, not per keystroke', async () => {
    const dir = folder({ '.wengaorc.json': '{}\n' });
    const s = await server(dir);
    const reports: string[] = [];
    for (let k = 0; k < 5; k++) {
      const file = join(dir, `r${k}.txt`);
      writeFileSync(file, `2026年工作安排\n\n今年力争新增就业岗位${k + 1}万个。\n`);
      reports.push(await open(s, file));
    }
    for (const uri of reports) await s.nextDiagnostics(uri, 0);
    const analyses = () => s.logs.filter((l) => /^\[wengao\] analysed /.test(l.message)).length;
    const before = analyses();
    const cfg = await open(s, join(dir, '.wengaorc.json'), '{}\n', 'json');
    const published = reports.map((u) => s.published(u).length);
    // 36 keystrokes, 20 ms apart: "figure.target": "off" typed into the checks.
    const final = '{ "checks": { "figure.target": "off" } }\n';
    for (let k = 1; k <= 36; k++) {
      const text = k === 36 ? final : final.slice(0, Math.round((final.length * k) / 36));
      await s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: cfg, version: k + 1 }, contentChanges: [{ text }] });
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const [k, uri] of reports.entries()) {
      await s.waitFor(() => s.published(uri).slice(published[k]).some((p) => !p.diagnostics.some((d) => d.code === 'figure.target')), `${uri} re-checked with the typed config`);
    }
    await new Promise((r) => setTimeout(r, 500));
    // (Opening the config is one re-check of the five; the typing one more, after it pauses.)
    expect(analyses() - before).toBeLessThanOrEqual(3 * reports.length);
  });

  it('mirrors the config in the settings, and the file wins for the files it covers', async () => {
    const settings = { checks: { 'quote.unopened': 'off', 'quote.paragraph-break': 'off' } };
    const dir = folder({ '.wengaorc.json': '{ "checks": { "quote.paragraph-break": "warning" } }' });
    const s = await server(dir, { configuration: (section) => (section === 'wengao' ? settings : undefined) });
    const uri = await open(s, join(dir, SEED_000));
    const p = await s.nextDiagnostics(uri, 0);
    expect(codes(p).filter((c) => String(c).startsWith('quote.'))).toEqual(['quote.paragraph-break']);
  });

  it("writes the config file's own diagnostics in the config's language, as the CLI does", async () => {
    const dir = folder({ '.wengaorc.json': '{ "language": "en", "yaer": 2026 }' });
    const s = await server(dir);
    const uri = await open(s, join(dir, SEED_000));
    const cfg = pathToFileURL(join(dir, '.wengaorc.json')).href;
    const p = await s.nextDiagnostics(cfg, 0);
    expect(p.diagnostics.map((d) => d.code)).toEqual(['config.unknown-key']);
    expect(p.diagnostics[0].message).toMatch(/^Unknown setting "yaer": did you mean "year"\?/);
    const report = await s.nextDiagnostics(uri, 0);
    expect(report.diagnostics.find((d) => d.code === 'quote.unopened')?.message).toMatch(/^Closing/);
  });

  it('writes messages in English when wengao.messages.language is en', async () => {
    const dir = folder();
    const s = await server(dir, { configuration: (section) => (section === 'wengao' ? { messages: { language: 'en' } } : undefined) });
    const uri = await open(s, join(dir, SEED_000));
    const p = await s.nextDiagnostics(uri, 0);
    const unopened = p.diagnostics.find((d) => d.code === 'quote.unopened')!;
    expect(unopened.message).toMatch(/^Closing ” has no opening “/);
    expect(p.diagnostics.every((d) => !/[\u4e00-\u9fff]/.test(String(d.message).replace(/"[^"]*"/g, '')))).toBe(true);
  });

  it('leaves out a report that the config excludes', async () => {
    const dir = folder({ '.wengaorc.json': `{ "exclude": ["${SEED_000}"] }` });
    const s = await server(dir);
    const uri = await open(s, join(dir, SEED_000));
    const p = await s.nextDiagnostics(uri, 0);
    expect(p.diagnostics).toEqual([]);
  });
});

/** Seed 000 open in a fresh folder, its quote.unopened, and the quick fix that ignores it (not yet run). */
async function seedWithUnopened() {
  const dir = folder();
  const s = await server(dir);
  const file = join(dir, SEED_000);
  const text = readFileSync(file, 'utf8');
  const uri = await open(s, file, text);
  const p = await s.nextDiagnostics(uri, 0);
  const unopened = p.diagnostics.find((d) => d.code === 'quote.unopened')!;
  const ignore = (await actionsFor(s, uri, unopened)).find((a) => a.command?.command === 'wengao.ignoreFinding');
  expect(ignore).toBeDefined();
  return { dir, s, text, uri, unopened, ignore: ignore!, n: s.published(uri).length };
}

describe('ignore this finding over LSP', () => {
  it('in plain text writes .wengaoignore; the finding stays silent after edits elsewhere', async () => {
    const { dir, s, uri, ignore, n } = await seedWithUnopened();
    expect(ignore.title).toMatch(/忽略此问题/);
    await s.conn.sendRequest(ExecuteCommandRequest.type, { command: ignore.command!.command, arguments: ignore.command!.arguments });
    const written = readFileSync(join(dir, '.wengaoignore'), 'utf8');
    expect(written).toMatch(new RegExp(`^${SEED_000} quote\\.unopened [0-9a-f]{16}  # `, 'm'));
    const after = await s.nextDiagnostics(uri, n, (p) => !codes(p).includes('quote.unopened'));
    expect(codes(after)).toContain('quote.paragraph-break');
    // An edit far from the finding (a new first paragraph) keeps it silent.
    const m = s.published(uri).length;
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '新加的一段话，各项工作稳步推进。\n\n' }],
    });
    const edited = await s.nextDiagnostics(uri, m, (x) => x.version === 2);
    expect(codes(edited)).not.toContain('quote.unopened');
    expect(codes(edited)).toContain('quote.paragraph-break');
  });

  it('notes on .wengaoignore a line that silences nothing once its finding is fixed, and drops the note when it is back', async () => {
    const { dir, s, text, uri, unopened, ignore } = await seedWithUnopened();
    await s.conn.sendRequest(ExecuteCommandRequest.type, { command: ignore.command!.command, arguments: ignore.command!.arguments });
    const ignoreUri = pathToFileURL(join(dir, '.wengaoignore')).href;
    // Fixed: the stray closing quote goes; the ignore line now silences nothing.
    const doc = TextDocument.create(uri, 'plaintext', 1, text);
    const at = doc.offsetAt(unopened.range.start);
    const fixed = text.slice(0, at) + text.slice(at + 1);
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const note = await s.nextDiagnostics(ignoreUri, 0, (x) => x.diagnostics.length > 0);
    expect(note.diagnostics).toHaveLength(1);
    expect(note.diagnostics[0]).toMatchObject({ code: 'config.invalid', severity: 3, range: { start: { line: 1, character: 0 } } });
    expect(note.diagnostics[0].message).toMatch(/^此行不再屏蔽任何问题：000_d4031d3451319d89\.txt 中没有指纹为 [0-9a-f]{16} 的 quote\.unopened/);
    // Back (undone): the line silences the finding again, and the note goes. (The report's
    // analysis of version 3 notes the ignore file's lines before the report's own publish, so
    // once that is in, the ignore file's last publish is the answer. The first one after `n` need
    // not be: the re-check of the ignore file the command set off by writing it can still send
    // the note meanwhile, the likelier the longer an analysis takes.)
    const n = s.published(ignoreUri).length;
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    await s.nextDiagnostics(uri, 0, (x) => x.version === 3);
    const since = s.published(ignoreUri).slice(n);
    expect(since.length).toBeGreaterThan(0);
    expect(since.at(-1)!.diagnostics).toEqual([]);
  });

  it('in markdown inserts a wengao-disable comment that silences the finding and prints nothing', async () => {
    const dir = folder();
    const s = await server(dir);
    const file = join(dir, 'note.md');
    const text = '# 工作要点\n\n各项工作稳步推进，成效明显，台盟辽宁省委员会继续发挥作用。\n五”开局之年，要继续发挥作用，推动高质量发展。\n';
    writeFileSync(file, text);
    const uri = await open(s, file, text, 'markdown');
    const p = await s.nextDiagnostics(uri, 0);
    const unopened = p.diagnostics.find((d) => d.code === 'quote.unopened')!;
    const action = (await actionsFor(s, uri, unopened)).find((a) => a.title.startsWith('忽略此问题'));
    expect(action?.command).toBeUndefined();
    const edits = action!.edit!.changes![uri];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
    // Inside a paragraph: at the end of the line, not a line of its own that would split it.
    expect(fixed).toContain('推动高质量发展。 <!-- wengao-disable-line quote.unopened -->\n');
    const n = s.published(uri).length;
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await s.nextDiagnostics(uri, n, (x) => x.version === 2);
    expect(codes(after)).not.toContain('quote.unopened');
    expect(existsSync(join(dir, '.wengaoignore'))).toBe(false);
  });

  /**
   * A workspace folder `ws` inside a temporary folder (`prepare` lays out both before the server
   * starts), seed 000 open in it, and the arguments of its first "ignore this finding" command.
   */
  async function ignoreCase(prepare: (outer: string, dir: string) => void) {
    const outer = box.tempDir('wengao-outer-');
    const dir = join(outer, 'ws');
    mkdirSync(dir);
    cpSync(join(ROOT, 'seeds', SEED_000), join(dir, SEED_000));
    prepare(outer, dir);
    const s = await server(dir);
    const uri = await open(s, join(dir, SEED_000));
    const unopened = (await s.nextDiagnostics(uri, 0)).diagnostics.find((d) => d.code === 'quote.unopened')!;
    const ignore = (await actionsFor(s, uri, unopened)).find((a) => a.command?.command === 'wengao.ignoreFinding')!;
    const args = ignore.command!.arguments![0] as Record<string, string>;
    const run = (a: Record<string, string>) => s.conn.sendRequest(ExecuteCommandRequest.type, { command: 'wengao.ignoreFinding', arguments: [a] });
    return { outer, dir, s, args, run };
  }

  it('writes only inside a workspace folder, only well-formed entries, and not to an ignore file above the folder', async () => {
    // The nearest ignore file above the report is the one that applies: it is above the folder.
    const { outer, dir, s, args, run } = await ignoreCase((o) => writeFileSync(join(o, '.wengaoignore'), '# above the workspace\n'));
    // A report outside every workspace folder: nothing written beside it.
    const stray = join(outer, 'stray.txt');
    writeFileSync(stray, '中文');
    await run({ ...args, uri: pathToFileURL(stray).href });
    await s.waitFor(() => s.logs.find((l) => l.message.includes('is outside the workspace folders')), 'the refusal of a report outside');
    // A code or fingerprint that would inject a line: refused.
    await run({ ...args, code: 'quote.unopened\n**/*.txt bracket.unclosed *' });
    await run({ ...args, fingerprint: '0123456789abcdef\n**/*.txt quote.unopened *' });
    await s.waitFor(() => s.logs.filter((l) => l.message.includes('not a finding Wengao reports')).length >= 2 || undefined, 'two refusals in the log');
    // Well-formed, but the ignore file that applies sits above the folder: not written, the user is told.
    await run(args);
    await s.waitFor(() => s.logs.find((l) => l.message.includes('the ignore file that applies here')), 'the refusal naming the file');
    expect(readFileSync(join(outer, '.wengaoignore'), 'utf8')).toBe('# above the workspace\n');
    expect(existsSync(join(dir, '.wengaoignore'))).toBe(false);
  });

  it('does not write through an ignore file that is a symbolic link to a file outside the workspace', async () => {
    const { outer, s, args, run } = await ignoreCase((o, d) => {
      writeFileSync(join(o, 'victim.txt'), 'untouched\n');
      symlinkSync(join(o, 'victim.txt'), join(d, '.wengaoignore'));
    });
    const victim = join(outer, 'victim.txt');
    await run(args);
    await s.waitFor(() => s.logs.find((l) => l.message.includes('symbolic link')), 'the refusal');
    expect(readFileSync(victim, 'utf8')).toBe('untouched\n');
  });

  it('a .wengaorc.json and a .wengaoignore that are named pipes hold nothing: the report is checked without them, the log says why, and the ignore command refuses', { timeout: 10_000 }, async () => {
    const { dir, s, args, run } = await ignoreCase((_, d) => {
      execFileSync('mkfifo', [join(d, '.wengaorc.json')]);
      execFileSync('mkfifo', [join(d, '.wengaoignore')]);
    });
    await s.waitFor(() => s.logs.find((l) => l.message.includes(`not read ${join(dir, '.wengaorc.json')}: 不是普通文件`)), 'the config not read, in the log');
    // (Reading the ignore file to add a line to it blocked on the pipe for good.)
    await run(args);
    await s.waitFor(() => s.logs.find((l) => l.message.includes('ignoring a finding failed') && l.message.includes('不是普通文件')), 'the refusal naming the pipe');
  });

  it('in Restricted Mode reads no project config: a .wengaorc.json that turns a check off does not apply', async () => {
    const dir = folder({ '.wengaorc.json': '{ "checks": { "quote.unopened": "off" } }', '.wengaoignore': `${SEED_000} quote.paragraph-break *\n` });
    const trusted = await server(dir);
    const a = await open(trusted, join(dir, SEED_000));
    const before = codes(await trusted.nextDiagnostics(a, 0));
    expect(before).not.toContain('quote.unopened');
    expect(before).not.toContain('quote.paragraph-break');
    const s = await server(dir, { trusted: false });
    const uri = await open(s, join(dir, SEED_000));
    const after = codes(await s.nextDiagnostics(uri, 0));
    expect(after).toContain('quote.unopened');
    expect(after).toContain('quote.paragraph-break');
  });

  it('in an untrusted workspace offers no action that writes files, and indexes nothing in the background', async () => {
    const dir = folder({ 'brief.txt': readFileSync(join(ROOT, 'seeds', SEED_000), 'utf8') });
    const s = await server(dir, { trusted: false });
    const uri = await open(s, join(dir, SEED_000));
    const p = await s.nextDiagnostics(uri, 0);
    const unopened = p.diagnostics.find((d) => d.code === 'quote.unopened')!;
    const actions = await actionsFor(s, uri, unopened);
    expect(actions.filter((a) => a.command)).toEqual([]);
    await s.waitFor(() => s.logs.find((l) => l.message.includes('untrusted workspace')), 'the untrusted note in the log');
    expect(s.logs.some((l) => l.message.includes('indexed'))).toBe(false);
  });
});

describe('workspace patterns that are refused', () => {
  const REPORT = '2025年全市地区生产总值增长5%。\n';

  it('a wengao.workspace pattern beyond the limits of globs is logged with its reason, said once, and does not apply; the others do', async () => {
    const dir = folder({ 'report.txt': REPORT });
    const wengao = { workspace: { include: ['*a*a*a*b', '**/*.txt'], exclude: ['!(!(!(x)))'] } };
    const s = await server(dir, { configuration: (section) => (section === 'files.exclude' ? { '*(a*)': true, '**/tmp': true } : wengao) });
    await s.waitFor(() => s.logs.find((l) => /indexed \d+ report files/.test(l.message)), 'the scan to end');
    const logs = s.logs.map((l) => l.message).join('\n');
    expect(logs).toContain('wengao.workspace.include：模式 "*a*a*a*b" 在一段路径（两个 / 之间）中可变长的通配符');
    expect(logs).toContain('(the pattern "*a*a*a*b" is one with more than 2 wildcards of variable width');
    expect(logs).toContain('wengao.workspace.exclude：模式 "!(!(!(x)))" 组嵌套超过 2 层，匹配代价过高，不生效 (the pattern "!(!(!(x)))" is groups nested deeper than 2, too costly to match; it is ignored)');
    // VS Code's files.exclude is held to the same limits, in the log only (it is not Wengao's setting).
    expect(logs).toContain('files.exclude：模式 "*(a*)" 含内有通配符的重复组');
    // The kept pattern applies: the report is indexed.
    expect(logs).toMatch(/indexed 2 report files/);
    const said = s.shown.filter((m) => /文稿设置有误/.test(m.message));
    expect(said).toHaveLength(1);
    expect(said[0].message).toContain('wengao.workspace.include：模式 "*a*a*a*b"');
  });

  it('when no include pattern is left, the log says that nothing is indexed', async () => {
    const dir = folder({ 'report.txt': REPORT });
    const s = await server(dir, { configuration: (section) => (section === 'files.exclude' ? {} : { workspace: { include: ['+(a|b)/*.txt'] } }) });
    await s.waitFor(() => s.logs.find((l) => /indexed \d+ report files/.test(l.message)), 'the scan to end');
    const logs = s.logs.map((l) => l.message).join('\n');
    expect(logs).toContain('wengao.workspace.include：模式 "+(a|b)/*.txt" 含重复的多选组');
    expect(logs).toContain('wengao.workspace.include：所有模式都不生效，工作区中的文件一个也不索引 (no pattern applies: no file of the workspace is indexed)');
    expect(logs).toMatch(/indexed 0 report files/);
  });

  it('in Restricted Mode the settings that choose what is indexed are refused, and the log says why', async () => {
    const dir = folder({ 'report.txt': REPORT });
    const s = await server(dir, { trusted: false, configuration: () => ({ workspace: { include: ['reports/**/*.txt'], maxFiles: 10 } }) });
    await s.waitFor(() => s.logs.find((l) => l.message.includes('wengao.workspace.maxFiles')), 'the note on maxFiles');
    const logs = s.logs.map((l) => l.message).join('\n');
    expect(logs).toContain('wengao.workspace.include 在受限模式下不生效：不受信任的工作区中不读取、不索引其他文件，只比较打开的文档 (wengao.workspace.include does not apply in Restricted Mode: an untrusted workspace reads and indexes no other file; only open documents are compared)');
    expect(logs).not.toContain('wengao.workspace.exclude 在受限模式下');
  });
});
