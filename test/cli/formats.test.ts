/**
 * `wengao check` and `wengao figures` on .docx and .pdf files, through the built CLI: the seeds as
 * .docx and as printed PDFs give the findings they give as .txt (places aside); findings are
 * located as a reviewer finds them (a paragraph and an excerpt in Word, a page and line in a PDF)
 * in text, JSON and SARIF; a folder run includes them; the formats not read (.doc, .wps) and a
 * scanned PDF are named with what to do.
 */
import { readFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, TempDirs, runCli } from '../helpers/procCli';
import { d, docxOf, textDocx } from '../helpers/docx';
import { predefinedCMapPdf, reportPdf } from '../helpers/pdf';

const temp = new TempDirs();
afterEach(() => temp.cleanup());

interface Diagnostic {
  code: string;
  message: string;
  range: { start: { line: number } };
  source?: { location: string; paragraph?: number; page?: number; pageLine?: number; excerpt: string };
  related: { path: string; message: string; source?: { location: string } }[];
}
interface Json {
  files: { path: string; format?: string; notes?: string[]; skipped?: string; diagnostics: Diagnostic[] }[];
}

/** A finding with its places in the text left out: 第12行 and 第8段 alike. */
const placeless = (f: Diagnostic) => `${f.code} ${f.message.replace(/第\d+页第\d+行|第\d+(?:行|段)/g, '第N处').replace(/(?:（另见[^）]*）)$/, '')}`;

describe('wengao on .docx', () => {
  it('gives each seed, as a .docx of one paragraph per line and as a printed PDF, the findings it gives as .txt (places aside)', async () => {
    const txt = temp.make();
    const docx = temp.make();
    const pdf = temp.make();
    for (const f of readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(ROOT, 'seeds', f), 'utf8');
      writeFileSync(join(txt, f), text);
      writeFileSync(join(docx, f.replace(/\.txt$/, '.docx')), await textDocx(text));
      writeFileSync(join(pdf, f.replace(/\.txt$/, '.pdf')), await reportPdf(text));
    }
    const [a, b, c] = await Promise.all([txt, docx, pdf].map((dir) => runCli(['check', '.', '--format', 'json', '--min-severity', 'hint'], { cwd: dir, timeoutMs: 120_000 })));
    const ja = JSON.parse(a.stdout) as Json;
    expect(ja.files.reduce((n, f) => n + f.diagnostics.length, 0)).toBeGreaterThan(500);
    for (const [r, format, place] of [[b, 'docx', /^第\d+段$/], [c, 'pdf', /^第\d+页第\d+行$/]] as const) {
      expect(r.code).toBe(1);
      const j = JSON.parse(r.stdout) as Json;
      expect(j.files.map((f) => f.path)).toEqual(ja.files.map((f) => f.path.replace(/\.txt$/, `.${format}`)));
      for (let i = 0; i < ja.files.length; i++) {
        expect(j.files[i].format).toBe(format);
        expect(j.files[i].diagnostics.map(placeless)).toEqual(ja.files[i].diagnostics.map(placeless));
        // Every finding is placed where the reviewer finds it, with words around it: in the .docx
        // the paragraph of its line (the text's lines that are not empty, counted), in the PDF a
        // page and line that move on as the text's line does.
        const lines = readFileSync(join(ROOT, 'seeds', ja.files[i].path.replace(/^\.\//, '')), 'utf8').split('\n');
        let last = [0, 0];
        j.files[i].diagnostics.forEach((f, k) => {
          expect(f.source?.location).toMatch(place);
          const line = ja.files[i].diagnostics[k].range.start.line;
          if (format === 'docx') expect(f.source?.paragraph).toBe(lines.slice(0, line + 1).filter((l) => l.trim()).length);
          else {
            const at = [f.source!.page!, f.source!.pageLine!];
            expect(at[0] > last[0] || (at[0] === last[0] && at[1] >= last[1])).toBe(true);
            last = at;
          }
        });
      }
    }
  }, 120_000);

  it('locates a finding by paragraph and excerpt in text, JSON and SARIF; a tracked change is said; a report and a .docx draft are compared', async () => {
    const dir = temp.make();
    const draft = docxOf([
      new d.Paragraph('2026年政府工作报告'),
      new d.Paragraph('今年全省地区生产总值增长5.5%左右。'),
      new d.Paragraph({
        children: [
          new d.TextRun('城镇新增就业'),
          new d.DeletedTextRun({ text: '50', id: 1, author: '审校', date: '2026-01-05T09:00:00Z' }),
          new d.InsertedTextRun({ text: '60', id: 2, author: '审校', date: '2026-01-05T09:00:00Z' }),
          new d.TextRun('万人以上,登记失业率控制在5%以内。'),
        ],
      }),
    ]);
    writeFileSync(join(dir, 'draft.docx'), await draft);
    writeFileSync(join(dir, 'brief.txt'), '2026年政府工作报告解读\n\n今年全省地区生产总值增长6%左右，城镇新增就业60万人以上。\n');
    const text = await runCli(['check', '.'], { cwd: dir });
    expect(text.stdout).toContain('draft.docx:第3段（“…新增就业60万人以上,登记失业率控制在5…”）: warning punct.half-width');
    expect(text.stdout).toMatch(/brief\.txt:3:\d+: warning figure\.mismatch .*与《2026年政府工作报告》（Word 第2段）不一致.*（另见 draft\.docx:第2段（“/);
    expect(text.stderr).toContain('draft.docx: 文档含修订，按接受全部修订后的文本检查');
    const json = JSON.parse((await runCli(['check', '.', '--format', 'json'], { cwd: dir })).stdout) as Json;
    const file = json.files.find((f) => f.path === 'draft.docx')!;
    expect(file.format).toBe('docx');
    expect(file.notes?.[0]).toMatch(/修订/);
    const comma = file.diagnostics.find((f) => f.code === 'punct.half-width')!;
    expect(comma.source).toEqual({ location: '第3段', paragraph: 3, excerpt: '…新增就业60万人以上,登记失业率控制在5…' });
    const briefMismatch = json.files.find((f) => f.path === 'brief.txt')!.diagnostics.find((f) => f.code === 'figure.mismatch')!;
    expect(briefMismatch.related[0]).toMatchObject({ path: 'draft.docx', source: { location: '第2段' } });
    const sarif = JSON.parse((await runCli(['check', '.', '--format', 'sarif'], { cwd: dir })).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'punct.half-width');
    expect(result.locations[0].message.text).toBe('第3段 (paragraph 3)');
    expect(result.locations[0].physicalLocation.region.snippet.text).toBe('…新增就业60万人以上,登记失业率控制在5…');
    const figures = await runCli(['figures', 'draft.docx', '--format', 'text'], { cwd: dir });
    expect(figures.stdout).toContain('draft.docx:第3段（“城镇新增就业60万人以上,登记失…”）: target 2026');
  });

  it('compares a .docx draft with the published PDF: each names the place in the other (Word 第N段, PDF 第N页第N行)', async () => {
    const dir = temp.make();
    const report = '2026年政府工作报告\n\n各位代表：\n今年全省地区生产总值预期增长5.5%左右，城镇新增就业60万人以上，粮食产量稳定在1200万吨以上。\n';
    writeFileSync(join(dir, 'report.pdf'), await reportPdf(report, { charsPerLine: 20 }));
    writeFileSync(join(dir, 'draft.docx'), await textDocx(report.replace('60万人', '65万人')));
    const r = await runCli(['check', '.'], { cwd: dir });
    expect(r.stdout).toMatch(/^draft\.docx:第3段（“…%左右，城镇新增就业65万人以上，粮食产…”）: warning figure\.mismatch .*与《2026年政府工作报告》（PDF 第1页第4行）不一致：此处65万人，彼处60万人.*（另见 report\.pdf:第1页第4行（“/m);
    expect(r.stdout).toMatch(/^report\.pdf:第1页第4行（“…%左右，城镇新增就业60万人以上，粮食产…”）: warning figure\.mismatch .*（Word 第3段）不一致：此处60万人，彼处65万人/m);
 
    // The tables of `wengao figures` name the place too, where a text file has its line.
    const csv = (await runCli(['figures', '.', '--format', 'csv'], { cwd: dir })).stdout;
    expect(csv).toContain('report.pdf,第1页第4行,');
    expect(csv).toContain('draft.docx,第3段,');
  });

  it('--format github opens the message with the place; --cache tells the same text laid out on other pages apart', async () => {
    const dir = temp.make();
    const text = '2026年政府工作报告\n\n今年全省地区生产总值增长5%左右,城镇新增就业60万人以上。\n一、总体要求\n三、主要任务\n';
    writeFileSync(join(dir, 'draft.docx'), await textDocx(text));
    const gh = await runCli(['check', 'draft.docx', '--format', 'github'], { cwd: dir });
    expect(gh.stdout).toMatch(/^::warning file=draft\.docx,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=wengao punct\.half-width::第2段（“…生产总值增长5%25左右,城镇新增就业60万…”）: 中文文本中的半角/m);
    // (Other messages name places in the file too: the heading before, 第3段.)
    expect(gh.stdout).toContain('::第4段（“三、主要任务”）: 标题序号跳号：上一个同级标题“一、”（第3段）之后应为“二、”');
    const cache = join(dir, 'cache.json');
    const run = (...extra: string[]) => runCli(['check', 'report.pdf', '--min-severity', 'hint', ...extra], { cwd: dir });
    writeFileSync(join(dir, 'report.pdf'), await reportPdf(text, { charsPerLine: 12, linesPerPage: 3 }));
    const first = await run('--cache-location', cache);
    expect(first.stdout).toBe((await run()).stdout);
    // The same text, other line lengths: other pages and lines, the same text read.
    writeFileSync(join(dir, 'report.pdf'), await reportPdf(text, { charsPerLine: 30, linesPerPage: 30 }));
    const again = await run('--cache-location', cache);
    expect(again.stdout).not.toBe(first.stdout);
    expect(again.stdout).toBe((await run()).stdout);
  });

  it('reads a PDF whose Chinese font is on a predefined CMap with the CMaps beside the bundle (dist/cmaps)', async () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'itext.pdf'), predefinedCMapPdf(['2026年政府工作报告', '全省地区生产总值增长5%左右。']));
    const r = await runCli(['figures', 'itext.pdf', '--format', 'text'], { cwd: dir });
    expect(r.stdout).toContain('itext.pdf:第1页第2行（“全省地区生产总值增长5%左右。”）: target 2026');
  });

  it('says a PDF without a text layer is perhaps a scan, and what to do', async () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'scan.pdf'), await reportPdf('', { pageNumbers: false }));
    const r = await runCli(['check', 'scan.pdf'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scan.pdf: PDF 没有文字层，可能是扫描件：请用带文字层的 PDF，或先做文字识别（OCR），未检查');
  });

  it('names the formats it does not read (.doc, .wps) and a damaged .docx, each with what to do; the rest of the run goes on', async () => {
    const dir = temp.make();
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    writeFileSync(join(dir, 'old.doc'), ole);
    writeFileSync(join(dir, 'draft.wps'), ole);
    writeFileSync(join(dir, 'locked.docx'), ole);
    writeFileSync(join(dir, 'broken.docx'), 'PK\u0003\u0004 not really a zip');
    writeFileSync(join(dir, 'ok.txt'), '全省地区生产总值增长5%,城镇新增就业60万人。\n');
    const r = await runCli(['check', 'old.doc', 'draft.wps', 'locked.docx', 'broken.docx', 'ok.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('old.doc: .doc 格式不能读取：请在 Word 或 WPS 中另存为 .docx');
    expect(r.stderr).toContain('draft.wps: .wps 格式不能读取：请在 Word 或 WPS 中另存为 .docx');
    expect(r.stderr).toMatch(/locked\.docx: 文件已加密，或是旧版 Word 格式（\.doc）：请解除密码，或在 Word 中另存为 \.docx/);
    expect(r.stderr).toMatch(/broken\.docx: 文件已损坏，无法解压/);
    expect(r.stdout).toContain('ok.txt:1:13: warning punct.half-width');
  });
});
