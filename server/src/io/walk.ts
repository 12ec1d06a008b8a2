/**
 * Walking a folder for reports, once, for every walker: the CLI's folders and quoted globs and
 * the server's workspace index. Symbolic links follow one rule:
 *
 * - A link is followed, to a file or to a folder, when its target (its real path) lies inside
 *   the folder the walk started from (the folder named on the command line, a glob's fixed start,
 *   a workspace folder). A link whose target lies outside it, or whose target is missing or
 *   cannot be resolved (a dangling link, a loop of links), is not followed and is listed in
 *   `links`, so that the caller names it; only links the caller would have read are listed (a
 *   link out of the folder named `python` is not, under a walk for reports).
 * - Each real folder is entered once (a link back up is no loop) and each real file is listed
 *   once, under the path that reaches it through the fewest links, the first in name order
 *   among those: its own path when the walk meets it there. So a file is reported, indexed and
 *   watched under its own name, and a link adds a name only for a file the walk does not
 *   otherwise meet (one in a folder left out, say).
 * - A folder that cannot be listed is listed in `unreadable`, and the walk goes on.
 * - What is neither a regular file nor a folder (a named pipe, a device, a socket), met as itself
 *   or through a link (inside the folder or not: it is never read), is listed in `special` when
 *   the caller wants its name, each real one once, so that the caller names it skipped
 *   (io/read.ts reads none of them) instead of leaving it out in silence.
 *
 * Which folders are entered and which files are wanted is the caller's (`enter`, `want`, both
 * given the path as met); a file is claimed for its real path only once wanted, so a file left
 * out under one name can still be reached under another. A loop over a stack and rounds of
 * links, never a recursion: a deep tree cannot overflow the stack.
 */
import * as path from 'path';
import { isInside } from './paths';
import { WorkspaceFs } from './workspaceFs';

export interface WalkRules {
  /** Whether to look into a folder met at this path. */
  enter(dir: string): boolean;
  /**
   * Whether a file met at this path is one to list. `forNote`: asked of a link that is not
   * followed, only to know whether to name it (the caller counts nothing then).
   */
  want(file: string, forNote?: boolean): boolean | Promise<boolean>;
  /** Stop once this many files are listed. */
  stopAfter?: number;
  /**
   * Real paths already listed and real folders already entered, to share between walks (the
   * workspace's folders, which may nest): each real file once across all of them.
   */
  seen?: { files: Set<string>; dirs: Set<string> };
}

/** Why a link was not followed. */
export type LinkNotFollowed = 'outside' | 'broken';

export interface Walked {
  /** The files listed, in name order (folder by folder: a/x.txt before b.txt), with the real path of each. */
  files: { path: string; real: string }[];
  /** Folders that could not be listed (the root too, when it cannot be resolved). */
  unreadable: { path: string; error: unknown }[];
  /** Links not followed, in name order. */
  links: { path: string; reason: LinkNotFollowed }[];
  /** Wanted names of what is not a regular file nor a folder (a pipe, a device), in name order, with the real path of each. */
  special: { path: string; real: string }[];
}

/** The message each layer shows for a link it did not follow (Chinese, then English). */
export const LINK_NOT_FOLLOWED: Record<LinkNotFollowed, string> = {
  outside: '链接指向所查文件夹之外，未跟随 (a link that leads out of the folder checked: not followed)',
  broken: '链接的目标不存在或无法解析，未跟随 (a link whose target is missing or cannot be resolved: not followed)',
};

export async function walkFolder(fs: WorkspaceFs, root: string, rules: WalkRules): Promise<Walked> {
  const out: Walked = { files: [], unreadable: [], links: [], special: [] };
  const seen = rules.seen ?? { files: new Set<string>(), dirs: new Set<string>() };
  const stopAfter = rules.stopAfter ?? Infinity;
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
  } catch (error) {
    out.unreadable.push({ path: root, error });
    return out;
  }
  if (seen.dirs.has(realRoot)) return out;
  seen.dirs.add(realRoot);

  const claim = async (p: string, real: string) => {
    if (seen.files.has(real) || !(await rules.want(p))) return;
    seen.files.add(real);
    out.files.push({ path: p, real });
  };
  /** A pipe, a device or a socket the caller wants by its name (asked as for a note: nothing counted). */
  const special = async (p: string, real: string) => {
    if (seen.files.has(real) || !(await rules.want(p, true))) return;
    seen.files.add(real);
    out.special.push({ path: p, real });
  };
  /** Links met in this round: followed in the next, so that a path through fewer links wins. */
  let links: string[] = [];
  /** The folder and every folder under it reached without a link; links are kept for later. */
  const tree = async (top: string, topReal: string) => {
    const stack = [{ dir: top, real: topReal }];
    while (stack.length && out.files.length < stopAfter) {
      const { dir, real } = stack.pop()!;
      let entries;
      try {
        entries = await fs.readdir(dir);
      } catch (error) {
        out.unreadable.push({ path: dir, error });
        continue;
      }
      entries.sort((a, b) => compareNames(a.name, b.name));
      const dirs: { dir: string; real: string }[] = [];
      for (const e of entries) {
        const p = path.join(dir, e.name);
        // (A folder's real path is its parent's and its name: no system call but for links.)
        const r = path.join(real, e.name);
        if (e.isSymbolicLink()) links.push(p);
        else if (e.isDirectory()) {
          if (!seen.dirs.has(r) && rules.enter(p)) {
            seen.dirs.add(r);
            dirs.push({ dir: p, real: r });
          }
        } else if (e.isFile()) await claim(p, r);
        else await special(p, r);
      }
      for (let k = dirs.length - 1; k >= 0; k--) stack.push(dirs[k]);
    }
  };
  await tree(root, realRoot);
  while (links.length && out.files.length < stopAfter) {
    const round = links.map((p) => ({ path: p }));
    inNameOrder(round);
    links = [];
    for (const { path: p } of round) {
      if (out.files.length >= stopAfter) break;
      let real: string;
      let st;
      try {
        real = await fs.realpath(p);
        st = await fs.stat(p);
      } catch {
        // (Missing, a loop of links, or not to be resolved: a file or a folder, nobody can say.)
        if (rules.enter(p) || (await rules.want(p, true))) out.links.push({ path: p, reason: 'broken' });
        continue;
      }
      const isDir = st.isDirectory();
      if (!isDir && !st.isFile()) {
        await special(p, real);
        continue;
      }
      if (!isInside(realRoot, real, true)) {
        if (isDir ? rules.enter(p) : st.isFile() && (await rules.want(p, true))) out.links.push({ path: p, reason: 'outside' });
        continue;
      }
      if (isDir) {
        if (!seen.dirs.has(real) && rules.enter(p)) {
          seen.dirs.add(real);
          await tree(p, real);
        }
      } else if (st.isFile()) await claim(p, real);
    }
  }
  inNameOrder(out.files);
  inNameOrder(out.links);
  inNameOrder(out.special);
  return out;
}

/** Sorts in place by `compareNamesBySegment`, each path split once. */
function inNameOrder<T extends { path: string }>(items: T[]): void {
  const parts = new Map(items.map((x) => [x, x.path.split(path.sep)]));
  items.sort((a, b) => compareParts(parts.get(a)!, parts.get(b)!));
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Paths in name order, folder by folder (a/x.txt before a.txt and b.txt), as a listing reads. */
export function compareNamesBySegment(a: string, b: string): number {
  return compareParts(a.split(path.sep), b.split(path.sep));
}

function compareParts(x: string[], y: string[]): number {
  for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return compareNames(x[k], y[k]);
  return x.length - y.length;
}
