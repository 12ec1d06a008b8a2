/**
 * The word list beside the bundle (dist/lexicon.txt, written by esbuild.js), given to the core
 * (core/lexicon.ts provideLexicon) by the CLI and the server at start, read when a check first
 * asks for words: a process that checks nothing does not read it. Where the file is not there (the
 * sources run by the tests, which give the core the list themselves) nothing is provided.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { provideLexicon } from '../core/lexicon';

export const LEXICON_FILE = 'lexicon.txt';

/** The word list's text: UTF-16LE after its byte order mark, as esbuild.js writes it (server/lexicon/build.mjs), or UTF-8. */
export function lexiconFileText(bytes: Buffer): string {
  return bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.toString('utf16le', 2) : bytes.toString('utf8');
}

/** Provides `dir`/lexicon.txt to the core if it is there; `onError` is told if it cannot be read. */
export function provideLexiconBeside(dir: string, onError: (message: string) => void = () => undefined): void {
  const file = path.join(dir, LEXICON_FILE);
  if (!existsSync(file)) return;
  provideLexicon(
    () => {
      try {
        return lexiconFileText(readFileSync(file));
      } catch (e) {
        onError(`word list not read (${file}): ${(e as NodeJS.ErrnoException).code ?? String(e)}; words are told by the runtime's segmenter`);
        return undefined;
      }
    },
    (m) => onError(`${m} (${file})`),
  );
}
