/** Places read from text, data-driven: test/fixtures/places.txt, one case a line. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { placesIn } from '../../server/src/core/figures/context';

const lines = readFileSync(join(__dirname, '..', 'fixtures', 'places.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));

describe('places', () => {
  for (const line of lines) {
    const [text, want] = line.split(' → ');
    it(text, () => {
      expect(placesIn(text, true).map((p) => p.name).join(',')).toBe((want ?? '').trim());
    });
  }
});
