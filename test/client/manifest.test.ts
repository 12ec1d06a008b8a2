/**
 * The extension's localisation and contributions, read from the files the .vsix ships:
 * every %key% of package.json is in package.nls.json and package.nls.zh-cn.json and vice versa,
 * every `l10n.t` message in client/src has a zh-cn bundle entry (and the bundle nothing stale),
 * placeholders agree, the walkthrough's media exist, and .vscodeignore ships all of it.
 */
import { readFileSync, readdirSync, existsSync } from 'fs';
import { join } from 'path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/procLsp';
import { REPORT_EXTENSIONS, REPORT_INCLUDE, REPORT_LANGUAGES } from '../../server/src/io/reports';
import { DEFAULT_WORKSPACE } from '../../server/src/lsp/workspace';

const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const json = (f: string) => JSON.parse(read(f));
const pkg = json('package.json');
const nlsEn: Record<string, string> = json('package.nls.json');
const nlsZh: Record<string, string> = json('package.nls.zh-cn.json');
const bundle: Record<string, string> = json('l10n/bundle.l10n.zh-cn.json');
const HAN = /[\u4e00-\u9fff]/;

/** Every string value in a JSON value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();

/** The literal messages of `l10n.t(...)` calls in the client's sources (comments left out). */
function l10nMessages(): Map<string, string> {
  const dir = join(ROOT, 'client', 'src');
  const found = new Map<string, string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
    const src = readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const m of src.matchAll(/\bl10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(`))/g)) {
      if (m[3]) throw new Error(`${f}: l10n.t with a template literal cannot be looked up in the bundle`);
      found.set((m[1] ?? m[2]).replace(/\\(['"\\])/g, '$1'), f);
    }
    // A call whose first argument is not a literal cannot be checked either.
    for (const m of src.matchAll(/\bl10n\.t\(\s*([^'"\s])/g)) throw new Error(`${f}: l10n.t(${m[1]}… must take a literal message`);
  }
  return found;
}

describe('package.json localisation', () => {
  const keys = [...new Set(strings(pkg).flatMap((s) => [...s.matchAll(/^%([^%\s]+)%$/g)].map((m) => m[1])))];

  it('says which files are reports as the server does: the default include, the activation languages', () => {
    const props = pkg.contributes.configuration.properties ?? Object.assign({}, ...pkg.contributes.configuration.map((c: { properties: object }) => c.properties));
    expect(props['wengao.workspace.include'].default).toEqual(REPORT_INCLUDE);
    expect(DEFAULT_WORKSPACE.include).toEqual(REPORT_INCLUDE);
    for (const g of REPORT_INCLUDE) expect(REPORT_EXTENSIONS.test(g.replace('**/*', 'a'))).toBe(true);
    for (const l of REPORT_LANGUAGES) expect(pkg.activationEvents).toContain(`onLanguage:${l}`);
  });

  it('has every %key% in both nls files, and no key the manifest does not use', () => {
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((k) => !(k in nlsEn))).toEqual([]);
    expect(keys.filter((k) => !(k in nlsZh))).toEqual([]);
    expect(Object.keys(nlsEn).filter((k) => !keys.includes(k))).toEqual([]);
    expect(Object.keys(nlsZh).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('keeps the languages apart: no Chinese in package.json, Chinese in every zh-cn string', () => {
    expect(strings(pkg).filter((s) => HAN.test(s))).toEqual([]);
    expect(Object.entries(nlsZh).filter(([, v]) => !HAN.test(v))).toEqual([]);
    // The English file may name Chinese things (政府工作报告, 民生实事清单) but is English.
    expect(Object.entries(nlsEn).filter(([, v]) => !/[A-Za-z]{3}/.test(v))).toEqual([]);
  });

  it('leaves Chinese punctuation unboxed in the wengao-report language, as VS Code does for plain text and markdown', () => {
    // (Else every ，（）： of a report is framed as a character "confusable" with ASCII.)
    expect(pkg.contributes.configurationDefaults['[wengao-report]']).toMatchObject({
      'editor.unicodeHighlight.ambiguousCharacters': false,
      'editor.unicodeHighlight.invisibleCharacters': false,
    });
  });

  it('declares wengao.messages.language (zh, en; default zh) and the l10n folder', () => {
    const p = pkg.contributes.configuration.properties['wengao.messages.language'];
    expect(p).toMatchObject({ type: 'string', enum: ['zh', 'en'], default: 'zh' });
    expect(p.enumDescriptions).toHaveLength(2);
    expect(pkg.l10n).toBe('./l10n');
  });

  it('declares limited support for untrusted and virtual workspaces, restricting real settings', () => {
    const u = pkg.capabilities.untrustedWorkspaces;
    expect(u.supported).toBe('limited');
    expect(nlsEn[u.description.slice(1, -1)]).toMatch(/Restricted Mode/);
    const settings = Object.keys(pkg.contributes.configuration.properties);
    expect(u.restrictedConfigurations.filter((s: string) => !settings.includes(s))).toEqual([]);
    expect(pkg.capabilities.virtualWorkspaces.supported).toBe('limited');
  });

  it('restricts every setting that changes what is checked or reported, so that in Restricted Mode only user settings apply', () => {
    // (VS Code then ignores a workspace's value of each: a repository's .vscode/settings.json
    // cannot turn a check off, as its .wengaorc.json, which is not read there, cannot.)
    const NOT_RESTRICTED: Record<string, string> = {
      'wengao.trace.server': 'traces the LSP messages to the Wengao output channel: changes no finding, reads and writes no file',
    };
    const settings = Object.keys(pkg.contributes.configuration.properties);
    const restricted: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    expect(settings.filter((s) => !restricted.includes(s) && !(s in NOT_RESTRICTED)), 'restrict it, or say in NOT_RESTRICTED why not').toEqual([]);
    expect(Object.keys(NOT_RESTRICTED).filter((s) => !settings.includes(s) || restricted.includes(s))).toEqual([]);
  });
});

describe('runtime strings (vscode.l10n)', () => {
  const messages = l10nMessages();

  it('has a zh-cn bundle entry for every l10n.t message in client/src, and nothing stale', () => {
    expect(messages.size).toBeGreaterThan(20);
    expect([...messages.keys()].filter((m) => !(m in bundle))).toEqual([]);
    expect(Object.keys(bundle).filter((m) => !messages.has(m))).toEqual([]);
  });

  it('keeps the placeholders of each message in its translation', () => {
    expect(Object.entries(bundle).filter(([en, zh]) => placeholders(en).join() !== placeholders(zh).join())).toEqual([]);
    expect(Object.entries(nlsZh).filter(([k, zh]) => placeholders(nlsEn[k]).join() !== placeholders(zh).join())).toEqual([]);
  });

  it('tells of a crash in the agreed words', () => {
    expect(bundle['The Wengao language server stopped unexpectedly and was restarted.']).toBe('Wengao 语言服务器意外退出，已自动重启。');
  });
});

describe('walkthrough', () => {
  const [w] = pkg.contributes.walkthroughs;
  const commands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
  /** Commands of VS Code itself the walkthrough uses (and the view's generated focus command). */
  const BUILT_IN = new Set(['workbench.actions.view.problems', 'editor.action.showHover', 'outline.focus', 'wengao.targets.focus']);

  it('opens the sample, then Problems, a hover, the Targets view and the outline', () => {
    expect(w.id).toBe('wengao.gettingStarted');
    expect(nlsEn[w.title.slice(1, -1)]).toBe('Get started with Wengao');
    expect(nlsZh[w.title.slice(1, -1)]).toBe('开始使用文稿');
    expect(w.steps.map((s: { id: string }) => s.id)).toEqual(['openSample', 'problems', 'hover', 'targets', 'outline']);
  });

  it('gives every step existing media, completion events and command links that exist', () => {
    for (const s of w.steps) {
      expect(existsSync(join(ROOT, s.media.markdown)), s.media.markdown).toBe(true);
      const md = read(s.media.markdown);
      expect(HAN.test(md) && (md.match(/\b[A-Za-z]{3,}\b/g) ?? []).length > 20, `${s.media.markdown} in Chinese and English`).toBe(true);
      expect(s.completionEvents.length, s.id).toBeGreaterThan(0);
      for (const e of s.completionEvents) {
        const [kind, id] = e.split(':');
        if (kind === 'onCommand') expect(commands.has(id) || BUILT_IN.has(id), e).toBe(true);
        else expect(['onView'], e).toContain(kind);
      }
      for (const nls of [nlsEn, nlsZh]) {
        const text = nls[s.description.slice(1, -1)];
        const links = [...text.matchAll(/\]\(command:([\w.]+)(\?[^)]*)?\)/g)];
        expect(links.length, `${s.id}: a button`).toBeGreaterThan(0);
        for (const l of links) {
          expect(commands.has(l[1]) || BUILT_IN.has(l[1]), l[1]).toBe(true);
          if (l[2]) JSON.parse(decodeURIComponent(l[2].slice(1)));
        }
      }
    }
  });
});

describe('.vscodeignore', () => {
  // vsce semantics: the last matching pattern wins, "!" re-includes.
  const patterns = read('.vscodeignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const shipped = (file: string) => {
    let ignored = false;
    for (const p of patterns) {
      const negate = p.startsWith('!');
      if (minimatch(file, negate ? p.slice(1) : p, { dot: true })) ignored = !negate;
    }
    return !ignored;
  };

  it('ships the nls files, the l10n bundle, the walkthrough media, the sample and the word list', () => {
    const files = [
      'package.nls.json',
      'package.nls.zh-cn.json',
      ...readdirSync(join(ROOT, 'l10n')).map((f) => `l10n/${f}`),
      ...pkg.contributes.walkthroughs[0].steps.map((s: { media: { markdown: string } }) => s.media.markdown),
      ...readdirSync(join(ROOT, 'samples')).map((f) => `samples/${f}`),
    ];
    expect(files.filter((f) => !shipped(f))).toEqual([]);
    // (The server reads its word list and its PDF engine from beside its bundle: without the list, words
    // fall back on ICU; without the engine, no PDF is read.)
    expect(['dist/server.js', 'dist/lexicon.txt', 'dist/pdf.js', 'dist/cmaps/UniGB-UCS2-H.bcmap'].filter((f) => !shipped(f))).toEqual([]);
    expect(shipped('client/src/extension.ts')).toBe(false);
  });
});
