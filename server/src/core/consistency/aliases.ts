/**
 * The names one standard statistical indicator goes by. Each entry: the name Wengao compares
 * under, the other names and abbreviations seen for it in reports and the press, and where the
 * names come from. Reviewed by hand; teams add their own in `.wengaorc.json` (`aliases`).
 *
 * An alias is replaced wherever it starts the indicator (规上工业增加值 → 规模以上工业增加值);
 * Latin abbreviations (GDP, CPI) wherever they stand (单位GDP能耗 → 单位地区生产总值能耗).
 * Keep entries to names that cannot mean anything else: 财政收入 is not 一般公共预算收入.
 */
export interface AliasEntry {
  name: string;
  aliases: readonly string[];
  /** Names that mean this indicator only when they are the whole name (投资 alone, not 投资额). */
  whole?: readonly string[];
  source: string;
}

const NBS = '国家统计局《统计指标解释》与历年《国民经济和社会发展统计公报》';
const PRESS = '政府工作报告及其新闻稿、解读中的通行简称';

export const INDICATOR_ALIASES: readonly AliasEntry[] = [
  { name: '地区生产总值', aliases: ['GDP', '国内生产总值', '生产总值', '经济总量', '地区经济总量'], whole: ['经济'], source: `${NBS}；GDP 为其英文缩写；${PRESS}（“经济增长6%”指地区生产总值增长）` },
  { name: '规模以上工业', aliases: ['规上工业', '规模工业'], source: `${NBS}（规模以上工业企业）；${PRESS}` },
  { name: '社会消费品零售总额', aliases: ['社零总额', '社消零总额', '社零'], whole: ['消费'], source: `${NBS}；${PRESS}（“消费增长5%”指社会消费品零售总额）` },
  { name: '固定资产投资', aliases: ['固投'], whole: ['投资', '全社会固定资产投资'], source: `${NBS}；${PRESS}（“投资增长5%”指固定资产投资）` },
  { name: '居民消费价格', aliases: ['CPI', '居民消费价格指数', '消费价格'], source: `${NBS}（居民消费价格指数，CPI）` },
  { name: '一般公共预算收入', aliases: ['地方一般公共预算收入', '一般预算收入', '地方一般预算收入'], source: '《中华人民共和国预算法》；财政部决算口径' },
  { name: '进出口总额', aliases: ['外贸进出口总额', '外贸进出口总值', '进出口总值', '外贸进出口', '货物进出口总额', '货物贸易进出口总额', '外贸总额'], whole: ['外贸', '进出口'], source: `${NBS}；海关统计口径` },
  { name: '研究与试验发展经费投入强度', aliases: ['R&D经费投入强度', 'R&D投入强度', '研发经费投入强度', '研发投入强度', '全社会研发经费投入强度', '全社会研发投入强度'], source: `${NBS}（研究与试验发展经费支出与GDP之比）` },
  { name: '接待游客', aliases: ['游客接待量', '接待游客量', '游客接待人次', '接待国内外游客', '接待海内外游客', '接待中外游客'], whole: ['游客'], source: `${NBS}、文化和旅游部统计口径；${PRESS}（“迎来游客”“吸引游客”）` },
  { name: '居民人均可支配收入', aliases: ['全体居民人均可支配收入', '全体常住居民人均可支配收入', '常住居民人均可支配收入'], source: `${NBS}（住户调查：全体居民人均可支配收入，新闻稿简称居民人均可支配收入）` },
  { name: '城镇居民人均可支配收入', aliases: ['城镇常住居民人均可支配收入'], source: `${NBS}（住户调查）` },
  { name: '农村居民人均可支配收入', aliases: ['农村常住居民人均可支配收入', '农民人均可支配收入'], source: `${NBS}（住户调查）` },
  // (Compared after 新增 is read as the verb: 城镇新增就业 is 城镇就业 + 新增, 新增就业 is 就业 + 新增.)
  { name: '城镇就业', aliases: [], whole: ['就业'], source: `${NBS}（城镇新增就业人数）；${PRESS}（“新增就业5万人”指城镇新增就业）` },
  // (A table of 地区生产总值 names its rows 第一产业, 第二产业, 第三产业: their value added.)
  { name: '第一产业增加值', aliases: [], whole: ['第一产业'], source: `${NBS}（三次产业分类）` },
  { name: '第二产业增加值', aliases: [], whole: ['第二产业'], source: `${NBS}（三次产业分类）` },
  { name: '第三产业增加值', aliases: ['服务业增加值'], whole: ['第三产业', '服务业'], source: `${NBS}（三次产业分类：第三产业即服务业）` },
  { name: '常住人口城镇化率', aliases: ['城镇化率'], source: `${NBS}` },
  { name: '粮食产量', aliases: ['粮食总产量', '粮食总产'], source: `${NBS}` },
  { name: '空气质量优良天数比例', aliases: ['空气优良天数比例', '优良天数比例', '空气质量优良天数比率', '空气优良天数比率', '优良天数比率'], source: '生态环境部《环境空气质量评价技术规范》' },
  // (The programme is urban by definition; 老旧小区 alone is its everyday name.)
  { name: '城镇老旧小区', aliases: ['老旧小区'], source: `国务院办公厅《关于全面推进城镇老旧小区改造工作的指导意见》（国办发〔2020〕23号）；${PRESS}` },
  { name: '高新技术企业', aliases: ['国家高新技术企业', '国家级高新技术企业'], source: '科技部、财政部、税务总局《高新技术企业认定管理办法》（国科发火〔2016〕32号）：高新技术企业均按国家办法认定，“国家高新技术企业”为其通称' },
  { name: '实际使用外资', aliases: ['实际利用外资', '实际使用外资金额', '实际利用外资金额'], source: '商务部外商投资统计口径（“实际使用外资”，旧称“实际利用外资”）' },
  { name: '普惠托位', aliases: ['普惠托育托位', '普惠性托位', '普惠性托育托位', '普惠托育服务托位'], source: '国家发展改革委、国家卫生健康委普惠托育服务专项行动（“普惠托位”即普惠性托育服务的托位）' },
  { name: '新能源装机', aliases: ['新能源装机容量', '新能源发电装机', '新能源发电装机容量'], source: '国家能源局电力统计口径（装机即发电装机容量）' },
  { name: '市场采购贸易出口', aliases: ['市场采购贸易方式出口', '市场采购方式出口'], source: '商务部等《关于加快推进市场采购贸易方式试点工作的函》；海关监管方式“市场采购”（1039）' },
  { name: '细颗粒物平均浓度', aliases: ['PM2.5平均浓度', 'PM2.5年均浓度', 'PM2.5浓度', '细颗粒物PM2.5平均浓度', '细颗粒物PM2.5浓度', '细颗粒物浓度', '细颗粒物年均浓度'], source: '生态环境部《环境空气质量标准》（GB 3095）' },
];
