/** Process entry of the language server: stdio or node IPC, as the client's arguments say. */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (err) => {
  connection.console.error(`[wengao] uncaught: ${err.stack ?? String(err)}`);
});
startServer(connection);
