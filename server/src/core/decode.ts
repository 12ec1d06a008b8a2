/**
 * Bytes to text, for files read from disk (the CLI, closed workspace files). Reports come in
 * UTF-8, UTF-16 (Word's "Unicode text") and GB18030/GBK (older Windows tools). Uses the
 * WHATWG TextDecoder that Node ships with full ICU: no dependency, and no file system here.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; bom: boolean }
  | { ok: false; reason: 'binary' | 'undecodable'; message: string };

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return strict(bytes.subarray(3), 'utf-8', true);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return strict(bytes.subarray(2), 'utf-16le', true);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return strict(bytes.subarray(2), 'utf-16be', true);

  const utf16 = guessUtf16(bytes);
  if (utf16) {
    const r = strict(bytes, utf16, false);
    if (r.ok && !/[\x00-\x08\x0e-\x1f]/.test(r.text)) return r;
  }
  if (looksBinary(bytes)) {
    return { ok: false, reason: 'binary', message: '二进制文件，不是文本 (binary file, not text)' };
  }
  const utf8 = strict(bytes, 'utf-8', false);
  if (utf8.ok) return utf8;
  const gb = strict(bytes, 'gb18030', false);
  if (gb.ok) return gb;
  return {
    ok: false,
    reason: 'undecodable',
    message: '无法识别编码：既不是 UTF-8、UTF-16，也不是 GB18030 (cannot decode as UTF-8, UTF-16 or GB18030)',
  };
}

function strict(bytes: Uint8Array, encoding: Encoding, bom: boolean): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding, bom };
  } catch {
    return {
      ok: false,
      reason: 'undecodable',
      message: `按 ${encoding} 解码失败 (invalid ${encoding})`,
    };
  }
}

/** UTF-16 without a BOM: text in it has a zero byte in most even or most odd positions. */
function guessUtf16(bytes: Uint8Array): Encoding | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // UTF-8 and GB18030 text has no zero bytes at all; UTF-16 has them in the high byte of
  // every ASCII character (line breaks, digits), so on one side only. Chinese-only UTF-16 has few.
  // (A Han character can have a zero low byte too, 开 is U+5F00, hence a ratio, not "none".)
  if (oddZero > 4 * evenZero && oddZero >= pairs * 0.005) return 'utf-16le';
  if (evenZero > 4 * oddZero && evenZero >= pairs * 0.005) return 'utf-16be';
  return undefined;
}

/** A NUL byte, or many control characters, in the first 8 KB. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}
