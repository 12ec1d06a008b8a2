/**
 * Limits on the glob patterns a project's files give (include, exclude, .wengaoignore paths),
 * checked before any pattern is compiled: a hostile or mistaken pattern ("!(!(!(!(!(x)))))",
 * "[[[[…", braces within braces) can cost the matcher exponential time or memory, in the
 * editor as in CI. A pattern beyond them is reported (config.invalid) and does not apply.
 *
 * The matcher (minimatch) turns each path segment of a pattern into a backtracking regular
 * expression, so the cost of one match is bounded by construction here, not by a timeout:
 * - A wildcard of variable width (a run of *, a group ?(…), *(…), +(…) or !(…)) makes the
 *   matcher try every place where it could end: k of them in one segment cost about L^k steps
 *   on a name of L characters when the match fails (*a*a*a*a*a*a*a*a*a*a*b took 16.8 s on a
 *   name of 38 characters). At most MAX_WILDCARDS in one segment keeps a match quadratic in
 *   the name (a file name is at most 255 characters on the file systems in use: well under a
 *   millisecond). ? and [...] match one character and cost nothing of the kind; ** alone
 *   between slashes is matched segment by segment and is not counted.
 * - A repeated group holding a wildcard, *(a*), is a nested repetition: exponential in the name
 *   (a second at 29 characters), whatever the count.
 * - Braces are expanded into one pattern per combination ({a,b} sixteen times is 65,536
 *   patterns, compiled and then each tried): at most MAX_EXPANSIONS.
 * Counting is conservative: a brace group counts the wildcards of its widest alternative, a
 * slash inside a group does not start a new segment, and [ ] is not read (a * or a comma in it
 * counts, as the brace expansion, which does not read it either, splits at that comma).
 */

/** Characters in one pattern at most. */
const MAX_GLOB_LENGTH = 256;
/** Patterns in one include or exclude list, and glob lines in one ignore file, at most. */
export const MAX_GLOBS = 1000;
/** Nesting of extglob groups (!( … ), @( … )) and of braces at most. */
const MAX_NESTING = 2;
/** Brackets ([…]) and brace groups in one pattern at most. */
const MAX_CLASSES = 16;
/** Wildcards of variable width (*, ?(…), *(…), +(…), !(…)) in one path segment at most. */
const MAX_WILDCARDS = 2;
/** Patterns one pattern's braces expand to at most. */
const MAX_EXPANSIONS = 16;

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
  return costProblem(glob);
}

/** A group open while the pattern is read: an extglob group or a brace group. */
interface Group {
  close: ')' | '}';
  /** *(…) or +(…): its content may repeat. */
  repeated: boolean;
  /** Wildcards in the current alternative, and the most in any alternative closed so far. */
  wild: number;
  widest: number;
  /** Expansions of the current alternative, and of the alternatives closed so far (braces). */
  product: number;
  sum: number;
}

/**
 * The wildcards per segment, nested repetition and brace expansions (see the head of the file),
 * read in one pass with a stack, never a recursion.
 */
function costProblem(glob: string): { zh: string; en: string } | undefined {
  const top: Group = { close: ')', repeated: false, wild: 0, widest: 0, product: 1, sum: 0 };
  const stack: Group[] = [top];
  const tooMany = { zh: `在一段路径（两个 / 之间）中可变长的通配符（* 或 ?(…)、*(…)、+(…)、!(…) 组）多于 ${MAX_WILDCARDS} 个`, en: `one with more than ${MAX_WILDCARDS} wildcards of variable width (* or a group ?(…), *(…), +(…), !(…)) between two slashes` };
  const nested = { zh: '含内有通配符的重复组，如 *(a*)', en: 'a repeated group holding a wildcard, such as *(a*)' };
  /** Ends the innermost group, handing its wildcards and expansions to the one around it. */
  const closeGroup = (): boolean => {
    const g = stack.pop()!;
    const wild = Math.max(g.widest, g.wild);
    if (g.repeated && wild > 0) return false;
    const outer = stack[stack.length - 1];
    outer.wild += wild;
    outer.product *= g.close === '}' ? g.sum + g.product : g.product;
    return true;
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const g = stack[stack.length - 1];
    if (c === '\\') {
      i++;
    } else if ('?*+@!'.includes(c) && glob[i + 1] === '(') {
      // An extglob group: all but @(…) may match text of any width (counted here, its content
      // when it closes); *(…) and +(…) repeat theirs.
      if (c !== '@') g.wild++;
      stack.push({ close: ')', repeated: c === '*' || c === '+', wild: 0, widest: 0, product: 1, sum: 0 });
      i++;
    } else if (c === '*') {
      let j = i;
      while (glob[j + 1] === '*' && glob[j + 2] !== '(') j++;
      // (** alone between slashes is a globstar, matched segment by segment.)
      const globstar = j > i && stack.length === 1 && (i === 0 || glob[i - 1] === '/') && (j + 1 === glob.length || glob[j + 1] === '/');
      if (!globstar) g.wild++;
      i = j;
    } else if (c === '{') {
      stack.push({ close: '}', repeated: false, wild: 0, widest: 0, product: 1, sum: 0 });
    } else if (c === ',' && stack.some((s) => s.close === '}')) {
      // (Braces are expanded first, by commas inside ( ) too: a group would be split.)
      if (g.close !== '}') return { zh: '含花括号中带逗号的 (…) 组', en: 'one with a comma in a group (…) inside braces' };
      g.widest = Math.max(g.widest, g.wild);
      g.wild = 0;
      g.sum += g.product;
      g.product = 1;
    } else if (c === ')' && stack.length > 1 && g.close === ')') {
      if (!closeGroup()) return nested;
    } else if (c === '}' && stack.some((s) => s.close === '}')) {
      // (A } closes its brace group, and any ( … ) left open inside it, as the expansion reads it.)
      let closed: Group | undefined;
      while (closed?.close !== '}') {
        closed = stack[stack.length - 1];
        if (!closeGroup()) return nested;
      }
    } else if (c === '/' && stack.length === 1) {
      if (top.wild > MAX_WILDCARDS) return tooMany;
      top.wild = 0;
    }
  }
  // (A group left open is literal text to the matcher; counted as if closed, which is more.)
  while (stack.length > 1) if (!closeGroup()) return nested;
  if (top.wild > MAX_WILDCARDS) return tooMany;
  if (top.product > MAX_EXPANSIONS) return { zh: `花括号展开后多于 ${MAX_EXPANSIONS} 个模式`, en: `expanded by its braces into more than ${MAX_EXPANSIONS} patterns` };
  return undefined;
}
