import { describe, expect, it } from 'vitest';
import { Lexicon, bundledLexicon } from '../../server/src/core/lexicon';
import { wordSegmenter } from '../../server/src/core/words';

const split = (text: string) => wordSegmenter()!.spans(text).map(([s, e]) => text.slice(s, e));

describe('the bundled word list', () => {
  it('is read from the build and knows words with their frequencies', () => {
    const lex = bundledLexicon();
    expect(lex).not.toBeNull();
    const p = (w: string) => lex!.logProbability(w, 0, w.length);
    expect(p('工作')).toBeLessThan(0);
    // (A common word is likelier than a rare one; a string no word is has none.)
    expect(p('工作')!).toBeGreaterThan(p('京剧院')!);
    expect(p('作专')).toBeUndefined();
    expect(p('')).toBeUndefined();
  });

  it('splits by the most probable path: a compound of the list stays whole, a doubling splits off', () => {
    expect(split('认真贯彻落实')).toEqual(['认真', '贯彻落实']);
    expect(split('确保保任务')).toEqual(['确保', '保', '任务']);
    expect(split('省京剧院院长')).toEqual(['省', '京剧院', '院长']);
    // (Letters and digits run together; a character outside the BMP is never cut.)
    expect(split('增长2025年GDP')).toEqual(['增长', '2025', '年', 'GDP']);
    expect(split('𠮷𠮷野家').join('')).toBe('𠮷𠮷野家');
    expect(split('𠮷𠮷野家').every((w) => !/^[\uDC00-\uDFFF]/.test(w))).toBe(true);
  });

  it('refuses a malformed list instead of reading wrong words', () => {
    expect(() => new Lexicon('')).toThrow();
    expect(() => new Lexicon('wengao-lexicon 1 17.9 1\n2 3\n工作\nA')).toThrow(/shelf 2/);
    // (Cut short: fewer shelves than the header says.)
    expect(() => new Lexicon('wengao-lexicon 1 17.9 2\n2 1\n工作\nA')).toThrow(/1 shelves of 2/);
    const tiny = new Lexicon('wengao-lexicon 1 10 1\n2 2\n安全工作\nBA');
    expect(tiny.logProbability('安全', 0, 2)).toBeCloseTo((0x42 - 0x30) / 4 - 10);
    expect(tiny.segments('安全工作')).toEqual([[0, 2], [2, 4]]);
  });

  it('reads the sounds of version 2: characters that share a reading, tones aside; a cut line is refused', () => {
    const v2 = new Lexicon('wengao-lexicon 2 10 1\n2 2\n安全工作\nBA\nsounds 川穿传 则责泽 作做 .');
    const code = (c: string) => c.charCodeAt(0);
    expect(v2.soundAlike(code('穿'), code('川'))).toBe(true);
    expect(v2.soundAlike(code('责'), code('则'))).toBe(true);
    expect(v2.soundAlike(code('穿'), code('则'))).toBe(false);
    expect(v2.soundAlike(code('穿'), code('工'))).toBe(false);
    expect(v2.segments('安全工作')).toEqual([[0, 2], [2, 4]]);
    // (Cut inside the line of sounds, or without it.)
    expect(() => new Lexicon('wengao-lexicon 2 10 1\n2 2\n安全工作\nBA\nsounds 川穿传 则责')).toThrow(/sounds/);
    expect(() => new Lexicon('wengao-lexicon 2 10 1\n2 2\n安全工作\nBA')).toThrow(/shelves/);
    // (The bundled list has them: 穿 and 川 are chuan, 既 and 继 ji.)
    const bundled = bundledLexicon()!;
    expect(bundled.soundAlike(code('穿'), code('川'))).toBe(true);
    expect(bundled.soundAlike(code('既'), code('继'))).toBe(true);
    expect(bundled.soundAlike(code('既'), code('川'))).toBe(false);
  });
});
