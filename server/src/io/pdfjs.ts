/**
 * The entry of `dist/pdf.js`: pdf.js (through unpdf's build for servers, which needs no worker
 * and no canvas) as a `PdfEngine`. Bundled apart from the server and the CLI, and loaded by
 * `pdfEngine.ts` only when a PDF is read (1.5 MB that most runs never parse).
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { getDocumentProxy } from 'unpdf';
import type { PdfEngine, PdfItem } from '../formats/pdf';

/**
 * pdf.js's CMaps for Chinese fonts that a PDF names without embedding them (STSong-Light on
 * UniGB-UCS2-H, as iText and many government systems write): beside the bundle (`dist/cmaps/`,
 * copied by esbuild.js from pdfjs-dist), or from pdfjs-dist itself when run from source. Without
 * them such a PDF's text reads as nothing, as if it were a scan.
 */
const CMAPS = [path.join(__dirname, 'cmaps'), path.join(__dirname, '..', '..', '..', 'node_modules', 'pdfjs-dist', 'cmaps')].find((d) => existsSync(d));

export const engine: PdfEngine = {
  async open(bytes) {
    // (pdf.js takes a Uint8Array, not a Buffer, and may take it over: it gets a copy.)
    // (isEvalSupported off: pdf.js then never compiles a font's data into code, CVE-2024-4367's path.)
    const options = {
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      stopAtErrors: false,
      isEvalSupported: false,
      ...(CMAPS ? { cMapUrl: CMAPS + path.sep, cMapPacked: true } : {}),
    };
    const doc = await getDocumentProxy(new Uint8Array(bytes), options as Parameters<typeof getDocumentProxy>[1]);
    return {
      pages: doc.numPages,
      async page(n) {
        const page = await doc.getPage(n);
        // (The text as written: no Unicode normalization, which would turn some forms into others.)
        const content = await page.getTextContent({ disableNormalization: true });
        const items: PdfItem[] = [];
        for (const it of content.items) {
          if (!('str' in it) || !it.str) continue;
          const [a, b, c, d, e, f] = it.transform as number[];
          items.push({ str: it.str, x: e, y: f, width: it.width, size: Math.hypot(c, d) || Math.hypot(a, b) || it.height });
        }
        page.cleanup();
        return items;
      },
      close: () => doc.loadingTask.destroy(),
    };
  },
};
