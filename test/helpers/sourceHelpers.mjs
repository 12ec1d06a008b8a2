// The helpers that make .docx and PDF files (test/helpers/docx.ts, pdf.ts), bundled for the
// scripts that are plain .mjs (the benchmarks, the real-VS-Code suite): `textDocx(text)`,
// `docxOf`, `d`, `reportPdf(text, layout)`. Written under node_modules/.cache/wengao/, where the
// packages they import resolve.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const helpers = dirname(fileURLToPath(import.meta.url));
const root = join(helpers, '..', '..');

export async function sourceHelpers() {
  const dir = join(root, 'node_modules', '.cache', 'wengao');
  const out = join(dir, 'source-helpers.mjs');
  mkdirSync(dir, { recursive: true });
  await esbuild.build({
    stdin: { contents: "export { textDocx, docxOf, d } from './test/helpers/docx'; export { reportPdf } from './test/helpers/pdf';", resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    // (The font's folder is found from the helper's own folder.)
    define: { __dirname: JSON.stringify(helpers) },
    outfile: out,
    logLevel: 'warning',
  });
  // (A fresh URL each call: a script that bundles twice gets the new bundle.)
  return import(`${pathToFileURL(out).href}?${Date.now()}`);
}
