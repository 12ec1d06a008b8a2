/** A document's kind and its paragraphs: what the model is made of, and headings are read from (no imports: model.ts and headings.ts both depend on it). */
export type DocKind = 'plaintext' | 'markdown';

export interface Paragraph {
  index: number;
  /** Offsets of the paragraph's text, leading and trailing spaces excluded. */
  start: number;
  end: number;
  text: string;
  firstLine: number;
  lastLine: number;
  /**
   * The paragraph stops mid-sentence and the next one carries on: a page break of the PDF the
   * text was extracted from (or a blank line typed by mistake).
   */
  continues: boolean;
  /** Markdown structure that is not prose for our purposes (code, HTML comments). */
  verbatim: boolean;
  /** Markdown list item or bullet line (►, •, -). */
  listItem: boolean;
  /** A line of a table of contents: a title followed by a page number. */
  tocEntry: boolean;
}
