/**
 * A language-server session a test talks LSP to through vscode-languageserver-protocol,
 * recording what the server sends. `LspInProcess` runs the server's source in the test's own
 * process over a pair of in-memory streams (fast; the default for behaviour); `LspProcess`
 * starts the BUILT server (`node dist/server.js --stdio`) as a child process (for what only a
 * process shows: framing, exit codes, stderr, the bundle). Waiting is event driven: a waiter is
 * re-checked whenever a message arrives, with a deadline.
 */
import { ChildProcess, spawn } from 'child_process';
import { PassThrough } from 'stream';
import { pathToFileURL } from 'url';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { afterEach } from 'vitest';
import { join } from 'path';
import {
  ConfigurationParams, ConfigurationRequest, createProtocolConnection, ExitNotification, InitializeParams, InitializeRequest,
  InitializeResult, InitializedNotification, LogMessageNotification, LogMessageParams, ProtocolConnection,
  PublishDiagnosticsNotification, PublishDiagnosticsParams, RegistrationRequest, ShowMessageNotification, ShowMessageParams, ShutdownRequest,
  StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { ProposedFeatures, createConnection, createProtocolConnection as serverProtocol } from 'vscode-languageserver';
import { StreamMessageReader as ServerReader, StreamMessageWriter as ServerWriter } from 'vscode-languageserver/node';
import { FiguresChangedNotification, StatusNotification } from '../../server/src/lsp/protocol';
import { startServer } from '../../server/src/lsp/server';
import type { ServerOptions } from '../../server/src/lsp/session';

export const ROOT = join(__dirname, '..', '..');
export const SERVER_JS = join(ROOT, 'dist', 'server.js');

export interface LspOptions {
  /** Start the built server as a process (`LspProcess`); otherwise \`startLsp\` runs it in-process. */
  process?: boolean;
  /** Answer to each item of a workspace/configuration request; absent: the request fails. */
  configuration?: (section: string | undefined, scopeUri: string | undefined) => unknown;
  /** The whole answer to a workspace/configuration request, not one per item: for malformed answers. */
  configurationResult?: (params: ConfigurationParams) => unknown;
  /** The in-process server's own options (`startServer`'s). */
  server?: ServerOptions;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export abstract class LspSession {
  conn!: ProtocolConnection;
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  /** window/showMessage notifications: what the user would see. */
  readonly shown: ShowMessageParams[] = [];
  readonly configurationRequests: unknown[] = [];
  /** What the server registered dynamically (client/registerCapability). */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** Wengao's own notifications the server sent (wengao/status, wengao/figuresChanged). */
  readonly notifications: { method: string; params: unknown }[] = [];
  stderr = '';
  exit: Exit | undefined;
  exited!: Promise<Exit>;
  protected waiters = new Set<() => void>();

  /** Listens on `conn`: records what the server sends, answers its requests. */
  protected wire(conn: ProtocolConnection, options: LspOptions): void {
    this.conn = conn;
    this.conn.onError(() => undefined);
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.push(p);
      this.notify();
    });
    this.conn.onNotification(ShowMessageNotification.type, (p) => {
      this.shown.push(p);
      this.notify();
    });
    this.conn.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p);
      this.notify();
    });
    for (const method of [StatusNotification, FiguresChangedNotification]) {
      this.conn.onNotification(method, (params: unknown) => {
        this.notifications.push({ method, params });
        this.notify();
      });
    }
    this.conn.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((r) => ({ method: r.method, registerOptions: r.registerOptions })));
      this.notify();
      return undefined;
    });
    this.conn.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params);
      this.notify();
      if (options.configurationResult) return options.configurationResult(params) as unknown[];
      if (!options.configuration) throw new Error('this client has no configuration');
      return params.items.map((i) => options.configuration!(i.section, i.scopeUri));
    });
    this.conn.listen();
  }

  protected notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves with the first truthy value of `probe`, re-evaluated on every incoming message. */
  waitFor<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        let v: T | undefined | null | false;
        try {
          v = probe();
        } catch (err) {
          done();
          reject(err);
          return;
        }
        if (v) {
          done();
          resolve(v);
        } else if (this.exit) {
          done();
          reject(new Error(`server exited (${JSON.stringify(this.exit)}) while waiting for ${what}; stderr:\n${this.stderr}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Diagnostics published for `uri`, oldest first. */
  published(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.filter((d) => d.uri === uri);
  }

  /** Waits for a publish for `uri` after the first `after` ones that match `accept`. */
  nextDiagnostics(
    uri: string,
    after: number,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.published(uri).slice(after).find(accept), `diagnostics for ${uri}`, timeoutMs);
  }

  /** Params of every `method` notification received, oldest first. */
  received<T>(method: string): T[] {
    return this.notifications.filter((n) => n.method === method).map((n) => n.params as T);
  }

  async initialize(
    capabilities: InitializeParams['capabilities'] = {},
    workspaceFolders: string[] = [],
    initializationOptions?: unknown,
  ): Promise<InitializeResult> {
    const folders = workspaceFolders.map((f) => ({ uri: pathToFileURL(f).href, name: f.split('/').pop() ?? f }));
    const result = await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      capabilities,
      workspaceFolders: folders.length ? folders : null,
      ...(initializationOptions === undefined ? {} : { initializationOptions }),
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** shutdown + exit, then the exit status of the process. */
  async shutdown(timeoutMs = 10_000): Promise<Exit> {
    await this.conn.sendRequest(ShutdownRequest.type);
    await this.conn.sendNotification(ExitNotification.type);
    return this.waitFor(() => this.exit, 'the server process to exit', timeoutMs);
  }

  /** Ends the connection and the server. Safe to call more than once. */
  abstract dispose(): Promise<void>;
}

/** The BUILT server as a child process over stdio. */
export class LspProcess extends LspSession {
  readonly proc: ChildProcess;

  constructor(options: LspOptions = {}) {
    super();
    if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run \`node esbuild.js\` first`);
    this.proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.setEncoding('utf8');
    this.proc.stderr!.on('data', (s: string) => {
      this.stderr += s;
    });
    this.exited = new Promise((resolve) => {
      this.proc.on('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
        this.notify();
      });
    });
    // Writing to a server that has exited must not crash the test process.
    this.proc.stdin!.on('error', () => undefined);
    this.wire(createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!)), options);
  }

  /** Ends the connection and, if still alive, the process. Safe to call more than once. */
  async dispose(): Promise<void> {
    this.waiters.clear();
    try {
      this.conn.dispose();
    } catch {
      /* already disposed */
    }
    if (!this.exit) {
      this.proc.kill('SIGKILL');
      await this.exited;
    }
  }
}

/**
 * The server's source run in this process over two in-memory streams, as `main.ts` runs it over
 * stdio: the same `startServer`, the same protocol. The LSP exit notification ends the
 * connection here instead of the process.
 */
export class LspInProcess extends LspSession {

  constructor(options: LspOptions = {}) {
    super();
    const [toServer, toClient] = [new PassThrough(), new PassThrough()];
    let resolveExit: (e: Exit) => void = () => undefined;
    this.exited = new Promise((resolve) => (resolveExit = resolve));
    let shutdownReceived = false;
    const server = createConnection(
      (logger) => serverProtocol(new ServerReader(toServer), new ServerWriter(toClient), logger),
      {
        get shutdownReceived() {
          return shutdownReceived;
        },
        set shutdownReceived(v: boolean) {
          shutdownReceived = v;
        },
        initialize: () => undefined,
        // (The server's connection stays open: what it still sends after exit goes unread, as
        // a process's would go nowhere, instead of throwing into this process.)
        exit: (code: number) => {
          this.exit = { code, signal: null };
          resolveExit(this.exit);
          this.notify();
        },
      },
      ProposedFeatures.all,
    );
    startServer(server, options.server);
    this.wire(createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)), options);
  }

  async dispose(): Promise<void> {
    this.waiters.clear();
    // (shutdown and exit, so that the server stops its own watch of the folders.)
    if (!this.exit) {
      const done = Promise.race([this.shutdown(2_000).catch(() => undefined), new Promise((r) => setTimeout(r, 2_000))]);
      await done;
    }
    try {
      this.conn.dispose();
    } catch {
      /* already disposed */
    }
  }
}

/** A server for a test: in-process unless `options.process` asks for the built one. */
export function startLsp(options: LspOptions = {}): LspSession {
  return options.process ? new LspProcess(options) : new LspInProcess(options);
}

/**
 * The servers and temporary folders of a test file, cleaned up after each test: `track` a server
 * to have it disposed, take a folder from `tempDir` to have it removed.
 */
export function sandbox(): { track<T extends LspSession>(s: T): T; tempDir(prefix: string): string } {
  let servers: LspSession[] = [];
  let dirs: string[] = [];
  afterEach(async () => {
    const all = servers;
    servers = [];
    await Promise.all(all.map((s) => s.dispose()));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    dirs = [];
  });
  return {
    track(s) {
      servers.push(s);
      return s;
    },
    tempDir(prefix) {
      const d = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
  };
}
