/**
 * Watching the workspace for a client that cannot (LSP: no dynamic registration of
 * workspace/didChangeWatchedFiles): report files, configs and ignore files changed, created or
 * deleted on disk, as the client's events would say it. Node's recursive fs.watch; events of a
 * burst are gathered for a moment and each file is reported once.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CONFIG_FILE, IGNORE_FILE } from '../core';
import { REPORT_EXTENSIONS, REPORT_GLOB } from './reports';
import { Watcher, WorkspaceFs } from './workspaceFs';

/** A file changed on disk: its URI, and whether it is gone. */
export interface WatchedChange {
  uri: string;
  deleted: boolean;
}

/** The files the server wants to hear about, as globs for the client's watchers. */
export const WATCHED = [REPORT_GLOB, `**/${CONFIG_FILE}`, `**/${IGNORE_FILE}`];

function watched(file: string): boolean {
  const name = path.basename(file);
  return name === CONFIG_FILE || name === IGNORE_FILE || REPORT_EXTENSIONS.test(name);
}

/** Folders the watch leaves alone: tools' caches and dependencies, never reports. */
const SKIPPED = /(?:^|[\\/])(?:node_modules|\.git)(?:[\\/]|$)/;

/**
 * Watches `folders` through `fs` and calls `onChanges` with the files changed (after a quiet
 * moment of `delayMs`; a file whose status cannot be read is gone). Returns the function that
 * stops it. A folder that cannot be watched is logged and left out.
 */
export function watchFolders(fs: WorkspaceFs, folders: readonly string[], onChanges: (changes: WatchedChange[]) => void, log: (msg: string) => void, delayMs = 100): () => void {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  // (One burst after the other, in the order they came.)
  let flushing = Promise.resolve();
  const flush = () => {
    timer = undefined;
    const files = [...pending];
    pending.clear();
    flushing = flushing
      .then(async () => {
        const gone = await Promise.all(files.map((f) => fs.stat(f).then(() => false, () => true)));
        if (!stopped) onChanges(files.map((f, k) => ({ uri: pathToFileURL(f).href, deleted: gone[k] })));
      })
      .catch((err) => log(`reporting changes on disk failed: ${String(err)}`));
  };
  const watchers: Watcher[] = [];
  for (const folder of folders) {
    try {
      const w = fs.watch(folder, (_event, name) => {
        if (!name) return;
        const rel = name;
        if (SKIPPED.test(rel) || !watched(rel)) return;
        pending.add(path.join(folder, rel));
        if (!timer) timer = setTimeout(flush, delayMs);
      });
      w.on('error', (err) => log(`watching ${folder} stopped: ${String(err)}`));
      watchers.push(w);
    } catch (err) {
      log(`cannot watch ${folder}: ${String(err)}; changes on disk are seen when a file is opened`);
    }
  }
  if (watchers.length) log(`watching ${watchers.length} workspace folder(s) for changes on disk (the client does not)`);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
