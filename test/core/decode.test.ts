import { readFileSync } from 'fs';
import iconv from 'iconv-lite';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../server/src/core';

const text = '政府工作报告\n城镇新增就业46.2万人，“十四五”开局。\n';

describe('decode', () => {
  const cases: [string, Uint8Array, string][] = [
    ['UTF-8', new TextEncoder().encode(text), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
    ['UTF-16LE without BOM', Buffer.from(text, 'utf16le'), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'utf-16be'],
    ['GB18030', iconv.encode(text, 'gb18030'), 'gb18030'],
    ['GBK', iconv.encode(text, 'gbk'), 'gb18030'],
  ];
  for (const [name, bytes, encoding] of cases) {
    it(`reads ${name}`, () => {
      const d = decode(bytes);
      expect(d).toMatchObject({ ok: true, encoding, text });
    });
  }
  // Chinese-heavy text has zero bytes on both sides in UTF-16 (一 is U+4E00): seed 000 and 003.
  for (const seed of ['000_d4031d3451319d89.txt', '003_d81496748c382e1e.txt']) {
    const long = readFileSync(join(__dirname, '..', '..', 'seeds', seed), 'utf8');
    it(`reads seed ${seed.slice(0, 3)} in UTF-16LE and UTF-16BE without a BOM`, () => {
      expect(decode(Buffer.from(long, 'utf16le'))).toMatchObject({ ok: true, encoding: 'utf-16le', text: long });
      expect(decode(Buffer.from(long, 'utf16le').swap16())).toMatchObject({ ok: true, encoding: 'utf-16be', text: long });
    });
  }
  it('reads an empty file as empty text', () => {
    expect(decode(new Uint8Array())).toMatchObject({ ok: true, text: '' });
  });
  it('refuses a binary file', () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i * 37) % 256);
    expect(decode(bytes)).toMatchObject({ ok: false, reason: 'binary' });
  });
  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    expect(decode(Buffer.from([0xe6, 0x94, 0xbf, 0xff, 0xfe, 0x80, 0x80, 0x41]))).toMatchObject({ ok: false, reason: 'undecodable' });
  });
});
