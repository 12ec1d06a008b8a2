/**
 * Words written for other words (截流 for 截留, 起用 for 启用): both are words, so the written one is
 * reported only where a word right next to it shows the other is meant (截流资金).
 * `term.confusable`, read by the terms check.
 *
 * A pair is reported where the written word and a cue of its pair each stand as a word of their
 * own (the segmenter reads them so) right next to each other, in the same clause: no
 * mark of a clause's end, a table's cell, a bracket or a space between them.
 */
import { segments, type WordSegmenter } from './words';

export interface Confusable {
  written: string;
  meant: string;
  /** Words whose standing right next to `written` shows `meant` is meant. */
  cues: readonly string[];
}

/**
 * The pairs, compiled for Wengao on 2026-12-08 by a proofreader who saw neither the code nor any
 * test (each with its cues, a clause with the slip and one where the written word is right).
 */
export const CONFUSABLES: readonly Confusable[] = [
  { written: '截流', meant: '截留', cues: ['资金', '经费', '款项', '税款', '补贴', '挪用', '专款'] },
  { written: '反应', meant: '反映', cues: ['诉求', '呼声', '民意', '如实', '信访', '社情'] },
  { written: '反映', meant: '反应', cues: ['化学', '过敏', '应激', '连锁'] },
  { written: '检查', meant: '检察', cues: ['公诉', '批捕', '审查起诉', '公益诉讼', '抗诉', '起诉'] },
  { written: '检察', meant: '检查', cues: ['身体', '体格', '消防', '例行', '体检'] },
  { written: '调节', meant: '调解', cues: ['纠纷', '当事人', '诉前', '争议', '和解', '邻里'] },
  { written: '调解', meant: '调节', cues: ['收入分配', '供求', '杠杆', '温度', '湿度', '气候', '血糖'] },
  { written: '以至', meant: '以致', cues: ['酿成', '严重后果', '重大损失', '事故', '伤亡'] },
  { written: '权力', meant: '权利', cues: ['知情', '隐私', '消费者', '受教育', '继承', '义务', '劳动者'] },
  { written: '权利', meant: '权力', cues: ['笼子', '寻租', '一把手', '制约监督'] },
  { written: '启用', meant: '起用', cues: ['年轻干部', '人才', '新人', '老将', '提拔'] },
  { written: '起用', meant: '启用', cues: ['印章', '公章', '新址', '航站楼', '机场', '新校区'] },
  { written: '挤对', meant: '挤兑', cues: ['银行', '储户', '存款', '提现', '兑付'] },
  { written: '合拢', meant: '合龙', cues: ['大桥', '主桥', '桥梁', '主跨', '大坝', '钢箱梁'] },
  { written: '必需', meant: '必须', cues: ['牢固树立', '坚定不移', '毫不动摇', '始终坚持'] },
  { written: '考查', meant: '考察', cues: ['调研', '实地', '代表团', '出访', '视察', '工作组'] },
  { written: '渡过', meant: '度过', cues: ['春节', '假期', '晚年', '节日', '童年', '时光', '一生', '暑假'] },
  { written: '度过', meant: '渡过', cues: ['难关', '长江', '黄河', '险滩'] },
  { written: '国事', meant: '国是', cues: ['共商', '共议', '商讨'] },
  { written: '泄漏', meant: '泄露', cues: ['秘密', '机密', '隐私', '个人信息', '商业秘密', '密码', '内幕'] },
  { written: '泄露', meant: '泄漏', cues: ['燃气', '天然气', '液氨', '储罐', '危化品', '有毒气体'] },
  { written: '启示', meant: '启事', cues: ['招聘', '寻人', '征稿', '招领', '更正', '遗失'] },
  { written: '辨证', meant: '辩证', cues: ['唯物', '看待', '统一'] },
  { written: '暴发', meant: '爆发', cues: ['战争', '革命', '起义', '冲突', '金融危机', '武装', '内战'] },
  { written: '爆发', meant: '暴发', cues: ['山洪', '泥石流', '洪水', '传染病', '疫情'] },
  { written: '法制', meant: '法治', cues: ['思维', '营商环境', '理念'] },
  { written: '过度', meant: '过渡', cues: ['衔接', '平稳', '交接'] },
  { written: '过渡', meant: '过度', cues: ['开采', '依赖', '包装', '劳累', '放牧', '捕捞', '透支', '疲劳'] },
  { written: '原型', meant: '原形', cues: ['毕露', '现出', '打回'] },
  { written: '伏法', meant: '服法', cues: ['认罪', '悔罪', '服判'] },
  { written: '终生', meant: '终身', cues: ['追责', '禁驾', '监禁', '禁入', '大事'] },
  { written: '时效', meant: '实效', cues: ['取得', '务求', '收到', '见到'] },
  { written: '实效', meant: '时效', cues: ['诉讼', '追诉', '仲裁'] },
  { written: '申述', meant: '申诉', cues: ['不服', '判决', '裁定', '驳回', '复议'] },
  { written: '侦察', meant: '侦查', cues: ['公安', '犯罪', '案件', '刑事', '嫌疑人', '立案'] },
  { written: '侦查', meant: '侦察', cues: ['敌情', '部队', '阵地', '地形'] },
  { written: '记录', meant: '纪录', cues: ['打破', '刷新', '创下', '吉尼斯'] },
  { written: '纪录', meant: '记录', cues: ['会议', '执法', '如实', '谈话'] },
  { written: '一副', meant: '一幅', cues: ['画卷', '图景', '蓝图', '山水画', '油画'] },
  { written: '一幅', meant: '一副', cues: ['对联', '担子', '重担', '眼镜', '手套', '面孔', '春联'] },
  { written: '竖立', meant: '树立', cues: ['榜样', '典型', '意识', '观念', '形象', '信心', '导向'] },
  { written: '形式', meant: '形势', cues: ['研判', '复杂严峻', '严峻复杂', '逼人', '国际国内', '大好'] },
  { written: '形势', meant: '形式', cues: ['多样', '喜闻乐见', '载体', '丰富多彩'] },
  { written: '事实', meant: '实事', cues: ['好事', '惠民', '十件', '为民办'] },
  { written: '体质', meant: '体制', cues: ['机制', '政治', '行政', '编制'] },
  { written: '部属', meant: '部署', cues: ['决策', '周密', '统筹', '精心'] },
  { written: '置疑', meant: '质疑', cues: ['遭到', '引发', '受到'] },
  { written: '质疑', meant: '置疑', cues: ['不容', '无可', '毋庸'] },
  { written: '宣誓', meant: '宣示', cues: ['主权', '立场', '态度'] },
  { written: '收益', meant: '受益', cues: ['匪浅', '人次', '良多'] },
  { written: '一直', meant: '一致', cues: ['全票', '与会', '步调'] },
  { written: '回复', meant: '恢复', cues: ['通车', '供电', '秩序', '元气', '生机', '营业', '供水'] },
  { written: '接收', meant: '接受', cues: ['采访', '监督', '考验', '批评', '质询', '洗礼'] },
  { written: '接受', meant: '接收', cues: ['信号', '电报', '传真'] },
  { written: '心里', meant: '心理', cues: ['咨询', '疏导', '干预', '辅导', '障碍', '健康教育', '素质'] },
  { written: '心理', meant: '心里', cues: ['记在', '装在', '暖在', '乐在', '甜在'] },
  { written: '行驶', meant: '行使', cues: ['职权', '权力', '否决权', '管辖权', '主权'] },
  { written: '行使', meant: '行驶', cues: ['时速', '公里', '路段', '车道', '航道', '逆向'] },
  { written: '溶化', meant: '融化', cues: ['冰雪', '积雪', '冰川', '冰层'] },
  { written: '常住', meant: '常驻', cues: ['联合国', '使团', '代表团', '记者站'] },
  { written: '常驻', meant: '常住', cues: ['人口', '居民', '户口', '居住证'] },
  { written: '年检', meant: '年鉴', cues: ['编纂', '出版', '地方志', '史志'] },
  { written: '智能', meant: '职能', cues: ['履行', '划转', '交叉', '机构改革'] },
  { written: '职能', meant: '智能', cues: ['人工', '机器人', '终端', '家居', '手机'] },
  { written: '整治', meant: '政治', cues: ['站位', '觉悟', '判断力', '领悟力'] },
  { written: '政治', meant: '整治', cues: ['人居', '违建', '黑臭', '违章', '脏乱差'] },
  { written: '主题', meant: '主体', cues: ['经营', '多元', '履行', '地位'] },
  { written: '主体', meant: '主题', cues: ['党日', '鲜明', '演讲', '征文'] },
  { written: '人事', meant: '人士', cues: ['知名', '各界', '爱国', '无党派'] },
  { written: '人士', meant: '人事', cues: ['任免', '档案', '代理'] },
  { written: '公式', meant: '公示', cues: ['名单', '异议', '拟任', '任前'] },
  { written: '公证', meant: '公正', cues: ['公平', '廉洁', '无私'] },
  { written: '公正', meant: '公证', cues: ['遗嘱', '赠与', '委托书', '存证'] },
  { written: '检测', meant: '监测', cues: ['舆情', '地震', '水文', '气象', '雨情'] },
  { written: '监测', meant: '检测', cues: ['核酸', '送检', '试剂'] },
  { written: '发生', meant: '发声', cues: ['勇于', '敢于', '舞台'] },
  { written: '发声', meant: '发生', cues: ['火灾', '地震', '变化', '泥石流'] },
  { written: '报道', meant: '报到', cues: ['按时', '前来', '入职', '到岗'] },
  { written: '报到', meant: '报道', cues: ['记者', '媒体', '新闻', '专题'] },
  { written: '全力', meant: '权力', cues: ['滥用', '笼子', '寻租'] },
  { written: '权力', meant: '全力', cues: ['以赴', '竭尽', '倾尽', '全心'] },
  { written: '相应', meant: '响应', cues: ['号召', '倡议', '热烈'] },
  { written: '响应', meant: '相应', cues: ['处分', '处罚', '追究'] },
  { written: '适宜', meant: '事宜', cues: ['未尽', '善后', '商谈', '洽谈', '交接'] },
  { written: '代领', meant: '带领', cues: ['致富', '小康', '攻坚', '奋斗'] },
  { written: '构件', meant: '构建', cues: ['格局', '和谐', '共同体'] },
  { written: '概况', meant: '概括', cues: ['起来', '高度', '精辟'] },
  { written: '淡薄', meant: '淡泊', cues: ['明志', '宁静', '致远'] },
  { written: '共渡', meant: '共度', cues: ['春节', '佳节', '时光', '节日', '新春'] },
  { written: '共度', meant: '共渡', cues: ['难关', '时艰', '险滩'] },
  { written: '盈利', meant: '营利', cues: ['为目的', '社会组织', '民非'] },
  { written: '反复', meant: '反腐', cues: ['倡廉', '高压态势', '无禁区'] },
  { written: '各届', meant: '各界', cues: ['人士', '群众', '知名', '爱国'] },
];

export interface Confused {
  at: number;
  written: string;
  meant: string;
  cue: string;
}

/** What ends a clause, a table's cell or a bracket's aside: a cue beyond it speaks of something else. */
const CLAUSE_END = /[，。；！？：、,;!?:\n\t|（）()【】《》“”\s\u3000]/;
/** How many characters either side of the word are read for its neighbours. */
const REACH = 6;

/** The pairs by the first code unit of the written word, made once. */
const BY_FIRST = new Map<number, Confusable[]>();
for (const c of CONFUSABLES) {
  const k = c.written.charCodeAt(0);
  const l = BY_FIRST.get(k);
  if (l) l.push(c);
  else BY_FIRST.set(k, [c]);
}

/**
 * The confused words of `raw`, left to right: each written word of a pair that the segmenter reads
 * as a word of its own, with the word just before or just after it, in the same clause, a cue of
 * the pair. (The segmenter reads REACH characters each way: a long clause costs its length.)
 */
export function confusedWords(raw: string, seg: WordSegmenter | null): Confused[] {
  const out: Confused[] = [];
  if (!seg) return out;
  for (let i = 0; i < raw.length; i++) {
    const here = BY_FIRST.get(raw.charCodeAt(i));
    if (!here) continue;
    for (const c of here) {
      if (!raw.startsWith(c.written, i)) continue;
      let s = i;
      while (s > 0 && i - s < REACH && !CLAUSE_END.test(raw[s - 1])) s--;
      const end = i + c.written.length;
      let e = end;
      while (e < raw.length && e - end < REACH && !CLAUSE_END.test(raw[e])) e++;
      const words = segments(seg, raw.slice(s, e));
      const k = words.findIndex(([a, b]) => s + a === i && s + b === end);
      if (k < 0) continue;
      const neighbours = [words[k - 1], words[k + 1]].filter((w) => w !== undefined).map(([a, b]) => raw.slice(s + a, s + b));
      const cue = c.cues.find((q) => neighbours.includes(q));
      if (!cue) continue;
      out.push({ at: i, written: c.written, meant: c.meant, cue });
      i = end - 1;
      break;
    }
  }
  return out;
}
