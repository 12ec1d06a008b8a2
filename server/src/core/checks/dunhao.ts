/**
 * Check `dunhao` (GB/T 15834-2011 4.5, 顿号): code `punct.dunhao`, with a fix that deletes the 顿号.
 * - A 顿号 right before the word that closes a series: 和, 及, 以及, 与, 或, 或者, 并, 等, 等等
 *   ("教育、医疗、和养老", "交通、水利、等基础设施"): the conjunction or 等 takes the 顿号's place.
 *   Silent where the character starts a word of its own (和谐, 及时, 与会, 等级, 并购) or a place's
 *   name (和田, 和平区).
 * - A 顿号 between titles in 书名号 or items in quotation marks standing side by side
 *   (《民法典》、《刑法》, “十四五”、“十五五”), which the standard usually writes without it
 *   (4.5.3.5). Silent where something stands between them (《规划》（2026年）、《方案》).
 */
import type { Check, CheckContext } from './check';
import { CODES, Finding } from '../findings';
import { placesIn } from '../figures/context';
import { isKnownPlace } from '../figures/gazetteer';
import { translator } from '../locale';
import type { DocumentModel } from '../model';
import { inHeadingMarker, proseParagraphs } from './prose';

/** A 顿号 and the word after it that closes a series, unless that character starts another word. */
const BEFORE_CONJ =
  /、[ \t\u3000]*(?=以及(?!时)|或者|等等|和(?!谐|平|睦|美|煦|蔼|气|解|善|衷|盘|声|弦|风|畅|顺)|及(?!时|早|格|至|其|第|物)|与(?!会|时俱进|日俱增|生俱来|其)|或(?!许|多或少|缺|然|有)|并(?!购|列|联|网|行|重|举|存|轨|肩|非|不)|等(?!级|次|待|同|候|于|量|额|距|价|效|高|分|第|离子|腰|闲|式|保))/g;
/** A 顿号 between two titles or two quotations side by side. */
const BETWEEN_TITLES = /[》”]、(?=[《“])/g;

/** Characters of a slice without a surrogate the slice cut off from its pair. */
const whole = (chars: string[]) => chars.filter((c) => !(c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff));

export const dunhao: Check = {
  id: 'dunhao',
  codes: [CODES.punctDunhao],
  heavy: false,
  crossDocument: false,
  run(model: DocumentModel, ctx: CheckContext): Finding[] {
    const t = translator(ctx.locale);
    const out: Finding[] = [];
    const inMarker = inHeadingMarker(model);
    for (const { p, raw } of proseParagraphs(model)) {
      if (!raw.includes('、')) continue;
      BEFORE_CONJ.lastIndex = 0;
      for (let m = BEFORE_CONJ.exec(raw); m; m = BEFORE_CONJ.exec(raw)) {
        const at = p.start + m.index;
        if (inMarker(at)) continue;
        // (Bounded: the rules read a few items around the mark; a slice to the paragraph's end at
        // every mark would cost the square of a long paragraph.)
        const rest = raw.slice(m.index + m[0].length, m.index + m[0].length + 40);
        // (A place whose name starts with the word: 喀什、和田; a list of headings' numbers.)
        // (Named by its stem too: 和田 for 和田市, 和平 for 和平区.)
        const stem = rest.slice(0, 2);
        if (placesIn(rest.slice(0, 12)).some((x) => x.at === 0) || [2, 3, 4].some((k) => isKnownPlace(rest.slice(0, k).replace(/[、，。]$/, ''))) || ['市', '县', '区', '地区'].some((suffix) => isKnownPlace(stem + suffix))) continue;
        // (A list of names, 李建华、和丽萍、杨春林: items of two or three characters, the next one a name
        // that starts with the character.)
        const prevItem = /[^、，,：:；;。\s]*$/.exec(raw.slice(Math.max(0, m.index - 12), m.index))![0];
        const nextItem = /^[^、，,：:；;。\s]*/.exec(rest)![0];
        const afterNext = rest[nextItem.length] === '、' ? /^[^、，,：:；;。\s]*/.exec(rest.slice(nextItem.length + 1))![0] : '';
        const short = (x: string) => x.length >= 2 && x.length <= 4 && /^\p{Script=Han}+$/u.test(x);
        const nameAfter = rest[nextItem.length] === '、' && /^\p{Script=Han}{2,3}(?=等|、|，|。|$)/u.test(rest.slice(nextItem.length + 1));
        if (nextItem.length === 3 && /^\p{Script=Han}+$/u.test(nextItem) && (short(prevItem) || short(afterNext) || nameAfter)) continue;
        const word = /^(?:以及|或者|等等|和|及|与|或|并|等)/.exec(rest)![0];
        out.push({
          code: CODES.punctDunhao,
          severity: 'warning',
          message: t(`“${word}”前不用顿号：并列成分的最后一项由“${word}”连接，顿号应删去（GB/T 15834-2011 4.5）。`, `No enumeration comma "、" before "${word}": "${word}" joins the last item of the series, so delete the "、" (GB/T 15834-2011 4.5).`),
          span: { start: at, end: at + 1 },
          related: [],
          fixes: [{ title: t('删去顿号', 'Delete the "、"'), edits: [{ span: { start: at, end: at + m[0].length }, newText: '' }] }],
        });
      }
      BETWEEN_TITLES.lastIndex = 0;
      for (let m = BETWEEN_TITLES.exec(raw); m; m = BETWEEN_TITLES.exec(raw)) {
        const at = p.start + m.index + 1;
        const titles = m[0][0] === '》';
        // (The two items it stands between, so that the message says which; by characters, so that no
        // surrogate pair is cut.)
        const open = raw.lastIndexOf(titles ? '《' : '“', m.index);
        const close = raw.indexOf(titles ? '》' : '”', m.index + 2);
        const shown = open >= 0 && close > 0 && close - open <= 60 ? raw.slice(open, close + 1) : whole([...raw.slice(Math.max(0, m.index - 12), m.index)]).slice(-6).join('') + whole([...raw.slice(m.index, m.index + 16)]).slice(0, 8).join('');
        out.push({
          code: CODES.punctDunhao,
          severity: 'warning',
          message: titles
            ? t(`${shown}：并列的书名号之间通常不用顿号（GB/T 15834-2011 4.5.3.5），请删去。`, `"${shown}": titles in title marks 《》 side by side usually take no "、" between them (GB/T 15834-2011 4.5.3.5): delete it.`)
            : t(`${shown}：并列的引号之间通常不用顿号（GB/T 15834-2011 4.5.3.5），请删去。`, `"${shown}": quotations side by side usually take no "、" between them (GB/T 15834-2011 4.5.3.5): delete it.`),
          span: { start: at, end: at + 1 },
          related: [],
          fixes: [{ title: t('删去顿号', 'Delete the "、"'), edits: [{ span: { start: at, end: at + 1 }, newText: '' }] }],
        });
      }
    }
    return out.sort((a, b) => a.span.start - b.span.start);
  },
};
