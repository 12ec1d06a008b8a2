/**
 * A watch on the headers of the stdio message stream. vscode-jsonrpc's reader times a message
 * whose body is incomplete, but not a header that never ends: a client that frames with bare
 * line feeds, or sends garbage without a blank line, left the server alive, silent and buffering
 * for ever. This follows the framing alongside the reader (headers to their blank line, then the
 * body's Content-Length bytes) and says when a header is too long or stays unfinished.
 */
import type { Readable } from 'stream';

/** LSP headers are a line or two; a client's header is never near this. */
export const MAX_HEADER_BYTES = 8 * 1024;

export function watchHeaders(stream: Readable, limitMs: number, fail: (why: string) => void): void {
  let header: number[] = [];
  let body = 0;
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  stream.on('data', (chunk: Buffer) => {
    if (done) return;
    for (let i = 0; i < chunk.length; i++) {
      if (body > 0) {
        const skip = Math.min(body, chunk.length - i);
        body -= skip;
        i += skip - 1;
        continue;
      }
      header.push(chunk[i]);
      const n = header.length;
      if (n >= 4 && header[n - 4] === 13 && header[n - 3] === 10 && header[n - 2] === 13 && header[n - 1] === 10) {
        const length = /(?:^|\r\n)Content-Length:\s*(\d+)\s*(?:\r\n|$)/i.exec(Buffer.from(header).toString('ascii'));
        header = [];
        stop();
        // (No length the reader can use: it reports that error itself; nothing left to follow.)
        if (!length) {
          done = true;
          return;
        }
        body = Number(length[1]);
      } else if (n > MAX_HEADER_BYTES) {
        done = true;
        stop();
        fail(`a message header of more than ${MAX_HEADER_BYTES} bytes with no blank line after it`);
        return;
      }
    }
    if (header.length > 0 && !timer) timer = setTimeout(() => fail(`a message header unfinished after ${limitMs} ms`), limitMs);
    else if (header.length === 0) stop();
  });
  stream.on('close', stop);
}
