/** The command line: options, their values and the usage text. No IO. */
import { Locale, SEVERITY_ORDER, Severity, isLocale } from '../core';
import { escapedPath } from './render';

export type CheckFormat = 'text' | 'json' | 'sarif' | 'github';
export type FiguresFormat = 'json' | 'csv' | 'text' | 'markdown';
export type Format = CheckFormat | FiguresFormat;
export type Command = 'check' | 'figures';

export const FORMATS: Record<Command, readonly Format[]> = {
  check: ['text', 'json', 'sarif', 'github'],
  figures: ['json', 'csv', 'text', 'markdown'],
};

export interface Options {
  command: Command;
  format: Format;
  /** Findings below this level are left out (check). */
  minSeverity: Severity;
  /** More warnings than this fail the run (check); -1: never. */
  maxWarnings: number;
  targetsOnly: boolean;
  /** --config: one config file for every report, instead of the nearest .wengaorc.json. */
  config?: string;
  /** --lang: the language of messages; wins over the config's `language`. */
  lang?: Locale;
  /** `-` was given: a report is read from standard input. */
  stdin: boolean;
  /** --stdin-filename: the path that report stands for (config lookup, kind, output). */
  stdinFilename?: string;
  /** --include-suppressed: suppressed findings in the SARIF output, marked as suppressed. */
  includeSuppressed: boolean;
  /** Files, folders and glob patterns, in order; '-' marks where standard input goes. */
  paths: string[];
  /** --threads: how many threads check the reports (check); 0 (the default): one per core but one. */
  threads: number;
  /** --cache: reuse the results of reports whose content, configuration and Wengao are unchanged (check). */
  cache: boolean;
  /** --cache-location: the cache file, or a folder to hold it (default: DEFAULT_CACHE under the working directory). */
  cacheLocation?: string;
}

/** Where --cache keeps its file by default, under the working directory (as ESLint and Prettier keep theirs). */
export const DEFAULT_CACHE = 'node_modules/.cache/wengao/cache.json';

export const STDIN_NAME = '<stdin>';

export const EXIT_CODES = `退出码 (exit status):
  0  没有错误，警告不超过 --max-warnings（默认 0）；提示不影响退出码。figures：0，除非出现下面 2 的情形
     （与 check 相同：无法解码的文件在 stderr 上列出，其余照常读取，退出码为 2）
     (no error, and no more warnings than --max-warnings, default 0; figures: 0 unless a case
     of 2 below applies, as for check: a file it cannot decode is named on stderr, the others
     are read, and the status is 2)
  1  发现错误，或警告多于 --max-warnings；配置文件中的错误也算
     (an error was found, or more warnings than --max-warnings; errors in a config file count)
  2  用法错误，路径不存在或无法读取，文件夹中没有报告，通配符没有匹配或超出限制，--config 无法读取，
     文件无法解码（其余文件照常检查并报告），结果无法写出（如磁盘已满），或内部错误
     (usage error; a path missing or unreadable; a folder with no reports; a glob matching
     nothing or beyond the limits of globs; an unreadable --config; a file that cannot be
     decoded, after every other file has been checked and reported; output that cannot be
     written, as on a full disk; an internal error)`;

export const USAGE = `用法 (usage):
  wengao check <文件、文件夹或通配符 files, folders or globs | ->... [选项 options]
  wengao figures <文件、文件夹或通配符 files, folders or globs | ->... [选项 options]

  check             检查引号括号配对、标题序号、数据前后一致、数目与列举 (checks every report)
    --format F      text（默认：每个问题一行 path:line:col: severity code message）、json、
                    sarif（SARIF 2.1.0，可上传到 GitHub code scanning）或 github（GitHub Actions
                    的 ::error/::warning/::notice 注释）
    --min-severity L  报告的最低级别 error|warning|information|hint，默认 warning
                    （information 包括“目标”标注 figure.target）
    --max-warnings N  警告多于 N 个时退出码为 1（默认 0：有警告即失败；-1：警告不影响退出码）
    --include-suppressed  sarif：也输出已被注释或 .wengaoignore 忽略的问题，标为 suppressions
    --threads N     用 N 个线程检查（默认 0：CPU 核数减一，留一个核给 V8 的垃圾回收；报告少于
                    50 份时总在本线程；不多于 CPU 核数）(threads that check the reports; default 0:
                    one per core but one; fewer than 50 reports are always checked on the main
                    thread; never more than the cores)
    --cache         只重新检查内容、配置或 Wengao 版本有变的报告，其余用上次的结果（输出与不用缓存时
                    完全相同；跨文档比对总是重新计算；使用缓存时在本线程检查）(re-check only reports
                    whose content, configuration or Wengao changed; the output is the same as
                    without it; figure.mismatch is always recomputed; checks on the main thread)
    --cache-location P  缓存文件或其所在文件夹（默认 ${DEFAULT_CACHE}；隐含 --cache）
                    (the cache file or its folder; implies --cache)
  figures           列出全部数据（指标、数值、单位、比较、期间、地区、目标或实际）
    --format F      json（默认）、csv（UTF-8 BOM，可用 Excel/WPS 打开）、text 或 markdown
    --targets       只列目标
  两者 (both):
    --config FILE   所有报告都用这个配置文件，不再向上查找 .wengaorc.json
    --lang zh|en    消息语言（优先于配置文件的 "language"），默认中文
    -               从标准输入读取一份报告（UTF-8、UTF-16 或 GB18030）
    --stdin-filename NAME  标准输入那份报告的路径：用于查找配置、判断 .md/.txt、输出（默认 <stdin>，纯文本）
    --              其后都是路径，即使以 - 开头 (everything after -- is a path, even one that begins with -)
  --help            显示本说明
  --version         显示版本

  文件夹中查找 .txt、.md、.markdown、.docx、.pdf（跳过以 . 开头的文件夹和 node_modules、dist、out），并按
  配置文件的 include/exclude 筛选；直接写出的文件总会检查。通配符请加引号，如 "reports/**/*.txt"。
  .docx 按段落读取（编号、标题、表格、脚注，修订按全部接受），位置写作“第8段”；.pdf 读文字层（去掉页码、
  页眉，跨页段落接上），位置写作“第3页第5行”。.doc、.wps 请先另存为 .docx；扫描的 PDF 请先做文字识别。

${EXIT_CODES}`;

export type Parsed = { ok: true; options: Options } | { ok: false; exit: number; stdout?: string; stderr?: string };

// (The message quotes what was typed, which may hold control characters: escaped as a path is.)
const usageError = (message: string): Parsed => ({ ok: false, exit: 2, stderr: `wengao: ${escapedPath(message)}\n\n${USAGE}\n` });

export function parseArgs(argv: string[], version: string): Parsed {
  const args = [...argv];
  if (args.includes('--help') || args.includes('-h')) return { ok: false, exit: 0, stdout: USAGE + '\n' };
  if (args.includes('--version')) return { ok: false, exit: 0, stdout: version + '\n' };
  const command = args.shift();
  if (command !== 'check' && command !== 'figures') {
    return command ? usageError(`未知命令 (unknown command): ${command}`) : { ok: false, exit: 2, stderr: `${USAGE}\n` };
  }
  const o: Options = {
    command,
    format: command === 'check' ? 'text' : 'json',
    minSeverity: 'warning',
    maxWarnings: 0,
    targetsOnly: false,
    stdin: false,
    includeSuppressed: false,
    paths: [],
    threads: 0,
    cache: false,
  };
  const only = (cmd: Command, a: string) => (command === cmd ? undefined : usageError(`${a} 只用于 wengao ${cmd} (only for wengao ${cmd})`));
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      // (Everything after -- is a path, even one that begins with a dash.)
      o.paths.push(...args.slice(i + 1));
      break;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i]);
    switch (name) {
      case '--format': {
        const v = value();
        if (!FORMATS[command].includes(v as Format)) {
          return usageError(`--format 只能是 ${FORMATS[command].join('、')} (must be one of ${FORMATS[command].join(', ')}), 而不是 ${v ?? '(空)'}`);
        }
        o.format = v as Format;
        break;
      }
      case '--min-severity': {
        const bad = only('check', name);
        if (bad) return bad;
        const v = value();
        if (v === undefined || !(v in SEVERITY_ORDER)) return usageError(`--min-severity 只能是 error、warning、information 或 hint, 而不是 ${v ?? '(空)'}`);
        o.minSeverity = v as Severity;
        break;
      }
      case '--max-warnings': {
        const bad = only('check', name);
        if (bad) return bad;
        const v = value();
        if (v === undefined || !/^(-1|\d+)$/.test(v)) return usageError(`--max-warnings 应是 0 或正整数（-1 表示不限）(a whole number, or -1 for no limit), 而不是 ${v ?? '(空)'}`);
        o.maxWarnings = Number(v);
        break;
      }
      case '--include-suppressed': {
        const bad = only('check', name);
        if (bad) return bad;
        o.includeSuppressed = true;
        break;
      }
      case '--threads': {
        const bad = only('check', name);
        if (bad) return bad;
        const v = value();
        if (v === undefined || !/^\d{1,3}$/.test(v)) return usageError(`--threads 应是 0 到 999 的整数（0：按 CPU 核数自动）(a whole number up to 999; 0 chooses from the cores), 而不是 ${v ?? '(空)'}`);
        o.threads = Number(v);
        break;
      }
      case '--cache': {
        const bad = only('check', name);
        if (bad) return bad;
        o.cache = true;
        break;
      }
      case '--cache-location': {
        const bad = only('check', name);
        if (bad) return bad;
        const v = value();
        if (!v) return usageError('--cache-location 需要一个文件或文件夹路径 (needs a file or folder)');
        o.cacheLocation = v;
        o.cache = true;
        break;
      }
      case '--targets': {
        const bad = only('figures', name);
        if (bad) return bad;
        o.targetsOnly = true;
        break;
      }
      case '--config': {
        const v = value();
        if (!v) return usageError('--config 需要一个配置文件路径 (needs a file)');
        o.config = v;
        break;
      }
      case '--lang': {
        const v = value();
        if (!isLocale(v)) return usageError(`--lang 只能是 zh 或 en (must be zh or en), 而不是 ${v ?? '(空)'}`);
        o.lang = v;
        break;
      }
      case '--stdin-filename': {
        const v = value();
        if (!v) return usageError('--stdin-filename 需要一个文件名 (needs a name)');
        o.stdinFilename = v;
        break;
      }
      case '-':
        if (o.stdin) return usageError('标准输入 - 只能给一次 (standard input can be given once)');
        o.stdin = true;
        o.paths.push(a);
        break;
      default:
        // (The hint about -- only where the argument looks like a file name: -草稿.txt, not --target.)
        const fileLike = /[.\/\\]|[^\x00-\x7f]/.test(a.replace(/^-+/, ''));
        if (a.startsWith('-')) return usageError(`未知选项 (unknown option): ${a}${fileLike ? '（以 - 开头的路径请写在 -- 之后 / a path that begins with - goes after --）' : ''}`);
        o.paths.push(a);
    }
  }
  if (o.paths.length === 0) return usageError('请指定要检查的文件、文件夹或通配符 (no files, folders or globs given)');
  if (o.stdinFilename !== undefined && !o.stdin) return usageError('--stdin-filename 需要与 - 一起使用 (needs - among the paths)');
  if (o.includeSuppressed && o.format !== 'sarif') return usageError('--include-suppressed 只用于 --format sarif (only with --format sarif)');
  return { ok: true, options: o };
}
