/** Process entry of the language server: stdio or node IPC, as the client's arguments say. */
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

/** A message that has not arrived whole after this long means the stream's framing is lost. */
export const PARTIAL_MESSAGE_LIMIT_MS = 60_000;

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
  reader.onPartialMessage((info) => {
    if (info.waitingTime >= PARTIAL_MESSAGE_LIMIT_MS) fail(`a message incomplete after ${info.waitingTime} ms`);
  });
  return createConnection(ProposedFeatures.all, reader, writer);
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
process.on('uncaughtException', (err) => {
  connection.console.error(`[wengao] uncaught: ${err.stack ?? String(err)}`);
});
startServer(connection);
