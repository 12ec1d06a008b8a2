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
    if (r.ok) return r;
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

/**
 * UTF-16 without a BOM. UTF-8 and GB18030 text has no zero bytes at all; UTF-16 has them in the
 * high byte of ASCII characters (line breaks, digits) and in the low byte of characters such as
 * 一 U+4E00 or 开 U+5F00, so both sides can have some. Decode a sample in each byte order, the
 * likelier first, and keep the one that reads as text.
 */
function guessUtf16(bytes: Uint8Array): Encoding | undefined {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 4) return undefined;
  // No zero byte at all (all UTF-8 and GB18030 text): found by the native indexOf.
  if (bytes.subarray(0, n).indexOf(0) < 0) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  if (evenZero + oddZero === 0) return undefined;
  const orders: Encoding[] = oddZero >= evenZero ? ['utf-16le', 'utf-16be'] : ['utf-16be', 'utf-16le'];
  for (const enc of orders) {
    let sample: string;
    try {
      // A sample may end inside a surrogate pair: not fatal here, the full decode is.
      sample = new TextDecoder(enc).decode(bytes.subarray(0, n));
    } catch {
      continue;
    }
    if (readsAsText(sample)) return enc;
  }
  return undefined;
}

/** Mostly CJK, ASCII and their punctuation, no control characters but tab and line breaks. */
function readsAsText(s: string): boolean {
  if (s.length === 0) return false;
  let good = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) return false;
    if (
      (c >= 32 && c < 127) || c === 9 || c === 10 || c === 13 ||
      (c >= 0x3000 && c <= 0x303f) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f) || (c >= 0xa0 && c <= 0x17f) ||
      (c >= 0x2460 && c <= 0x25ff) || (c >= 0xd800 && c <= 0xdfff)
    ) good++;
  }
  return good / s.length > 0.9;
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
