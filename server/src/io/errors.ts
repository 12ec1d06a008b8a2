/** What a file system error means, in words a reviewer reads (Chinese, then English), not its code. */
const FS_ERRORS: Record<string, string> = {
  ENOENT: '不存在 (does not exist)',
  EACCES: '没有读取权限 (permission denied)',
  EPERM: '没有读取权限 (permission denied)',
  EISDIR: '是文件夹，不是文件 (a folder, not a file)',
  ENOTDIR: '路径中有一段不是文件夹 (a part of the path is not a folder)',
  ELOOP: '符号链接形成循环 (a loop of symbolic links)',
  EMFILE: '同时打开的文件过多 (too many open files)',
  ENFILE: '同时打开的文件过多 (too many open files)',
  EBUSY: '文件正被占用 (the file is busy)',
  EIO: '读盘出错 (an input/output error)',
  ENAMETOOLONG: '路径过长 (the path is too long)',
  // (workspaceFs.ts untrustedFs)
  EUNTRUSTED: '工作区不受信任，不读写文件 (an untrusted workspace: no file is read or written)',
};

/** An error from `fs`, described: its meaning where known, else its message. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && FS_ERRORS[code]) return FS_ERRORS[code];
  return err instanceof Error ? err.message : String(err);
}
