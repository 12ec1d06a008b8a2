/**
 * The language of the messages users read. Chinese is the default (these users write Chinese);
 * English is for reviewers and tools that need it (`wengao.messages.language`, `--lang en`).
 * A check writes both texts side by side where it builds a message: `tr(locale, zh, en)`.
 */
export type Locale = 'zh' | 'en';

export function tr(locale: Locale | undefined, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

/** tr bound to one locale: the `t(zh, en)` every check builds its messages with. */
export function translator(locale: Locale | undefined): (zh: string, en: string) => string {
  return (zh, en) => tr(locale, zh, en);
}

export function isLocale(v: unknown): v is Locale {
  return v === 'zh' || v === 'en';
}
