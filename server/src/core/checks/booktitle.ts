/**
 * Check `booktitle` (GB/T 15834-2011 4.15, 书名号): code `punct.booktitle`.
 * - A title inside a title takes the single title marks: 《关于贯彻落实《条例》的意见》 →
 *   《关于贯彻落实〈条例〉的意见》, with a fix that rewrites the inner pair; a third level goes
 *   back to 《》 (《转发〈关于转发《……的决定》的通知〉的通知》 is right).
 * - Title marks around what is not a work: a meeting (……工作会议, ……代表大会, 座谈会, 发布会,
 *   博览会), an honour (奖章, 勋章, 荣誉称号) or a campaign (专项行动, 主题活动). The marks are for
 *   books, documents, papers, laws, programmes and the like; such a name takes none,
 *   or quotation marks. No fix: which of the two is the writer's call. Silent where the name ends
 *   in a work (……会议纪要, ……大会报告, ……活动方案), and for a show's name that only ends like
 *   a meeting (《中国诗词大会》 is a programme: 大会 alone is not read as a meeting).
 */
import type { Check, CheckContext } from './check';
import { CODES, Finding } from '../findings';
import { translator } from '../locale';
import type { DocumentModel } from '../model';
import { proseParagraphs } from './prose';

/** What a name in 《》 ends with when it is a meeting, an honour or a campaign, not a work. */
const NOT_A_WORK =
  /(?:代表大会|(?:工作|常务|全体|专题|现场|推进|调度|动员|部署|务虚|表彰|总结|电视电话)(?:会议|大会)|座谈会|发布会|新闻发布会|博览会|交易会|展览会|洽谈会|运动会|奖章|勋章|荣誉称号|专项行动|专项整治|主题活动|实践活动|主题教育)$/;

export const booktitle: Check = {
  id: 'booktitle',
  codes: [CODES.punctBooktitle],
  heavy: false,
  crossDocument: false,
  run(model: DocumentModel, ctx: CheckContext): Finding[] {
    const t = translator(ctx.locale);
    const out: Finding[] = [];
    for (const { p, raw } of proseParagraphs(model)) {
      if (!raw.includes('《')) continue;
      // One pass with a stack of the open title marks, single ones too: 《 directly inside 《 is
      // the slip; a third level, 《 inside 〈 inside 《, is the standard's own form.
      const open: number[] = [];
      for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c === '《' || c === '〈') {
          open.push(i);
        } else if (c === '〉' && open.length && raw[open[open.length - 1]] === '〈') {
          open.pop();
        } else if (c === '》' && open.length && raw[open[open.length - 1]] === '《') {
          const start = open.pop()!;
          if (open.length && raw[open[open.length - 1]] === '《') {
            // An inner title: its marks become 〈〉.
            const inner = raw.slice(start, i + 1);
            const outerStart = open[open.length - 1];
            const close = raw.indexOf('》', i + 1);
            const outer = close > 0 && close - outerStart <= 80 ? raw.slice(outerStart, close + 1) : inner;
            const fixed = `〈${inner.slice(1, -1)}〉`;
            out.push({
              code: CODES.punctBooktitle,
              severity: 'warning',
              message: t(
                `书名号内的书名“${inner}”应改用单书名号“${fixed}”（${outer}；GB/T 15834-2011 4.15）。`,
                `The title "${inner}" inside another title takes the single title marks: "${fixed}" ("${outer}"; GB/T 15834-2011 4.15).`,
              ),
              span: { start: p.start + start, end: p.start + i + 1 },
              related: [],
              fixes: [{
                title: t(`改为“${fixed}”`, `Change to "${fixed}"`),
                edits: [
                  { span: { start: p.start + start, end: p.start + start + 1 }, newText: '〈' },
                  { span: { start: p.start + i, end: p.start + i + 1 }, newText: '〉' },
                ],
              }],
            });
            continue;
          }
          const name = raw.slice(start + 1, i);
          if (open.length || name.length < 3 || name.length > 60 || /[《〈]/.test(name) || !NOT_A_WORK.test(name)) continue;
          const what = /奖章|勋章|称号$/.test(name) ? ['荣誉', 'an honour'] : /行动|整治|活动|教育$/.test(name) ? ['活动', 'a campaign'] : ['会议', 'a meeting'];
          out.push({
            code: CODES.punctBooktitle,
            severity: 'warning',
            message: t(
              `“${name}”是${what[0]}的名称，不是书籍、文件、报刊等作品，不用书名号（GB/T 15834-2011 4.15）：请去掉书名号，或按需要改用引号。`,
              `"${name}" is the name of ${what[1]}, not of a book, document, paper or other work, so it takes no title marks 《》 (GB/T 15834-2011 4.15): remove them, or use quotation marks where needed.`,
            ),
            span: { start: p.start + start, end: p.start + i + 1 },
            related: [],
            fixes: [],
          });
        }
      }
    }
    return out.sort((a, b) => a.span.start - b.span.start);
  },
};
