/** Finding and reading report files for the CLI: the file system lives here, not in the core. */
import { promises as fs } from 'fs';
import * as path from 'path';
export { readReport } from '../io/read';

export const REPORT_EXTENSIONS = /\.(txt|md|markdown)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

export type { ReadResult as Input } from '../io/read';

export class UsageError extends Error {}

/** Expands arguments to report files; throws UsageError for a path that does not exist. */
export async function collect(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    let st;
    try {
      st = await fs.stat(arg);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'ENOENT' ? `路径不存在 (no such file or folder): ${arg}` : `无法读取 (cannot read) ${arg}: ${code ?? String(err)}`,
      );
    }
    if (st.isDirectory()) {
      const found = await walk(arg);
      if (found.length === 0) throw new UsageError(`文件夹中没有 .txt 或 .md 报告 (no .txt or .md reports in folder): ${arg}`);
      out.push(...found);
    } else {
      out.push(arg);
    }
  }
  return [...new Set(out)];
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) out.push(...(await walk(p)));
    } else if (e.isFile() && REPORT_EXTENSIONS.test(e.name)) {
      out.push(p);
    }
  }
  return out;
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
