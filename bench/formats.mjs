// Issue 16's reading targets: a 100-page PDF indexed in under 2 s, a 200-page .docx in under 1 s.
// "Indexed" as a reviewer's run pays for it: `wengao figures` on the file (the process, the
// reading, the figures), beside the same text as a .txt in the same run (the ratio shows what the
// reading adds). The files are made by the test helpers (test/helpers/pdf.ts: a printed report
// with an embedded CJK font, the test's subsets and, where the machine has Debian's
// fonts-noto-cjk, one whole font as Word exports; test/helpers/docx.ts: one paragraph per line) from the seeds, under
// bench/.work/formats/. Medians of --runs (default 5), alternating the three.
//   node esbuild.js && node bench/formats.mjs [--runs 5]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport, root } from './inputs.mjs';
import { median } from './server.mjs';
import { sourceHelpers } from '../test/helpers/sourceHelpers.mjs';

const arg = (name, d) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : d);
const runs = Number(arg('--runs', 5));
const dir = join(root, 'bench', '.work', 'formats');
mkdirSync(dir, { recursive: true });
const { textDocx, reportPdf } = await sourceHelpers();

// About 100 printed pages (22 lines of 28 characters, paragraphs and blank lines as the seeds
// have them), and about 200 Word pages of 700 characters.
const pdfText = buildReport(142_000).toString('utf8');
const docxText = buildReport(200 * 700 * 3).toString('utf8');
// A PDF set in one CJK font, as Word and WPS export one, where the machine has one to embed.
const ONE_FONT = { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' };
const oneFont = existsSync(ONE_FONT.file);
const files = {
  'PDF': join(dir, 'report.pdf'),
  ...(oneFont ? { 'PDF, one font': join(dir, 'report-one-font.pdf') } : {}),
  'PDF as .txt': join(dir, 'report-pdf.txt'),
  '.docx': join(dir, 'report.docx'),
  '.docx as .txt': join(dir, 'report-docx.txt'),
};
writeFileSync(files['PDF'], await reportPdf(pdfText));
if (oneFont) writeFileSync(files['PDF, one font'], await reportPdf(pdfText, { font: ONE_FONT }));
writeFileSync(files['PDF as .txt'], pdfText);
writeFileSync(files['.docx'], await textDocx(docxText));
writeFileSync(files['.docx as .txt'], docxText);

const cli = join(root, 'dist', 'cli.js');
const pages = (f) => {
  const p = spawnSync(process.execPath, ['-e', `import('${pathToFileURL(join(root, 'node_modules', 'unpdf', 'dist', 'index.mjs')).href}').then(async ({ getDocumentProxy }) => console.log((await getDocumentProxy(new Uint8Array(require('fs').readFileSync(${JSON.stringify(f)})))).numPages))`], { encoding: 'utf8' });
  return p.stdout.trim();
};
console.log(`PDF: ${pages(files['PDF'])} pages, ${(statSync(files['PDF']).size / 1024).toFixed(0)} KB, ${pdfText.length} characters, Noto Sans SC in Fontsource's subsets by Unicode range`);
if (oneFont) console.log(`PDF, one font: ${pages(files['PDF, one font'])} pages, ${(statSync(files['PDF, one font']).size / 1024).toFixed(0)} KB, Noto Serif CJK SC (${ONE_FONT.file})`);
console.log(`.docx: about ${Math.round(docxText.length / 700)} pages of 700 characters, ${(statSync(files['.docx']).size / 1024).toFixed(0)} KB`);
const times = Object.fromEntries(Object.keys(files).map((k) => [k, []]));
for (let r = 0; r < runs; r++) {
  for (const [label, f] of Object.entries(files)) {
    const t = performance.now();
    const p = spawnSync(process.execPath, [cli, 'figures', f], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (p.status !== 0) throw new Error(`${label}: exit ${p.status}: ${p.stderr}`);
    times[label].push(performance.now() - t);
  }
}
for (const [label, t] of Object.entries(times)) console.log(`${label}: median ${(median(t) / 1000).toFixed(2)} s of ${t.length} (${t.map((x) => (x / 1000).toFixed(2)).join(', ')})`);
