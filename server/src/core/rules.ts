/**
 * What each code means, written once: the rule descriptions SARIF output carries
 * (`tool.driver.rules`), in Chinese and English. README's table of codes is checked against
 * this module (`test/core/rules.test.ts`), and every code of `CODES` must have a rule here.
 *
 * `severity` is the level a check gives its findings when no configuration changes it.
 */
import { CODES, Code, Severity } from './findings';
import type { Locale } from './locale';

export interface RuleText {
  /** One line: what is wrong. */
  short: string;
  /** What the check looks for, and what it leaves alone (at most 1024 characters). */
  full: string;
  /** What to do about a finding. */
  help: string;
  /** A wrong text and its correction, when one shows it better than words. */
  example?: { wrong: string; right: string };
}

export interface Rule {
  code: Code;
  /** A name in PascalCase (SARIF reportingDescriptor.name). */
  name: string;
  severity: Severity;
  /** For filtering in code-scanning tools. */
  tags: string[];
  zh: RuleText;
  en: RuleText;
}

const PUNCTUATION = ['punctuation', 'GB/T 15834-2011'];
const HEADINGS = ['headings', 'GB/T 9704-2012'];
const NUMBERS = ['numbers', 'GB/T 15835-2011'];


export const RULES: Record<Code, Rule> = {
  'punct.half-width': {
    code: CODES.punctHalfWidth,
    name: 'PunctHalfWidth',
    severity: 'warning',
    tags: PUNCTUATION,
    zh: {
      short: '中文文本中用了半角标点。',
      full: '中文文本中的逗号、分号、冒号、问号、叹号和括号应为全角（，；：？！（））。半角的 , ; : ? ! 两侧有汉字或中文标点、另一侧不是拉丁字母时报告；半角括号括着中文、或前面是中文时报告。数字之间（1,000万元、14:30、1:1）、拉丁字母之间、网址、电子邮件地址、代码和标题序号（见 heading.marker）中的不报告。',
      help: '改为全角标点（快速修复：改为全角，并删去粘贴留下的空格）。',
      example: { wrong: '地区生产总值增长5.2%,全市城镇新增就业(含农民工)3万人', right: '地区生产总值增长5.2%，全市城镇新增就业（含农民工）3万人' },
    },
    en: {
      short: 'Half-width punctuation in Chinese text.',
      full: 'In Chinese running text the comma, semicolon, colon, question and exclamation marks and brackets are full-width (，；：？！（）). A half-width , ; : ? ! is reported where a Chinese character or mark stands on one side and no Latin letter on the other; half-width brackets where they hold Chinese or follow it. Silent between digits (1,000万元, 14:30, 1:1), among Latin letters, in URLs, e-mail addresses, code and heading markers (see heading.marker).',
      help: 'Write the full-width mark (quick fix: change to full width, dropping the spaces a paste left).',
    },
  },
  'punct.mixed-width': {
    code: CODES.punctMixedWidth,
    name: 'PunctMixedWidth',
    severity: 'warning',
    tags: PUNCTUATION,
    zh: {
      short: '全角半角混用。',
      full: '一对括号或引号的两半宽度不一（（含农民工)、“十五五"）：括着中文的应都用全角，只括着外文、数字的应都用半角，报告宽度不对的那一半；全角的数字和拉丁字母（２０２６年、ＧＤＰ），每段连续的报告一次。同一句中同一个标点全角半角混用的，半角那个在中文之间时由 punct.half-width 报告。网址、代码和标题序号中的不报告。',
      help: '改为正确的宽度（快速修复）。',
      example: { wrong: '城镇新增就业（含农民工)２．５万人', right: '城镇新增就业（含农民工）2.5万人' },
    },
    en: {
      short: 'Full-width and half-width forms mixed.',
      full: 'A bracket or quotation pair whose halves differ in width ((含农民工), “十五五"): around Chinese both halves are full-width, around Latin text or digits only both are half-width; the half in the wrong width is reported. Full-width digits and Latin letters (２０２６年, ＧＤＰ), one finding per run. One mark in both widths within a sentence is reported by punct.half-width where the half-width one stands in Chinese text. Silent in URLs, code and heading markers.',
      help: 'Write the right width (quick fix).',
    },
  },
  'punct.dunhao': {
    code: CODES.punctDunhao,
    name: 'PunctDunhao',
    severity: 'warning',
    tags: PUNCTUATION,
    zh: {
      short: '顿号用法不当。',
      full: '并列成分的最后一项由“和、及、以及、与、或、或者、并、等”连接时，前面不用顿号（教育、医疗、和养老）；并列的书名号或引号之间通常不用顿号（《民法典》、《刑法》；“十四五”、“十五五”），中间有括注等其他成分的除外（GB/T 15834-2011 4.5）。“和谐”“及时”“与会”“等级”等词和地名中的字不报告。',
      help: '删去顿号（快速修复）。',
      example: { wrong: '教育、医疗、和养老，《民法典》、《刑法》', right: '教育、医疗和养老，《民法典》《刑法》' },
    },
    en: {
      short: 'A 顿号 where the standard uses none.',
      full: 'No 顿号 before the word that joins the last item of a series (和, 及, 以及, 与, 或, 或者, 并, 等: "教育、医疗、和养老"); titles in 书名号 and quotations side by side usually take none between them ("《民法典》、《刑法》"), unless something stands between them (GB/T 15834-2011 4.5). Silent for words such as 和谐, 及时, 与会, 等级, and place names.',
      help: 'Delete the 顿号 (quick fix).',
    },
  },
  'punct.booktitle': {
    code: CODES.punctBooktitle,
    name: 'PunctBooktitle',
    severity: 'warning',
    tags: PUNCTUATION,
    zh: {
      short: '书名号用法不当。',
      full: '书名号里边还要用书名号时，里边一层用单书名号（《关于贯彻〈条例〉的意见》；第三层再用双书名号）；会议、荣誉、活动的名称不是作品，不用书名号（《全市经济工作会议》《五一劳动奖章》《安全生产专项整治》）（GB/T 15834-2011 4.15）。以“纪要”“报告”“方案”等作品名结尾的、节目名称（《中国诗词大会》）不报告。',
      help: '嵌套的书名号改为单书名号（快速修复）；会议、荣誉、活动的名称去掉书名号，或按需要改用引号。',
      example: { wrong: '学习《关于贯彻落实《条例》的意见》，筹备《全市经济工作会议》', right: '学习《关于贯彻落实〈条例〉的意见》，筹备全市经济工作会议' },
    },
    en: {
      short: 'Title marks 《》 used wrongly.',
      full: 'A title inside a title takes the single title marks 〈〉 ("《关于贯彻〈条例〉的意见》"; a third level goes back to 《》); the names of meetings, honours and campaigns are not works and take no title marks ("《全市经济工作会议》", "《五一劳动奖章》") (GB/T 15834-2011 4.15). Silent for names that end in a work (纪要, 报告, 方案) and for programmes ("《中国诗词大会》").',
      help: 'Make the inner title marks single (quick fix); remove the title marks from the name of a meeting, honour or campaign, or use quotation marks where needed.',
    },
  },
  'punct.end-missing': {
    code: CODES.punctEndMissing,
    name: 'PunctEndMissing',
    severity: 'warning',
    tags: PUNCTUATION,
    zh: {
      short: '段末缺少句末标点。',
      full: '正文段落（含逗号、顿号或分号、二十字以上的叙述）末尾没有句号、问号或叹号（GB/T 15834-2011 4.1—4.3）；在逗号、顿号或引号中间结束、后面又没有接续的，说明疑有文字缺失。标题、署名、日期、列表项、表格、图解的数字行、以冒号或分号结束的段落、被分页断开的段落（见 para.page-break）不报告；只在文稿有句末标点的正文段落（及以冒号引出下文的段落）不少于无句末标点者的一半时检查，图解、微信推文等不以句号收段的文稿不报告。',
      help: '在段末加句号（快速修复）；在逗号、顿号或引号中间结束的，多为文字缺失，请补全。',
      example: { wrong: '全年地区生产总值增长5.2%，城镇新增就业3万人', right: '全年地区生产总值增长5.2%，城镇新增就业3万人。' },
    },
    en: {
      short: 'A paragraph ends without its sentence-final mark.',
      full: 'A paragraph of running text (a clause mark and twenty characters or more) that ends without 。, ？ or ！ (GB/T 15834-2011 4.1–4.3); one that stops on a comma, a 、 or inside a quotation with nothing carrying it on is reported as text missing. Silent for headings, bylines, dates, list items, tables, explainer lines, paragraphs ending on ： or ；, and paragraphs split by a page break (para.page-break); checked only in documents whose closed running-text paragraphs (and lines that announce what follows with ：) are at least half as many as the bare ones, so not in explainers or posts that end their lines bare.',
      help: 'Add 。 at the end (quick fix); one that stops on a comma, a 、 or inside a quotation has lost text: complete it.',
    },
  },
  'text.doubled': {
    code: CODES.textDoubled,
    name: 'TextDoubled',
    severity: 'warning',
    tags: ['wording'],
    zh: {
      short: '字词重复。',
      full: '同一个字或词连写了两遍（确保保任务、惠及及、的的、工作工作），换行或分页隔开的也算。汉语本有的重叠不报告：词典里的叠词（常常、人人、层层、一一）、AABB 和 ABB 式（扎扎实实、红彤彤）、“一”后的量词重叠（一个个）、表尝试的动词重叠（研究研究）；两个词在同一个字上相接的也不报告（工作｜作了、安全｜全链条、公安局｜局长、目的｜的）。分词用运行环境自带的 ICU 词典，只读重复处前后几个字。',
      help: '删去重复的字词（快速修复：删去第二个）。',
      example: { wrong: '确保保任务及目标实现', right: '确保任务及目标实现' },
    },
    en: {
      short: 'A character or word written twice.',
      full: 'A character or word written twice in a row (确保保任务, 惠及及, 的的, 工作工作), also across a line or page break. Silent for the reduplication Chinese has: words of the dictionary (常常, 人人, 层层, 一一), AABB and ABB forms (扎扎实实, 红彤彤), a measure word doubled after 一 (一个个), tentative verbs (研究研究); and where two words meet on one character (工作|作了, 安全|全链条, 公安局|局长, 目的|的). Words are told by the ICU dictionary of the runtime, read a few characters around the doubling only.',
      help: 'Delete the repeated copy (quick fix: delete the second).',
    },
  },
  'para.page-break': {
    code: CODES.paraPageBreak,
    name: 'ParaPageBreak',
    severity: 'warning',
    tags: ['layout'],
    zh: {
      short: '段落被分页断开，或正文中留有页码、页眉。',
      full: '从 PDF 复制的文字常在分页处断开：一段在句子中间结束（没有句末标点），空行之后接着写完。报告在前半段的末尾，快速修复合并两段并删去中间的空行和页码、页眉。分页留在正文里的页码（— 12 —、-3-、第3页、（共18页））、转版说明（（下转第二版））和反复出现的页眉（报告标题、报纸版头及日期）也报告，快速修复删去该行；段落中括注的转版说明（“（上接第一版）推动……”）也报告，快速修复删去它。标题、署名、列表、表格行和以冒号结尾的行不算断开；引文被断开的由 quote.paragraph-break 报告。',
      help: '合并断开的段落，删去页码和页眉（快速修复）。',
      example: { wrong: '全年城镇新增就业\n\n— 12 —\n\n5.2万人。', right: '全年城镇新增就业5.2万人。' },
    },
    en: {
      short: 'A paragraph split by a page break, or page furniture left in the text.',
      full: 'Text copied out of a PDF is often cut at the end of a page: a paragraph stops mid-sentence (no sentence-final mark) and, after blank lines, carries on. Reported at the end of the first half; the quick fix joins the halves and drops the blank lines and page furniture between. Page numbers (— 12 —, -3-, 第3页, （共18页）), continuation notes (（下转第二版）) and running headers met again and again (the title of the report, the header of a newspaper with its date) are reported too, with a fix that deletes the line; so is a continuation note in brackets inside a paragraph ("（上接第一版）推动……"), with a fix that deletes it. Titles, bylines, lists, table rows and lines ending in a colon are not breaks; a break inside a quotation is reported by quote.paragraph-break.',
      help: 'Join the paragraph and delete page numbers and headers (quick fix).',
    },
  },
  'number.range': {
    code: CODES.numberRange,
    name: 'NumberRange',
    severity: 'warning',
    tags: NUMBERS,
    zh: {
      short: '数值范围用了短横线。',
      full: '数值范围（5-10%、2025-2027年、3-5年、8:00-18:00）用连接号：年份之间用一字线“—”，其他数值用浪纹线“～”；万、亿和百分号两个数都要写（5%～10%、1.5万～2万元）。电话号码、日期（2026-01-05）、标准编号、型号、表号（表2-3）、房号（3-201室）和负数不报告。',
      help: '改用“～”或“—”（快速修复）。',
      example: { wrong: '增长5-10%，用3-5年时间', right: '增长5%～10%，用3～5年时间' },
    },
    en: {
      short: 'A range written with a hyphen.',
      full: 'A numerical range (5-10%, 2025-2027年, 3-5年, 8:00-18:00) takes a range mark: "—" between years, "～" between other numbers, with 万, 亿 and % on both numbers (5%～10%, 1.5万～2万元). Silent for telephone numbers, dates (2026-01-05), standards, model numbers, table numbers (表2-3), room numbers (3-201室) and negative numbers.',
      help: 'Use "～" or "—" (quick fix).',
    },
  },
  'number.approx-list': {
    code: CODES.numberApproxList,
    name: 'NumberApproxList',
    severity: 'warning',
    tags: NUMBERS,
    zh: {
      short: '相邻数字表示概数，中间用了顿号。',
      full: '两个相邻数字连用表示概数（三四十人、七八个），中间不用顿号。“三、四十人”“七、八个”报告；表示两件事的不报告（一、二产业，三、四年级，第一、二季度，一、二期工程）。',
      help: '删去顿号（快速修复）。',
      example: { wrong: '三、四十人', right: '三四十人' },
    },
    en: {
      short: 'Two adjacent numbers of an approximation set apart by a 顿号.',
      full: 'Two adjacent numbers that together give an approximate number (三四十人, 七八个) take no 顿号 between them. Silent where they name two things (一、二产业, 三、四年级, 第一、二季度, 一、二期工程).',
      help: 'Delete the 顿号 (quick fix).',
    },
  },
  'number.short-year': {
    code: CODES.numberShortYear,
    name: 'NumberShortYear',
    severity: 'warning',
    tags: NUMBERS,
    zh: {
      short: '年份省写。',
      full: '年份要写全，不省写为两位（’23年、自23年以来、25年底）。表示年数的不报告（12年间、3年来）。',
      help: '写全年份。',
      example: { wrong: '自23年以来', right: '自2023年以来' },
    },
    en: {
      short: 'A year written with two digits.',
      full: 'A year is written in full, not with two digits (’23年, 自23年以来, 25年底). Silent for a number of years (12年间, 3年来).',
      help: 'Write the whole year.',
    },
  },
  'number.approx-double': {
    code: CODES.numberApproxDouble,
    name: 'NumberApproxDouble',
    severity: 'warning',
    tags: NUMBERS,
    zh: {
      short: '“约”与“左右”重复。',
      full: '一个数前用了“约”（大约、近、超过），后又用“左右”（上下），重复表示概数（约30万人左右），只用其一。',
      help: '删去其中一个。',
      example: { wrong: '约30万人左右', right: '约30万人' },
    },
    en: {
      short: 'Both "约" and "左右" on one number.',
      full: 'A number with 约 (大约, 近, 超过) before it and 左右 (上下) after it says "about" twice (约30万人左右): keep one.',
      help: 'Delete one of them.',
    },
  },
  'number.mixed': {
    code: CODES.numberMixed,
    name: 'NumberMixed',
    severity: 'warning',
    tags: NUMBERS,
    zh: {
      short: '阿拉伯数字与汉字数字混用。',
      full: '阿拉伯数字后不接“千”“百”作单位（3千万、5千亿元、1百元、4万5千），万、亿可以（3万、3.5亿）；汉字数字中的零写作“〇”，不写作阿拉伯数字“0”或字母“O”（二0二六年）。千米、千瓦、千伏等单位中的“千”不报告。',
      help: '全用阿拉伯数字（3000万）或全用汉字数字（二〇二六年）。',
      example: { wrong: '投资3千万元，二0二六年', right: '投资3000万元，二〇二六年' },
    },
    en: {
      short: 'Arabic and Chinese numerals mixed.',
      full: 'An Arabic number takes no 千 or 百 as a multiplier (3千万, 5千亿元, 1百元, 4万5千); 万 and 亿 are allowed (3万, 3.5亿). Among Chinese numerals zero is 〇, not the digit 0 or the letter O (二0二六年). 千 in units (千米, 千瓦, 千伏) is silent.',
      help: 'Write it all in Arabic numerals (3000万) or all in Chinese ones (二〇二六年).',
    },
  },
  'term.misspelling': {
    code: CODES.termMisspelling,
    name: 'TermMisspelling',
    severity: 'warning',
    tags: ['wording'],
    zh: {
      short: '错别字。',
      full: '公文中常见的错别字和不规范词形（布署→部署、一如继往→一如既往、再接再励→再接再厉、部份→部分），按《现代汉语词典》第7版和《第一批异形词整理表》逐条收录，每条注明出处（server/src/core/terms.ts）。引述的讲话（冒号或“说、指出、强调”后的引号内）和书名号内不报告。',
      help: '改为正确的写法（快速修复）。',
      example: { wrong: '认真布署，一如继往', right: '认真部署，一如既往' },
    },
    en: {
      short: 'A misspelled word.',
      full: 'Common misspellings and non-standard forms of official writing (布署 for 部署, 一如继往 for 一如既往, 再接再励 for 再接再厉, 部份 for 部分), each entry with its source, the 现代汉语词典 (7th ed.) or the first list of variant forms (server/src/core/terms.ts). Silent in quoted speech and in titles in 《》.',
      help: 'Write the right form (quick fix).',
    },
  },
  'term.formulation': {
    code: CODES.termFormulation,
    name: 'TermFormulation',
    severity: 'warning',
    tags: ['wording'],
    zh: {
      short: '不规范的表述。',
      full: '截止→截至（后接时间时：截至2025年底；“截止日期”“报名截止”不报告）、即要……又要→既要……又要、规划名称加引号（十四五→“十四五”，GB/T 15834-2011 4.8.3）。引述的讲话和书名号内不报告。',
      help: '改为规范的表述（快速修复）。',
      example: { wrong: '截止2025年底，十四五规划', right: '截至2025年底，“十四五”规划' },
    },
    en: {
      short: 'A non-standard formulation.',
      full: '截止 before a time is 截至 (截至2025年底; 截止日期 is right), 即要……又要 is 既要……又要, and the name of a five-year plan takes quotation marks (十四五 → “十四五”, GB/T 15834-2011 4.8.3). Silent in quoted speech and in titles in 《》.',
      help: 'Write the standard formulation (quick fix).',
    },
  },
  'term.homophone': {
    code: CODES.termHomophone,
    name: 'TermHomophone',
    severity: 'warning',
    tags: ['wording'],
    zh: {
      short: '成语用字疑为同音误写。',
      full: '四字成语、习用语中有一个字写成了同音字（穿流不息→川流不息、以身作责→以身作则）：这四个字不是词表（jieba 词表）中的词，与表中一条四字词只差一个常用读音相同的字（不计声调），照原样分词时其中至少一个字不与邻字成词（“同一|战线”“为人|处世”是两个词相接，不报告），且按那条词读，上下文的分词概率高出约三千倍以上。数字（含相连的数字，如“二十四时”）和“的地得”不在此列。是推断而非查表所得，所以不在“修复全部”之内；专名确需如此写时，可在 .wengaorc.json 的 checks 中关闭本条。引述的讲话和书名号内不报告。',
      help: '确认后改为所提示的成语（快速修复）。',
      example: { wrong: '车辆穿流不息', right: '车辆川流不息' },
    },
    en: {
      short: 'A set phrase probably written with a homophone.',
      full: 'One character of a four-character set phrase written as another of the same sound, tones aside (穿流不息 for 川流不息, 以身作责 for 以身作则): the four characters are no word of the bundled list (jieba\'s), differ from one of its four-character words in one character of the same usual sound, leave one character at least standing alone as written (two words meeting, 同一|战线 or 为人|处世, are no slip), and the text around reads some three thousand times more probably with that word. Numerals (and numbers, 二十四时) and 的/地/得 are left out. An inference, not a table entry, so "fix all" leaves it out; turn the rule off in .wengaorc.json `checks` where a name is meant. Silent in quoted speech and in titles in 《》.',
      help: 'Check, then write the set phrase suggested (quick fix).',
    },
  },
  'term.confusable': {
    code: CODES.termConfusable,
    name: 'TermConfusable',
    severity: 'warning',
    tags: ['wording'],
    zh: {
      short: '疑将一个词误写成音近或形近的另一个词。',
      full: '两个都是词，但紧挨着的搭配表明应是另一个（截流资金→截留资金、印章起用→启用）：写出的词单独成词，且同一分句中紧挨着它有一个单独成词、表明另一词的搭配词。词对和搭配词见 server/src/core/confusables.ts。是推断而非查表所得，所以不在“修复全部”之内；可在 .wengaorc.json 的 substitutions 中把写出的词设为 null 关闭该词对，或在 checks 中关闭本条。引述的讲话和书名号内不报告。',
      help: '确认后改为所提示的词（快速修复）。',
      example: { wrong: '个别乡镇截流扶贫资金', right: '个别乡镇截留扶贫资金' },
    },
    en: {
      short: 'A word probably written for another of similar sound or look.',
      full: 'Both are words, but a word right next to it shows the other is meant (截流 before 资金 → 截留; a seal 起用 → 启用): the written word stands as a word of its own, and right next to it in the same clause stands a cue for the other, a word of its own too. The pairs and cues are in server/src/core/confusables.ts. An inference, so "fix all" leaves it out; set the written word to null in .wengaorc.json `substitutions` to turn one pair off, or turn the rule off in `checks`. Silent in quoted speech and in titles in 《》.',
      help: 'Check, then write the word suggested (quick fix).',
    },
  },
  'quote.unclosed': {
    code: CODES.quoteUnclosed,
    name: 'QuoteUnclosed',
    severity: 'error',
    tags: PUNCTUATION,
    zh: {
      short: '左引号没有配对的右引号。',
      full: '段落中的左引号“ ‘ 「 『在段落结束前没有配对的右引号。后面段落中的右引号不算配对；PDF 分页断开的段落（见 quote.paragraph-break）和多段引文（每段开头用“，只在最后一段末尾用”，GB/T 15834-2011 4.8.3.5）除外。',
      help: '在引文结束处补上右引号，或删去多余的左引号。',
      example: { wrong: '提出“十五五规划的目标。', right: '提出“十五五”规划的目标。' },
    },
    en: {
      short: 'An opening quotation mark without its closing partner.',
      full: 'An opening “ ‘ 「 or 『 whose paragraph ends before its partner. A mark several paragraphs later does not close it, except across a PDF page break (see quote.paragraph-break) and in a quotation of several paragraphs, where each paragraph opens with “ and only the last one closes (GB/T 15834-2011 4.8.3.5).',
      help: 'Add the closing mark where the quotation ends, or remove the stray opening mark.',
    },
  },
  'quote.unopened': {
    code: CODES.quoteUnopened,
    name: 'QuoteUnopened',
    severity: 'error',
    tags: PUNCTUATION,
    zh: {
      short: '右引号前没有配对的左引号。',
      full: '右引号” ’ 」 』前面没有配对的左引号。常见原因：分页或复制时丢了引文的开头，例如页面边缘截掉了“十五，只留下“五”开局之年”。',
      help: '如是丢了引文的开头，请补全；否则删去多余的右引号。',
      example: { wrong: '五”开局之年', right: '“十五五”开局之年' },
    },
    en: {
      short: 'A closing quotation mark without an opening one.',
      full: 'A closing ” ’ 」 or 』 with no opening partner before it, typically the start of a quotation lost at a page edge or in copying ("五”开局之年" where “十五 was cut off).',
      help: 'Restore the start of the quotation if it was lost; otherwise remove the stray closing mark.',
    },
  },
  'quote.paragraph-break': {
    code: CODES.quoteParagraphBreak,
    name: 'QuoteParagraphBreak',
    severity: 'warning',
    tags: [...PUNCTUATION, 'pdf-extraction'],
    zh: {
      short: '引号被分页断开的段落分在两段里。',
      full: '一对引号被空行分在两个段落里，而前一段在句子中间断开：多为 PDF 分页造成的断段，并非缺少引号。',
      help: '合并这两段（快速修复：合并段落）。',
      example: { wrong: '要推动“揭\n\n榜挂帅”项目', right: '要推动“揭榜挂帅”项目' },
    },
    en: {
      short: 'A quotation split by a paragraph break in mid-sentence.',
      full: 'A pair of quotation marks split by a blank line, where the first paragraph stops in mid-sentence: a paragraph broken by a PDF page break, not a missing mark.',
      help: 'Join the two paragraphs (quick fix: join the paragraphs).',
    },
  },
  'quote.nesting': {
    code: CODES.quoteNesting,
    name: 'QuoteNesting',
    severity: 'warning',
    tags: PUNCTUATION,
    zh: {
      short: '引号内直接嵌套了同形的引号。',
      full: '双引号内又直接用了双引号（“…“…”…”）。引号里面还要用引号时，外面用双引号，里面用单引号。',
      help: '把内层的引号改为单引号‘’。',
      example: { wrong: '“学习“两会”精神”', right: '“学习‘两会’精神”' },
    },
    en: {
      short: 'A quotation mark nested directly in one of the same shape.',
      full: 'Double quotation marks nested directly in double quotation marks (“…“…”…”). A quotation inside a quotation takes single marks.',
      help: 'Change the inner pair to ‘ and ’.',
    },
  },
  'bracket.unclosed': {
    code: CODES.bracketUnclosed,
    name: 'BracketUnclosed',
    severity: 'error',
    tags: PUNCTUATION,
    zh: {
      short: '左括号没有配对的右括号。',
      full: '左括号（ ( 《 〈 【在段落结束前没有配对的右括号。半角右括号配全角左括号不算不配对（那是格式问题）。',
      help: '补上右括号，或删去多余的左括号。',
      example: { wrong: '《政府工作报告提出', right: '《政府工作报告》提出' },
    },
    en: {
      short: 'An opening bracket without its closing partner.',
      full: 'An opening （ ( 《 〈 or 【 whose paragraph ends before its partner. A half-width bracket closing a full-width one is not reported here (a matter of form, not of pairing).',
      help: 'Add the closing bracket, or remove the stray opening one.',
    },
  },
  'bracket.unopened': {
    code: CODES.bracketUnopened,
    name: 'BracketUnopened',
    severity: 'error',
    tags: PUNCTUATION,
    zh: {
      short: '右括号前没有配对的左括号。',
      full: '右括号） ) 》 〉 】前面没有配对的左括号。列表序号如“1)”“a)”不算。',
      help: '补上左括号，或删去多余的右括号。',
    },
    en: {
      short: 'A closing bracket without an opening one.',
      full: 'A closing ） ) 》 〉 or 】 with no opening partner before it. List enumerators such as "1)" or "a)" are not reported.',
      help: 'Add the opening bracket, or remove the stray closing one.',
    },
  },
  'figure.target': {
    code: CODES.figureTarget,
    name: 'FigureTarget',
    severity: 'information',
    tags: ['figures', 'targets'],
    zh: {
      short: '量化目标（标注，不是错误）。',
      full: '标出每一项量化目标，并按读到的期间复述，如“目标（2026）：优质本科高校扩招 1500 人”，方便审核时核对目标清单。这是标注，不是错误。',
      help: '无需修改。如不需要：在 .wengaorc.json 中写 "checks": { "figure.target": "off" }，或在 VS Code 中设置 wengao.targets.severity。',
    },
    en: {
      short: 'A quantified target (an annotation, not a defect).',
      full: 'Marks every quantified target and reads it back with its period ("目标（2026）：优质本科高校扩招 1500 人"), so a reviewer can check the list of targets. An annotation, not a defect.',
      help: 'Nothing to fix. To turn it off: "checks": { "figure.target": "off" } in .wengaorc.json, or the VS Code setting wengao.targets.severity.',
    },
  },
  'figure.mismatch': {
    code: CODES.figureMismatch,
    name: 'FigureMismatch',
    severity: 'warning',
    tags: ['figures', 'consistency'],
    zh: {
      short: '同一数据在两处不一致。',
      full: '同一指标、同一期间、同一地区、同一类型（目标或实际）的数据，在另一文档（如报告与新闻通稿）或本文档另一处（如正文与民生实事清单）写成了另一个数值。不算不一致：不同年份、地区或类型，新增与累计，单位量纲不同，期间或地区不明的数据。',
      help: '核实哪一处正确，把两处改为一致（快速修复：采用另一处的数值）。',
      example: { wrong: '报告：优质本科高校扩招1500人；通稿：扩招1800人', right: '两处都写 1500 人（或都写 1800 人）' },
    },
    en: {
      short: 'The same figure stated with different values.',
      full: 'The same indicator, period, region and kind (target or actual) with another value, in another document (a report and its press brief) or elsewhere in this one (the body and its list of projects). Not a mismatch: another year, region or kind, 新增 against 累计, another unit dimension, or a figure whose period or region is unknown.',
      help: 'Find out which value is right and make both agree (quick fix: take the other value).',
    },
  },
  'enum.count-mismatch': {
    code: CODES.enumCountMismatch,
    name: 'EnumCountMismatch',
    severity: 'warning',
    tags: ['counts', 'consistency'],
    zh: {
      short: '所说的数目与列举的项数不符。',
      full: '所说的数目（如“13个地区：…”“五大环境：…”“20件民生实事”）与随后（或前面）列举的项数不同。无法确定列举范围时不报。',
      help: '补全或删减列举的项，或改正数目。',
      example: { wrong: '五大环境：政策、市场、政务、法治', right: '四大环境：政策、市场、政务、法治（或补上第五项）' },
    },
    en: {
      short: 'A stated count that differs from the items listed.',
      full: 'A stated count ("13个地区：…", "五大环境：…", "20件民生实事") that differs from the number of items listed with it. Nothing is reported where the list cannot be delimited with confidence.',
      help: 'Complete or trim the list, or correct the count.',
    },
  },
  'heading.sequence': {
    code: CODES.headingSequence,
    name: 'HeadingSequence',
    severity: 'warning',
    tags: HEADINGS,
    zh: {
      short: '同级标题的序号不连续。',
      full: '同级标题的序号有缺号、重号或顺序颠倒（一、二、／（一）（二）／1. 2.／第一，第二，）。讲话中“第一，”可在各节重新起算；续版（“上接第二版”）可从中间开始。',
      help: '按顺序改正序号。',
      example: { wrong: '（一）……（三）……', right: '（一）……（二）……' },
    },
    en: {
      short: 'A gap, repeat or disorder in the numbering of sibling headings.',
      full: 'A gap, repeat or wrong order in the numbers of sibling headings (一、二、 / （一）（二） / 1. 2. / 第一，第二，). 第一， may start over in each section of a speech; a continuation page ("上接第二版") may start in the middle.',
      help: 'Renumber the headings in order.',
    },
  },
  'heading.marker': {
    code: CODES.headingMarker,
    name: 'HeadingMarker',
    severity: 'warning',
    tags: HEADINGS,
    zh: {
      short: '标题序号的形式不对。',
      full: '序号后的标点不对（GB/T 15834-2011）：汉字数字后用顿号（“一.”“一，”应为“一、”），阿拉伯数字后用下脚点（“1、”应为“1.”），“第一”“其一”“首先”类序次语后用逗号（“第一、”应为“第一，”），带括号或带圈的序号后不加标点（“（一）、”“①、”）；括着汉字数字的括号用全角（“(一)”应为“（一）”），同一列标题全角、半角括号或下脚点混用时报告少数的一种。层次为 一、 → （一） → 1. → （1）（GB/T 9704-2012 7.3.3）。',
      help: '改为正确的形式（快速修复）。',
      example: { wrong: '(五)深化改革', right: '（五）深化改革' },
    },
    en: {
      short: 'A heading marker of the wrong form or width.',
      full: 'The wrong mark after an ordinal (GB/T 15834-2011): a Chinese numeral takes 、 ("一." and "一，" should be "一、"), an Arabic numeral a dot ("1、" should be "1."), ordinals of the 第一, 其一 and 首先 kinds a comma ("第一、" should be "第一，"), a bracketed or circled number nothing ("（一）、", "①、"). Brackets around a Chinese numeral are full-width ("(一)" should be "（一）"); where one list of headings mixes bracket or dot widths, the minority is reported. The levels are 一、 → （一） → 1. → （1） (GB/T 9704-2012 7.3.3).',
      help: 'Rewrite the marker in the right form (quick fix).',
    },
  },
  'config.syntax': {
    code: CODES.configSyntax,
    name: 'ConfigSyntax',
    severity: 'error',
    tags: ['configuration'],
    zh: {
      short: '配置文件不是有效的 JSON。',
      full: '.wengaorc.json 不能按 JSON 解析（允许注释和末尾逗号）。改正之前，各项使用默认设置。',
      help: '按提示的位置改正 JSON 语法。',
    },
    en: {
      short: 'The config file is not valid JSON.',
      full: '.wengaorc.json cannot be parsed as JSON (comments and trailing commas are allowed). The defaults apply until it is fixed.',
      help: 'Fix the JSON syntax at the place shown.',
    },
  },
  'config.invalid': {
    code: CODES.configInvalid,
    name: 'ConfigInvalid',
    severity: 'error',
    tags: ['configuration'],
    zh: {
      short: '配置项的值无效，或忽略文件的某行格式不对。',
      full: '.wengaorc.json 中某项的类型或取值不对（如 "year": "二〇二六"），或 .wengaoignore 中某行不是“路径 代码 指纹”。该项或该行不生效。',
      help: '按消息改正该值或该行。',
    },
    en: {
      short: 'A setting with an invalid value, or a malformed line of the ignore file.',
      full: 'A setting of .wengaorc.json with a value of the wrong type or range ("year": "二〇二六"), or a line of .wengaoignore that is not "path code fingerprint". That setting or line does not apply.',
      help: 'Correct the value or the line as the message says.',
    },
  },
  'config.unknown-key': {
    code: CODES.configUnknownKey,
    name: 'ConfigUnknownKey',
    severity: 'warning',
    tags: ['configuration'],
    zh: {
      short: '未知的配置项或检查代码。',
      full: '.wengaorc.json 中有不认识的配置项，或 "checks" 中有不认识的检查代码或类别。多为拼写错误；该项不生效。',
      help: '改正拼写（消息中给出相近的写法），或删去该项。',
    },
    en: {
      short: 'An unknown setting or check code.',
      full: 'A key of .wengaorc.json, or a code or family in "checks", that Wengao does not know, usually a misspelling; it does not apply.',
      help: 'Correct the spelling (the message suggests a near one) or remove the key.',
    },
  },
  'internal.check-failed': {
    code: CODES.internalCheckFailed,
    name: 'InternalCheckFailed',
    severity: 'error',
    tags: ['internal'],
    zh: {
      short: '某项检查在本文档上出错，其结果缺失。',
      full: 'Wengao 的某项检查在本文档上出错（程序缺陷），该项检查的结果缺失；其余检查照常运行。命令行因此以退出码 2 结束，以免 CI 在结果不全时通过。',
      help: '请把文档（或能重现的片段）和消息报告给 Wengao 的维护者。',
    },
    en: {
      short: 'A check failed on this document; its results are missing.',
      full: 'One of Wengao\'s checks failed on this document (a bug); its results are missing and the other checks ran. The command line then exits 2, so that CI does not pass on incomplete results.',
      help: 'Report the document (or a fragment that reproduces it) and the message to Wengao\'s maintainers.',
    },
  },
};

/** Every rule, in the order of `CODES` (the order of SARIF's rules array). */
export const RULE_LIST: readonly Rule[] = Object.values(CODES).map((c) => RULES[c]);

/** A rule's help in both languages, Chinese first: plain text and markdown. */
export function ruleHelp(rule: Rule): { text: string; markdown: string } {
  const plain = (t: RuleText, lang: Locale) => {
    const ex = t.example ? `\n${lang === 'zh' ? '例：' : 'Example: '}${oneLine(t.example.wrong)} → ${oneLine(t.example.right)}` : '';
    return `${t.short}\n${t.full}\n${t.help}${ex}`;
  };
  const md = (t: RuleText, lang: Locale) => {
    const ex = t.example
      ? `\n\n${lang === 'zh' ? '例：' : 'Example: '}\`${oneLine(t.example.wrong)}\` → \`${oneLine(t.example.right)}\``
      : '';
    return `**${t.short}**\n\n${t.full}\n\n${t.help}${ex}`;
  };
  const zhExample = rule.zh.example;
  const en = { ...rule.en, example: rule.en.example ?? zhExample };
  return {
    text: `${plain(rule.zh, 'zh')}\n\n${plain(en, 'en')}`,
    markdown: `### \`${rule.code}\` 中文\n\n${md(rule.zh, 'zh')}\n\n### English\n\n${md(en, 'en')}`,
  };
}

function oneLine(s: string): string {
  return s.replace(/\n/g, '⏎');
}
