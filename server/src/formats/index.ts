/**
 * Files that are not text: which are read (.docx, .pdf), which are named and refused (.doc, .wps:
 * "请另存为 .docx"), and the reading of one from its bytes. Pure: the layers read the bytes and
 * hand in the PDF engine (`io/pdfEngine.ts`), loaded only when a PDF is read.
 */
import { readDocx } from './docx';
import { PdfEngine, readPdf } from './pdf';
import { SourceRead } from './source';

export * from './source';
export { readDocx } from './docx';
export { layoutPdf, readPdf, type PdfEngine, type PdfItem } from './pdf';

/** Formats read into text by a reader of their own (not decoded as text). */
export const SOURCE_EXTENSIONS = /\.(?:docx|pdf)$/i;

/** Formats recognised only to say that they are not read, and what to do. */
const REFUSED = /\.(?:doc|wps|dot|wpt)$/i;

/** Whether `path` names a file of a format Wengao converts or refuses (not one decoded as text). */
export function isSourceFile(path: string): boolean {
  return SOURCE_EXTENSIONS.test(path) || REFUSED.test(path);
}

/** The reading of a file of a format `isSourceFile` names, from its bytes. */
export async function readSource(path: string, bytes: Uint8Array, pdfEngine: () => Promise<PdfEngine>, pause?: () => Promise<void>): Promise<SourceRead> {
  // (Whatever a reader meets that it did not foresee, the file is skipped with the reason; the run goes on.)
  try {
    return await readSourceUnguarded(path, bytes, pdfEngine, pause);
  } catch (err) {
    return { ok: false, message: `文件读取出错（${(err as Error)?.message ?? err}），未检查 (the file could not be read; not checked)` };
  }
}

async function readSourceUnguarded(path: string, bytes: Uint8Array, pdfEngine: () => Promise<PdfEngine>, pause?: () => Promise<void>): Promise<SourceRead> {
  if (/\.docx$/i.test(path)) return readDocx(bytes);
  if (/\.pdf$/i.test(path)) {
    let engine: PdfEngine;
    try {
      engine = await pdfEngine();
    } catch (err) {
      return { ok: false, message: `PDF 读取组件无法加载（${(err as Error)?.message ?? err}），未检查 (the PDF reader could not be loaded; not checked)` };
    }
    return readPdf(engine, bytes, pause);
  }
  const ext = /\.([^./\\]+)$/.exec(path)?.[1] ?? '';
  return {
    ok: false,
    message: `.${ext} 格式不能读取：请在 Word 或 WPS 中另存为 .docx (the .${ext} format is not read: save it as .docx in Word or WPS)`,
  };
}
