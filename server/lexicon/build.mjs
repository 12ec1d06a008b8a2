// Builds the word list `text.doubled` and `term.*` segment with (server/src/core/lexicon.ts) from
// jieba's dictionary (dict.txt of @node-rs/jieba, MIT: 349,000 words with their frequencies in a
// balanced corpus). Only the data is taken, at build time: esbuild.js writes dist/lexicon.txt,
// which the CLI and the server read when a check first asks for words (io/lexiconFile.ts), and
// the tests give the core the same text (test/helpers/lexicon.setup.ts); the .vsix ships no
// native code and the core reads no file.
//
// The compiled form, one string: a header line `wengao-lexicon 2 <ln of the total frequency> <shelves>`,
// then per word length L a line `L <count>`, a line of the words of that length concatenated in
// code-unit order (a word is found by binary search, no object per word), and a line of one
// character per word, its frequency as 0x30 + round(4 ln f) (a quarter of a nat: segmentation by
// the most probable path is not changed by it); last, a line `sounds <group> <group> … .`: the
// characters of the words grouped by their usual Mandarin syllable without its tone (pinyin-pro,
// MIT, at build time only), so that `term.homophone`
// can tell which characters sound alike (穿 and 川). The closing " ." shows the line was not cut.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const PINYIN_VERSION = require('pinyin-pro/package.json').version;
const HAN_ONLY = /^\p{Script=Han}+$/u;

/**
 * Standard forms jieba's list lacks, where it lists an older variant instead: [standard, variant],
 * the standard form taken in at the variant's frequency. 勠 is the standard character of
 * 《通用规范汉字表》(2013) and 《现代汉语词典》第7版 (勠力同心), 戮 the older form jieba has.
 */
const STANDARD_FORMS = [['勠力同心', '戮力同心'], ['勠力', '戮力']];

/** jieba's dict.txt (`word freq tag` a line) in the compiled form. */
export function compileLexicon(dict) {
  const byLen = new Map();
  let total = 0;
  for (const line of dict.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp < 1) continue;
    const word = line.slice(0, sp);
    const f = parseInt(line.slice(sp + 1), 10);
    if (!(f > 0)) continue;
    total += f;
    if (!HAN_ONLY.test(word)) continue;
    let list = byLen.get(word.length);
    if (!list) byLen.set(word.length, (list = new Map()));
    list.set(word, Math.max(list.get(word) ?? 0, f));
  }
  for (const [standard, variant] of STANDARD_FORMS) {
    const list = byLen.get(standard.length);
    const f = list?.get(variant);
    if (f && !list.has(standard)) list.set(standard, f);
  }
  const out = [`wengao-lexicon 2 ${Math.log(total).toFixed(6)} ${byLen.size}`];
  for (const len of [...byLen.keys()].sort((a, b) => a - b)) {
    const words = [...byLen.get(len).keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    out.push(`${len} ${words.length}`, words.join(''), words.map((w) => String.fromCharCode(0x30 + Math.round(4 * Math.log(byLen.get(len).get(w))))).join(''));
  }
  out.push(soundsLine(byLen));
  return out.join('\n');
}

/** The line of sound groups: every character of the words, grouped by its toneless syllables. */
function soundsLine(byLen) {
  const { pinyin } = require('pinyin-pro');
  const chars = new Set();
  for (const list of byLen.values()) for (const w of list.keys()) for (const c of w) chars.add(c);
  const groups = new Map();
  for (const c of [...chars].sort()) {
    // (Its usual reading only: with every reading, 厂 (ān) sounded like 安 and 期 (jī) like 集. A
    // character pinyin-pro does not know comes back as itself: it sounds like nothing.)
    const syllable = pinyin(c, { toneType: 'none' });
    if (/^[a-zü]+$/.test(syllable)) groups.set(syllable, (groups.get(syllable) ?? '') + c);
  }
  return ['sounds', ...[...groups.keys()].sort().map((s) => groups.get(s)).filter((g) => g.length > 1), '.'].join(' ');
}

let compiled;
/**
 * The compiled lexicon of the installed @node-rs/jieba, made once per process, and kept in
 * node_modules/.cache (by the dictionary's size and time) for the tests, which run the source.
 */
export function lexiconText() {
  if (compiled) return compiled;
  const dict = require.resolve('@node-rs/jieba/dict.txt');
  const st = statSync(dict);
  // (Named by the dictionary and by this file, whose compiler may change.)
  const self = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 12);
  const cache = join(dirname(dirname(dirname(dict))), '.cache', 'wengao', `lexicon-${st.size}-${Math.round(st.mtimeMs)}-${self}-${PINYIN_VERSION}.txt`);
  try {
    compiled = readFileSync(cache, 'utf8');
  } catch {
    compiled = compileLexicon(readFileSync(dict, 'utf8'));
    try {
      // (Renamed into place: parallel test workers never read half a file.)
      mkdirSync(dirname(cache), { recursive: true });
      const tmp = `${cache}.${process.pid}.tmp`;
      writeFileSync(tmp, compiled);
      renameSync(tmp, cache);
    } catch {
      // (A read-only node_modules: compiled again next time.)
    }
  }
  return compiled;
}

/** Writes the compiled lexicon to `file` (esbuild.js: dist/lexicon.txt, beside the bundles that read it). */
/**
 * dist/lexicon.txt: the compiled form in UTF-16LE with its byte order mark. Three quarters of its
 * characters are Han, three bytes each in UTF-8: as UTF-16 the file is a fifth smaller and is
 * read in half the time (55 ms against 24 ms here), which every run that analyses pays.
 */
export function writeLexicon(file) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lexiconText(), 'utf16le')]));
  renameSync(tmp, file);
}
