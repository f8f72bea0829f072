// dockerfile/compose-eol-image: Compose services' images against the end-of-life table, on a pinned day.
import { datedRuleTable } from '../datedRuleTable.js';

const TODAY = '2026-12-06';
const compose = (services: string) => `services:\n${services}`;
const file = (name: string, code: string, rest: { findings?: string[]; fixed?: string | null } = {}) => ({ name, code, filename: 'compose.yaml', today: TODAY, ...rest });

datedRuleTable('dockerfile/compose-eol-image', [
  file('supported, unknown, untagged and built images', compose('  api:\n    image: python:3.13-slim\n  corp:\n    image: registry.corp.example/team/api:1.8\n  cache:\n    image: redis\n  web:\n    build: ./web\n    image: node:18-alpine\n')),
  file('an ended release: a warning on the reference, the supported tag of the same variant as the fix', compose('  web:\n    image: node:18-alpine3.18\n'), {
    findings: ['3:12-3:30 warning Service "web" runs node:18-alpine3.18: Node.js 18 has had no security fixes since 2025-04-30: use node:24-alpine3.23'],
    fixed: compose('  web:\n    image: node:24-alpine3.23\n'),
  }),
  file('a release near its end: info with the date', compose('  tools:\n    image: php:8.2-cli\n'), {
    findings: ['3:12-3:23 info Service "tools" runs php:8.2-cli: security support for PHP 8.2 ends on 2026-12-31, in 25 days: plan the move to php:8.4-cli'],
    fixed: compose('  tools:\n    image: php:8.4-cli\n'),
  }),
]);
