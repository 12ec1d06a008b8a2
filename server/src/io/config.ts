/**
 * Finding a report's project configuration and ignore file on disk, shared by the CLI and the
 * server: the nearest `.wengaorc.json` and the nearest `.wengaoignore` upward from the report's
 * folder. The core parses their text; this module only finds and reads them, caches what it
 * read, and decides which files a config's include/exclude globs cover.
 */
import { Minimatch } from 'minimatch';
import * as path from 'path';
import {
  CONFIG_FILE, EMPTY_CONFIG, Finding, IGNORE_FILE, IgnoreEntry, Locale, WengaoConfig, globProblem, mergeConfig, parseConfig, parseIgnoreFile,
} from '../core';
import { MAX_CONFIG_BYTES, configTooLarge, readBounded } from './read';
import { REPORT_EXTENSIONS, relativeTo } from './reports';
import { WorkspaceFs, nodeFs } from './workspaceFs';

export { REPORT_EXTENSIONS };

export interface ConfigFile {
  path: string;
  text: string;
  config: WengaoConfig;
  /** Problems with the file, on its text. */
  findings: Finding[];
  /**
   * Why the file was found but not read (not a regular file, over MAX_CONFIG_BYTES, refused):
   * then its text is empty and it sets nothing. The CLI reports it skipped (exit 2).
   */
  unread?: string;
}

export interface IgnoreFile {
  path: string;
  text: string;
  entries: IgnoreEntry[];
  findings: Finding[];
  /** As for a config file: why it was found but not read; then it has no entries. */
  unread?: string;
}

/** A --config file that could not be read: the run stops (exit 2). */
export class ConfigReadError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`无法读取配置文件 (cannot read the config file) ${file}: ${reason}`);
  }
}

export interface Resolved {
  /** The settings with the config file laid over them. */
  config: WengaoConfig;
  /** The config file that applies, if any. */
  file?: ConfigFile;
  /** The ignore file that applies, if any, and its entries for this report. */
  ignoreFile?: IgnoreFile;
  ignore: IgnoreEntry[];
}

export interface ResolverOptions {
  /** The settings the files are laid over (VS Code settings, or none for the CLI). */
  base?: WengaoConfig;
  /** One config file for every report (the CLI's --config): no search upward. */
  explicit?: string;
  /** Text of files open in an editor, which wins over the disk's. */
  overlay?: (file: string) => string | undefined;
  locale?: Locale;
  /**
   * Where config and ignore files are read (`nodeFs` by default). In an untrusted workspace
   * (VS Code's Restricted Mode) the server gives `untrustedFs`, which reads nothing: no config
   * or ignore file is found, on disk or in the editor (`overlay` is not asked either), and only
   * `base` (the user's settings) applies.
   */
  fs?: WorkspaceFs;
}

type Cached<T> = Promise<T | undefined>;

/**
 * Compiled patterns, each compiled once however many reports it is matched against (bounded).
 * A pattern beyond the limits of core/globs.ts (from settings, which a repository's
 * .vscode/settings.json can set, as from project files) matches nothing and is never compiled.
 */
const MATCHERS = new Map<string, Minimatch | null>();
export function matches(rel: string, glob: string, dot = true): boolean {
  const key = `${dot ? 1 : 0}\u0000${glob}`;
  let m = MATCHERS.get(key);
  if (m === undefined) {
    if (MATCHERS.size >= 10_000) MATCHERS.clear();
    m = globProblem(glob) ? null : new Minimatch(glob, { dot });
    MATCHERS.set(key, m);
  }
  return m !== null && m.match(rel);
}

/** Whether an exclude pattern leaves out a path: the path itself or a folder above it. */
export function excludedBy(rel: string, globs: readonly string[]): boolean {
  return globs.some((g) => matches(rel, g) || matches(rel, `${g.replace(/\/+$/, '')}/**`));
}

export class ConfigResolver {
  private configs = new Map<string, Cached<ConfigFile>>();
  private ignores = new Map<string, Cached<IgnoreFile>>();
  /** Folder → the nearest config/ignore file path at or above it (undefined: none). */
  private nearest = new Map<string, Promise<{ config?: string; ignore?: string }>>();

  constructor(private options: ResolverOptions = {}) {}

  /** New settings, or a file changed: forget what was read. */
  reset(options?: Partial<ResolverOptions>): void {
    if (options) this.options = { ...this.options, ...options };
    this.configs.clear();
    this.ignores.clear();
    this.nearest.clear();
    this.merged = new WeakMap();
  }

  /** A config or ignore file changed on disk or in the editor. */
  changed(file: string): void {
    const name = path.basename(file);
    if (name === CONFIG_FILE || name === IGNORE_FILE || this.isExplicit(file)) this.reset();
  }

  /** Whether a path names the --config file (given relative or absolute). */
  private isExplicit(file: string): boolean {
    return this.options.explicit !== undefined && path.resolve(file) === path.resolve(this.options.explicit);
  }

  /** Where config and ignore files are read. */
  get fs(): WorkspaceFs {
    return this.options.fs ?? nodeFs;
  }

  /**
   * The editor's unsaved text of a config or ignore file: it stands for the file on disk, so it
   * counts only where the disk may be read (an untrusted workspace takes no project file at all).
   */
  private get overlay(): ((file: string) => string | undefined) | undefined {
    return this.fs.trusted ? this.options.overlay : undefined;
  }

  /** What applies to a report: `base` (its settings) if given, else the resolver's. */
  async forFile(report: string, base: WengaoConfig = this.options.base ?? EMPTY_CONFIG): Promise<Resolved> {
    const found = await this.find(path.dirname(path.resolve(report)));
    const configPath = this.options.explicit ? path.resolve(this.options.explicit) : found.config;
    const file = configPath ? await this.readConfig(configPath) : undefined;
    const ignoreFile = found.ignore ? await this.readIgnore(found.ignore) : undefined;
    const ignore = ignoreFile ? entriesFor(ignoreFile, report) : [];
    // (One merged configuration per base and file, shared by the reports under it: the CLI's cache
    // digests a configuration once by its identity.)
    let byFile = this.merged.get(base);
    if (!byFile) this.merged.set(base, (byFile = new Map()));
    let config = byFile.get(file);
    if (!config) byFile.set(file, (config = mergeConfig(base, file?.config)));
    return { config, file, ignoreFile, ignore };
  }
  private merged = new WeakMap<WengaoConfig, Map<ConfigFile | undefined, WengaoConfig>>();

  /**
   * Whether a report found by walking a folder is covered: the config's include and exclude
   * globs, relative to the config file's folder (or to `root` for the settings' globs).
   */
  covers(report: string, resolved: Resolved, root?: string): boolean {
    const c = resolved.config;
    const dir = resolved.file && (resolved.file.config.include || resolved.file.config.exclude) ? path.dirname(resolved.file.path) : root;
    if (!c.include && !c.exclude) return REPORT_EXTENSIONS.test(report);
    const rel = dir ? relativeTo(dir, report) : path.basename(report);
    if (rel.startsWith('../')) return REPORT_EXTENSIONS.test(report);
    const included = c.include ? c.include.some((g) => matches(rel, g)) : REPORT_EXTENSIONS.test(report);
    return included && !excludedBy(rel, c.exclude ?? []);
  }

  /** Reads a config file (for its diagnostics, or --config). */
  readConfig(file: string): Promise<ConfigFile | undefined> {
    let p = this.configs.get(file);
    if (!p) {
      p = this.read(file).then((read) => {
        if (read === undefined) return undefined;
        if ('unread' in read) {
          const unread = `${read.unread}；其下的报告不用它的设置 (its settings do not apply to the reports under it)`;
          return { path: file, text: '', config: EMPTY_CONFIG, findings: [], unread };
        }
        const { config, findings } = parseConfig(read.text, this.options.locale);
        return { path: file, text: read.text, config, findings };
      });
      this.configs.set(file, p);
    }
    return p;
  }

  readIgnore(file: string): Promise<IgnoreFile | undefined> {
    let p = this.ignores.get(file);
    if (!p) {
      p = this.read(file).then((read) => {
        if (read === undefined) return undefined;
        if ('unread' in read) {
          const unread = `${read.unread}；它不为其下的报告忽略任何问题 (it silences nothing in the reports under it)`;
          return { path: file, text: '', entries: [], findings: [], unread };
        }
        const { entries, findings } = parseIgnoreFile(read.text, this.options.locale);
        return { path: file, text: read.text, entries, findings };
      });
      this.ignores.set(file, p);
    }
    return p;
  }

  /**
   * A config or ignore file's problems in `locale` (the one its reports are checked in): as read
   * when the resolver's own locale is that one, else read again in it.
   */
  problemsIn(file: ConfigFile | IgnoreFile, locale: Locale | undefined): Finding[] {
    if (file.unread !== undefined) return [];
    if ((locale ?? 'zh') === (this.options.locale ?? 'zh')) return file.findings;
    return 'entries' in file ? parseIgnoreFile(file.text, locale).findings : parseConfig(file.text, locale).findings;
  }

  /** Where a new ignore entry for `report` goes: the ignore file that applies, else one beside the config file, else in `root`. */
  async ignorePathFor(report: string, root?: string): Promise<string> {
    const found = await this.find(path.dirname(path.resolve(report)));
    if (found.ignore) return found.ignore;
    if (found.config) return path.join(path.dirname(found.config), IGNORE_FILE);
    return path.join(root ?? path.dirname(path.resolve(report)), IGNORE_FILE);
  }

  /**
   * A config or ignore file's text, through `readBounded` (io/read.ts): only a regular file, up
   * to MAX_CONFIG_BYTES, so that a named pipe, a device or a huge file never holds the CLI or the
   * server. `undefined`: not there (any more); `{ unread }`: there but not read, and why.
   * The --config file throws instead (ConfigReadError): the run cannot go on without it.
   */
  private async read(file: string): Promise<{ text: string } | { unread: string } | undefined> {
    const open = this.overlay?.(file);
    if (open !== undefined) return { text: open };
    const r = await readBounded(file, this.fs, MAX_CONFIG_BYTES, configTooLarge);
    if (!r.ok) {
      if (this.isExplicit(file)) throw new ConfigReadError(file, r.reason);
      // (In an untrusted workspace a refusal reads as no file, quietly: nothing there is read.)
      if (r.gone || !this.fs.trusted) return undefined;
      return { unread: r.failed ? `无法读取 (cannot read): ${r.reason}` : r.reason };
    }
    // Config files are UTF-8 (a BOM is allowed).
    const text = new TextDecoder('utf-8').decode(r.bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }

  private find(dir: string): Promise<{ config?: string; ignore?: string }> {
    let p = this.nearest.get(dir);
    if (!p) {
      p = (async () => {
        const here = { config: await exists(this.fs, path.join(dir, CONFIG_FILE), this.overlay), ignore: await exists(this.fs, path.join(dir, IGNORE_FILE), this.overlay) };
        const parent = path.dirname(dir);
        if ((here.config && here.ignore) || parent === dir) return here;
        const up = await this.find(parent);
        return { config: here.config ?? up.config, ignore: here.ignore ?? up.ignore };
      })();
      this.nearest.set(dir, p);
    }
    return p;
  }
}

/**
 * Whether a config or ignore file is there: anything but a folder (a named pipe, a device or a
 * link to one is found, then not read and said so: it must not let a config further up apply
 * in silence).
 */
async function exists(fs: WorkspaceFs, file: string, overlay?: (file: string) => string | undefined): Promise<string | undefined> {
  if (overlay?.(file) !== undefined) return file;
  try {
    return (await fs.stat(file)).isDirectory() ? undefined : file;
  } catch {
    return undefined;
  }
}

/** The entries of an ignore file that name this report: its path relative to the file, or a glob matching it. */
export function entriesFor(ignore: IgnoreFile, report: string): IgnoreEntry[] {
  const rel = relativeTo(path.dirname(ignore.path), report);
  return ignore.entries.filter((e) => {
    const p = e.path.replace(/^\.\//, '');
    return p === rel || (/[*?[{]/.test(p) && matches(rel, p));
  });
}

/** The path an ignore entry for `report` is written with: relative to the ignore file, with '/'. */
export function ignoreEntryPath(ignorePath: string, report: string): string {
  return relativeTo(path.dirname(ignorePath), report);
}
