// Writes schemas/manifestlint.schema.json from the rule catalog (rule ids, descriptions, option schemas).
// Run after adding or changing a rule: `npx tsx scripts/generate-config-schema.ts`; a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { allRules } from '../rules/index.js';
import { configSchemaText } from '../server/src/config/schema.js';

const SCHEMA_PATH = 'schemas/manifestlint.schema.json';
writeFileSync(SCHEMA_PATH, configSchemaText(allRules));
console.log(`wrote ${SCHEMA_PATH}`);
