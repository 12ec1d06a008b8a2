/**
 * Finding the reports a command line names: files (always checked), folders (walked, and
 * filtered by the include/exclude globs of each report's config), glob patterns (expanded with
 * tinyglobby, filtered by the config's exclude) and `-` (standard input). The file system lives
 * here, not in the core.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ConfigResolver, REPORT_EXTENSIONS, Resolved, matches } from '../io/config';
import { appendAll } from '../core';
export { readReport } from '../io/read';
import { MAX_INPUT_BYTES } from '../io/read';
export { REPORT_EXTENSIONS };

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

export class UsageError extends Error {}

/** One report to read: a path as it will be shown, or standard input. */
export type Source = { kind: 'file'; path: string } | { kind: 'stdin' };

/**
 * Expands the arguments to the reports to check, in order and without repeats. Throws
 * UsageError for a path that does not exist, a folder without reports, a glob matching none.
 * `stdinPath`: the path standard input stands for; that file is not also read from disk.
 */
export async function collect(args: string[], resolver: ConfigResolver, stdinPath?: string): Promise<Source[]> {
  const out: Source[] = [];
  const seen = new Set<string>();
  if (stdinPath) seen.add(path.resolve(stdinPath));
  const add = (p: string) => {
    const key = path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind: 'file', path: p });
  };
  for (const arg of args) {
    if (arg === '-') {
      out.push({ kind: 'stdin' });
      continue;
    }
    let st;
    try {
      st = await fs.stat(arg);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && isDynamicPattern(toPattern(arg))) {
        for (const f of await expandGlob(arg, resolver)) add(f);
        continue;
      }
      throw new UsageError(
        code === 'ENOENT' ? `路径不存在 (no such file or folder): ${arg}` : `无法读取 (cannot read) ${arg}: ${code ?? String(err)}`,
      );
    }
    if (st.isDirectory()) {
      const found = await walk(arg);
      const covered: string[] = [];
      for (const f of found) if (resolver.covers(f, await resolver.forFile(f))) covered.push(f);
      if (covered.length === 0) {
        throw new UsageError(
          found.some((f) => REPORT_EXTENSIONS.test(f))
            ? `文件夹中的报告都被配置文件的 include/exclude 排除了 (every report in the folder is excluded by the config's include/exclude): ${arg}`
            : `文件夹中没有 .txt 或 .md 报告 (no .txt or .md reports in folder): ${arg}`,
        );
      }
      covered.forEach(add);
    } else {
      add(arg);
    }
  }
  return out;
}

/** Glob syntax uses '/', also on Windows. */
function toPattern(arg: string): string {
  return path.sep === '\\' ? arg.split('\\').join('/') : arg;
}

async function expandGlob(arg: string, resolver: ConfigResolver): Promise<string[]> {
  const pattern = toPattern(arg);
  const absolute = path.isAbsolute(arg);
  const matches = await glob([pattern], {
    cwd: process.cwd(),
    absolute,
    onlyFiles: true,
    expandDirectories: false,
    ignore: ['**/node_modules/**'],
  });
  const files = matches.map((m) => (absolute ? path.normalize(m) : m.split('/').join(path.sep))).sort(compareNames);
  if (files.length === 0) {
    throw new UsageError(`通配符没有匹配任何文件 (the glob matches no file): ${arg}（请加引号，以免 shell 先展开 — quote it so the shell does not expand it first）`);
  }
  const kept: string[] = [];
  for (const f of files) if (!excludedByConfig(f, await resolver.forFile(f))) kept.push(f);
  if (kept.length === 0) {
    throw new UsageError(`通配符匹配的 ${files.length} 个文件都被配置文件的 exclude 排除了 (every file the glob matches is excluded by the config's exclude): ${arg}`);
  }
  return kept;
}

/** A glob's pattern chooses the files itself; the config's exclude still applies. */
function excludedByConfig(file: string, resolved: Resolved): boolean {
  const exclude = resolved.file?.config.exclude;
  if (!resolved.file || !exclude?.length) return false;
  const rel = path.relative(path.dirname(resolved.file.path), path.resolve(file)).split(path.sep).join('/');
  if (rel.startsWith('../')) return false;
  return exclude.some((g) => matches(rel, g) || matches(rel, `${g.replace(/\/+$/, '')}/**`));
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every file under a folder, skipping dot-files, dot-folders and build output; the caller filters. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) appendAll(out, await walk(p));
    } else if (e.isFile() && !e.name.startsWith('.')) {
      out.push(p);
    }
  }
  return out;
}

/** Standard input, read up to one byte past MAX_INPUT_BYTES (the caller then says it is too large). */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    total += (c as Buffer).length;
    // (Stop reading: `yes | wengao check -` would otherwise fill the memory.)
    if (total > MAX_INPUT_BYTES) break;
  }
  return Buffer.concat(chunks);
}
