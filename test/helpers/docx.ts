/**
 * .docx files for the tests, made with the `docx` package (a dev dependency): a report's lines as
 * paragraphs (a tab in a line as a tab run), and the structures the reader must know, written as
 * Word writes them: numbered lists, heading styles, tables, footnotes, tracked changes, comments.
 */
import * as d from 'docx';

/** A line of text as a paragraph of runs, its tabs as tab runs. */
export function lineParagraph(line: string, options: Omit<d.IParagraphOptions, 'children' | 'text'> = {}): d.Paragraph {
  const runs = line.split('\t').map((part, i) => (i === 0 ? new d.TextRun(part) : new d.TextRun({ children: [new d.Tab(), part] })));
  return new d.Paragraph({ ...options, children: runs });
}

/** A report's text as a .docx of one paragraph per line (an empty line an empty paragraph). */
export function textDocx(text: string): Promise<Buffer> {
  const lines = text.replace(/\n$/, '').split('\n');
  return docxOf(lines.map((l) => lineParagraph(l)));
}

/** A .docx of these body children (paragraphs and tables), with the document's numbering, footnotes and comments. */
export function docxOf(children: d.FileChild[], options: Partial<Pick<d.IPropertiesOptions, 'numbering' | 'footnotes' | 'comments'>> = {}): Promise<Buffer> {
  return d.Packer.toBuffer(new d.Document({ ...options, sections: [{ children }] }));
}

export { d };
