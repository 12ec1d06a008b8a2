/**
 * Finding the reports a command line names: files (always checked), folders (walked, and
 * filtered by the include/exclude globs of each report's config), glob patterns (expanded with
 * tinyglobby, filtered by the config's exclude) and `-` (standard input). The file system is
 * reached through a `WorkspaceFs` (the resolver's, `nodeFs` for the CLI), not in the core.
 */
import * as path from 'path';
import { glob, isDynamicPattern, type FileSystemAdapter } from 'tinyglobby';
import { globProblem } from '../core';
import { ConfigResolver, Resolved, excludedBy } from '../io/config';
import { REPORT_EXTENSIONS, relativeTo } from '../io/reports';
export { readReport } from '../io/read';
import { isInside } from '../io/paths';
import { MAX_INPUT_BYTES } from '../io/read';
import { describeFsError } from '../io/errors';
import { WorkspaceFs } from '../io/workspaceFs';
export { REPORT_EXTENSIONS };

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

export class UsageError extends Error {
  /**
   * The configurations that left every report out: their files' own problems explain why (a
   * config whose every include pattern was refused includes nothing), so they are shown too.
   */
  constructor(message: string, readonly configs: Resolved[] = []) {
    super(message);
  }
}

/**
 * One report to read: a path as it will be shown, or standard input; or a folder that could not
 * be read (its reports are unknown: reported as skipped, never silently left out).
 */
export type Source =
  | { kind: 'file'; path: string }
  | { kind: 'stdin' }
  | { kind: 'unreadable'; path: string; message: string }
  /** A link the walk did not follow (it leads out of the folder named): said on stderr, no error. */
  | { kind: 'note'; path: string; message: string };

/**
 * Expands the arguments to the reports to check, in order and without repeats. Throws
 * UsageError for a path that does not exist, a folder without reports, a glob matching none.
 * `stdinPath`: the path standard input stands for; that file is not also read from disk.
 * `fs`: where the files are looked at, by default the resolver's; a glob is expanded by
 * tinyglobby through it too.
 */
export async function collect(args: string[], resolver: ConfigResolver, stdinPath?: string, fs: WorkspaceFs = resolver.fs): Promise<Source[]> {
  const out: Source[] = [];
  const seen = new Set<string>();
  if (stdinPath) seen.add(path.resolve(stdinPath));
  // (Each file once, however it is reached: by two arguments, a glob and a symlink, or two links.)
  const add = async (p: string) => {
    const key = await fs.realpath(p).catch(() => path.resolve(p));
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
        // (As for a folder: a subfolder the glob could not read is skipped, and said so.)
        const unreadable: { path: string; message: string }[] = [];
        const files = await expandGlob(arg, resolver, fs, unreadable);
        for (const u of unreadable) out.push({ kind: 'unreadable', ...u });
        for (const f of files) await add(f);
        continue;
      }
      throw new UsageError(
        code === 'ENOENT' ? `路径不存在 (no such file or folder): ${arg}` : `无法读取 (cannot read) ${arg}: ${describeFsError(err)}`,
      );
    }
    if (st.isDirectory()) {
      const unreadable: { path: string; message: string }[] = [];
      const outside: string[] = [];
      const found = await walk(fs, arg, unreadable, outside);
      for (const u of unreadable) out.push({ kind: 'unreadable', ...u });
      for (const p of outside) out.push({ kind: 'note', path: p, message: '链接指向所查文件夹之外，未跟随 (a link that leads out of the folder checked: not followed)' });
      const covered: string[] = [];
      const configs: Resolved[] = [];
      for (const f of found) {
        const resolved = await resolver.forFile(f);
        if (resolver.covers(f, resolved)) covered.push(f);
        else configs.push(resolved);
      }
      if (covered.length === 0 && unreadable.length === 0) {
        throw new UsageError(
          found.some((f) => REPORT_EXTENSIONS.test(f))
            ? `文件夹中的报告都被配置文件的 include/exclude 排除了 (every report in the folder is excluded by the config's include/exclude): ${arg}`
            : `文件夹中没有 .txt 或 .md 报告 (no .txt or .md reports in folder): ${arg}`,
          configs,
        );
      }
      for (const f of covered) await add(f);
    } else {
      await add(arg);
    }
  }
  return out;
}

/** Glob syntax uses '/', also on Windows. */
function toPattern(arg: string): string {
  return path.sep === '\\' ? arg.split('\\').join('/') : arg;
}

/**
 * The files a glob matches, in name order, less those the config excludes. The glob is held to
 * the limits of config globs first. A folder it could not
 * read is listed in `unreadable` (one that is not there, the glob's own start among them, is no
 * error: the glob matches nothing in it); then a glob that matched nothing, or only excluded
 * files, is no usage error either, as for a folder: the run reports the folder skipped.
 */
async function expandGlob(arg: string, resolver: ConfigResolver, fs: WorkspaceFs, unreadable: { path: string; message: string }[]): Promise<string[]> {
  const pattern = toPattern(arg);
  // Held to the limits of config globs (core/globs.ts) before it is compiled: a glob whose
  // matching would take exponential time is a usage error that names the limit, not a stall.
  const why = globProblem(pattern);
  if (why) {
    throw new UsageError(`通配符模式${why.zh}，匹配代价过高，未展开 (the glob is ${why.en}, too costly to match; not expanded): ${arg}`);
  }
  const absolute = path.isAbsolute(arg);
  const cwd = process.cwd();
  const matches = await glob([pattern], {
    cwd,
    absolute,
    onlyFiles: true,
    expandDirectories: false,
    ignore: ['**/node_modules/**'],
    fs: globFs(fs, (dir, err) => {
      const shown = absolute ? path.normalize(dir) : path.relative(cwd, dir) || '.';
      unreadable.push({ path: shown.replace(/(.)[\\/]+$/, '$1'), message: `无法读取文件夹 (cannot read the folder): ${describeFsError(err)}` });
    }),
  });
  const files = matches.map((m) => (absolute ? path.normalize(m) : m.split('/').join(path.sep))).sort(compareNames);
  if (files.length === 0 && unreadable.length > 0) return [];
  if (files.length === 0) {
    throw new UsageError(`通配符没有匹配任何文件 (the glob matches no file): ${arg}（请加引号，以免 shell 先展开 — quote it so the shell does not expand it first）`);
  }
  const kept: string[] = [];
  const configs: Resolved[] = [];
  for (const f of files) {
    const resolved = await resolver.forFile(f);
    if (!excludedByConfig(f, resolved)) kept.push(f);
    else configs.push(resolved);
  }
  if (kept.length === 0 && unreadable.length === 0) {
    throw new UsageError(`通配符匹配的 ${files.length} 个文件都被配置文件的 exclude 排除了 (every file the glob matches is excluded by the config's exclude): ${arg}`, configs);
  }
  return kept;
}

/**
 * A `WorkspaceFs` as tinyglobby's file system (its walker, fdir, takes node's callback API and
 * drops every error). A folder that cannot be listed goes to `unreadable`, unless it is not
 * there (ENOENT, ENOTDIR): a glob's fixed start may name nothing, and a folder may go while the
 * glob is expanded.
 */
function globFs(fs: WorkspaceFs, unreadable: (dir: string, err: unknown) => void): FileSystemAdapter {
  type Done<T> = (err: NodeJS.ErrnoException | null, value?: T) => void;
  const settle = <T>(p: Promise<T>, done: Done<T>) => p.then((v) => done(null, v), (err: NodeJS.ErrnoException) => done(err));
  const adapter = {
    readdir: (dir: string, _options: unknown, done: Done<unknown[]>) =>
      settle(
        fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOENT' && err.code !== 'ENOTDIR') unreadable(dir, err);
          throw err;
        }),
        done,
      ),
    realpath: (file: string, done: Done<string>) => settle(fs.realpath(file), done),
    stat: (file: string, done: Done<unknown>) => settle(fs.stat(file), done),
  };
  return adapter as unknown as FileSystemAdapter;
}

/** A glob's pattern chooses the files itself; the config's exclude still applies. */
function excludedByConfig(file: string, resolved: Resolved): boolean {
  const exclude = resolved.file?.config.exclude;
  if (!resolved.file || !exclude?.length) return false;
  const rel = relativeTo(path.dirname(resolved.file.path), file);
  if (rel.startsWith('../')) return false;
  return excludedBy(rel, exclude);
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every file under a folder, skipping dot-files, dot-folders and build output; the caller
 * filters. Symbolic links are followed, to files and to folders, when they stay inside the
 * folder named (a link to / or to a file elsewhere is listed in `outside`, not read); each real
 * folder is walked once (a link back up is no loop). A folder that cannot be read is listed in
 * `unreadable` and the walk goes on. A loop over a stack, not a recursion.
 */
async function walk(fs: WorkspaceFs, root: string, unreadable: { path: string; message: string }[], outside: string[]): Promise<string[]> {
  const out: string[] = [];
  const visited = new Set<string>();
  const realRoot = await fs.realpath(root).catch(() => path.resolve(root));
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries;
    try {
      const real = await fs.realpath(dir);
      if (visited.has(real)) continue;
      visited.add(real);
      entries = await fs.readdir(dir);
    } catch (err) {
      unreadable.push({ path: dir, message: `无法读取文件夹 (cannot read the folder): ${describeFsError(err)}` });
      continue;
    }
    entries.sort((a, b) => compareNames(a.name, b.name));
    const dirs: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const real = await fs.realpath(p).catch(() => undefined);
        if (real && !isInside(realRoot, real, true)) {
          outside.push(p);
          continue;
        }
        const st = await fs.stat(p).catch(() => undefined);
        isDir = !!st?.isDirectory();
        isFile = !!st?.isFile();
      }
      if (isDir) {
        if (!SKIP_DIRS.has(e.name)) dirs.push(p);
      } else if (isFile) out.push(p);
    }
    for (let k = dirs.length - 1; k >= 0; k--) stack.push(dirs[k]);
  }
  // In name order, folder by folder (a/x.txt before b.txt), as a listing reads.
  const parts = new Map(out.map((p) => [p, p.split(path.sep)]));
  return out.sort((a, b) => {
    const x = parts.get(a)!;
    const y = parts.get(b)!;
    for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return compareNames(x[k], y[k]);
    return x.length - y.length;
  });
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
