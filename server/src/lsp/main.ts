/**
 * Process entry of the language server: stdio or node IPC, as the client's arguments say. The
 * same file is the entry of the server's analysis worker thread (offThread.ts).
 */
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection } from 'vscode-languageserver/node';
import { watchHeaders } from './framing';
import { isAnalysisWorker, serveAnalyses } from './offThread';
import { startServer } from './server';
import { provideLexiconBeside } from '../io/lexiconFile';

/**
 * A message that has not arrived whole after this long means the stream's framing is lost.
 * (WENGAO_PARTIAL_MESSAGE_MS shortens it for the test of this rule.)
 */
export const PARTIAL_MESSAGE_LIMIT_MS = Number(process.env.WENGAO_PARTIAL_MESSAGE_MS) > 0 ? Number(process.env.WENGAO_PARTIAL_MESSAGE_MS) : 60_000;

/**
 * Over stdio the framing is ours to watch: a broken header or body (a wrong Content-Length)
 * leaves the stream unreadable, so the server ends and the client restarts it, instead of
 * living on deaf. (Node IPC carries whole messages: no framing to lose.)
 */
function stdioConnection() {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  const fail = (why: string) => {
    process.stderr.write(`[wengao] ${why}: the message stream cannot be read any more; exiting so that the client restarts the server\n`);
    process.exit(1);
  };
  reader.onError((err) => fail(`unreadable message (${err.message.split('\n')[0]})`));
  // (The reader tells of a message still incomplete once per timeout: the timeout is the limit.)
  reader.partialMessageTimeout = PARTIAL_MESSAGE_LIMIT_MS;
  reader.onPartialMessage((info) => fail(`a message incomplete after ${info.waitingTime} ms`));
  // (The reader times a body, not a header that never ends: lines ended by bare line feeds.)
  watchHeaders(process.stdin, PARTIAL_MESSAGE_LIMIT_MS, fail);
  // (As the library's own stdio transport does: the client gone, the server goes.)
  reader.onClose(() => process.exit(1));
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  // (Nor may a stray console.log write into the protocol's stdout.)
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  return connection;
}

// The word list beside the bundle (dist/lexicon.txt), for the main thread and the worker alike.
provideLexiconBeside(__dirname, (m) => process.stderr.write(`[wengao] ${m}\n`));

if (isAnalysisWorker()) serveAnalyses();
else {
  const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (err) => {
    connection.console.error(`[wengao] uncaught: ${err.stack ?? String(err)}`);
  });
  // (WENGAO_ANALYSIS_WORKER=0: everything on the main thread, the benchmark's baseline.)
  startServer(connection, { workerScript: process.env.WENGAO_ANALYSIS_WORKER === '0' ? undefined : __filename });
}
