// The test helpers that make .docx and PDF files (test/helpers/docx.ts, pdf.ts), bundled for the
// benchmarks (plain .mjs) under bench/.work/: `textDocx(text)`, `reportPdf(text, layout)`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { root } from './inputs.mjs';

export async function sourceHelpers() {
  const out = join(root, 'bench', '.work', 'source-helpers.mjs');
  mkdirSync(join(root, 'bench', '.work'), { recursive: true });
  await esbuild.build({
    stdin: { contents: "export { textDocx, docxOf, d } from './test/helpers/docx'; export { reportPdf } from './test/helpers/pdf';", resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    // (The font's folder is found from the helper's own folder.)
    define: { __dirname: JSON.stringify(join(root, 'test', 'helpers')) },
    outfile: out,
    logLevel: 'warning',
  });
  return import(pathToFileURL(out).href);
}
