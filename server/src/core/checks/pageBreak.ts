/**
 * Check `page-break`: code `para.page-break`, what a PDF's page left in text copied out of it.
 * - A paragraph split mid-sentence: it stops without a sentence-final mark, blank lines (and
 *   perhaps furniture) follow, and the next paragraph carries on (`Paragraph.continues`, decided
 *   by the model). Reported on the end of the first half, with a fix that joins the halves and
 *   drops what stands between. A break inside a quotation is `quote.paragraph-break`'s, which
 *   says so and has the same fix.
 * - Page furniture (`DocumentModel.furniture`: page numbers, running headers, 上接/下转 notes),
 *   with a fix that deletes its line.
 */
import { lineWords } from '../origins';
import { inSteps, type Check, type CheckContext } from './check';
import { CODES, Finding } from '../findings';
import { translator } from '../locale';
import type { DocumentModel } from '../model';
import { STEP_ITEMS, Steps } from '../steps';
import { proseParagraphs } from './prose';
import { INLINE_CONTINUED } from '../furniture';

/** Where the character that ends at `end` starts (a surrogate pair is one character). */
function lastChar(text: string, end: number): number {
  const c = text.charCodeAt(end - 1);
  return c >= 0xdc00 && c <= 0xdfff && end >= 2 ? end - 2 : end - 1;
}


/**
 * The length of a list item's bullet that a PDF's extraction repeated on the continuation of the
 * item ("- 培训……促进儿童" / "- 健康成长"): the join drops it with the break. Only when the first
 * half opens with the same bullet: the model read the second as no new item.
 */
function repeatedBullet(first: string, second: string): number {
  const a = /^([-*•·])[ \t\u3000]+/.exec(first);
  const b = /^([-*•·])[ \t\u3000]+/.exec(second);
  return a && b && a[1] === b[1] ? b[0].length : 0;
}

export const pageBreak: Check = inSteps({
  id: 'page-break',
  codes: [CODES.paraPageBreak],
  heavy: false,
  crossDocument: false,
  // (In steps, a pause every STEP_ITEMS paragraphs: a large document's analysis on the server's
  // main thread lets other documents be answered meanwhile.)
  *steps(model: DocumentModel, ctx: CheckContext): Steps<Finding[]> {
    const { text, paragraphs, furniture } = model;
    const t = translator(ctx.locale);
    const line = (offset: number) => lineWords(model.origins, model.lines.lineAt(offset) + 1);
    const out: Finding[] = [];
    // Quotation marks open across the paragraphs of one sentence (pairing reports those breaks).
    let open = 0;
    /** Furniture inside a reported break, which that break's fix deletes. */
    const joined = new Set<number>();
    // (The furniture after the paragraph before, in order as the paragraphs: one pass over it,
    // not a search of all of it per paragraph.)
    let next = 0;
    for (let i = 0; i + 1 < paragraphs.length; i++) {
      if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
      const p = paragraphs[i];
      const q = paragraphs[i + 1];
      for (const c of p.text) {
        if (c === '“') open++;
        else if (c === '”' && open > 0) open--;
      }
      if (!p.continues) {
        open = 0;
        continue;
      }
      if (open > 0) continue;
      while (next < furniture.length && furniture[next].start < p.end) next++;
      const inside: typeof furniture = [];
      for (let k = next; k < furniture.length && furniture[k].end <= q.start; k++) inside.push(furniture[k]);
      for (const f of inside) joined.add(f.start);
      const between = inside.length;
      // (By characters: a slice by code units could cut a surrogate pair.)
      const tail = [...p.text].slice(-8).join('');
      // (Where the rest opens: past a bullet the extraction repeated, which the join drops.)
      const skip = repeatedBullet(p.text, q.text);
      const rest = q.start + skip;
      const head = [...q.text.slice(skip)].slice(0, 8).join('');
      out.push({
        code: CODES.paraPageBreak,
        severity: 'warning',
        message: t(
          `${line(lastChar(text, p.end)).zh}的段落在句子中间断开（“…${tail}”），下接${line(rest).zh}（“${head}…”），多为 PDF 分页所致` +
            (between ? `，中间夹着页码或页眉` : '') + `。请合并为一段。`,
          `The paragraph on ${line(lastChar(text, p.end)).en} stops mid-sentence ("…${tail}") and carries on at ${line(rest).en} ("${head}…"), usually a PDF page break` +
            (between ? ', with a page number or header between' : '') + '. Join them into one paragraph.',
        ),
        span: { start: lastChar(text, p.end), end: p.end },
        related: [{ span: { start: rest, end: rest + String.fromCodePoint(text.codePointAt(rest)!).length }, message: t(`段落的后半（${line(rest).zh}）`, `The rest of the paragraph (${line(rest).en})`) }],
        fixes: [{ title: t('合并被分页断开的段落', 'Join the paragraph split by a page break'), edits: [{ span: { start: p.end, end: rest }, newText: '' }] }],
      });
    }
    for (let k = 0; k < furniture.length; k++) {
      if (k % STEP_ITEMS === STEP_ITEMS - 1) yield;
      const f = furniture[k];
      const shown = text.slice(f.start, f.end);
      // The fix deletes the line with its line break.
      let end = f.end;
      while (end < text.length && (text[end] === ' ' || text[end] === '\t' || text[end] === '\u3000')) end++;
      if (text[end] === '\r') end++;
      if (text[end] === '\n') end++;
      let start = f.start;
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t' || text[start - 1] === '\u3000')) start--;
      out.push({
        code: CODES.paraPageBreak,
        severity: 'warning',
        message: t(
          `“${shown}”是 PDF 分页留下的页码、页眉或转版说明，不是正文。请删去。`,
          `"${shown}" is a page number, running header or continuation note left by a PDF's page, not text. Delete it.`,
        ),
        span: { start: f.start, end: f.end },
        related: [],
        // (Between the halves of a broken paragraph, the join deletes it.)
        fixes: joined.has(f.start) ? [] : [{ title: t('删去这一行', 'Delete this line'), edits: [{ span: { start, end }, newText: '' }] }],
      });
    }
    // A continuation note inside a paragraph, in brackets: "（上接第一版）推动……", "……就座。（下转A2版）".
    let read = 0;
    for (const { p, raw } of proseParagraphs(model)) {
      if (++read % STEP_ITEMS === 0) yield;
      if (!raw.includes('接') && !raw.includes('转') && !raw.includes('续')) continue;
      INLINE_CONTINUED.lastIndex = 0;
      for (let m = INLINE_CONTINUED.exec(raw); m; m = INLINE_CONTINUED.exec(raw)) {
        const start = p.start + m.index;
        const end = start + m[0].length;
        // (At the paragraph's head the fix takes the spaces after it too.)
        let cut = end;
        if (m.index === 0) while (cut < p.end && (text[cut] === ' ' || text[cut] === '\u3000')) cut++;
        out.push({
          code: CODES.paraPageBreak,
          severity: 'warning',
          message: t(`“${m[0]}”是报纸或排版留下的转版说明，不是正文。请删去。`, `"${m[0]}" is a continuation note left by a newspaper's layout, not text. Delete it.`),
          span: { start, end },
          related: [],
          fixes: [{ title: t('删去转版说明', 'Delete the continuation note'), edits: [{ span: { start, end: cut }, newText: '' }] }],
        });
      }
    }
    return out.sort((a, b) => a.span.start - b.span.start);
  },
});

