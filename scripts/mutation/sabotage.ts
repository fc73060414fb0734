// The sabotages issue #14 found going unnoticed, replayed: each one edits a
// source file on purpose, runs the tests that protect it, and must turn them
// red. The file is restored afterwards, even when the run is interrupted.
//   npm run sabotage
// Then lists the message keys of the catalogue that no rule example produces
// (the rule tester fails on them too; here they are named in one list).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogue } from '../../src/engine/rules/catalogue.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
process.chdir(repo);

interface Sabotage {
  what: string;
  file: string;
  find: RegExp;
  replace: string;
  /** The test files that must go red. */
  tests: string[];
}

const OBJECTIVES_07 = 'src/objectives/07-reverse-proxy.ts';
const SCHEMA_ERRORS = 'src/engine/compose/schema/schema-errors.ts';
const schemaTests = ['src/engine/rules/examples.test.ts', 'src/engine/compose/schema/schema-errors.test.ts', 'src/engine/rules/compose/compose-schema.test.ts'];

/** A predicate of chapter 07 whose body says `return true`. */
const alwaysMet = (id: string): Sabotage => ({
  what: `chapter 07 objective ${id} always met`,
  file: OBJECTIVES_07,
  find: new RegExp(`'${id}': \\(result\\) => \\{[\\s\\S]*?\\n  \\},`),
  replace: `'${id}': () => true,`,
  tests: ['src/objectives/07-reverse-proxy.test.ts'],
});

const sabotages: Sabotage[] = [
  ...['proxy-seul-publie', 'proxy-hors-backend', 'proxy-attend-certs', 'https-http2-on', 'api-sans-cache'].map(alwaysMet),
  {
    what: 'every bad-format report of schema-errors dropped',
    file: SCHEMA_ERRORS,
    find: /problems\.push\(\{ path, messageId: 'bad-format'[^\n]*\);/,
    replace: '',
    tests: schemaTests,
  },
  {
    what: 'out-of-range reported as bad-format',
    file: SCHEMA_ERRORS,
    find: /messageId: 'out-of-range'/,
    replace: "messageId: 'bad-format'",
    tests: schemaTests,
  },
  {
    what: 'out-of-range with a wrong limit',
    file: SCHEMA_ERRORS,
    find: /limit: String\(error\.params\['limit'\]\)/,
    replace: "limit: String(error.params['comparison'])",
    tests: schemaTests,
  },
  {
    what: 'out-of-range at the key instead of the value',
    file: SCHEMA_ERRORS,
    find: /(messageId: 'out-of-range'[^\n]*)range: value\.range/,
    replace: '$1range: entry?.keyRange ?? value.range',
    tests: schemaTests,
  },
];

const vitest = fileURLToPath(new URL('../../node_modules/.bin/vitest', import.meta.url));
let unnoticed = 0;
for (const sabotage of sabotages) {
  const original = readFileSync(sabotage.file, 'utf8');
  const broken = original.replace(sabotage.find, sabotage.replace);
  if (broken === original) {
    console.error(`✗ ${sabotage.what}: the code to break is not in ${sabotage.file} any more; update this script`);
    unnoticed++;
    continue;
  }
  const restore = (): void => writeFileSync(sabotage.file, original);
  process.once('SIGINT', () => {
    restore();
    process.exit(130);
  });
  writeFileSync(sabotage.file, broken);
  try {
    const run = spawnSync(vitest, ['run', '--project', 'unit', ...sabotage.tests], { encoding: 'utf8' });
    const summary = run.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    const failed = /Tests\s+(\d+) failed/.exec(summary)?.[1];
    if (run.status === 0) unnoticed++;
    console.log(`${run.status === 0 ? '✗ unnoticed' : `✓ caught (${failed ?? '?'} failing)`}  ${sabotage.what}`);
  } finally {
    restore();
    process.removeAllListeners('SIGINT');
  }
}

const unproduced = catalogue.flatMap((rule) => {
  const produced = new Set(rule.examples.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
  return Object.keys(rule.messages)
    .filter((key) => !produced.has(key))
    .map((key) => `${rule.id}/${key}`);
});
console.log(`\nMessage keys no rule example produces: ${unproduced.length === 0 ? 'none' : unproduced.join(', ')}`);
process.exit(unnoticed + unproduced.length > 0 ? 1 : 0);
