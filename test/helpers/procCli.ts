/** Runs the BUILT command line (`node dist/cli.js`) as a child process, and makes temp folders. */
import { execFile } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export const ROOT = join(__dirname, '..', '..');
export const CLI_JS = join(ROOT, 'dist', 'cli.js');

export interface CliResult {
  /** Exit status; null when the process was killed (see `signal`). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliOptions {
  cwd?: string;
  timeoutMs?: number;
  /** Written to the command's standard input, which is then closed (it is closed at once without). */
  input?: string | Buffer;
  /** Node's own options before the script (`-r` a module that injects a fault). */
  nodeArgs?: string[];
  /** Added to the environment. */
  env?: Record<string, string>;
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  if (!existsSync(CLI_JS)) throw new Error(`${CLI_JS} is missing: run \`node esbuild.js\` first`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), CLI_JS, ...args],
      { cwd: options.cwd ?? ROOT, env: options.env ? { ...process.env, ...options.env } : process.env, timeout: options.timeoutMs ?? 15_000, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { code?: number | string; signal?: NodeJS.Signals | null }) | null;
        if (e && typeof e.code === 'string') return reject(e); // could not start node at all
        resolve({
          code: e ? ((e.code as number | undefined) ?? null) : 0,
          signal: e?.signal ?? null,
          stdout,
          stderr,
          ms: Date.now() - started,
        });
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input);
  });
}

/** Temp folders made during a test; `cleanup()` removes them all (call it in afterEach). */
export class TempDirs {
  private dirs: string[] = [];

  make(prefix = 'wengao-cli-'): string {
    const d = mkdtempSync(join(tmpdir(), prefix));
    this.dirs.push(d);
    return d;
  }

  cleanup(): void {
    for (const d of this.dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  }
}
