// The built language server (dist/server.js over stdio) for the benchmarks, and the statistics
// they report. `until` waits for a state with a deadline, re-checked on every message (`wake`).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './inputs.mjs';

export const rpc = createRequire(import.meta.url)('vscode-languageserver-protocol/node');

// WENGAO_BENCH_SERVER_ARGS: node's own arguments (--cpu-prof); WENGAO_BENCH_SERVER: another build
// of the server to start (an older commit's dist/server.js, for a comparison back to back).
export function startServer(env = {}) {
  const server = process.env.WENGAO_BENCH_SERVER ?? join(root, 'dist', 'server.js');
  const child = spawn(process.execPath, [...(process.env.WENGAO_BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean), server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = new Set();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  const until = (f, what, ms = 120_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const v = f();
        if (v) {
          waiters.delete(check);
          clearTimeout(t);
          resolve(v);
        }
      };
      const t = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timeout: ${what}`));
      }, ms);
      waiters.add(check);
      check();
    });
  return { child, conn, wake, until };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
