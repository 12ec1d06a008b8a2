// Benchmark inputs built from seeds/, deterministically (same seeds → same bytes), shared by
// bench/workspace.mjs and bench/peers.mjs. Everything is written under bench/.work/ (git-ignored).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const seedsDir = join(root, 'seeds');

/** The seeds, by file name, in name order. */
export function seeds() {
  return readdirSync(seedsDir)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') }));
}

/**
 * A report of at most `bytes` UTF-8 bytes: the five seeds (in name order, a blank line between)
 * repeated whole, cut at the last blank line (a paragraph boundary) that fits.
 */
export function buildReport(bytes) {
  const corpus = Buffer.from(seeds().map((s) => s.text.replace(/\s+$/, '')).join('\n\n') + '\n\n');
  const copies = Math.ceil(bytes / corpus.length) + 1;
  const all = Buffer.concat(Array.from({ length: copies }, () => corpus));
  const cut = all.lastIndexOf(Buffer.from('\n\n'), bytes - 2);
  return all.subarray(0, cut + 1); // keep one newline: the file ends with its last paragraph
}

/**
 * `n` reports in ten folders (d0 … d9), copies of the seeds in turn, each varied a little: its year
 * (2026年 → 2026…2032年) and one figure (1500人 → 1500…1512人), so that the copies hold many
 * distinct statements. Returns the file paths.
 */
export function buildWorkspace(dir, n) {
  const list = seeds().map((s) => s.text);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < n; i++) {
    const text = list[i % list.length].replace(/2026年/g, `${2026 + (i % 7)}年`).replace('1500人', `${1500 + (i % 13)}人`);
    const sub = join(dir, `d${Math.floor(i / 100)}`);
    mkdirSync(sub, { recursive: true });
    const file = join(sub, `r${i}.txt`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

/**
 * `n` short reports of about `bytes` bytes each (press briefs, notices: what most folders hold), in
 * folders of 100: whole paragraphs of the seeds in turn, each report going on where the one
 * before stopped. Returns the folder.
 */
export function buildSmallReports(dir, n = 1000, bytes = 10_000) {
  const paras = seeds().flatMap((s) => s.text.split(/\n\s*\n/)).filter((p) => p.trim());
  rmSync(dir, { recursive: true, force: true });
  let k = 0;
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `d${Math.floor(i / 100)}`);
    mkdirSync(sub, { recursive: true });
    let text = '';
    while (Buffer.byteLength(text) < bytes) text += `${paras[k++ % paras.length]}\n\n`;
    writeFileSync(join(sub, `r${i}.txt`), text);
  }
  return dir;
}
