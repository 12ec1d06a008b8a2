import { segments, type WordSegmenter } from './words';

/**
 * Common Chinese surnames, for the checks that must not read a person's name as a slip: a doubled
 * character that is a word's end and a name's start (学习|习近平, 王芳芳), a misspelled word that is
 * a given name after its surname (王洪锋 is no 洪峰).
 */
export const SURNAMES: ReadonlySet<string> = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split(''),
);

/**
 * Whether `before` ends on a surname that stands alone, ending no word before it: a name may start
 * there (副县长王|洪锋), not inside 督查|是 or 管道|道.
 */
export function endsOnSurname(seg: WordSegmenter | null, before: string): boolean {
  if (!SURNAMES.has(before[before.length - 1] ?? '')) return false;
  if (!seg) return true;
  const words = segments(seg, before);
  const last = words[words.length - 1];
  return last !== undefined && last[1] - last[0] === 1;
}
