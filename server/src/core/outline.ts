/**
 * The outline: headings as a tree that follows their levels, each section covering the text up
 * to the next heading of the same or a higher level. Feeds documentSymbol and foldingRange.
 */
import type { Heading } from './headings';
import type { DocumentModel } from './model';
import type { Span } from './text';

export interface OutlineNode {
  name: string;
  detail?: string;
  heading: Heading;
  /** The whole section: heading and body. */
  span: Span;
  /** The heading's name, inside `span`. */
  selectionSpan: Span;
  children: OutlineNode[];
}

const TOC_TITLE = /^目[\s\u3000]*录$/;

export function buildOutline(model: DocumentModel): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const text = model.text;
  const close = (node: OutlineNode, end: number) => {
    let e = end;
    while (e > node.span.start && /[\s\u3000]/.test(text[e - 1])) e--;
    node.span = { start: node.span.start, end: Math.max(e, node.selectionSpan.end) };
  };
  for (const h of model.headings) {
    // A table of contents (目录) holds only its entries: the first real heading ends it.
    while (stack.length > 0 && (stack[stack.length - 1].heading.rank >= h.rank || TOC_TITLE.test(stack[stack.length - 1].name))) {
      close(stack.pop()!, h.span.start);
    }
    const node: OutlineNode = {
      name: h.name || h.marker || '…',
      detail: h.detail,
      heading: h,
      span: { start: h.span.start, end: text.length },
      selectionSpan: h.nameSpan.end > h.nameSpan.start ? h.nameSpan : h.span,
      children: [],
    };
    if (stack.length > 0) stack[stack.length - 1].children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  while (stack.length > 0) close(stack.pop()!, text.length);
  return roots;
}

export interface Fold {
  startLine: number;
  endLine: number;
}

/** One folding range per section that spans more than its heading line. */
export function buildFolds(model: DocumentModel, outline = buildOutline(model)): Fold[] {
  const folds: Fold[] = [];
  const visit = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      const startLine = model.lines.lineAt(n.span.start);
      const endLine = model.lines.lineAt(n.span.end);
      if (endLine > startLine) folds.push({ startLine, endLine });
      visit(n.children);
    }
  };
  visit(outline);
  return folds;
}
