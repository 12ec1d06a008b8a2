/**
 * The PDF engine, loaded once and only when a PDF is read: `dist/pdf.js` beside the bundle that
 * runs (esbuild.js builds it from `pdfjs.ts`), or, run from source (the tests), `pdfjs.ts` itself.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import type { PdfEngine } from '../formats/pdf';

let loading: Promise<PdfEngine> | undefined;

export function pdfEngine(): Promise<PdfEngine> {
  loading ??= (async () => {
    const bundled = path.join(__dirname, 'pdf.js');
    // (A name the bundler does not follow: the bundles load dist/pdf.js, never their own copy.)
    const source = './pdfjs';
    const mod = (existsSync(bundled) ? require(bundled) : await import(source)) as { engine: PdfEngine };
    return mod.engine;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
