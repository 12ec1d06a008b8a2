/** The invariant of the core, and of the readers of .docx and .pdf: they import no editor, no LSP and no file system. */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { expect, it } from 'vitest';

const core = join(__dirname, '..', '..', 'server', 'src', 'core');
const formats = join(__dirname, '..', '..', 'server', 'src', 'formats');
const FORBIDDEN = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|fs|fs\/promises|path|child_process|os|net|http|https|worker_threads)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

it('server/src/core and server/src/formats import neither vscode, vscode-languageserver nor fs', () => {
  const offenders: string[] = [];
  const all = [...files(core), ...files(formats)];
  expect(all.length).toBeGreaterThan(5);
  for (const f of all) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
      const mod = m[1].replace(/^node:/, '');
      if (FORBIDDEN.test(mod)) offenders.push(`${f}: ${m[1]}`);
    }
  }
  expect(offenders).toEqual([]);
});
