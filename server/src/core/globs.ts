/**
 * Limits on the glob patterns a project's files give (include, exclude, .wengaoignore paths),
 * checked before any pattern is compiled: a hostile or mistaken pattern ("!(!(!(!(!(x)))))",
 * "[[[[…", braces within braces) can cost the matcher exponential time or memory, in the
 * editor as in CI. A pattern beyond them is reported (config.invalid) and does not apply.
 */

/** Characters in one pattern at most. */
const MAX_GLOB_LENGTH = 256;
/** Patterns in one include or exclude list, and glob lines in one ignore file, at most. */
export const MAX_GLOBS = 1000;
/** Nesting of extglob groups (!( … ), @( … )) and of braces at most. */
const MAX_NESTING = 2;
/** Brackets ([…]) and brace groups in one pattern at most. */
const MAX_CLASSES = 16;

/** What is wrong with a pattern, in both languages, or undefined when it is within the limits. */
export function globProblem(glob: string): { zh: string; en: string } | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return { zh: `长于 ${MAX_GLOB_LENGTH} 个字符`, en: `longer than ${MAX_GLOB_LENGTH} characters` };
  let depth = 0;
  let deepest = 0;
  let classes = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(' && i > 0 && '!?+*@'.includes(glob[i - 1])) depth++;
    else if (c === '{') {
      depth++;
      classes++;
    } else if (c === ')' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === '[') classes++;
    if (depth > deepest) deepest = depth;
  }
  if (deepest > MAX_NESTING) return { zh: `组嵌套超过 ${MAX_NESTING} 层`, en: `groups nested deeper than ${MAX_NESTING}` };
  // A repeated group of alternatives, +(a|a), backtracks exponentially on a long name; a brace
  // range, {1..100000}, expands to as many patterns.
  if (/[+*@!?]\([^)]*\|/.test(glob)) return { zh: '含重复的多选组 +(…|…)', en: 'a repeated group of alternatives +(…|…)' };
  if (/\{[^}]*\.\./.test(glob)) return { zh: '含花括号范围 {1..N}', en: 'a brace range {1..N}' };
  if (classes > MAX_CLASSES) return { zh: `方括号或花括号多于 ${MAX_CLASSES} 个`, en: `more than ${MAX_CLASSES} brackets or braces` };
  return undefined;
}
