/**
 * The .docx reader (server/src/formats/docx.ts) on files made as Word makes them (`docx` package):
 * each case a document and the text a reviewer reads in it, line by line, with the place each line
 * names; then the inputs it must refuse with a clear message, bounded.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../server/src/formats/docx';
import { describeOrigin } from '../../server/src/core/origins';
import { d, docxOf, lineParagraph } from '../helpers/docx';

const DATE = '2026-01-05T09:00:00Z';

/** The reading as lines `place | text`, the way the cases below write what a reviewer sees. */
async function read(file: Promise<Buffer> | Buffer): Promise<string[]> {
  const r = readDocx(new Uint8Array(await file));
  if (!r.ok) throw new Error(r.message);
  const lines = r.source.text.replace(/\n$/, '').split('\n');
  expect(lines.length).toBe(r.source.lines.length);
  return lines.map((l, i) => `${describeOrigin(r.source.lines[i])} | ${l}`);
}

const refused = (bytes: Uint8Array) => {
  const r = readDocx(bytes);
  return r.ok ? 'read' : r.message;
};

describe('readDocx: what a reviewer reads in a .docx', () => {
  it('list numbers as displayed: 一、 （一） 1. ①, a nested level counted under its parent, a second list of the same definition restarted', async () => {
    const numbering = {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: d.LevelFormat.CHINESE_COUNTING, text: '%1、' },
            { level: 1, format: d.LevelFormat.CHINESE_COUNTING, text: '（%2）' },
            { level: 2, format: d.LevelFormat.DECIMAL, text: '%3.' },
            { level: 3, format: d.LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%4' },
          ],
        },
      ],
    };
    const item = (text: string, level: number, instance = 0) => lineParagraph(text, { numbering: { reference: 'outline', level, instance } });
    expect(
      await read(
        docxOf(
          [
            item('2025年工作回顾', 0),
            item('稳增长', 1),
            item('工业增长6%。', 2),
            item('投资增长5%。', 2),
            item('重大项目', 3),
            item('促改革', 1),
            item('2026年工作安排', 0),
            item('稳就业', 1),
            item('另一份清单的第一项', 0, 1),
          ],
          { numbering },
        ),
      ),
    ).toEqual([
      '第1段 | 一、2025年工作回顾',
      '第2段 | （一）稳增长',
      '第3段 | 1.工业增长6%。',
      '第4段 | 2.投资增长5%。',
      '第5段 | ①重大项目',
      '第6段 | （二）促改革',
      '第7段 | 二、2026年工作安排',
      '第8段 | （一）稳就业',
      '第9段 | 一、另一份清单的第一项',
    ]);
  });

  it('a heading style without a marker of its own reads as a markdown heading; one with a marker, and the title, as written', async () => {
    expect(
      await read(
        docxOf([
          lineParagraph('2026年政府工作报告', { heading: d.HeadingLevel.TITLE }),
          lineParagraph('总体要求', { heading: d.HeadingLevel.HEADING_1 }),
          lineParagraph('一、主要目标', { heading: d.HeadingLevel.HEADING_1 }),
          lineParagraph('具体指标', { heading: d.HeadingLevel.HEADING_2 }),
          lineParagraph('地区生产总值增长5%左右。'),
        ]),
      ),
    ).toEqual(['第1段 | 2026年政府工作报告', '第2段 | # 总体要求', '第3段 | 一、主要目标', '第4段 | ## 具体指标', '第5段 | 地区生产总值增长5%左右。']);
  });

  it('a table as rows of cells set apart by tabs, a cell of two paragraphs on one line, blank lines around it', async () => {
    const cell = (...paras: string[]) => new d.TableCell({ children: paras.map((p) => new d.Paragraph(p)) });
    const table = new d.Table({
      rows: [
        new d.TableRow({ children: [cell('指标'), cell('2025年', '实绩'), cell('2026年目标')] }),
        new d.TableRow({ children: [cell('地区生产总值增速'), cell('5.3%'), cell('5%左右')] }),
      ],
    });
    expect(await read(docxOf([lineParagraph('主要指标如下表。'), table, lineParagraph('以上指标已经审议。')]))).toEqual([
      '第1段 | 主要指标如下表。',
      ' | ',
      '表1第1行 | 指标\t2025年 实绩\t2026年目标',
      '表1第2行 | 地区生产总值增速\t5.3%\t5%左右',
      ' | ',
      '第2段 | 以上指标已经审议。',
    ]);
  });

  it('footnotes after the body, numbered in the order they are referenced, their marks left out of the text', async () => {
    const footnotes = { 7: { children: [new d.Paragraph('数据来源：省统计局。')] }, 3: { children: [new d.Paragraph('按可比价格计算。')] } };
    expect(
      await read(
        docxOf(
          [
            new d.Paragraph({ children: [new d.TextRun('全省地区生产总值增长5.5%'), new d.FootnoteReferenceRun(3), new d.TextRun('。')] }),
            new d.Paragraph({ children: [new d.TextRun('城镇新增就业62万人'), new d.FootnoteReferenceRun(7), new d.TextRun('。')] }),
          ],
          { footnotes },
        ),
      ),
    ).toEqual(['第1段 | 全省地区生产总值增长5.5%。', '第2段 | 城镇新增就业62万人。', ' | ', '脚注1 | 注1：按可比价格计算。', ' | ', '脚注2 | 注2：数据来源：省统计局。']);
  });

  it('tracked changes read as accepted (an insertion kept, a deletion dropped) and said in the notes; comments not read', async () => {
    const file = docxOf(
      [
        new d.Paragraph({
          children: [
            new d.TextRun('城镇新增就业'),
            new d.DeletedTextRun({ text: '50', id: 1, author: '审校', date: DATE }),
            new d.InsertedTextRun({ text: '60', id: 2, author: '审校', date: DATE }),
            new d.TextRun('万人以上。'),
          ],
        }),
        new d.Paragraph({ children: [new d.CommentRangeStart(0), new d.TextRun('粮食产量稳定在1200万吨以上。'), new d.CommentRangeEnd(0), new d.TextRun({ children: [new d.CommentReference(0)] })] }),
      ],
      { comments: { children: [{ id: 0, author: '审校', date: new Date(DATE), children: [new d.Paragraph('请核对1300万吨。')] }] } },
    );
    expect(await read(file)).toEqual(['第1段 | 城镇新增就业60万人以上。', '第2段 | 粮食产量稳定在1200万吨以上。']);
    const r = readDocx(new Uint8Array(await file));
    expect(r.ok && r.source.notes.join()).toMatch(/修订.*接受/);
  });

  it('empty paragraphs are one blank line, never counted; a line break inside a paragraph starts a line of the same paragraph', async () => {
    expect(
      await read(
        docxOf([
          new d.Paragraph({ children: [new d.TextRun('关于2026年计划的报告'), new d.TextRun({ break: 1 }), new d.TextRun('——在市人大会议上')] }),
          new d.Paragraph(''),
          new d.Paragraph(''),
          new d.Paragraph('各位代表：'),
        ]),
      ),
    ).toEqual(['第1段 | 关于2026年计划的报告', '第1段 | ——在市人大会议上', ' | ', '第2段 | 各位代表：']);
  });
});

describe('readDocx: Word\'s XML as other editors and old files write it', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  const doc = (xml: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${xml}</w:body></w:document>`;
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const p = (text: string, props = '') => `<w:p><w:pPr>${props}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const num = (ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr>`;
  const file = (body: string, extra: Record<string, string> = {}) =>
    zipSync(Object.fromEntries(Object.entries({ 'word/document.xml': doc(body), 'word/numbering.xml': numbering, ...extra }).map(([k, v]) => [k, strToU8(v)])));
  const lines = (bytes: Uint8Array) => {
    const r = readDocx(bytes);
    if (!r.ok) throw new Error(r.message);
    return r.source.text.replace(/\n$/, '').split('\n');
  };

  it('a deleted paragraph mark joins two paragraphs, which keep the second one\'s number alone', () => {
    expect(lines(file(p('总体要求', num(0)) + p('稳', num(1) + '<w:rPr><w:del w:id="1" w:author="a"/></w:rPr>') + p('增长', num(1)) + p('促改革', num(1))))).toEqual([
      '一、总体要求',
      '（一）稳增长',
      '（二）促改革',
    ]);
  });

  it('the old properties of a tracked change (w:pPrChange) are not the ones in force', () => {
    const changed = `${num(1)}<w:pPrChange w:id="2" w:author="a"><w:pPr><w:pStyle w:val="Heading1"/>${num(0)}</w:pPr></w:pPrChange>`;
    expect(lines(file(p('总体要求', num(0)) + p('稳增长', changed)))).toEqual(['一、总体要求', '（一）稳增长']);
  });

  it('a text box is read once: its fallback copy for old readers adds no table and no line', () => {
    const table = (cell: string) => `<w:tbl><w:tr><w:tc>${p(cell)}</w:tc></w:tr></w:tbl>`;
    const box = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent>${p('框内文字。')}</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>${p('框内文字。')}${table('旧表')}${p('')}</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const r = readDocx(file(box + table('指标') + p('正文。')));
    if (!r.ok) throw new Error(r.message);
    expect(r.source.text).toBe('框内文字。\n\n指标\n\n正文。\n');
    expect(r.source.lines.map((o) => describeOrigin(o))).toEqual(['第1段', '', '表1第1行', '', '第2段']);
  });

  it('numbers a file states out of bounds (a level "x", a start of -100 or 2,000,000,000) are read as Word\'s defaults, never thrown on', () => {
    const odd = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="x"><w:start w:val="1"/></w:lvl><w:lvl w:ilvl="0"><w:start w:val="-100"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="2000000000"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="x"><w:startOverride/></w:lvlOverride></w:num></w:numbering>`;
    expect(lines(file(p('第一项', num(0)) + p('第二项', num(1)), { 'word/numbering.xml': odd }))).toEqual(['a)第一项', 'A.第二项']);
  });

  it("a ruby's annotation (the pinyin over the characters) is not read into the text", () => {
    const ruby = `<w:p><w:r><w:t>发展</w:t></w:r><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhēng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>征</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>程。</w:t></w:r></w:p>`;
    expect(lines(file(ruby))).toEqual(['发展征程。']);
  });

  it('a CR written in w:t is a space, not a line of its own; the main part is where the package\'s relationships say', () => {
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`;
    const bytes = zipSync({ '_rels/.rels': strToU8(rels), 'word/document2.xml': strToU8(doc(p('全省地区生产总值&#13;增长5%。'))) });
    const r = readDocx(bytes);
    expect(r.ok && r.source.text).toBe('全省地区生产总值 增长5%。\n');
    expect(r.ok && r.source.lines).toHaveLength(1);
  });
});

describe('readDocx: what it refuses, each with a message and nothing read', () => {
  const zip = (files: Record<string, string | Uint8Array>) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));
  const body = (xml: string) =>
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${xml}</w:body></w:document>`;

  it('an encrypted file (or a .doc): an OLE container, not a zip', () => {
    expect(refused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]))).toMatch(/已加密.*另存为 \.docx/);
  });

  it('a damaged zip, text renamed .docx, a zip with no document', () => {
    const good = zip({ 'word/document.xml': body('<w:p><w:r><w:t>正文。</w:t></w:r></w:p>') });
    expect(refused(good.slice(0, good.length - 30))).toMatch(/已损坏/);
    expect(refused(strToU8('全省地区生产总值增长5%。'))).toMatch(/不是有效的 \.docx/);
    expect(refused(zip({ 'a.txt': 'x' }))).toMatch(/没有 word\/document\.xml/);
  });

  it('a zip bomb: a part announced over the limit is refused before anything is inflated', () => {
    const spaces = new Uint8Array(65 * 1024 * 1024).fill(0x20);
    const bomb = zipSync({ 'word/document.xml': spaces }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refused(bomb)).toMatch(/超过 64 MB 的上限.*压缩炸弹/);
  });

  it('malformed XML names the part; a document of images only, or of nothing, says so', () => {
    expect(refused(zip({ 'word/document.xml': body('<w:p><w:r><w:t>正文</w:r></w:p>') }))).toMatch(/XML 有误（word\/document\.xml/);
    expect(refused(zip({ 'word/document.xml': body('<w:p><w:r><w:drawing/></w:r></w:p>') }))).toMatch(/只有图片/);
    expect(refused(zip({ 'word/document.xml': body('<w:p/>') }))).toMatch(/没有文字/);
  });

  it('XML nested deep, or a style chain that loops, neither hangs nor overflows', () => {
    const deep = '<w:sdt>'.repeat(20000) + '<w:p><w:r><w:t>正文。</w:t></w:r></w:p>' + '</w:sdt>'.repeat(20000);
    expect(readDocx(zip({ 'word/document.xml': body(deep) })).ok).toBe(true);
    const styles = `<w:styles xmlns:w="x"><w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style></w:styles>`;
    const r = readDocx(zip({ 'word/document.xml': body('<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t>正文。</w:t></w:r></w:p>'), 'word/styles.xml': styles }));
    expect(r.ok && r.source.text).toBe('正文。\n');
  });
});
