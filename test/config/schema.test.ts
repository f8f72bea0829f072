// The config schema: the file VS Code contributes is the one the loader validates with, kept in step
// with the rule catalog, and valid draft-07 that ajv compiles in strict mode.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { allRules } from '../../rules/index.js';
import { configSchemaText } from '../../server/src/config/schema.js';

const SCHEMA_FILE = 'schemas/manifestlint.schema.json';

describe('config schema', () => {
  it('schemas/manifestlint.schema.json is up to date with the rule catalog (run: npm run docs)', () => {
    assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), configSchemaText(allRules));
  });

  it('compiles as draft-07 in ajv strict mode, rule option schemas included', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.doesNotThrow(() => new Ajv({ strict: true, allErrors: true }).compile(schema));
  });

  it('lists every rule id, with its options schema where the rule has options', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    assert.deepEqual(schema.definitions.ruleId.enum, allRules.map((r) => r.meta.id));
    for (const { meta } of allRules) {
      const setting = schema.definitions.rules.properties[meta.id];
      assert.deepEqual(setting.anyOf[1].properties.options, meta.optionsSchema, `${meta.id} options`);
    }
  });

  it('is the file package.json contributes for YAML and JSON config files', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    const urls = [...manifest.contributes.yamlValidation, ...manifest.contributes.jsonValidation].map((v: { url: string }) => v.url);
    assert.deepEqual([...new Set(urls)], [`./${SCHEMA_FILE}`]);
  });
});
