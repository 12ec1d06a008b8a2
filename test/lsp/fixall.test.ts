/**
 * The fix-alls over LSP: `source.fixAll.wengao` (asked for on save or by "Fix All") applies every
 * certain fix of a document and leaves figure.mismatch alone; beside a diagnostic, "fix all N of
 * this code in this file" applies that code's fixes. Seed 004 has hundreds of half-width commas,
 * two doubled characters and three page breaks.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeAction, CodeActionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspSession, startLsp, ROOT } from '../helpers/procLsp';

const SEED_004 = join(ROOT, 'seeds', '004_0624703ab3c854fd.txt');
const HAN = /[\u4e00-\u9fff]/;
const CERTAIN = /^(?:punct|text|para)\.|^quote\.paragraph-break$|^heading\.(?:marker|sequence)$|^number\.(?:range|approx-list)$|^term\.misspelling$/;

let servers: LspSession[] = [];
afterEach(async () => {
  const all = servers;
  servers = [];
  await Promise.all(all.map((s) => s.dispose()));
});

async function opened(text: string, uri: string) {
  const s = startLsp();
  servers.push(s);
  await s.initialize({ textDocument: { publishDiagnostics: { relatedInformation: true } } });
  await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  return { s, first: await s.nextDiagnostics(uri, 0) };
}

/** The document as `source.fixAll` (asked for alone) leaves it. */
async function fixedByFixAll(s: LspSession, doc: TextDocument): Promise<string> {
  const fixAll = (await s.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: doc.uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  return TextDocument.applyEdits(doc, fixAll[0].edit!.changes![doc.uri]);
}

describe('fix-all', () => {
  it('source.fixAll.wengao applies every certain fix at once: nothing fixable is left, and only the fixes changed the text', async () => {
    const uri = pathToFileURL(SEED_004).href;
    const text = readFileSync(SEED_004, 'utf8');
    const { s, first } = await opened(text, uri);
    const fixable = first.diagnostics.filter((d) => CERTAIN.test(String(d.code)));
    expect(fixable.length).toBeGreaterThan(290);
    const actions = (await s.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    // Only the fix-all, when it alone is asked for.
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.wengao']);
    expect(actions[0].title).toMatch(HAN);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), actions[0].edit!.changes![uri]);
    expect(fixed).not.toMatch(/[\p{Script=Han}],[\p{Script=Han}]/u);
    expect(fixed).toContain('确保任务及目标实现');
    expect(fixed).toContain('惠及4625');
    // The text is the same apart from the marks' widths, the doubled copies, the page breaks' blank
    // lines and the 顿号 the standard leaves out (punct.dunhao: one, between two quotations).
    const norm = (t: string) => t.replace(/[\s、]/g, '').replace(/，/g, ',').replace(/；/g, ';').replace(/：/g, ':');
    expect(text.split('、').length - fixed.split('、').length).toBe(1);
    expect(norm(fixed)).toBe(norm(text).replace('惠及及', '惠及').replace('确保保', '确保'));
    const seen = s.published(uri).length;
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await s.nextDiagnostics(uri, seen);
    expect(after.diagnostics.filter((d) => CERTAIN.test(String(d.code)) && (d.data as { fixes?: unknown[] } | undefined)?.fixes?.length)).toEqual([]);
  });

  it('beside a finding, "fix all N" of its code in the file; not for figure.mismatch', async () => {
    const uri = 'file:///ws/brief.txt';
    const text = '关于印发工作方案的通知\n\n全年地区生产总值增长5.2%,城镇新增就业3.2万人,居民收入增长5%。\n\n全年地区生产总值增长5.2%，地区生产总值增长5.5%。\n';
    const { s, first } = await opened(text, uri);
    const commas = first.diagnostics.filter((d) => d.code === 'punct.half-width');
    expect(commas).toHaveLength(2);
    const actions = (await s.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: commas[0].range,
      context: { diagnostics: [commas[0]] },
    })) as CodeAction[];
    const all = actions.find((a) => a.title.includes('2'))!;
    expect(all.kind).toBe('quickfix');
    expect(all.title).toMatch(HAN);
    expect(TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), all.edit!.changes![uri])).toContain('增长5.2%，城镇新增就业3.2万人，居民');
    const fixAll = (await s.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: commas[0].range,
      context: { diagnostics: [], only: ['source.fixAll.wengao'] },
    })) as CodeAction[];
    expect(fixAll).toHaveLength(1);
    expect(fixAll[0].diagnostics?.map((d) => d.code)).not.toContain('figure.mismatch');
  });

  it('number notation and misspellings: "fix all N" of their code, and the document fix-all takes them too', async () => {
    const uri = 'file:///ws/notice.txt';
    const text = '关于工作安排的通知\n\n今年增长5-10%，计划在2025-2027年完成。要认真布署各项工作，统一布署到位，人数在三、四十人。\n';
    const { s, first } = await opened(text, uri);
    const doc = TextDocument.create(uri, 'plaintext', 1, text);
    for (const [code, want] of [['number.range', ['5%～10%', '2025—2027年']], ['term.misspelling', ['认真部署', '统一部署']]] as const) {
      const found = first.diagnostics.filter((d) => d.code === code);
      expect(found, code).toHaveLength(2);
      const actions = (await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: found[0].range, context: { diagnostics: [found[0]] } })) as CodeAction[];
      const all = actions.find((a) => a.title.includes(`全部 2 处 ${code}`));
      expect(all, `${code}: ${actions.map((a) => a.title).join(' | ')}`).toBeDefined();
      const fixed = TextDocument.applyEdits(doc, all!.edit!.changes![uri]);
      for (const w of want) expect(fixed, code).toContain(w);
    }
    const fixed = await fixedByFixAll(s, doc);
    expect(fixed).toBe('关于工作安排的通知\n\n今年增长5%～10%，计划在2025—2027年完成。要认真部署各项工作，统一部署到位，人数在三四十人。\n');
  });

  it('term.homophone and term.confusable, inferences: their own quick fixes, but the document fix-all leaves them to the writer', async () => {
    const uri = 'file:///ws/news.txt';
    const text = '夜景工程简报\n\n工程质量要精益求经，各部门要认真布署安全保障工作，严禁截流资金。\n';
    const { s, first } = await opened(text, uri);
    const doc = TextDocument.create(uri, 'plaintext', 1, text);
    const guess = first.diagnostics.find((d) => d.code === 'term.homophone')!;
    expect(guess.message).toContain('精益求精');
    const quick = (await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: guess.range, context: { diagnostics: [guess] } })) as CodeAction[];
    const change = quick.find((a) => a.kind === 'quickfix' && a.title.includes('精益求精'))!;
    expect(TextDocument.applyEdits(doc, change.edit!.changes![uri])).toContain('质量要精益求精');
    const fixed = await fixedByFixAll(s, doc);
    expect(fixed).toContain('认真部署');
    expect(fixed).toContain('精益求经');
    expect(first.diagnostics.some((d) => d.code === 'term.confusable')).toBe(true);
    expect(fixed).toContain('严禁截流资金');
  });
});
