/**
 * Check `doubled`: a character or word written twice by a slip of the keyboard or of an edit
 * (确保保任务, 惠及及, 的的, 工作工作), also where a line or page break falls between the copies.
 *
 * Code `text.doubled`, on the second copy, with a fix that deletes it (either copy's deletion
 * reads the same).
 *
 * Chinese doubles characters and words on purpose too, so a doubling is reported only when the
 * language gives it no reading. Words are told by the runtime's word segmenter (`Intl.Segmenter`,
 * the ICU dictionary that Node and VS Code ship), asked about a few characters around the doubling
 * only, so that its cost does not grow with the paragraph. Silent:
 * - a doubling that is a word of the dictionary (常常, 人人, 层层, 一一, 等等), a noun read "every"
 *   (组组通, 季季有), the head of an AABC idiom (息息相关), an AABB or ABB form (扎扎实实, 的的确确,
 *   红彤彤), a measure word after 一 (一个个, 一桩桩), a name (王芳芳), the start of a place's name
 *   (从|从江县), numerals (十五五), time words after a date (2025年|年末), and a structure's name
 *   before its part (立交桥|桥下);
 * - two words that meet on one character: the first copy ends a word and the second starts one
 *   (工作|作了, 公安局|局长), the second is a particle or prefix (目的|的, 更新|新能源), starts a name
 *   (学习|习近平), or is alone before a character that is alone too (水库|库容, 安全|全链条: likely a
 *   word the dictionary lacks); a unit's name before its office or members (学会会长, 全县县域,
 *   幼儿园园长, 微信群群主);
 * - at a clause's end, the reduplications that close one (寒风阵阵，, 看看、问问);
 * - a word doubled (ABAB) for the tentative aspect (研究研究), intensity (雪白雪白), 一X一X.
 * Reported: after a figure (126名名, 2.35亿亿元), at a clause's start (各各县) or end (到位位，), a
 * copy alone before a word (确保保任务, 安全全生产; across a line break a smaller gain is enough,
 * 予以通|通报), a doubling typed inside a word (西藏自治治区), a character three times over (韦兰兰兰,
 * unless the third starts a word: 一步步|步入), and of the particles all but 的 (沿着着).
 * Also silent (the later rules): light verbs (工作|作|具体部署), one-character given names (陈建|建议),
 * a doubled given name after a title (局长王明明), a city's port (连云港|港), a unit's head and grounds
 * (大队|大队长, 医院|院区), a year's yearly things (2025年|年会); and text does not run on past a
 * short label or bullet line, a speaker's turn or a table's cell.
 * Digits, Latin letters and punctuation never count; verbatim blocks are skipped.
 */
import { inSteps, type Check, type CheckContext } from './check';
import { CODES, Finding } from '../findings';
import { translator } from '../locale';
import type { DocumentModel } from '../model';
import { Steps } from '../steps';
import { isHanCodePoint, isSpaceCode } from '../text';
import { segments, wordSegmenter, type WordSegmenter } from '../words';
import { placesIn } from '../figures/context';
import { SURNAMES, endsOnSurname } from '../names';

/** Characters (code points), with their offsets, of the prose between breaks; spaces and newlines left out. */
interface Stream {
  cps: number[];
  at: number[];
  /** Where a paragraph that runs on starts: the indexes in `cps` of the first character after each break. */
  breaks: Set<number>;
  /** Where a table's cell starts after a tab: two cells are two texts, 指标|指标单位 no doubling. */
  cells: Set<number>;
}

const HAN = /\p{Script=Han}/u;
/** How many characters either side of a doubling the segmenter reads. */
const WINDOW = 6;

/** Characters scanned between two pauses (steps.ts); a doubling found costs a segmentation or two. */
const CHARS_PER_STEP = 2000;

/** Characters that are doubled as a word of their own: measure words and nouns read "every", adverbs, adjectives, kinship terms and the verbs of the tentative aspect. */
const REDUPLICATES = new Set(
  ('人年天日月家户个件条项次步层处事时村门样种句字回代辈声片点滴串排行座所栋位名批场顿趟遍下刻分秒岁世节段页张棵朵颗粒根只头匹双对套份笔封篇首部台辆架艘寸尺斤两' +
    '阵刀声团簇缕丛块口面心念浓密稀粗胖瘦软硬脆嫩酸辣苦咸空光宽窄尖乱碎偷' +
    '常渐刚仅偏纷频稍往早白明好多大慢快悄默久轻静细深紧高满远近长短小老平安红绿蓝黄黑甜香暖热冷凉亮干湿清浅淡厚薄圆方直弯乖乐美真活欢喜匆急缓徐稳微略屡连区草堂落楚冥翩依恋款脉耿勃茫滔绵潺皑郁葱熊浩荡赫济欣冉蒸井栩津振彬源滚绰侃孜兢洋姗奄历悠漫苍隆哗嗷眈惶凛铮赳昂谆循娓喋窃芸莘泱巍袅粼' +
    '爸妈哥姐弟妹爷奶叔婶舅姑姥婆娃宝猩蝈星谢' +
    '看试想谈说听走问等查算比摸尝写读练学议讲聊逛玩笑跳动做帮找坐' +
    '校乡镇县组季周强' +
    // (The doubled head of an AABC idiom: 息息相关, 跃跃欲试, 格格不入, 岌岌可危.)
    '息跃格夸沾惴岌惺亭虎生翼').split(''),
);
/** The doubled half of an ABB adjective (红彤彤, 热腾腾, 绿油油, 亮晶晶). */
const ABB_TAILS = new Set('彤乎腾烘融洋灿油晶闪丝汪花喷呼吞匆邦滚秃零麻蒙甸堂呵巴荡悄眯茫澄艳哄嘻溜淋漉嗖沉盈'.split(''));
/** Adverbs and auxiliaries, doubled by a slip before 有 or 通过 (都都有, 才才有, 并并通过). */
const FUNCTION_WORDS = new Set('都也才要并没就还又再不很最更已曾将会能可应该须均皆仍亦'.split(''));
/** Particles, conjunctions, prepositions and adverbs, which start no word a list may lack. */
const GRAMMATICAL = new Set('的地得了着过等和与及或并而且被把将向从在于是也都就又还已均'.split(''));
/** Light verbs, which stand alone before the word they act on: 工作|作|具体部署, 工作|做|细. */
const LIGHT_VERBS = new Set('作做'.split(''));
/** Particles and suffixes, which the every-X-has rule leaves out (的的有 is no "every 的"). */
const PARTICLES = new Set('的地得了着过之者'.split(''));
/** Prefixes that bind to the word after them (更新|新能源, 各项|项目); 全 is left out, its doubling being as often a slip (安全全生产) as a prefix (安全全链条). */
const PREFIXES = new Set('各每本该总副分非超多单双新老大小中高低重次准亚反无不可半近'.split(''));
/** The parts of a structure, after its name (立交桥|桥下, 大桥|桥面, 楼|楼顶). */
const PARTS = new Set('面下顶头身底侧'.split(''));
/** Administrative and organisational units, whose name meets their office or members (学会会长, 全县县域, 本村村民, 党委委员). */
const UNITS = new Set('省市县区乡镇村局处科厂所院部队站校社班会委组司馆团办室庭厅署州盟旗园群店场港湖河林路街网'.split(''));

/** Reduplications that may close a clause (寒风阵阵，, 坐坐、看看、问问。, 白雪皑皑。). */
const CLAUSE_END_REDUP = new Set('阵声久常渐纷默悄慢满深远近轻静细匆皑茫滔绵郁看试想谈说听走问坐聊逛'.split(''));
/** Words that follow a person's name. */
// (And the closed class of words that follow a subject: conjunctions, prepositions, adverbs, 是, 的.)
const AFTER_NAME = /^(?:同志|说|表示|介绍|指出|强调|告诉|认为|等|在|主持|出席|带领|作了|作为|发言|荣获|获得|当选|担任|现任|扎根|带头|参加|代表|和|与|及|同|跟|把|将|从|向|对|为|也|还|都|就|又|正|已|曾|是|的|带着|一起)/;
/** Titles and roles, which go before a person's name (局长王明明, 艺人朱琳琳, 老党员张芳芳). */
const TITLE_BEFORE = /(?:长|主任|书记|委员|代表|干部|党员|队员|社员|艺人|工人|学生|医生|先生|师|家|手|士|官|经理|模范|同志|记者|专家|老人|村民|居民|群众)$/;
/** Time words after a date: 2025年|年末, 5年|年均, 3月|月底; and a year's yearly things, 2025年|年会, 2024年|年报. */
const TIME_WORDS = /^(?:年(?:末|底|初|内|中|度|均|化|会|报|鉴|检)|月(?:底|初|末|中|均|报))/;
/** What follows a figure to say "more than" or "about": 180余场, 30多家, 20来人. */
const APPROXIMATE = new Set('余多来许'.split(''));
/** Numerals: a number's digits repeat (十五五, 三三两两, 二〇二二). */
const NUMERALS = new Set('〇零一二三四五六七八九十百千万亿两'.split(''));
/** Verbs doubled for the tentative aspect, and adjectives doubled for intensity (ABAB). */
const ABAB_WORDS = new Set(
  ('咔嚓 哗啦 叮咚 轰隆 扑通 嘀嗒 滴答 呼啦 咕噜 噼啪 叽喳 嘟嘟 ' +
    '研究 讨论 学习 商量 考虑 琢磨 思考 总结 检查 了解 调查 交流 沟通 锻炼 休息 活动 打扫 整理 收拾 介绍 比较 准备 体验 感受 尝试 提醒 清理 梳理 ' +
    '盘点 对照 反思 斟酌 议论 合计 掂量 溜达 热闹 高兴 轻松 舒服 暖和 凉快 放松 打听 请教 比划 表示 意思 关心 帮助 练习 复习 分析 研讨 走访 看望 ' +
    '雪白 通红 笔直 冰凉 滚烫 漆黑 碧绿 火红 金黄 冰冷 喷香 瓦蓝 雪亮 蜡黄 煞白 粉红 鲜红').split(' '),
);

/**
 * The document's prose as streams: a paragraph that a page break cut runs on into the next (its
 * `continues`, or any paragraph but a heading that ends on a Chinese character where the next
 * starts on one: a doubling across the blank line is read either way). Each as it is made: the
 * check pauses between them (steps.ts), not after all of them are built.
 */
function* streams(model: DocumentModel): Generator<Stream> {
  let cur: Stream | undefined;
  // (A numbered heading ends where it ends, unless it is run in, its body written on after its first
  // sentence; a short unnumbered line read as a title may be a page's last.)
  const { paragraphs, text } = model;
  const endsHeading = (pi: number, end: number) => {
    let e = paragraphs[pi].end;
    while (e > paragraphs[pi].start && isSpaceCode(text.charCodeAt(e - 1))) e--;
    return end >= e;
  };
  const numbered = model.headings.filter((h) => h.markerSpan);
  const headings = new Set(numbered.flatMap((h) => h.paragraphs));
  const wholeHeadings = new Set(numbered.flatMap((h) => h.paragraphs.filter((pi) => endsHeading(pi, h.span.end))));
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi];
    if (p.verbatim) {
      if (cur) yield cur;
      cur = undefined;
      continue;
    }
    if (cur) cur.breaks.add(cur.cps.length);
    cur ??= { cps: [], at: [], breaks: new Set(), cells: new Set() };
    for (let i = p.start; i < p.end; ) {
      const c = text.codePointAt(i)!;
      if (!isSpaceCode(c)) {
        cur.cps.push(c);
        cur.at.push(i);
      } else if (c === 9) cur.cells.add(cur.cps.length);
      i += c > 0xffff ? 2 : 1;
    }
    const next = paragraphs[pi + 1];
    const runsOn =
      p.continues ||
      (next !== undefined &&
        !wholeHeadings.has(pi) &&
        !headings.has(pi + 1) &&
        HAN.test(text[p.end - 1] ?? '') &&
        HAN.test(text[next.start] ?? '') &&
        !LABEL_LINE.test(text.slice(p.start, p.end)) &&
        !SPEAKER.test(text.slice(next.start, next.start + 10)));
    if (!runsOn) {
      yield cur;
      cur = undefined;
    }
  }
  if (cur) yield cur;
}

/** A line that is a label and its value, or a list's item after a bullet (关键词：民生, 【关键词】民生实事, ▶ 市场): it ends where it ends. */
const LABEL_LINE = /^\s*[▶►●■◆★•▪][^，。；！？：]{0,10}$|^[^，。；！？：]{1,12}[：】][^，。；！？：、]{1,6}$/;
/** A paragraph that starts with a speaker's name or a label and a colon (黄丽华：, 关键词：): a new utterance, not a page's run-on. */
const SPEAKER = /^[^，。；！？：、\s]{1,8}：/;

const han = (w: string[], k: number) => w[k] !== undefined && HAN.test(w[k]);

/** What follows a sound written out (突突突地, 咚咚咚声). */
const SOUND_AFTER = new Set('地声'.split(''));

/** Whether `text` ends on a word of two characters or more, and whether it starts on one. */
function endsWord(seg: WordSegmenter, text: string): boolean {
  const words = segments(seg, text);
  const last = words[words.length - 1];
  return last !== undefined && last[1] - last[0] > 1;
}
function startsWord(seg: WordSegmenter, text: string): boolean {
  const first = segments(seg, text)[0];
  return first !== undefined && first[1] - first[0] > 1;
}

/** A figure's digit or sign: the doubling after it is a measure word or unit written twice (126名名, 2.35亿亿元). */
const FIGURE = /[0-9.%％]/;

/**
 * Whether the doubled character at `i`, `i + 1` of `w` has a reading; see the module comment.
 * `broken`: a line or page break falls between the copies.
 */
function singleIsWritten(seg: WordSegmenter, w: string[], i: number, broken: boolean): boolean {
  const a = w[i];
  const j = i + 1;
  const text = w.join('');
  const offset = (k: number) => w.slice(0, k).join('').length;
  // Which copy belongs to a word: the first read up to itself, the second from itself on (asked
  // of the segmenter only when a rule needs it).
  let left: Array<[number, number]> | undefined;
  let right: Array<[number, number]> | undefined;
  const lastLeftOf = () => {
    left ??= segments(seg, w.slice(0, j).join(''));
    return left[left.length - 1];
  };
  const isLeftWord = () => {
    const l = lastLeftOf();
    return l !== undefined && l[1] - l[0] > a.length;
  };
  const isRightWord = () => {
    right ??= segments(seg, w.slice(j).join(''));
    return right.length > 0 && right[0][1] - right[0][0] > a.length;
  };
  // After a figure, a measure word or unit is never doubled (1860万人次次, 3月月18日), unless the
  // second copy starts a word of its own (2025年|年末).
  // (1.6万人人次: the figure's 万 too.)
  const afterFigure = (w[i - 1] !== undefined && FIGURE.test(w[i - 1])) || (/[万亿千百]/.test(w[i - 1] ?? '') && FIGURE.test(w[i - 2] ?? ''));
  // (Or a word of its own after a figure's unit: 320家|家庭农场, 1200台|台式, 5年|年均.)
  // (余, 多 and 来 after a figure say "more than", and are never doubled: 180余|余场.)
  if (afterFigure) return !APPROXIMATE.has(a) && ((!NUMERALS.has(a) && isRightWord()) || TIME_WORDS.test(w.slice(j, j + 2).join('')));
  if (NUMERALS.has(a)) return true;
  // The second copy starts a place's name (从|从江县, 和|和龙市, 将|将乐县).
  if (placesIn(w.slice(j).join('')).some((p) => p.at === 0)) return true;
  // A measure word doubled after 一 (一个个, 一桩桩、一件件), but not after a word ending in 一 (进一步步).
  if (w[i - 1] === '一' && !(isLeftWord() && lastLeftOf()[1] - lastLeftOf()[0] >= 3)) return true;
  // A name: a surname and a doubled given name (王芳芳, 李丽丽).
  // (Where the name ends: before a mark or a word that follows a name.)
  // (The surname starts the name: it does not end a word before it, 督查|是是, 管道|道的.)
  // (Or where a title or role goes before it: 副主任李娜娜牵头, 艺人朱琳琳潜心.)
  // (After a title, and before a mark or a word that follows a name, the surname and the first copy
  // may read as a word of their own: 大学生|马兰|兰。)
  if (SURNAMES.has(w[i - 1] ?? '')) {
    const nameEnds = /[，、。；：）”]/.test(w[j + 1] ?? '') || AFTER_NAME.test(w.slice(j + 1, j + 3).join(''));
    const titled = TITLE_BEFORE.test(w.slice(0, i - 1).join(''));
    if (titled && nameEnds && lastLeftOf()[0] === offset(i - 1)) return true;
    if (!isLeftWord() && (nameEnds || titled) && endsOnSurname(seg, w.slice(0, i).join(''))) return true;
  }
  // Every X has, every X reached (科科有专人, 户户通): a noun doubled before 有 or 通, its first copy
  // no word's end (确保|保有 is a slip); not an adverb or auxiliary (都都通过, 并并通过), nor a
  // character that makes a word with 有 (没有, 要有).
  if ((w[j + 1] === '有' || w[j + 1] === '通') && !isLeftWord() && !PARTICLES.has(a) && !NUMERALS.has(a) && !FUNCTION_WORDS.has(a) && segments(seg, a + w.slice(j + 1, j + 4).join(''))[0]?.[1] === a.length) return true;
  // AABB and its second half (扎扎实实, 的的确确), ABB (红彤彤).
  if (han(w, j + 1) && w[j + 1] === w[j + 2]) return true;
  if (han(w, i - 1) && w[i - 2] === w[i - 1]) return true;
  if (ABB_TAILS.has(a) && han(w, i - 1)) return true;
  // A structure's name before one of its parts (立交桥|桥下, 大桥|桥面).
  if (PARTS.has(w[j + 1] ?? '') && han(w, i - 1) && han(w, j + 2)) return true;
  // At a clause's end the second copy starts no word (到位位，, 百分点点。) after a word ending on it.
  if (!han(w, j + 1) && isLeftWord()) return false;
  // The doubling is a word of the dictionary (常常, 人人, 处处, 等等。).
  const oi = offset(i);
  // (Not before a figure: 景区区46家.)
  if (segments(seg, text).some(([s, e]) => s <= oi && oi + a.length < e)) return !/[0-9]/.test(w[j + 1] ?? '');
  // At a clause's start the first copy ends no word (各各县, 第第三), unless the two are a
  // reduplication (村村通, 年年有) or a unit's name before a word (市|市场监管局).
  if (!han(w, i - 1)) return han(w, j + 1) && (REDUPLICATES.has(a) || (UNITS.has(a) && isRightWord()));
  // (At a clause's end, a reduplication with no word on either side, of the adjectives and
  // adverbs that close a clause: 寒风阵阵，, 看看、问问.)
  if (!han(w, j + 1)) return CLAUSE_END_REDUP.has(a);
  const leftWord = isLeftWord();
  const rightWord = isRightWord();
  if (leftWord && rightWord) return true;
  if (leftWord) {
    // (Of the particles only 的 follows a word ending on it, 目的|的; 沿着|着 and 通过|过 are slips.)
    if (a === '的' || PREFIXES.has(a)) return true;
    // (A unit's name before its grounds, inside or outside: 医院|院区, 周庄镇|镇区, 学校|校内.)
    if (UNITS.has(a) && /[区内外]/.test(w[j + 1] ?? '')) return true;
    // (A place's name ending on a unit's character, before the unit itself: 连云港|港, the port.)
    if (UNITS.has(a) && endsPlaceName(w.slice(0, j + 2).join(''), offset(j))) return true;
    // (The second copy may start a name, a surname and a given name of two: 学习习近平; not a
    // longer word, 内蒙古古自治区.)
    const next = segments(seg, w.slice(j + 1).join(''))[0];
    if (SURNAMES.has(a) && next !== undefined && next[1] - next[0] <= 2 && han(w, j + 2) && !GRAMMATICAL.has(w[j + 1])) return true;
    // The second copy stands alone when a word follows it (确保保任务, 安全全生产); where the next
    // character is alone too, the two are likely a word the dictionary lacks (水库|库容, 安全|全链条).
    // A light verb stands alone before the word it acts on (工作|作|具体部署), but not inside a word
    // (合作|作|社).
    const after = segments(seg, w.slice(j + 1).join(''));
    const wordAfter = after.length > 0 && after[0][1] - after[0][0] > 1;
    // (But a grammatical word after the copy is no second half of a word: 托管|管|等, 车辆|辆|已.)
    return ((!wordAfter && !GRAMMATICAL.has(w[j + 1] ?? '')) || LIGHT_VERBS.has(a)) && !insideWord(seg, w, i);
  }
  // (The first copy alone, the second in a word: most often the first ends a word the dictionary
  // lacks, 各项|项目, 覆盖率|率先, 地表水|水质.)
  // (Not a unit's character: the first copy ends a body's name the list lacks, 卫生健康委|委托.)
  // (Nor a name's given name of one character, after a surname that stands alone: 陈建|建议.)
  // (Where a break falls between the copies, a copy alone at a line's end is more often a slip than
  // a word the list lacks, and a smaller gain is enough: 予以通|通报, 保护修|修复.)
  if (rightWord) return !insideWord(seg, w, i) && (UNITS.has(a) || endsOnSurname(seg, w.slice(0, i).join('')) || !readsBetterWithout(seg, w, i, broken ? BROKEN_MARGIN : WITHOUT_MARGIN));
  return (UNITS.has(a) || REDUPLICATES.has(a)) && !insideWord(seg, w, i);
}

/** Whether a place's name as written (连云港 of 连云港市), of two characters or more, ends at `end` of `text`. */
function endsPlaceName(text: string, end: number): boolean {
  return placesIn(text).some((p) => end - p.at >= 2 && p.name.length > end - p.at && p.name.startsWith(text.slice(p.at, end)));
}

/** How much more probable (in nats) the window must read with the second copy taken out; where a line or page break falls between the copies. */
const WITHOUT_MARGIN = 10;
const BROKEN_MARGIN = 5;

/**
 * Whether the window reads far more probably with the second copy taken out (办理流|流程 → 办理|流程,
 * 金额|额达 → 金额|达): the first copy, alone, ends no word the list lacks, as 各项|项目 does (各项目
 * reads no better). Only where the segmenter scores its splits (the word list's).
 */
function readsBetterWithout(seg: WordSegmenter, w: string[], i: number, margin: number): boolean {
  if (!seg.score) return false;
  const written = w.join('');
  const without = [...w.slice(0, i + 1), ...w.slice(i + 2)].join('');
  return seg.score(without) - seg.score(written) >= margin;
}

/**
 * Whether, with the second copy taken out, the first sits inside one word with the characters on
 * both sides of it: the doubling was typed inside a word (委员员会, 西藏自治治区, 三中全全会).
 */
function insideWord(seg: WordSegmenter, w: string[], i: number): boolean {
  const kept = [...w.slice(0, i + 1), ...w.slice(i + 2)];
  const at = kept.slice(0, i).join('').length;
  const len = kept[i].length;
  return segments(seg, kept.join('')).some(([s, e]) => s < at && at + len < e);
}

/**
 * Whether the word `w[i, i+n)` written twice has a reading (ABAB), or is not a word doubled at
 * all: the copies must meet at a word's end, each whole on its side (带来|越来越 doubles no word;
 * 深入|深入开展 and 认真贯彻|贯彻落实 do).
 */
function wordIsWritten(seg: WordSegmenter, w: string[], i: number, n: number): boolean {
  const unit = w.slice(i, i + n).join('');
  if (new Set(unit).size === 1) return true;
  // (一X一X with a measure word: 一步一步, 一点一点; not 一是一是. With its noun too, one by one, where
  // a word follows and the unit is no word of its own: 一个问题一个问题地研究, 一棵树一棵树栽; not
  // 办成一件事一件事” nor 一次性一次性补助.)
  if (n === 2 && (ABAB_WORDS.has(unit) || (unit[0] === '一' && REDUPLICATES.has(unit[1])))) return true;
  if (n > 2 && unit[0] === '一' && REDUPLICATES.has(unit[1]) && han(w, i + 2 * n) && segments(seg, unit).length > 1) return true;
  if ([...unit].every((c) => NUMERALS.has(c))) return true;
  const text = w.join('');
  const offset = (k: number) => w.slice(0, k).join('').length;
  const words = segments(seg, text);
  // The copies meet where one word ends and the next starts; the first starts a word or ends one
  // that holds it whole, the second ends a word or starts one that holds it whole (乡村|振兴|乡村|振兴,
  // 认真贯彻|贯彻落实, 此项工作|工作).
  const mid = offset(i + n);
  const len = mid - offset(i);
  const before = words.find(([, e]) => e === mid);
  const after = words.find(([s]) => s === mid);
  if (!before || !after) return true;
  // (A unit's name before its head's title: 大队|大队长, 支部|支部书记.)
  if (UNITS.has(unit[n - 1]) && /^(?:长|主任|书记)/.test(text.slice(mid + len, mid + len + 2))) return true;
  const firstWhole = before[1] - before[0] >= len || words.some(([s]) => s === offset(i));
  const secondWhole = after[1] - after[0] >= len || words.some(([, e]) => e === offset(i + 2 * n)) || offset(i + 2 * n) === text.length;
  return !(firstWhole && secondWhole);
}

export const doubled: Check = inSteps({
  id: 'doubled',
  codes: [CODES.textDoubled],
  heavy: false,
  crossDocument: false,
  // (In steps, a pause every CHARS_PER_STEP characters: a stream may be the whole document.)
  *steps(model: DocumentModel, ctx: CheckContext): Steps<Finding[]> {
    const seg = wordSegmenter();
    if (!seg) return [];
    const t = translator(ctx.locale);
    const out: Finding[] = [];
    let read = 0;
    for (const s of streams(model)) {
      const { cps, at } = s;
      const han = (k: number) => k >= 0 && k < cps.length && isHanCodePoint(cps[k]);
      const chars = (from: number, to: number) => cps.slice(Math.max(0, from), Math.min(cps.length, to)).map((c) => String.fromCodePoint(c));
      let k = 0;
      while (k < cps.length) {
        if (++read % CHARS_PER_STEP === 0) yield;
        if (!han(k)) {
          k++;
          continue;
        }
        // The longest unit written twice from here: a word of 2 to 4 characters, or one.
        let n = 0;
        for (let m = 4; m >= 1 && !n; m--) {
          let same = true;
          for (let d = 0; d < m && same; d++) same = cps[k + d] === cps[k + m + d] && han(k + d);
          if (same) n = m;
        }
        if (!n || s.cells.has(k + n)) {
          k++;
          continue;
        }
        // A character three times over is no reduplication the language has (韦兰兰兰, 亮堂堂堂,
        // 热热闹闹闹): the third copy is the slip. Not a numeral's digits, nor a sound written out
        // four times or more (嘀嘀嘀嘀).
        // (Unless a word ends on the first and a reduplication starts on the second: 基层|层层加码,
        // 能源|源源不断.)
        const tripled =
          n === 1 &&
          cps[k + 2] === cps[k] &&
          cps[k - 1] !== cps[k] &&
          cps[k + 3] !== cps[k] &&
          !SOUND_AFTER.has(String.fromCodePoint(cps[k + 3] ?? 0)) &&
          !NUMERALS.has(String.fromCodePoint(cps[k])) &&
          !s.cells.has(k + 2) &&
          !(endsWord(seg, chars(k - WINDOW, k + 1).join('')) && startsWord(seg, chars(k + 1, k + 1 + WINDOW).join(''))) &&
          // (Nor a reduplication before a word that starts on the same character: 王明明|明确,
          // 一步步|步入, 一个个|个性.)
          !startsWord(seg, chars(k + 2, k + 2 + WINDOW).join(''));
        if (tripled) k++;
        const lo = Math.max(0, k - WINDOW);
        const w = chars(lo, k + 2 * n + WINDOW);
        const written = !tripled && (n === 1 ? singleIsWritten(seg, w, k - lo, s.breaks.has(k + 1)) : wordIsWritten(seg, w, k - lo, n));
        if (written) {
          k++;
          continue;
        }
        const unit = chars(k, k + n).join('');
        const start = at[k + n];
        const end = at[k + 2 * n - 1] + (cps[k + 2 * n - 1] > 0xffff ? 2 : 1);
        const shown = chars(k - 3, k + 2 * n + 3).join('');
        out.push({
          code: CODES.textDoubled,
          severity: 'warning',
          message: t(`“${unit}”重复：“${shown}”中多了一个“${unit}”。请删去重复的字词。`, `"${unit}" is written twice in "${shown}": delete the repeated one.`),
          span: { start, end },
          related: [],
          fixes: [{ title: t(`删去重复的“${unit}”`, `Delete the repeated "${unit}"`), edits: [{ span: { start, end }, newText: '' }] }],
        });
        k += 2 * n;
      }
    }
    return out;
  },
});
