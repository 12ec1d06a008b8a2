/**
 * The language status items' texts (client/src/statusText.ts), pure: in English (the source
 * text, an identity translator) and in Chinese (through l10n/bundle.l10n.zh-cn.json, the way
 * vscode.l10n substitutes {0}, {1}).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { L10n, fileNameOf, formatDuration, formatServer, formatStatus } from '../../client/src/statusText';
import { ROOT } from '../helpers/procLsp';

const substitute = (message: string, args: Array<string | number | boolean>) => message.replace(/\{(\d+)\}/g, (m, i) => (i < args.length ? String(args[i]) : m));
const en: L10n = { t: (message, ...args) => substitute(message, args) };
const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const zh: L10n = {
  t: (message, ...args) => {
    if (!(message in bundle)) throw new Error(`no zh-cn translation for "${message}"`);
    return substitute(bundle[message], args);
  },
};

const A = 'file:///work/%E7%A4%BA%E4%BE%8B.txt';
const base: StatusParams = { indexed: 12, indexing: false, limited: [], errors: [] };
const trusted = { trusted: true };

describe('formatStatus', () => {
  it('says it waits for the server before the first status', () => {
    expect(formatStatus(en, undefined, trusted)).toEqual({ text: 'Wengao', detail: 'Waiting for the language server…', severity: 'information', busy: true });
    expect(formatStatus(zh, undefined, trusted).detail).toBe('正在等待语言服务器…');
  });

  it('shows the indexed count and the last analysis', () => {
    const s: StatusParams = { ...base, last: { uri: A, ms: 35, findings: 4 } };
    expect(formatStatus(en, s, trusted)).toEqual({
      text: 'Wengao: 12 reports indexed',
      detail: 'Last analysis: 示例.txt, 35 ms, 4 findings',
      severity: 'information',
      busy: false,
    });
    expect(formatStatus(zh, s, trusted)).toMatchObject({ text: '文稿：已索引 12 份报告', detail: '上次分析：示例.txt，35 ms，4 条结果' });
    expect(formatStatus(en, { ...s, indexed: 1, last: { uri: A, ms: 0, findings: 1 } }, trusted)).toMatchObject({
      text: 'Wengao: 1 report indexed',
      detail: 'Last analysis: 示例.txt, <1 ms, 1 finding',
    });
  });

  it('is busy while indexing', () => {
    expect(formatStatus(en, { ...base, indexing: true }, trusted)).toEqual({
      text: 'Wengao: indexing…',
      detail: "Reading the workspace's reports",
      severity: 'information',
      busy: true,
    });
    expect(formatStatus(zh, { ...base, indexing: true }, trusted).text).toBe('文稿：正在索引…');
  });

  it('turns to Error severity with the newest failure as the detail', () => {
    const s: StatusParams = {
      ...base,
      errors: [{ message: 'indexing the workspace failed: EACCES' }, { uri: A, message: 'pairing: TypeError: boom' }],
    };
    expect(formatStatus(en, s, trusted)).toEqual({ text: 'Wengao: 2 errors', detail: '示例.txt: pairing: TypeError: boom', severity: 'error', busy: false });
    expect(formatStatus(zh, { ...s, errors: s.errors.slice(0, 1) }, trusted)).toMatchObject({
      text: '文稿：1 个错误',
      detail: 'indexing the workspace failed: EACCES',
      severity: 'error',
    });
  });

  it('warns when the active document is too large for the heavy checks, and only then', () => {
    const s: StatusParams = { ...base, limited: [{ uri: A, reason: '12.3 MB: figure.mismatch and enum.count-mismatch left out' }] };
    expect(formatStatus(en, s, { activeUri: A, trusted: true })).toEqual({
      text: 'Wengao: large document, some checks off',
      detail: 'Too large for the figure checks (targets, mismatches, list counts): quotation marks, brackets and headings are still checked. (12.3 MB: figure.mismatch and enum.count-mismatch left out)',
      severity: 'warning',
      busy: false,
    });
    expect(formatStatus(zh, s, { activeUri: A, trusted: true }).text).toBe('文稿：文档过大，部分检查已关闭');
    expect(formatStatus(zh, s, { activeUri: A, trusted: true }).detail).toMatch(/^文档过大，未做数据检查/);
    expect(formatStatus(en, s, { activeUri: 'file:///other.txt', trusted: true }).severity).toBe('information');
  });

  it('says so in Restricted Mode', () => {
    expect(formatStatus(en, { ...base, indexed: 2 }, { trusted: false })).toMatchObject({
      text: 'Wengao: 2 reports indexed',
      detail: 'Restricted Mode: only open documents are compared',
    });
    expect(formatStatus(zh, { ...base, last: { uri: A, ms: 3, findings: 0 } }, { trusted: false }).detail).toBe('上次分析：示例.txt，3 ms，0 条结果 · 受限模式：只比对已打开的文档');
  });
});

describe('formatServer', () => {
  it('shows starting, running (with restarts after crashes) and stopped', () => {
    expect(formatServer(en, 'starting', { restarts: 0 })).toMatchObject({ text: 'Wengao server: starting…', busy: true });
    expect(formatServer(en, 'running', { restarts: 0 })).toEqual({ text: 'Wengao server: running', detail: '', severity: 'information', busy: false });
    expect(formatServer(en, 'running', { restarts: 1 }).detail).toBe('restarted once after a crash');
    expect(formatServer(zh, 'running', { restarts: 3 }).detail).toBe('意外退出后已重启 3 次');
    expect(formatServer(en, 'stopped', { restarts: 4, stoppedReason: 'crashed' })).toEqual({ text: 'Wengao server: stopped', detail: 'crashed', severity: 'error', busy: false });
    expect(formatServer(zh, 'stopped', { restarts: 0 }).text).toBe('文稿服务器：已停止');
  });
});

describe('helpers', () => {
  it('names a document by its decoded last path segment', () => {
    expect(fileNameOf(A)).toBe('示例.txt');
    expect(fileNameOf('untitled:Untitled-1')).toBe('Untitled-1');
    expect(fileNameOf('wengao-sample:/%E7%A4%BA%E4%BE%8B%E6%8A%A5%E5%91%8A.txt')).toBe('示例报告.txt');
    expect(fileNameOf('file:///bad%E0.txt')).toBe('bad%E0.txt');
  });

  it('formats durations', () => {
    expect([0, 0.4, 1, 35.6, 999, 1000, 12_345].map(formatDuration)).toEqual(['<1 ms', '<1 ms', '1 ms', '36 ms', '999 ms', '1.0 s', '12.3 s']);
  });
});
