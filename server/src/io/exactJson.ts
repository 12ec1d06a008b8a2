/**
 * JSON that carries every number: NaN, ±Infinity and -0 (a figure's amount can be any of them)
 * are tagged on the way out and untagged on the way in (JSON.stringify's replacer, JSON.parse's
 * reviver). For what crosses threads (cli/parallel.ts) and what is kept on disk (cli/cache.ts,
 * lsp/persist.ts).
 */
export const NUMBER_TAG = '\u0000number';
export function tagNumbers(_key: string, v: unknown): unknown {
  return typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? { [NUMBER_TAG]: Object.is(v, -0) ? '-0' : String(v) } : v;
}
export function untagNumbers(_key: string, v: unknown): unknown {
  return v !== null && typeof v === 'object' && NUMBER_TAG in v ? Number((v as Record<string, string>)[NUMBER_TAG]) : v;
}

/** `NUMBER_TAG` as JSON text holds it: a text without it needs no reviver (which halves parsing speed). */
const TAG_TEXT = JSON.stringify(NUMBER_TAG);

/** JSON.parse of what `tagNumbers` wrote, with the reviver only where a number was tagged. */
export function parseExact<T>(text: string): T {
  return JSON.parse(text, text.includes(TAG_TEXT) ? untagNumbers : undefined) as T;
}
