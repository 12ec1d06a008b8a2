/**
 * The curated list of misspellings and standard formulations that `term.*` checks: each entry
 * with its correct form and its source. Reviewed by hand; an entry goes in only where the wrong
 * form has no correct reading in these documents.
 *
 * Sources: 《现代汉语词典》第7版 (商务印书馆, 2016) for the spelling of words and set phrases;
 * 《第一批异形词整理表》(教育部、国家语委, 2002) for the forms it standardises; GB/T 15834-2011 4.8.3
 * (引号 mark special terms such as the names of plans, “十四五”).
 */

export interface TermEntry {
  /** The wrong form: a literal string, or a pattern where the context decides (截止 before a date). */
  wrong: string | RegExp;
  right: string;
  source: string;
  /** `term.misspelling` (a word written wrong) or `term.formulation` (a standard formulation). */
  kind: 'misspelling' | 'formulation';
  /** A pattern entry's name: what a project's `substitutions` turns it off by (null). */
  name?: string;
}

const XIANDAI = '《现代汉语词典》第7版';
const YIXING = '《第一批异形词整理表》';

/** Where a project's own entry (`.wengaorc.json` `substitutions`) comes from, as its messages say. */
export const PROJECT_SOURCE = '本项目用语表 .wengaorc.json';

/** The sources by their English names, for messages in English. */
export const SOURCE_EN: Record<string, string> = {
  [XIANDAI]: 'Xiandai Hanyu Cidian, 7th edition',
  [YIXING]: 'the First List of Standardised Variant Forms, 2002',
  [PROJECT_SOURCE]: "the project's list in .wengaorc.json",
};

/** Misspelled words and set phrases: wrong form, right form. */
const MISSPELLINGS: Array<[string, string, string?]> = [
  ['布署', '部署'], ['一如继往', '一如既往'], ['再接再励', '再接再厉'], ['按步就班', '按部就班'],
  ['迫不急待', '迫不及待'], ['必竟', '毕竟'], ['针砭时蔽', '针砭时弊'], ['松驰', '松弛'], ['幅射', '辐射'],
  ['渲泄', '宣泄'], ['既使', '即使'], ['震憾', '震撼'], ['谈笑风声', '谈笑风生'], ['走头无路', '走投无路'],
  ['默守成规', '墨守成规'], ['一愁莫展', '一筹莫展'], ['甘败下风', '甘拜下风'], ['自抱自弃', '自暴自弃'],
  ['穿流不息', '川流不息'], ['不径而走', '不胫而走'], ['滥芋充数', '滥竽充数'], ['脍灸人口', '脍炙人口'],
  ['金榜提名', '金榜题名'], ['出奇不意', '出其不意'], ['名符其实', '名副其实'], ['一股作气', '一鼓作气'],
  ['挺而走险', '铤而走险'], ['变本加利', '变本加厉'], ['食不裹腹', '食不果腹'], ['迫在眉捷', '迫在眉睫'],
  ['气势凶凶', '气势汹汹'], ['峻工', '竣工'], ['编篡', '编纂'], ['追朔', '追溯'], ['坐阵', '坐镇'],
  ['寒喧', '寒暄'], ['既往不究', '既往不咎'], ['委屈求全', '委曲求全'], ['美仑美奂', '美轮美奂'],
  ['天翻地复', '天翻地覆'], ['真知卓见', '真知灼见'], ['有持无恐', '有恃无恐'], ['心心相映', '心心相印'],
  ['声名雀起', '声名鹊起'], ['各行其事', '各行其是'], ['一诺千斤', '一诺千金'], ['鬼鬼崇崇', '鬼鬼祟祟'],
  ['惹事生非', '惹是生非'], ['纷至踏来', '纷至沓来'], ['蛛丝蚂迹', '蛛丝马迹'], ['沤心沥血', '呕心沥血'],
  ['病入膏盲', '病入膏肓'], ['厉精图治', '励精图治'], ['精兵减政', '精兵简政'], ['座落', '坐落'],
  ['渡假', '度假'], ['部份', '部分', YIXING], ['份内', '分内', YIXING], ['份量', '分量', YIXING], ['做为', '作为'],
  ['好象', '好像'], ['重迭', '重叠', YIXING], ['装祯', '装帧'], ['人情事故', '人情世故'], ['凑和', '凑合'],
  ['弄虚做假', '弄虚作假'], ['贯彻落室', '贯彻落实'], ['迄今未止', '迄今为止'],
  ['勿容置疑', '毋庸置疑'], ['无可质疑', '无可置疑'], 
  ['明查暗访', '明察暗访'], ['相辅相承', '相辅相成'], ['再所不惜', '在所不惜'],
  ['当人不让', '当仁不让'], ['以身做则', '以身作则'], ['始终不逾', '始终不渝'], 
  ['不记其数', '不计其数'], ['众志成诚', '众志成城'], ['防范于未然', '防患于未然'], ['严励打击', '严厉打击'],
  ['凤毛鳞角', '凤毛麟角'], ['出谋化策', '出谋划策'],
  ['不落巢臼', '不落窠臼'], ['草管人命', '草菅人命'], ['迫于眉睫', '迫在眉睫'], ['融汇贯通', '融会贯通'],
  ['直接了当', '直截了当'], ['一张一驰', '一张一弛'], ['出人头第', '出人头地'],
];

export const TERMS: readonly TermEntry[] = [
  ...MISSPELLINGS.map(([wrong, right, source]): TermEntry => ({ wrong, right, source: source ?? XIANDAI, kind: 'misspelling' })),
  // 截止 is where something stops (截止日期, 报名截止); 截至 is "up to" a time (截至2025年底).
  { wrong: /截止(?=(?:到|于)?(?:\d{4}年|\d{1,2}月|\d{1,2}日|目前|今年|去年|上年|本年|年底|年末|本月|上月|当前|今日|发稿|\d{4}[-./]))/g, right: '截至', source: XIANDAI, kind: 'formulation', name: '截止' },
  // 既要……又要 (both … and), not 即要.
  { wrong: /即要(?=[^。；！？\n]{1,40}又要)/g, right: '既要', source: XIANDAI, kind: 'formulation', name: '即要' },
];

/** The name of a five-year plan written without its quotation marks: 十四五 → “十四五” (GB/T 15834-2011 4.8.3). */
/** (Not an approximate number, 十四五个 — fourteen or fifteen.) */
export const PLAN_NAME = /(?<![“"「『‘〈一二三四五六七八九十第])十[一二三四五六七八九]五(?![”"」』’五年个人岁天名家次位只件条万千百])/g;
