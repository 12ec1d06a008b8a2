/**
 * The folder walk: symbolic links followed with each file reported once (through a link, a loop
 * or a glob alike), and a folder that cannot be read reported as skipped while the walk goes on,
 * whether a folder or a glob named it.
 * In-process (collect), with a real temporary folder; the unreadable folder is made so by a spy
 * on readdir, since tests may run as root, for whom no folder is unreadable.
 */
import { execFileSync } from 'child_process';
import { promises as fsp, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collect } from '../../server/src/cli/files';
import { main } from '../../server/src/cli/main';
import { chunkText } from '../../server/src/cli/jsonStream';
import { ConfigResolver } from '../../server/src/io/config';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(): string {
  const d = mkdtempSync(join(tmpdir(), 'wengao-walk-'));
  dirs.push(d);
  mkdirSync(join(d, 'a'));
  mkdirSync(join(d, 'b'));
  writeFileSync(join(d, 'a', '报告.txt'), '中文报告。');
  writeFileSync(join(d, 'b', '简报.txt'), '中文简报。');
  writeFileSync(join(d, 'c.txt'), '中文。');
  symlinkSync(join(d, 'a', '报告.txt'), join(d, 'b', '链接.txt')); // a second name for a/报告.txt
  symlinkSync(d, join(d, 'b', 'loop')); // a link back to the top
  return d;
}

const paths = (s: Awaited<ReturnType<typeof collect>>) => s.map((x) => ('path' in x ? x.path : x.kind));

describe('the folder walk', () => {
  it('follows links, stops at loops, and lists each real file once, in name order', async () => {
    const d = tree();
    const found = await collect([d], new ConfigResolver());
    expect(paths(found)).toEqual([join(d, 'a', '报告.txt'), join(d, 'b', '简报.txt'), join(d, 'c.txt')]);
  });

  it('does not follow a link out of the folder named: it is noted, not read', async () => {
    const d = tree();
    const outside = mkdtempSync(join(tmpdir(), 'wengao-outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'secret.txt'), '中文机密。');
    symlinkSync(join(outside, 'secret.txt'), join(d, 'a', 'leak.txt'));
    symlinkSync(outside, join(d, 'elsewhere'));
    const found = await collect([d], new ConfigResolver());
    expect(found.filter((x) => x.kind === 'file').map((x) => ('path' in x ? x.path : ''))).toEqual([join(d, 'a', '报告.txt'), join(d, 'b', '简报.txt'), join(d, 'c.txt')]);
    expect(found.filter((x) => x.kind === 'note').map((x) => ('path' in x ? x.path : '')).sort()).toEqual([join(d, 'a', 'leak.txt'), join(d, 'elsewhere')]);
  });

  it('a glob and a folder that reach the same file list it once', async () => {
    const d = tree();
    const found = await collect([`${d}/**/*.txt`, d], new ConfigResolver());
    expect(new Set(found.map((x) => ('path' in x ? x.path : ''))).size).toBe(found.length);
    expect(found).toHaveLength(3);
  });

  it('a folder or glob whose only report is a link out: the usage error comes after the link, named', async () => {
    const d = mkdtempSync(join(tmpdir(), 'wengao-walk-'));
    const outside = mkdtempSync(join(tmpdir(), 'wengao-outside-'));
    dirs.push(d, outside);
    writeFileSync(join(outside, 'secret.txt'), '中文机密。');
    symlinkSync(join(outside, 'secret.txt'), join(d, 'leak.txt'));
    for (const arg of [d, `${d}/*.txt`]) {
      const err: string[] = [];
      const code = await main(['check', arg], () => undefined, (t) => err.push(t), { stdin: async () => new Uint8Array(), cwd: process.cwd() });
      expect(code, arg).toBe(2);
      expect(err.join('').split('\n'), arg).toEqual([
        `wengao: ${join(d, 'leak.txt')}: 链接指向所查文件夹之外，未跟随 (a link that leads out of the folder checked: not followed)`,
        expect.stringMatching(/^wengao: (文件夹中没有 \.txt、\.md、\.docx 或 \.pdf 报告|通配符没有匹配任何文件)/),
        '',
      ]);
    }
  });

  /** A folder with a report and a link, leak.txt, to a file outside it. */
  const withLinkOut = () => {
    const d = mkdtempSync(join(tmpdir(), 'wengao-walk-'));
    const outside = mkdtempSync(join(tmpdir(), 'wengao-outside-'));
    dirs.push(d, outside);
    writeFileSync(join(d, 'a.txt'), '报告\n\n今年新增就业3万人。\n');
    writeFileSync(join(outside, 'secret.txt'), '中文机密。');
    symlinkSync(join(outside, 'secret.txt'), join(d, 'leak.txt'));
    return d;
  };

  it('a link out reached by a folder and by a glob is named once', async () => {
    const d = withLinkOut();
    const err: string[] = [];
    const code = await main(['check', d, `${d}/*.txt`], () => undefined, (t) => err.push(t), { stdin: async () => new Uint8Array(), cwd: process.cwd() });
    expect(code).toBe(0);
    expect(err.join('').split('\n').filter((l) => l.includes('leak.txt'))).toEqual([
      `wengao: ${join(d, 'leak.txt')}: 链接指向所查文件夹之外，未跟随 (a link that leads out of the folder checked: not followed)`,
    ]);
  });

  it('a link out is named in every format as not followed, and is no error', async () => {
    const d = withLinkOut();
    const leak = join(d, 'leak.txt');
    const reason = '链接指向所查文件夹之外，未跟随 (a link that leads out of the folder checked: not followed)';
    const run = async (format: string) => {
      const out: string[] = [];
      const code = await main(['check', d, '--format', format], (t) => void out.push(chunkText(t)), () => undefined, { stdin: async () => new Uint8Array(), cwd: process.cwd() });
      expect(code, format).toBe(0);
      return out.join('');
    };
    const json = JSON.parse(await run('json'));
    expect(json.files).toContainEqual({ path: leak, diagnostics: [], notFollowed: reason });
    expect(json.files.filter((f: { path: string }) => f.path === leak)).toHaveLength(1);
    const sarif = JSON.parse(await run('sarif'));
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes).toContainEqual({ level: 'note', message: { text: reason }, locations: [{ physicalLocation: { artifactLocation: expect.objectContaining({ uri: expect.stringContaining('leak.txt') }) } }] });
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(true);
    expect(await run('github')).toMatch(/^::notice file=[^,\n]*leak\.txt,title=wengao::链接指向所查文件夹之外，未跟随/m);
    // (Named on the command line too, the link is checked, and listed once.)
    const out: string[] = [];
    await main(['check', d, leak, '--format', 'json'], (t) => void out.push(chunkText(t)), () => undefined, { stdin: async () => new Uint8Array(), cwd: process.cwd() });
    const both = JSON.parse(out.join('')).files.filter((f: { path: string }) => f.path === leak);
    expect(both).toHaveLength(1);
    expect(both[0].notFollowed).toBeUndefined();
  });

  it('reports a folder it cannot read as unreadable and walks the rest', async () => {
    const d = tree();
    const real = fsp.readdir.bind(fsp);
    vi.spyOn(fsp, 'readdir').mockImplementation(((p: string, o: never) => {
      if (String(p) === join(d, 'b')) return Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' }));
      return real(p, o);
    }) as never);
    const found = await collect([d], new ConfigResolver());
    expect(found).toContainEqual({ kind: 'unreadable', path: join(d, 'b'), message: expect.stringMatching(/没有读取权限 \(permission denied\)/) });
    expect(paths(found)).toContain(join(d, 'a', '报告.txt'));
    expect(paths(found)).toContain(join(d, 'c.txt'));
  });

  it('a glob reports a subfolder it cannot read as unreadable too, and matches the rest', async () => {
    const d = tree();
    const real = fsp.readdir.bind(fsp);
    vi.spyOn(fsp, 'readdir').mockImplementation(((p: string, o: never) => {
      if (String(p).replace(/[\\/]+$/, '') === join(d, 'b')) return Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' }));
      return real(p, o);
    }) as never);
    const found = await collect([`${d}/**/*.txt`], new ConfigResolver());
    expect(found).toEqual([
      { kind: 'unreadable', path: join(d, 'b'), message: expect.stringMatching(/没有读取权限 \(permission denied\)/) },
      { kind: 'file', path: join(d, 'a', '报告.txt') },
      { kind: 'file', path: join(d, 'c.txt') },
    ]);
    // (Only the unreadable folder held a match: no usage error, the folder is reported skipped.)
    const only = await collect([`${d}/b/*.txt`], new ConfigResolver());
    expect(only).toEqual([{ kind: 'unreadable', path: join(d, 'b'), message: expect.stringMatching(/permission denied/) }]);
    // A glob whose fixed start is not there matches nothing: still a usage error, no folder skipped.
    await expect(collect([`${d}/nowhere/**/*.txt`], new ConfigResolver())).rejects.toThrow(/matches no file/);
    // The command names the folder skipped and exits 2, as for a folder, whichever form is used.
    for (const arg of [d, `${d}/**/*.txt`]) {
      const err: string[] = [];
      const code = await main(['check', arg, '--format', 'json'], () => undefined, (t) => err.push(t), { stdin: async () => new Uint8Array(), cwd: process.cwd() });
      expect(code, arg).toBe(2);
      expect(err.join(''), arg).toContain(`wengao: 跳过 (skipped) ${join(d, 'b')}: 无法读取文件夹 (cannot read the folder)`);
    }
  });
});

describe('a named pipe or a device in a folder walked', () => {
  it('named like a report, through a folder, a glob or a link (out of the folder too): named skipped with the reason a file named directly gets, once each, exit 2; never opened', { timeout: 5_000 }, async () => {
    const d = tree();
    execFileSync('mkfifo', [join(d, 'a', 'p.txt')]);
    symlinkSync('/dev/zero', join(d, 'z.txt')); // a device, out of the folder
    symlinkSync(join(d, 'a', 'p.txt'), join(d, 'b', 'p2.txt')); // a second name of the pipe
    execFileSync('mkfifo', [join(d, 'a', 'p.rtf')]); // not named like a report: not named
    const skipped = (path: string) => ({ kind: 'unreadable', path, message: '不是普通文件（设备、管道或套接字），未读取 (not a regular file: a device, pipe or socket; not read)' });
    for (const arg of [d, `${d}/**/*.txt`]) {
      const found = await collect([arg], new ConfigResolver());
      expect(found, arg).toEqual([
        skipped(join(d, 'a', 'p.txt')),
        skipped(join(d, 'z.txt')),
        { kind: 'file', path: join(d, 'a', '报告.txt') },
        { kind: 'file', path: join(d, 'b', '简报.txt') },
        { kind: 'file', path: join(d, 'c.txt') },
      ]);
    }
    // Named directly as well as walked: once.
    const both = await collect([join(d, 'a', 'p.txt'), d], new ConfigResolver());
    expect(both.filter((x) => 'path' in x && x.path.endsWith('p.txt'))).toEqual([{ kind: 'file', path: join(d, 'a', 'p.txt') }]);
    // A folder or a glob that holds only a pipe: no usage error, the pipe is skipped.
    const only = mkdtempSync(join(tmpdir(), 'wengao-walk-'));
    dirs.push(only);
    execFileSync('mkfifo', [join(only, 'p.txt')]);
    for (const arg of [d, `${d}/**/*.txt`, only, `${only}/*.txt`]) {
      const err: string[] = [];
      const code = await main(['check', arg, '--format', 'json'], () => undefined, (t) => err.push(t), { stdin: async () => new Uint8Array(), cwd: process.cwd() });
      expect(code, arg).toBe(2);
      expect(err.join(''), arg).toContain(`wengao: 跳过 (skipped) ${join(arg.startsWith(only) ? only : join(d, 'a'), 'p.txt')}: 不是普通文件（设备、管道或套接字），未读取 (not a regular file: a device, pipe or socket; not read)\n`);
      if (!arg.startsWith(only)) expect(err.join(''), arg).toContain(`wengao: 跳过 (skipped) ${join(d, 'z.txt')}: 不是普通文件`);
      expect(err.join(''), arg).not.toMatch(/p\.rtf|p2\.txt/);
    }
  });
});

describe('a glob on the command line', () => {
  it('is held to the limits of config globs: one whose matching would take exponential time is refused, exit 2, nothing read', { timeout: 5_000 }, async () => {
    const d = mkdtempSync(join(tmpdir(), 'wengao-glob-'));
    dirs.push(d);
    // (*a*a*…*b against this name took 8 s through tinyglobby, and more for each a.)
    writeFileSync(join(d, `${'a'.repeat(40)}.txt`), '中文报告。');
    const listed = vi.spyOn(fsp, 'readdir');
    for (const [glob, why] of [
      [`${d}/*a*a*a*a*a*a*a*a*a*a*b`, /多于 2 个.*more than 2 wildcards of variable width/],
      [`${d}/!(!(!(!(!(x)))))`, /组嵌套超过 2 层.*groups nested deeper than 2/],
      [`${d}/${'{a,b}'.repeat(5)}*.txt`, /花括号展开后多于 16 个模式.*more than 16 patterns/],
      [`${d}/*(a*).txt`, /重复组.*a repeated group holding a wildcard/],
    ] as const) {
      await expect(collect([glob], new ConfigResolver()), glob).rejects.toThrow(why);
      const err: string[] = [];
      const out: string[] = [];
      const code = await main(['check', glob], (t) => out.push(chunkText(t)), (t) => err.push(t), { stdin: async () => new Uint8Array(), cwd: process.cwd() });
      expect(code, glob).toBe(2);
      expect(out, glob).toEqual([]);
      expect(err.join(''), glob).toMatch(/^wengao: 通配符模式.*匹配代价过高，未展开 \(the glob is .*too costly to match; not expanded\): /);
    }
    expect(listed).not.toHaveBeenCalled();
    // Within the limits, the same folder is matched as usual.
    expect(await collect([`${d}/*a*.txt`], new ConfigResolver())).toEqual([{ kind: 'file', path: join(d, `${'a'.repeat(40)}.txt`) }]);
  });
});
