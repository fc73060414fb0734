import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../engine/rules/catalogue.ts';
import type { Diagnostic } from '../engine/types.ts';
import { formatSarif } from './format-sarif.ts';
import { runCli } from './main.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
// The official OASIS schema (see schemas/README.md for its origin).
const schema = JSON.parse(readFileSync(join(here, 'schemas/sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function sarifOf(argv: string[], cwd = join(here, 'fixtures')): unknown {
  let out = '';
  runCli(['check', '--format', 'sarif', ...argv], { cwd, env: {}, stdout: (text) => (out += text), stderr: () => {} });
  return JSON.parse(out) as unknown;
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    results: { ruleId: string; ruleIndex?: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[] }[];
  }[];
}

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 on a project with errors, warnings and notes', () => {
    for (const argv of [['broken'], ['warnings'], ['clean'], ['projects/profiles', '--profile', '*'], [join(here, 'fixtures/broken/compose.yaml')]]) {
      const log = sarifOf(argv);
      expect(validate(log), `${argv.join(' ')}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('the schema does catch a broken log', () => {
    const log = sarifOf(['broken']) as SarifLog;
    const broken = structuredClone(log);
    (broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region as { startLine: number }).startLine = 0;
    expect(validate(broken)).toBe(false);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('points each result at its rule, file and position, relative to the checked folder', () => {
    const log = sarifOf(['broken']) as SarifLog;
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(catalogue.map((r) => r.id));
    const result = run.results[0]!;
    expect(result).toMatchObject({ ruleId: 'yaml-syntax', level: 'error' });
    expect(run.tool.driver.rules[result.ruleIndex!]!.id).toBe('yaml-syntax');
    expect(result.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'broken/compose.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1 } });
  });

  it('encodes file names as URI references and maps severities to SARIF levels', () => {
    const diagnostic = (file: string, severity: Diagnostic['severity']): Diagnostic => ({
      ruleId: 'image-tag',
      messageId: 'latest',
      severity,
      message: 'm',
      file,
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
      docs: 't',
    });
    const log = JSON.parse(formatSarif([diagnostic('mon dossier/compose#1.yaml', 'info'), diagnostic('/srv/app/compose.yaml', 'warning')], catalogue, '/srv', 'https://x.example/')) as SarifLog;
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    const [first, second] = log.runs[0]!.results;
    expect(first!.level).toBe('note');
    expect(first!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('mon%20dossier/compose%231.yaml');
    expect(second!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'file:///srv/app/compose.yaml' });
  });
});
