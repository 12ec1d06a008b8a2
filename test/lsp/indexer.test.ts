/**
 * The workspace index when reads overlap: a large file's analysis takes seconds (on a worker), and
 * the watcher's next event for the same file may be handled meanwhile. The latest event decides.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { afterEach, describe, expect, it } from 'vitest';
import { Analysis, AnalyzeOptions, analyze } from '../../server/src/core';
import { DEFAULT_WORKSPACE, WorkspaceIndexer } from '../../server/src/lsp/workspace';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** An indexer whose first analysis waits until `release` is called; the others run at once. */
function slowFirstRead() {
  const indexer = new WorkspaceIndexer(() => {}, async () => ({ scope: 'all' as const, minChineseRatio: 0, covered: true }));
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let calls = 0;
  let started!: () => void;
  const firstStarted = new Promise<void>((r) => (started = r));
  indexer.analyzer = async (text: string, options: AnalyzeOptions): Promise<Analysis> => {
    if (calls++ === 0) {
      started();
      await gate;
    }
    return analyze(text, options);
  };
  return { indexer, release, firstStarted };
}

function folder(text: string) {
  const d = mkdtempSync(join(tmpdir(), 'wengao-race-'));
  made.push(d);
  const file = join(d, '报告.txt');
  writeFileSync(file, text);
  return { d, file, uri: pathToFileURL(file).href };
}

/**
 * A read of the report begun by `begin` (held at its analysis), the file changed by `meanwhile`
 * and the watcher's event for it handled, then the first read let go to its end.
 */
async function overlapped(begin: (indexer: WorkspaceIndexer, d: string, uri: string) => Promise<unknown>, meanwhile: (file: string) => void) {
  const { d, file, uri } = folder('全市地区生产总值增长5.5%。\n');
  const { indexer, release, firstStarted } = slowFirstRead();
  const first = begin(indexer, d, uri);
  await firstStarted;
  meanwhile(file);
  await indexer.refreshFromDisk(uri, DEFAULT_WORKSPACE, [d]);
  release();
  await first;
  return { indexer, uri };
}

const refresh = (indexer: WorkspaceIndexer, d: string, uri: string) => indexer.refreshFromDisk(uri, DEFAULT_WORKSPACE, [d]);

describe('workspace index, overlapping reads of one file', () => {
  it('a file deleted while it is being read does not come back when the read ends', async () => {
    const { indexer, uri } = await overlapped(refresh, (file) => rmSync(file));
    expect(indexer.index.has(uri)).toBe(false);
  });

  it('a document closed and then deleted (the read the close started is still running) leaves the index', async () => {
    // Opened: the editor's text is indexed. Closed: the disk's version is read again.
    const closeOpen = (indexer: WorkspaceIndexer, d: string, uri: string) => {
      const opened = indexer.setOpen(uri, analyze('全市地区生产总值增长5.5%。\n', { kind: 'plaintext', scope: 'all', minChineseRatio: 0 }));
      for (let s = opened.next(); !s.done; s = opened.next());
      return indexer.closed(uri, DEFAULT_WORKSPACE, [d]);
    };
    const { indexer, uri } = await overlapped(closeOpen, (file) => rmSync(file));
    expect(indexer.index.has(uri)).toBe(false);
  });

  it('a file changed while it is being read keeps the later text', async () => {
    const { indexer, uri } = await overlapped(refresh, (file) => writeFileSync(file, '全市地区生产总值增长6.5%。\n'));
    expect(indexer.index.get(uri)?.figures.map((f) => f.figure.value)).toEqual([6.5]);
    // (What it keeps of the reads goes with them: a workspace's churn does not grow it.)
    expect((indexer as unknown as { asked: Map<string, number> }).asked.size).toBe(0);
  });
});
