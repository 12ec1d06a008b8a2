/**
 * Check `end-missing`: code `punct.end-missing`, a paragraph of running text that stops without
 * its sentence-final mark (GB/T 15834-2011 4.1–4.3: a sentence ends with 。？！), with a fix that
 * adds 。 at its end (after a title's 》; none after a quotation or a bracket, which may hold a
 * whole sentence: then the 。 goes inside). One that stops on a comma or 、, or inside a quotation, breaks off: text is missing
 * (no fix; the message says so).
 *
 * Running text is what a paragraph of prose is: long enough to hold a clause mark (，；、) and
 * some 20 characters of Chinese. Left alone: headings, titles, bylines and datelines (the
 * outline's), list items, tables and their rows, explainers' lines, verbatim blocks, a paragraph
 * broken by a page (para.page-break's), one that ends on ：(it introduces what follows) or ；(an
 * item of a series), captions on screen (【字幕】), an explainer's lines under its labels, a
 * headline's short deck. And a document that does not close its paragraphs as a rule: a WeChat
 * post, an explainer, a list annex: the check runs only where the running-text paragraphs that
 * end with their mark (and the lines that announce what follows with ：) are at least half as
 * many as those left bare, one at least.
 */
import { lineWords } from '../origins';
import { inSteps, type Check, type CheckContext } from './check';
import { CODES, Finding } from '../findings';
import { FIELD_LINE, FIGURE_LABEL, ROLE, isTableRow, softCells } from '../headings';
import { translator } from '../locale';
import type { DocumentModel } from '../model';
import { STEP_ITEMS, Steps } from '../steps';
import { countHanIn } from '../text';

/**
 * A sentence's end, or a clause mark that lets the next paragraph go on (：；), perhaps inside
 * closing quotes and brackets, perhaps with a note in brackets after it ("……就座。（下转第二版）",
 * and the same with its bracket left open, bracket.unclosed's).
 */
const CLOSED = /(?:[。！？!?…；;：:.]|——)[”’」』）)\]】》〉\s\u3000]*(?:[（(][^（）()]{0,80}[）)]?[\s\u3000]*)?$/;
const CLOSERS = new Set([...'”’」』）)]】》〉 \t\u3000']);

/** Where the paragraph's last word ends: before the closing quotes, brackets and spaces after it (a loop: a regex would try every start). */
function wordsEnd(text: string): number {
  let k = text.length;
  while (k > 0 && CLOSERS.has(text[k - 1])) k--;
  return k;
}

/** Whether a paragraph closes: its last mark before the closers, or a note in brackets after a closing mark. */
function closes(text: string): boolean {
  // (Bounded: the closers at its end, and 120 characters before them, are all asked about.)
  return CLOSED.test(text.slice(Math.max(0, wordsEnd(text) - 120)));
}

/** A form's field: a short name and its colon at the line's start, not who said what (会议指出：). */
const FORM_FIELD = /^[\s\u3000]*\p{Script=Han}{2,6}(?<!指出|要求|强调|认为|决定|明确|表示|提出|同意|指示|批示|说|称|讲)[：:]/u;
/** A script's tag for what is shown, not read: 【字幕】, 【画面】, 【标题】. */
const SCREEN_TAG = /^[\s\u3000]*[【\[](?:字幕|画面|屏幕|标题|题目|图表|图片|图示|表格)[】\]]/;
const LEADING_SYMBOL = /^[\s\u3000]*[^\s\u3000\p{Script=Han}\p{L}\p{N}“‘「『（(《〈【\[]/u;
const TRAILING_SYMBOL = /[\p{Extended_Pictographic}\p{So}\p{Sm}][\s\u3000]*$/u;
const ENDS_ON_PERSON = new RegExp(`${ROLE}[\\s\\u3000·]*(?:[\\p{Script=Han}]{2,3}|[×＊*Xx某]{1,3}|\\p{Script=Han}[×＊*Xx某]{1,2})?[\\s\\u3000]*$`, 'u');

export const endMissing: Check = inSteps({
  id: 'end-missing',
  codes: [CODES.punctEndMissing],
  heavy: false,
  crossDocument: false,
  // (In steps, a pause every STEP_ITEMS paragraphs: a large document's analysis on the server's
  // main thread lets other documents be answered meanwhile.)
  *steps(model: DocumentModel, ctx: CheckContext): Steps<Finding[]> {
    const t = translator(ctx.locale);
    const headed = new Set(model.headings.flatMap((h) => h.paragraphs));
    // (A run-in heading's paragraph is running text after its heading: "（一）扩大内需。全年……".)
    const headingEnd = new Map<number, number>();
    for (const h of model.headings) if (h.form !== 'title') for (const i of h.paragraphs) headingEnd.set(i, h.span.end);
    const running: { index: number; closed: boolean }[] = [];
    let anyClosed = false;
    const field = (text: string) => FORM_FIELD.test(text) && !/[。！？!?]/.test(text);
    const formLike = model.paragraphs.filter((p) => field(p.text)).length >= 2;
    const labelled = new Set(model.headings.filter((h) => h.form === 'label').flatMap((h) => h.paragraphs));
    const { paragraphs } = model;
    let read = 0;
    for (let i = 0; i < paragraphs.length; i++) {
      if (++read % STEP_ITEMS === 0) yield;
      const p = paragraphs[i];
      if (p.verbatim || p.tocEntry || p.listItem || p.continues || p.text.includes('\t')) continue;
      let body = p.text;
      if (headed.has(i)) {
        const end = headingEnd.get(i);
        if (end === undefined) continue;
        body = model.text.slice(end, p.end).replace(/^[。！？；：\s\u3000]+/, '');
      }
      if (countHanIn(body) < 20 || !/[，,；;、]/.test(body)) continue;
      if (softCells(p.text) || isTableRow(p.text) || FIELD_LINE.test(p.text) || FIGURE_LABEL.test(p.text)) continue;
      // (Nor a line a symbol opens, an item of a post, "✅ 新增城镇就业……", or one that ends on a
      // symbol, "……关键数据👇"; nor one that ends on who someone is, a list of those present,
      // "……市统计局副局长 李明"; nor the document's first line, its headline.)
      if (i === 0 || LEADING_SYMBOL.test(p.text) || TRAILING_SYMBOL.test(p.text) || ENDS_ON_PERSON.test(p.text)) continue;
      // (Nor a caption on screen, 【字幕】, nor a line of an explainer's section, under its label.)
      if (SCREEN_TAG.test(p.text) || labelled.has(i - 1)) continue;
      // (Nor a headline's deck: a short line above the first paragraph that closes.)
      if (i <= 3 && p.text.length <= 40 && !anyClosed) continue;
      // (Nor a form's field and its value, where the document is a form: "会议内容：总结……，部署……".)
      if (formLike && field(p.text)) continue;
      const closedHere = closes(p.text);
      anyClosed ||= closedHere;
      running.push({ index: i, closed: closedHere });
    }
    // The document's habit: its running text closes its paragraphs, and so do the lines that
    // announce what follows ("现将有关情况报告如下："); at least half as many such as are left bare.
    const announced = paragraphs.filter((p, i) => !headed.has(i) && !p.verbatim && !p.listItem && /[：:]$/.test(p.text) && countHanIn(p.text) >= 6 && !FIELD_LINE.test(p.text)).length;
    const closed = running.filter((r) => r.closed).length + announced;
    const open = running.filter((r) => !r.closed).length;
    if (closed < 1 || 2 * closed < open) return [];
    const out: Finding[] = [];
    for (const r of running) {
      if (r.closed) continue;
      const p = paragraphs[r.index];
      const words = wordsEnd(p.text);
      const at = p.start + p.text.length;
      // Stopped on a comma or 、, or inside a quotation: the text breaks off (a cut, a page carried
      // over elsewhere) rather than lacking its 。, and what is missing is the writer's to say.
      const before = p.text.slice(0, words);
      const quotes = (p.text.match(/“/g)?.length ?? 0) - (p.text.match(/”/g)?.length ?? 0);
      const cut = /[，,、]$/.test(before) || quotes > 0;
      // (The last character, a surrogate pair whole.)
      const lastStart = at - (/[\uDC00-\uDFFF]/.test(model.text[at - 1] ?? '') && at >= 2 ? 2 : 1);
      // (A half-width quote of the text would close the English message's own quotes.)
      // (Its closing quotes and brackets shown too: the writer sees where the text stops.)
      const shown = [...p.text].slice(-8).join('').replace(/"/g, '”');
      // (After a quotation or a bracket, whether the 。 goes inside or after depends on whether
      // it holds a whole sentence: no fix, and the message says so. After a title's 》 it goes after.)
      const closer = /[”’」』）)\]】]\s*$/.test(p.text);
      const line = lineWords(model.origins, model.lines.lineAt(lastStart) + 1);
      out.push({
        code: CODES.punctEndMissing,
        severity: 'warning',
        message: cut
          ? t(`${line.zh}的段落在句子中间结束（“…${shown}”），后面没有接续的段落：疑有文字缺失，请补全，或改为句末标点。`, `The paragraph on ${line.en} stops mid-sentence ("…${shown}") and nothing carries it on: text seems to be missing. Complete it, or end the sentence with "。".`)
          : closer
            ? t(`${line.zh}的段落没有句末标点（“…${shown}”）：请补上句号（或问号、叹号）；引号或括号里是完整的句子时，标在里面，否则标在后面。`, `The paragraph on ${line.en} has no sentence-final mark ("…${shown}"): add "。" (or "？" or "！"), inside the quotation or bracket if it holds a whole sentence, else after it.`)
            : t(`${line.zh}的段落没有句末标点（“…${shown}”）：请在句末加句号（或问号、叹号）。`, `The paragraph on ${line.en} has no sentence-final mark ("…${shown}"): add "。" (or "？" or "！") at its end.`),
        span: { start: lastStart, end: at },
        related: [],
        fixes: cut || closer ? [] : [{ title: t('加句号', 'Add "。"'), edits: [{ span: { start: at, end: at }, newText: '。' }] }],
      });
    }
    return out;
  },
});
