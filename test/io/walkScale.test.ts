/**
 * The walk (io/walk.ts) at a scale no test folder on disk reaches quickly: a file system in
 * memory. A folder of 130,000 files once overflowed the stack (issue 11). In the thorough project.
 */
import { describe, expect, it } from 'vitest';
import { walkFolder } from '../../server/src/io/walk';
describe('the walk at scale (a file system in memory)', () => {
  it('a folder of 130,000 files and a chain of 2,000 nested folders (PATH_MAX allows no deeper): every file once, in name order, no stack overflow', async () => {
    const entry = (name: string, dir: boolean) => ({ name, isFile: () => !dir, isDirectory: () => dir, isSymbolicLink: () => false });
    const deep = 2_000;
    const wide = 130_000;
    const fail = () => Promise.reject(new Error('not used'));
    const memory = {
      trusted: true,
      readFile: fail,
      writeFile: fail,
      stat: fail,
      lstat: fail,
      realpath: async (p: string) => p,
      watch: () => { throw new Error('not used'); },
      // /r holds the wide folder w and the first of the chain d; each d holds a report and the next d.
      readdir: async (dir: string) => {
        if (dir === '/r') return [entry('w', true), entry('d', true)];
        if (dir === '/r/w') return Array.from({ length: wide }, (_, i) => entry(`${String(i).padStart(6, '0')}.txt`, false));
        const depth = dir.split('/d').length - 1;
        return depth < deep ? [entry('x.txt', false), entry('d', true)] : [entry('x.txt', false)];
      },
    };
    const walked = await walkFolder(memory, '/r', { enter: () => true, want: (f) => f.endsWith('.txt') });
    expect(walked.unreadable).toEqual([]);
    expect(walked.files).toHaveLength(wide + deep);
    expect(new Set(walked.files.map((f) => f.path)).size).toBe(wide + deep);
    // (Name order, as a path's folders sort: d/d/…/x.txt before d/x.txt, the chain d before w.)
    expect(walked.files[0].path).toBe(`/r${'/d'.repeat(deep)}/x.txt`);
    expect(walked.files[deep - 1].path).toBe('/r/d/x.txt');
    expect(walked.files[deep].path).toBe('/r/w/000000.txt');
    expect(walked.files.at(-1)!.path).toBe('/r/w/129999.txt');
  });
});
