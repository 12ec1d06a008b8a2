/**
 * LSP `positionEncoding`: which units a position's `character` counts, agreed at initialize. The
 * core gives positions in the agreed units (LineIndex); this module chooses them and converts the
 * one thing that arrives in them and is applied by a library that counts UTF-16: an editor's
 * incremental change.
 */
import { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, PositionEncoding } from '../core';

const SERVED: readonly PositionEncoding[] = ['utf-16', 'utf-8', 'utf-32'];

/**
 * The client's first choice among those served (a client lists them in order of preference);
 * UTF-16, which every client supports, when it offers none.
 */
export function choosePositionEncoding(offered: readonly string[] | undefined): PositionEncoding {
  return (offered ?? []).find((e): e is PositionEncoding => (SERVED as readonly string[]).includes(e)) ?? 'utf-16';
}

/** A position in `encoding` units as UTF-16 (what TextDocument counts), read in its line of `doc`. */
function toUtf16(doc: TextDocument, pos: { line: number; character: number }, encoding: PositionEncoding): { line: number; character: number } {
  if (pos.line < 0 || pos.line >= doc.lineCount) return pos;
  const line = doc.getText({ start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } });
  return { line: pos.line, character: new LineIndex(line, encoding).offset({ line: 0, character: pos.character }) };
}

/**
 * `TextDocument.update` for changes whose ranges count `encoding` units: each change is
 * converted against the text the changes before it left, as the protocol orders them. (`agreed`
 * is asked each time: the encoding is agreed after the document store is made.)
 */
export function updateDocument(agreed: () => PositionEncoding) {
  return (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
    const encoding = agreed();
    if (encoding === 'utf-16') return TextDocument.update(doc, changes, version);
    let cur = doc;
    for (const change of changes) {
      if (!('range' in change)) {
        cur = TextDocument.update(cur, [change], version);
        continue;
      }
      const range = { start: toUtf16(cur, change.range.start, encoding), end: toUtf16(cur, change.range.end, encoding) };
      cur = TextDocument.update(cur, [{ range, text: change.text }], version);
    }
    return cur;
  };
}
