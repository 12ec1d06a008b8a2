/**
 * Watching the workspace for a client that cannot (LSP: no dynamic registration of
 * workspace/didChangeWatchedFiles): report files, configs and ignore files changed, created or
 * deleted on disk, as the client's events would say it. Node's recursive fs.watch; events of a
 * burst are gathered for a moment and each file is reported once.
 */
import { watch as fsWatch, existsSync, FSWatcher } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CONFIG_FILE, IGNORE_FILE } from '../core';
import { REPORT_EXTENSIONS, REPORT_GLOB } from './reports';

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
 * Watches `folders` and calls `onChanges` with the files changed (after a quiet moment of
 * `delayMs`). Returns the function that stops it. A folder that cannot be watched is logged and
 * left out.
 */
export function watchFolders(folders: readonly string[], onChanges: (changes: WatchedChange[]) => void, log: (msg: string) => void, delayMs = 100): () => void {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const files = [...pending];
    pending.clear();
    onChanges(files.map((f) => ({ uri: pathToFileURL(f).href, deleted: !existsSync(f) })));
  };
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    try {
      const w = fsWatch(folder, { recursive: true, persistent: false }, (_event, name) => {
        if (!name) return;
        const rel = String(name);
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
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
