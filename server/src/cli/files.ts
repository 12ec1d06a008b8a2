/**
 * Finding the reports a command line names: files (always checked), folders (walked, and
 * filtered by the include/exclude globs of each report's config), glob patterns (held to the
 * limits of config globs, expanded by the same walk, filtered by the config's exclude) and `-`
 * (standard input). Folders and globs are walked by io/walk.ts, whose rule for symbolic links the
 * server's index follows too. The file system is reached through a `WorkspaceFs` (the
 * resolver's, `nodeFs` for the CLI), not in the core.
 */
import { Minimatch } from 'minimatch';
import * as path from 'path';
import { globProblem } from '../core';
import { ConfigResolver, Resolved, excludedBy } from '../io/config';
import { REPORT_EXTENSIONS, relativeTo } from '../io/reports';
export { readReport } from '../io/read';
import { MAX_INPUT_BYTES, NOT_REGULAR } from '../io/read';
import { describeFsError } from '../io/errors';
import { LINK_NOT_FOLLOWED, Walked, walkFolder } from '../io/walk';
import { WorkspaceFs } from '../io/workspaceFs';
export { REPORT_EXTENSIONS };

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/** A link not followed or a folder not read, as said on stderr before a usage error or with the results. */
interface Said {
  path: string;
  message: string;
}

export class UsageError extends Error {
  /**
   * The configurations that left every report out: their files' own problems explain why (a
   * config whose every include pattern was refused includes nothing), so they are shown too.
   * `notes`: the links the walk did not follow, which may be why nothing was found.
   */
  constructor(message: string, readonly configs: Resolved[] = [], readonly notes: Said[] = []) {
    super(message);
  }
}

/**
 * One report to read: a path as it will be shown, or standard input; or what a walk met and
 * cannot read, reported as skipped, never silently left out: a folder that could not be listed
 * (its reports are unknown), a named pipe or a device named like a report (io/walk.ts `special`).
 */
export type Source =
  | { kind: 'file'; path: string }
  | { kind: 'stdin' }
  | { kind: 'unreadable'; path: string; message: string }
  /** A link the walk did not follow (io/walk.ts): said on stderr, no error. */
  | { kind: 'note'; path: string; message: string };

/**
 * Expands the arguments to the reports to check, in order and without repeats. Throws
 * UsageError for a path that does not exist, a folder without reports, a glob matching none or
 * beyond the limits of globs. `stdinPath`: the path standard input stands for; that file is not
 * also read from disk. `fs`: where the files are looked at, by default the resolver's.
 */
export async function collect(args: string[], resolver: ConfigResolver, stdinPath?: string, fs: WorkspaceFs = resolver.fs): Promise<Source[]> {
  const out: Source[] = [];
  const seen = new Set<string>();
  if (stdinPath) seen.add(path.resolve(stdinPath));
  // (Each file once, however it is reached: by two arguments, a glob and a folder; within one
  // walk io/walk.ts has done it already, and says the real path.)
  const add = async (p: string, real?: string) => {
    const key = real ?? (await fs.realpath(p).catch(() => path.resolve(p)));
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind: 'file', path: p });
  };
  /** What a walk could not read and did not follow, said before its files. */
  const said = (walked: Walked, unreadable: Walked['unreadable']) => {
    for (const u of unreadable) out.push({ kind: 'unreadable', path: u.path, message: `无法读取文件夹 (cannot read the folder): ${describeFsError(u.error)}` });
    for (const l of notesOf(walked)) out.push({ kind: 'note', ...l });
    // (Skipped for the reason io/read.ts gives a pipe or a device named on the command line; once,
    // however many arguments reach it.)
    for (const x of walked.special) {
      if (seen.has(x.real)) continue;
      seen.add(x.real);
      out.push({ kind: 'unreadable', path: x.path, message: NOT_REGULAR });
    }
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
      if (code === 'ENOENT' && isGlob(toPattern(arg))) {
        const { walked, unreadable } = await expandGlob(arg, resolver, fs);
        said(walked, unreadable);
        for (const f of walked.files) await add(f.path, f.real);
        continue;
      }
      throw new UsageError(
        code === 'ENOENT' ? `路径不存在 (no such file or folder): ${arg}` : `无法读取 (cannot read) ${arg}: ${describeFsError(err)}`,
      );
    }
    if (st.isDirectory()) {
      // Every file the walk meets, unless a dot-file, is asked of its config (include/exclude).
      const configs: Resolved[] = [];
      let reports = 0;
      const walked = await walkFolder(fs, arg, {
        enter: (d) => !path.basename(d).startsWith('.') && !SKIP_DIRS.has(path.basename(d)),
        want: async (f, forNote) => {
          if (path.basename(f).startsWith('.')) return false;
          const resolved = await resolver.forFile(f);
          const covered = resolver.covers(f, resolved);
          if (!forNote && REPORT_EXTENSIONS.test(f)) reports++;
          if (!forNote && !covered) configs.push(resolved);
          return covered;
        },
      });
      if (walked.files.length === 0 && walked.unreadable.length === 0 && walked.special.length === 0) {
        throw new UsageError(
          reports > 0
            ? `文件夹中的报告都被配置文件的 include/exclude 排除了 (every report in the folder is excluded by the config's include/exclude): ${arg}`
            : `文件夹中没有 .txt、.md、.docx 或 .pdf 报告 (no .txt, .md, .docx or .pdf reports in folder): ${arg}`,
          configs,
          notesOf(walked),
        );
      }
      said(walked, walked.unreadable);
      for (const f of walked.files) await add(f.path, f.real);
    } else {
      await add(arg);
    }
  }
  return out;
}

function notesOf(walked: Walked): Said[] {
  return walked.links.map((l) => ({ path: l.path, message: LINK_NOT_FOLLOWED[l.reason] }));
}

/** Glob syntax uses '/', also on Windows. */
function toPattern(arg: string): string {
  return path.sep === '\\' ? arg.split('\\').join('/') : arg;
}

/** A wildcard, a class, braces or an extglob group: a path that is not there is then read as a glob. */
const GLOB_CHARS = /[*?[{]|[!+@]\(/;

function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/**
 * The files a glob matches, in name order, less those the config excludes. The glob is held to
 * the limits of config globs first (core/globs.ts: length, nesting, wildcards per segment,
 * repeated groups, brace expansions), so that matching cannot take exponential time: one beyond
 * them is a usage error that says which limit. Its fixed start (the segments before the first
 * with a wildcard) is walked as a folder is (io/walk.ts: links followed inside it, each real file
 * once), looking only into the folders the rest of the pattern can match, and not into
 * node_modules.
 *
 * A folder the walk could not read is in `unreadable` (one that is not there, the glob's own
 * start among them, is no error: the glob matches nothing in it); then a glob that matched
 * nothing, or only excluded files, is no usage error either, as for a folder: the run reports
 * the folder skipped. So too when it matched only a named pipe or a device (`special`).
 */
async function expandGlob(arg: string, resolver: ConfigResolver, fs: WorkspaceFs): Promise<{ walked: Walked; unreadable: Walked['unreadable'] }> {
  const pattern = toPattern(arg);
  const why = globProblem(pattern);
  if (why) {
    throw new UsageError(`通配符模式${why.zh}，匹配代价过高，未展开 (the glob is ${why.en}, too costly to match; not expanded): ${arg}`);
  }
  const segments = pattern.split('/');
  let k = 0;
  while (k < segments.length - 1 && !isGlob(segments[k])) k++;
  const root = k === 0 ? '.' : segments.slice(0, k).join('/') || '/';
  const rest = new Minimatch(segments.slice(k).join('/'), { dot: false, nonegate: true, nocomment: true });
  const rel = (p: string) => relativeTo(root, p);
  const configs: Resolved[] = [];
  const walked = await walkFolder(fs, root, {
    enter: (d) => path.basename(d) !== 'node_modules' && rest.match(rel(d), true),
    want: async (f, forNote) => {
      if (!rest.match(rel(f))) return false;
      const resolved = await resolver.forFile(f);
      if (!excludedByConfig(f, resolved)) return true;
      if (!forNote) configs.push(resolved);
      return false;
    },
  });
  const unreadable = walked.unreadable.filter((u) => {
    const code = (u.error as NodeJS.ErrnoException | undefined)?.code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  });
  if (walked.files.length === 0 && unreadable.length === 0 && walked.special.length === 0) {
    throw new UsageError(
      configs.length
        ? `通配符匹配的 ${configs.length} 个文件都被配置文件的 exclude 排除了 (every file the glob matches is excluded by the config's exclude): ${arg}`
        : `通配符没有匹配任何文件 (the glob matches no file): ${arg}（请加引号，以免 shell 先展开 — quote it so the shell does not expand it first）`,
      configs,
      notesOf(walked),
    );
  }
  return { walked, unreadable };
}

/** A glob's pattern chooses the files itself; the config's exclude still applies. */
function excludedByConfig(file: string, resolved: Resolved): boolean {
  const exclude = resolved.file?.config.exclude;
  if (!resolved.file || !exclude?.length) return false;
  const rel = relativeTo(path.dirname(resolved.file.path), file);
  if (rel.startsWith('../')) return false;
  return excludedBy(rel, exclude);
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
