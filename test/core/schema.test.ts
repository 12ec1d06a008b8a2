/**
 * The JSON schema VS Code uses while .wengaorc.json is edited (schemas/wengaorc.schema.json)
 * and the reader the checks use (parseConfig) must agree: every config below is accepted by both
 * or refused by both, and the schema knows every check code and family.
 */
import Ajv from 'ajv';
import { readFileSync } from 'fs';
import { parse } from 'jsonc-parser';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { CODES, FAMILIES, parseConfig } from '../../server/src/core';

const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'wengaorc.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true });
ajv.addVocabulary(['enumDescriptions', 'markdownDescription']);
const validate = ajv.compile(schema);

// [config, valid]
const CASES: [string, boolean][] = [
  ['{}', true],
  ['{ "$schema": "./x.json" }', true],
  ['{ "checks": { "quote.unclosed": "off", "figure": "hint", "heading.marker": "error" } }', true],
  ['{ "checks": { "quote.unclosed": "loud" } }', false],
  ['{ "checks": { "quote.unclose": "off" } }', false],
  ['{ "checks": { "spelling": "off" } }', false],
  ['{ "checks": ["quote"] }', false],
  ['{ "include": ["**/*.txt"], "exclude": ["归档/**"] }', true],
  ['{ "include": "**/*.txt" }', false],
  ['{ "exclude": [1] }', false],
  ['{ "units": ["标准台", { "unit": "万标准台", "base": "标准台", "factor": 10000 }] }', true],
  ['{ "units": [{ "unit": "千亿元", "base": "亿元", "factor": 1000, "dimension": "money" }] }', true],
  ['{ "units": [""] }', false],
  ['{ "units": [42] }', false],
  ['{ "units": [{ "base": "元" }] }', false],
  ['{ "units": [{ "unit": "万箱", "factor": 0 }] }', false],
  ['{ "units": [{ "unit": "万箱", "factor": "1万" }] }', false],
  ['{ "units": { "unit": "箱" } }', false],
  ['{ "terms": ["百千万工程", "3个100"] }', true],
  ['{ "terms": "百千万工程" }', false],
  ['{ "year": 2026 }', true],
  ['{ "year": 2026.5 }', false],
  ['{ "year": "2026" }', false],
  ['{ "year": 1800 }', false],
  ['{ "language": "en" }', true],
  ['{ "language": "fr" }', false],
  ['{ "yaer": 2026 }', false],
  ['[]', false],
];

describe('the config schema agrees with parseConfig', () => {
  for (const [text, valid] of CASES) {
    it(`${valid ? 'accepts' : 'refuses'} ${text}`, () => {
      const bySchema = validate(parse(text));
      const byReader = parseConfig(text).findings.length === 0;
      expect({ schema: bySchema, reader: byReader }).toEqual({ schema: valid, reader: valid });
    });
  }

  it('names every code and family, and nothing else', () => {
    const names = schema.properties.checks.propertyNames.enum as string[];
    expect([...names].sort()).toEqual([...Object.values(CODES), ...FAMILIES].sort());
  });
});
