/**
 * The rule descriptions (server/src/core/rules.ts): one per code, in both languages, agreeing
 * with README's table of codes and with the severities the checks give.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { CODES, RULES, RULE_LIST, analyze, documentKind, parseConfig, parseIgnoreFile, ruleHelp } from '../../server/src/core';

const ROOT = join(__dirname, '..', '..');
const HAN = /[\u4e00-\u9fff]/;

describe('rules', () => {
  it('every code has exactly one rule, named and described in Chinese and English', () => {
    expect(Object.keys(RULES).sort()).toEqual(Object.values(CODES).sort());
    expect(RULE_LIST.map((r) => r.code)).toEqual(Object.values(CODES));
    const names = new Set<string>();
    for (const rule of RULE_LIST) {
      expect(RULES[rule.code]).toBe(rule);
      expect(rule.name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(names.has(rule.name), rule.name).toBe(false);
      names.add(rule.name);
      expect(['error', 'warning', 'information', 'hint']).toContain(rule.severity);
      expect(rule.tags.length).toBeGreaterThan(0);
      for (const lang of ['zh', 'en'] as const) {
        const t = rule[lang];
        for (const s of [t.short, t.full, t.help]) {
          expect(s.trim(), `${rule.code} ${lang}`).not.toBe('');
          // GitHub code scanning's limit for shortDescription and fullDescription.
          expect(s.length).toBeLessThanOrEqual(1024);
        }
      }
      expect(rule.zh.short + rule.zh.full + rule.zh.help).toMatch(HAN);
      // English prose: Latin letters outside the quoted Chinese.
      expect(rule.en.short).toMatch(/^[A-Z]/);
      const help = ruleHelp(rule);
      expect(help.text.indexOf(rule.zh.short)).toBe(0);
      expect(help.text.indexOf(rule.en.short)).toBeGreaterThan(help.text.indexOf(rule.zh.help));
      expect(help.markdown.indexOf(rule.zh.full)).toBeLessThan(help.markdown.indexOf(rule.en.full));
    }
  });

  it("README's table of codes lists every rule with its severity", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z]+\.[a-z-]+)` \| (error|warning|information|hint) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows.map(([code]) => code).sort()).toEqual(Object.values(CODES).sort());
    for (const [code, severity] of rows) expect(RULES[code as keyof typeof RULES].severity, code).toBe(severity);
  });

  it('the checks give their findings the severity of their rule', () => {
    const seen = new Set<string>();
    for (const f of readdirSync(join(ROOT, 'seeds'))) {
      const a = analyze(readFileSync(join(ROOT, 'seeds', f), 'utf8'), { kind: documentKind(f) });
      for (const x of [...a.findings, ...a.suppressed.map((s) => s.finding)]) {
        expect(x.severity, `${f} ${x.code}`).toBe(RULES[x.code].severity);
        seen.add(x.code);
      }
    }
    const config = parseConfig('{ "checks": { "quote": "loud", "qoute": "off" }, "year": "二〇二六", ');
    const ignore = parseIgnoreFile('a.txt quote.unopened\n');
    for (const x of [...config.findings, ...ignore.findings]) {
      expect(x.severity, x.code).toBe(RULES[x.code].severity);
      seen.add(x.code);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['quote.unopened', 'heading.marker', 'figure.target', 'config.syntax', 'config.invalid', 'config.unknown-key']));
  });
});
