import { readdirSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { checkCase, parseFixtures } from '../helpers/fixture';

const dir = join(__dirname, '..', 'fixtures');

for (const file of readdirSync(dir).filter((f) => f.endsWith('.fixture'))) {
  describe(file, () => {
    for (const c of parseFixtures(join(dir, file))) {
      it(c.name, () => {
        expect(checkCase(c)).toEqual([]);
      });
    }
  });
}
