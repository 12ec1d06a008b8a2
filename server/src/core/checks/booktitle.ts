/**
 * Check `booktitle` (GB/T 15834-2011 4.15, 书名号): code `punct.booktitle`.
 * - A title inside a title takes the single title marks: 《关于贯彻落实《条例》的意见》 →
 *   《关于贯彻落实〈条例〉的意见》, with a fix that rewrites the inner pair; a third level goes
 *   back to 《》 (《转发〈关于转发《……的决定》的通知〉的通知》 is right).
 * - Title marks around what is not a work: a meeting (……工作会议, ……代表大会, 座谈会, 发布会,
 *   博览会), an honour (奖章, 勋章, 荣誉称号) or a campaign (专项行动, 主题活动). The marks are for
 *   books, documents, papers, laws, programmes and the like; such a name takes none,
 *   or quotation marks. So do a body (……局, ……中心, ……学院, ……报社), a certificate (……证), an
 *   exhibition (……展), a race (……马拉松), an award named by the 奖 after it (《最佳纪录片》奖),
 *   and a course, brand or project named by the words after a series of titles
 *   (《人工智能基础》《创意编程》两门选修课程). No fix: which of the two is the writer's call. Silent where the name ends
 *   in a work (……会议纪要, ……大会报告, ……活动方案), and for a show's name that only ends like
 *   a meeting (《中国诗词大会》 is a programme: 大会 alone is not read as a meeting).
 */
import type { Check, CheckContext } from './check';
import { CODES, Finding } from '../findings';
import { translator } from '../locale';
import type { DocumentModel } from '../model';
import { proseParagraphs } from './prose';
import { clip } from '../text';

/**
 * What a name's last words make it when it is a work: a law, a document, a report, a paper, a
 * book, a song, a programme (晚会, 节目). A name that ends so is always left alone.
 */
const WORK_HEAD =
  /(?:法|法典|条例|规定|办法|细则|规则|准则|意见|通知|通报|决定|决议|方案|规划|纲要|计划|要点|报告|讲话|致辞|发言|纪要|公报|白皮书|指南|指引|标准|规范|目录|清单|名录|名单|汇编|手册|报|刊|志|年鉴|杂志|学报|(?<!(?<!保)证)书|集|选|论|记|传|史|歌|曲|诗|词|赋|剧|片|图|说明|公告|通告|函|批复|令|章程|协议|合同|宣言|倡议|信|晚会|节目|导读|读本|教材|课本)$/;

/**
 * What a name's last words make it when it is not a work (GB/T 15834-2011 lists 会议、活动、奖项、
 * 称号、机构、课程、课题、证照、商标 among the names that take no title marks): a meeting, a
 * festival or season, an honour, a body, a course, a certificate, a campaign.
 * (Not 大会 alone: 《中国诗词大会》 is a programme.)
 */
const NON_WORK_HEAD =
  /(?:代表大会|(?:工作|常务|全体|专题|现场|推进|调度|动员|部署|务虚|表彰|总结|发展|保护|电视电话)(?:会议|大会)|会议|座谈会|研讨会|推进会|现场会|部署会|动员会|发布会|博览会|交易会|展览会|洽谈会|招聘会|运动会|交流会|培训班|研修班|论坛|峰会|年会|(?:文化|旅游|艺术|读书|消费)(?:节|季|月|周)|\p{Script=Han}{2,}(?:丰收|啤酒|美食|音乐|电影|灯会|庙会|购物|冰雪)节|\p{Script=Han}{2,}杯|\p{Script=Han}{2,}(?:引水|调水|水利|交通|民生|惠民|安居|水源)工程|(?:宣传|活动|教育|安全生产)(?:周|月|日)|开放日|读书日|奖章|勋章|称号|(?<!导)奖|模范\p{Script=Han}{0,4}|示范(?:县|市|区|村|镇|社区|基地|单位|点|园区)|重点村|名村|名镇|名城|(?:文明|卫生|园林|生态)(?:城市|县城|单位|村镇|岗)|试点城市|园区|委员会|领导小组|工作小组|专班|总队|联盟|协会|学会|文学社|研究院|研究所|实验室|(?:^(?:国家|省|市|县|区)|[省市县区])\p{Script=Han}{1,}(?:局|厅)|\p{Script=Han}{2,}(?:中心|学院|大学|中学|小学|学校|基金会|集团|公司|医院|报社|杂志社|出版社|电视台|电台)|许可证|证书|合格证|执照|\p{Script=Han}{2,}(?<![见论保印佐例验认求考])证|纳税人|企业|专项行动|专项整治|百日行动|(?<!计)划行动|在行动|行动|活动|大赛|竞赛|比赛|评选|(?:作品|书画|摄影|成果)展|(?<![发进拓施伸扩开参])展|展览|马拉松|两会|^(?:19|20)\d\d年?\p{Script=Han}{2,}大会|红旗手|标兵|能手|先进个人|先进集体)$/u;

/** The name of what follows the marks and says what the name is: 《万企兴万村》行动, 《老街坊》商标. */
const CATEGORY_AFTER = /^(?:系列活动|主题活动|专场活动|活动|荣誉称号|称号|评选|专项行动|行动|商标|品牌|牌|必修课|选修课|课程|项目|课题|模式|创建|开幕式|启动仪式|专题研修|专题培训|主题团日)/;

/**
 * A count or a few words of description before the category (《人工智能基础》《创意编程》两门
 * 校本选修课程, 《武陵山珍》区域公用品牌, 《……》民生实事项目, 《……》荣誉).
 */
const COUNTED_AFTER = /^(?:(?:等|[一二两三四五六七八九十0-9]+(?:门|项|个))[\p{Script=Han}]{0,4}?(?:课程|选修课|必修课|品牌|项目|荣誉)|[\p{Script=Han}]{0,2}?(?:公用品牌|实事项目|选修课程|必修课程|荣誉称号))/u;

/** The award a title names: 《最佳纪录片》奖 (not 奖励, 奖金, 奖补). */
const AWARD_AFTER = /^奖(?![励金补惩学助])/;

/** An edition's count or a category right before the marks: 第三十五届《……节》, 区域公用品牌《……》. */
const CATEGORY_BEFORE = /(?:第[一二三四五六七八九十百0-9]+届|首届|品牌|商标|称号)$/;

/** A verb that holds, joins, wins or sets up what it names, right before the marks. */
const VERB_BEFORE = /(?:召开|举办|举行|承办|开展|启动|成立|组建|开设|荣获|获评|评为|授予|命名为|认定为|入选|颁发|持有|注册)了?$/;

/** A kind of work named right before or after the marks. */
const MEDIUM_BEFORE = /(?:阅读|研读|品读|观看|收看|电影|影片|纪录片|专题片|电视剧|动画片|杂志|期刊|报纸|图书|书籍|歌曲|节目|栏目|小说|诗集)$/;
const MEDIUM_AFTER = /^(?:杂志|期刊|一书|一文|读书|导读|编制|修订|栏目|专栏|专版|频道|节目|剧组|作者)/;

/** The title marks that pair up in a paragraph: each opener's closer (《 with 》, 〈 with 〉, nested). */
function pairTitleMarks(raw: string): Map<number, number> {
  const out = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '《' || c === '〈') stack.push(i);
    else if (c === '》' || c === '〉') {
      // (A closer of the other kind, or with nothing open, pairs with nothing; the openers above a
      // matching one are left open.)
      const want = c === '》' ? '《' : '〈';
      // (A few levels down at most: a run of unpaired openers costs no more per closer.)
      let k = stack.length - 1;
      while (k >= 0 && k >= stack.length - 8 && raw[stack[k]] !== want) k--;
      if (k < 0 || raw[stack[k]] !== want) continue;
      out.set(stack[k], i);
      stack.length = k;
    }
  }
  return out;
}

/** An edition's count: 第五届, 首届, 2024年度. */
const EDITION = /^(?:第[一二三四五六七八九十百0-9０-９]+届|首届)/;

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
      // Which title marks pair up (a mark left open is no title's, and holds none).
      const closedAt = pairTitleMarks(raw);
      // One pass with a stack of the open title marks, single ones too: a title at an odd depth
      // (inside one other) takes 〈〉, at an even depth 《》 again (the standard's third level).
      const open: number[] = [];
      for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if ((c === '《' || c === '〈') && closedAt.has(i)) {
          open.push(i);
        } else if ((c === '〉' || c === '》') && open.length && closedAt.get(open[open.length - 1]) === i) {
          const start = open.pop()!;
          if (c === '〉') continue;
          if (open.length % 2 === 1) {
            // An inner title: its marks become 〈〉.
            const inner = raw.slice(start, i + 1);
            const outerStart = open[open.length - 1];
            const outerEnd = closedAt.get(outerStart)!;
            const outer = raw.slice(outerStart, outerEnd + 1);
            const fixed = `〈${inner.slice(1, -1)}〉`;
            out.push({
              code: CODES.punctBooktitle,
              severity: 'warning',
              message: t(
                `书名号内的书名“${clip(inner, 40)}”应改用单书名号“${clip(fixed, 40)}”（${clip(outer, 60)}；GB/T 15834-2011 4.15）。`,
                `The title "${clip(inner, 40)}" inside another title takes the single title marks: "${clip(fixed, 40)}" ("${clip(outer, 60)}"; GB/T 15834-2011 4.15).`,
              ),
              span: { start: p.start + start, end: p.start + i + 1 },
              related: [],
              fixes: [{
                title: t(`改为“${clip(fixed, 40)}”`, `Change to "${clip(fixed, 40)}"`),
                edits: [
                  { span: { start: p.start + start, end: p.start + start + 1 }, newText: '〈' },
                  { span: { start: p.start + i, end: p.start + i + 1 }, newText: '〉' },
                ],
              }],
            });
            continue;
          }
          if (open.length) continue;
          // (A work's edition or status in brackets after its name: "……规划（2021—2035年）", "（试行）".)
          const whole = raw.slice(start + 1, i).trim();
          const name = whole.replace(/[（(][^（）()]{1,20}[）)]$/, '');
          // (A period in brackets makes a name a plan's, a work: 《健康中国行动（2019—2030年）》.)
          if (/[（(](?:19|20)\d\d[^（）()]*[）)]$/.test(whole)) continue;
          if (name.length < 2 || name.length > 60 || /[《〈]/.test(name)) continue;
          // (In a series of titles, 《人工智能基础》《创意编程》两门课程, each is named by the words
          // around the whole series.)
          const after = seriesAfter(raw, i + 1);
          const before = seriesBefore(raw, start);
          // (A title followed by 奖 names the award, whatever its last word: 摘得《最佳纪录片》奖.)
          if (AWARD_AFTER.test(after)) {
            out.push(notAWork(t, p.start, start, i, name, ['奖项或称号', 'an award or title']));
            continue;
          }
          if (WORK_HEAD.test(name)) continue;
          // (Nor a work the words around it name: 电影《红海行动》, 《人民论坛》杂志, 《平凡的世界》读书分享会.)
          if (MEDIUM_BEFORE.test(before) || MEDIUM_AFTER.test(after)) continue;
          if (!(NON_WORK_HEAD.test(name) || EDITION.test(name) || CATEGORY_AFTER.test(after) || COUNTED_AFTER.test(after) || VERB_BEFORE.test(before) || CATEGORY_BEFORE.test(before))) continue;
          out.push(notAWork(t, p.start, start, i, name, whatItIs(name, after)));
        }
      }
    }
    return out.sort((a, b) => a.span.start - b.span.start);
  },
};

/** The finding on a name in title marks that is not a work's. */
function notAWork(t: ReturnType<typeof translator>, base: number, start: number, end: number, name: string, what: [string, string]): Finding {
  return {
    code: CODES.punctBooktitle,
    severity: 'warning',
    message: t(
      `“${name}”是${what[0]}的名称，不是书籍、文件、报刊、影视等作品，不用书名号（GB/T 15834-2011 4.15）：请去掉书名号，或按需要改用引号。`,
      `"${name}" is the name of ${what[1]}, not of a book, document, paper, programme or other work, so it takes no title marks "《》" (GB/T 15834-2011 4.15): remove them, or use quotation marks where needed.`,
    ),
    span: { start: base + start, end: base + end + 1 },
    related: [],
    fixes: [],
  };
}

/** A series of titles after `from` (、《…》, 和《…》) is skipped: the words after the last one. */
function seriesAfter(raw: string, from: number): string {
  let k = from;
  for (let m; (m = /^[、和与及]?《[^《》〈〉]{1,60}》/.exec(raw.slice(k, k + 70))); ) k += m[0].length;
  return raw.slice(k, k + 12);
}

/** A series of titles before `to` is skipped: the words before the first one. */
function seriesBefore(raw: string, to: number): string {
  let k = to;
  for (let m; (m = /《[^《》〈〉]{1,60}》[、和与及]?$/.exec(raw.slice(Math.max(0, k - 70), k))); ) k -= m[0].length;
  return raw.slice(Math.max(0, k - 5), k);
}

/** What kind of thing a name is, for the message: by its last words, or the word after it. */
function whatItIs(name: string, after: string): [string, string] {
  const said = `${name}|${after}`;
  if (/(?:会议|大会|会|论坛|峰会|培训班|研修班)\|/.test(said)) return ['会议', 'a meeting'];
  if (/(?:奖章|勋章|称号|奖|模范\p{Script=Han}{0,4}|文明\p{Script=Han}{1,2}|示范\p{Script=Han}{1,2}|名[村镇城]|重点村|试点城市|纳税人|企业)\||\|(?:荣誉称号|称号)/u.test(said)) return ['奖项或称号', 'an award or title'];
  if (/(?:委员会|小组|专班|总队|联盟|协会|学会|文学社|研究院|研究所|实验室|园区)\|/.test(said)) return ['机构或组织', 'a body or organisation'];
  if (/(?:许可证|证书|合格证|执照)\|/.test(said)) return ['证照', 'a licence or certificate'];
  if (/\|(?:商标|品牌|牌)/.test(said)) return ['商标或品牌', 'a brand'];
  if (/\|(?:必修课|选修课|课程|专题研修|专题培训)/.test(said)) return ['课程', 'a course'];
  if (/\|(?:项目|课题)/.test(said)) return ['课题或项目', 'a project'];
  return ['活动', 'a campaign or event'];
}
