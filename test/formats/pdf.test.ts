/**
 * The PDF reader (server/src/formats/pdf.ts): `layoutPdf` on positioned text written as a page
 * is set (each case a page or two of lines and the paragraphs a reader sees), `readPdf` on what
 * the engine refuses, and PDFs made by pdfkit with an embedded CJK font read through pdf.js.
 */
import { describe, expect, it } from 'vitest';
import { PdfEngine, PdfItem, layoutPdf, readPdf } from '../../server/src/formats/pdf';
import { describeOrigin, originAt } from '../../server/src/core/origins';
import { pdfEngine } from '../../server/src/io/pdfEngine';
import { predefinedCMapPdf, reportPdf } from '../helpers/pdf';

const SIZE = 16;
const LEFT = 80;
const TOP = 740;
const STEP = 28;

/**
 * A page written as lines: leading full-width spaces are a first-line indent (one character
 * each), `|` sets cells apart by a wide gap, and a line of '' leaves a blank line's gap. A line
 * that opens with ↑ stands in the top margin (a running header), one with ↓ in the foot margin
 * (a page number), as a printed page has them, apart from the text.
 */
function page(...all: string[]): PdfItem[] {
  const items: PdfItem[] = [];
  const lines = all.filter((l) => !/^[↑↓]/.test(l));
  const margin = all.filter((l) => /^[↑↓]/.test(l)).map((l) => ({ text: l.slice(1), y: l.startsWith('↑') ? TOP + STEP * 1.8 : TOP - (lines.length + 1.5) * STEP }));
  for (const m of margin) items.push({ str: m.text, x: LEFT + SIZE * 6, y: m.y, width: SIZE * [...m.text].length, size: SIZE * 0.75 });
  lines.forEach((line, row) => {
    const indent = /^\u3000*/.exec(line)![0].length;
    let x = LEFT + indent * SIZE;
    line.slice(indent).split('|').forEach((cell, i) => {
      if (i > 0) x += SIZE * 4;
      // (Each character its own run, as many PDF producers write Chinese text.)
      for (const ch of cell) {
        const w = /[!-~]/.test(ch) ? SIZE * 0.55 : SIZE;
        if (ch !== ' ') items.push({ str: ch, x, y: TOP - row * STEP, width: w, size: SIZE });
        x += w;
      }
    });
  });
  return items;
}

const read = (pages: PdfItem[][]) => {
  const r = layoutPdf(pages);
  if (!r.ok) throw new Error(r.message);
  return { lines: r.source.text.replace(/\n$/, '').split('\n').map((l, i) => `${describeOrigin(r.source.lines[i])} | ${l}`), notes: r.source.notes, source: r.source };
};

// Lines of 20 characters fill the measure.
const FULL = '一二三四五六七八九十一二三四五六七八九十';

describe('layoutPdf: a page as it is printed, read as paragraphs', () => {
  it('a paragraph opens at a first-line indent and runs on through full lines; a short line ends it', () => {
    expect(
      read([
        page(
          '\u3000\u3000关于2026年计划的报告',
          '\u3000\u3000全省地区生产总值增长5.5%左右，城镇新',
          '增就业60万人以上，居民收入同步增长。',
          '\u3000\u3000一、总体要求',
          FULL,
          FULL,
        ),
      ]).lines,
    ).toEqual(['第1页第1行 | 关于2026年计划的报告', '第1页第2行 | 全省地区生产总值增长5.5%左右，城镇新增就业60万人以上，居民收入同步增长。', '第1页第4行 | 一、总体要求', `第1页第5行 | ${FULL}${FULL}`]);
  });

  it('drops page numbers and a running header met on two pages; joins the paragraph the page break cut, and says so', () => {
    const r = read([
      page('\u3000\u3000' + FULL.slice(2), FULL, '\u3000\u3000城镇新增就业60万人以上，居民收入增长', '与经济增长同步，全年粮食产量稳定在1200万吨', '↓— 1 —'),
      page('↑2026年政府工作报告', '以上，单位地区生产总值能耗下降3%左右。', '\u3000\u3000二、主要任务', '\u3000\u3000各地区各部门要抓好落实。', '\u3000\u3000确保各项任务落到实处。', '↓— 2 —'),
      page('↑2026年政府工作报告', '\u3000\u3000三、保障措施', '↓— 3 —'),
    ]);
    // (Lines are counted as printed from the page's top: the header is line 1.)
    expect(r.lines).toEqual([
      `第1页第1行 | ${FULL.slice(2)}${FULL}`,
      '第1页第3行 | 城镇新增就业60万人以上，居民收入增长与经济增长同步，全年粮食产量稳定在1200万吨以上，单位地区生产总值能耗下降3%左右。',
      '第2页第3行 | 二、主要任务',
      '第2页第4行 | 各地区各部门要抓好落实。',
      '第2页第5行 | 确保各项任务落到实处。',
      '第3页第2行 | 三、保障措施',
    ]);
    expect(r.notes.join()).toContain('跨页的段落 1 处已按版式接上');
    // A place inside the joined paragraph is on the page and line it was printed on.
    const text = r.source.text.split('\n')[1];
    expect(describeOrigin(originAt(r.source.lines[1], text.indexOf('单位地区')))).toBe('第2页第2行');
    expect(describeOrigin(originAt(r.source.lines[1], text.indexOf('粮食产量')))).toBe('第1页第4行');
  });

  it('a running header met once (a two-page report has it on its second page) is dropped where it stands apart in smaller print', () => {
    expect(read([page('\u3000\u3000' + FULL.slice(2), FULL, '↓— 1 —'), page('↑2026年政府工作报告', '一二三四五六七八九十。', '↓— 2 —')]).lines).toEqual([
      `第1页第1行 | ${FULL.slice(2)}${FULL}一二三四五六七八九十。`,
    ]);
  });

  it('a page that opens with an indented line starts a new paragraph however full the last line was', () => {
    expect(read([page(FULL, FULL, '↓— 1 —'), page('\u3000\u3000二、主要任务', '↓— 2 —')]).lines).toEqual([`第1页第1行 | ${FULL}${FULL}`, '第2页第1行 | 二、主要任务']);
  });

  it("keeps the text's own short lines at a page's edge, though they repeat: a title like the running header, a table's rows", () => {
    expect(
      read([
        page('\u3000\u3000政府工作报告', '\u3000\u3000各位代表：', '年份|增速', '2021|5.2', '↓— 1 —'),
        page('↑政府工作报告', '年份|增速', '2022|5.3', '↓— 2 —'),
        page('↑政府工作报告', '\u3000\u3000以上。', '2023|5.4', '↓— 3 —'),
      ]).lines,
    ).toEqual([
      '第1页第1行 | 政府工作报告',
      '第1页第2行 | 各位代表：',
      '第1页第3行 | 年份\t增速',
      '第1页第4行 | 2021\t5.2',
      '第2页第2行 | 年份\t增速',
      '第2页第3行 | 2022\t5.3',
      '第3页第2行 | 以上。',
      '第3页第3行 | 2023\t5.4',
    ]);
  });

  it("a paragraph joined from thousands of lines keeps every line's place (pushed, not copied anew for each line)", () => {
    const lines = Array.from({ length: 5000 }, () => FULL);
    const r = read([page('\u3000\u3000' + FULL.slice(2), ...lines, '\u3000\u3000完。')]);
    expect(r.lines).toHaveLength(2);
    const o = r.source.lines[0];
    expect(o.part === 'page' && o.rest?.length).toBe(5000);
    expect(describeOrigin(originAt(o, 18 + 20 * 4999 + 3))).toBe('第1页第5001行');
  });

  it("footnotes in small print at a page's foot leave the flow: the paragraph they cut runs on, and they are read after the text", () => {
    const small = (text: string, row: number): PdfItem => ({ str: text, x: LEFT, y: TOP - row * STEP, width: text.length * 10, size: 10 });
    const r = read([
      [...page('\u3000\u3000' + FULL.slice(2), FULL), small('①按可比价格计算。', 2.5)],
      page('城镇新增就业60万人。'),
    ]);
    expect(r.lines).toEqual([`第1页第1行 | ${FULL.slice(2)}${FULL}城镇新增就业60万人。`, ' | ', '第1页第3行 | ①按可比价格计算。']);
  });

  it('a gap of a blank line reads as a blank line; cells set apart by a wide gap as tabs', () => {
    expect(read([page('\u3000\u3000主要指标', '', '指标|2025年|2026年目标', '增速|5.3%|5%左右')]).lines).toEqual([
      '第1页第1行 | 主要指标',
      ' | ',
      // (Lines are counted as printed: a blank line is none.)
      '第1页第2行 | 指标\t2025年\t2026年目标',
      '第1页第3行 | 增速\t5.3%\t5%左右',
    ]);
  });

  it('a space is kept between narrow characters apart, never between two Chinese ones', () => {
    expect(read([page('\u3000\u3000GDP 增长 5.3%，- 健康')]).lines).toEqual(['第1页第1行 | GDP 增长 5.3%，- 健康']);
  });

  it('no text on any page: a scan, refused with what to do; a page without text among others is said', () => {
    const r = layoutPdf([[], []]);
    expect(r.ok ? 'read' : r.message).toMatch(/没有文字层，可能是扫描件.*OCR/);
    expect(read([page('\u3000\u3000正文。'), []]).notes.join()).toContain('第2页没有文字层');
  });
});

describe('readPdf: what the engine refuses', () => {
  const refusing = (name: string, message: string): PdfEngine => ({
    open: async () => {
      const e = new Error(message);
      e.name = name;
      throw e;
    },
  });
  it('an encrypted PDF, a damaged one', async () => {
    const enc = await readPdf(refusing('PasswordException', 'No password given'), new Uint8Array(1));
    expect(enc.ok ? 'read' : enc.message).toMatch(/PDF 已加密：请先解除密码/);
    const bad = await readPdf(refusing('InvalidPDFException', 'Invalid PDF structure.'), new Uint8Array(1));
    expect(bad.ok ? 'read' : bad.message).toMatch(/PDF 文件已损坏或不是 PDF（Invalid PDF structure\.）/);
  });
});

describe('PDFs with an embedded CJK font, through pdf.js', () => {
  it('reads the printed report back: paragraphs joined across pages, page furniture gone, places by page and line', async () => {
    const text = '2026年政府工作报告\n\n各位代表：\n全省地区生产总值增长5.5%左右，城镇新增就业60万人以上，居民收入增长与经济增长同步，粮食产量稳定在1200万吨以上。\n一、总体要求\n';
    const bytes = await reportPdf(text, { charsPerLine: 20, linesPerPage: 5, header: '' });
    const r = await readPdf(await pdfEngine(), new Uint8Array(bytes));
    if (!r.ok) throw new Error(r.message);
    expect(r.source.text).toBe(text.replace(/\u3000/g, ''));
    // (Lines are counted as printed: the blank line under the title is none.)
    expect(r.source.lines.map((o) => describeOrigin(o))).toEqual(['第1页第1行', '', '第1页第2行', '第1页第3行', '第2页第2行']);
    expect(r.source.notes.join()).toContain('跨页的段落 1 处已按版式接上');
  });

  it('a Chinese font named, not embedded, on a predefined CMap (STSong-Light, UniGB-UCS2-H) is read, not taken for a scan', async () => {
    const r = await readPdf(await pdfEngine(), new Uint8Array(predefinedCMapPdf(['2026年政府工作报告', '全省地区生产总值增长5%左右。'])));
    if (!r.ok) throw new Error(r.message);
    expect(r.source.text).toBe('2026年政府工作报告\n全省地区生产总值增长5%左右。\n');
  });

  it('an encrypted PDF and bytes that are no PDF, each with its message', async () => {
    const engine = await pdfEngine();
    const locked = await reportPdf('正文。\n', { password: 'secret' });
    const enc = await readPdf(engine, new Uint8Array(locked));
    expect(enc.ok ? 'read' : enc.message).toMatch(/PDF 已加密/);
    const junk = await readPdf(engine, new TextEncoder().encode('%PDF-1.7 全省地区生产总值增长5%。'));
    expect(junk.ok ? 'read' : junk.message).toMatch(/PDF 文件已损坏或不是 PDF/);
  });
});
