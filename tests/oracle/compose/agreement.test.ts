// Agreement with the real `docker compose config -q` on the recorded corpus
// (tests/oracle/compose/verdicts.json, re-recorded by `npm run oracle:compose`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/engine/check.ts';
import type { Diagnostic } from '../../../src/engine/types.ts';
// Rules whose errors `docker compose config` does not check but `up` does: reported earlier, on purpose, so they do not count for the `config` verdict.
import { UP_TIME_RULES } from '../../../scripts/oracle/real-world/agreement.ts';

interface Verdict {
  verdict: 'valid' | 'invalid';
  line?: number;
  message: string;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const recorded = JSON.parse(readFileSync(join(here, 'verdicts.json'), 'utf8')) as { tool: string; cases: Record<string, Verdict> };


/** Keys newer than the oracle's Compose 2.40: the engine accepts them with a warning that says 2.40 refuses the file. */
const NEWER_THAN_ORACLE = 'newer-compose-key';

/** Rules that look at other project files than compose ones (nginx configs) are out of this oracle's scope. */
const blocking = (d: Diagnostic): boolean => (d.severity === 'error' || d.ruleId === NEWER_THAN_ORACLE) && !UP_TIME_RULES.has(d.ruleId) && !d.ruleId.startsWith('nginx');

/**
 * go-yaml names, for parser errors, the 0-based line of the construct it was
 * in (so often the line before the problem), and for scanner errors the
 * 1-based line of the problem. A YAML syntax diagnostic agrees when its range
 * covers the line the tool names or the next one.
 */
function sameLine(expected: Verdict, errors: Diagnostic[]): boolean {
  const line = expected.line!;
  if (!/^yaml: line/.test(expected.message)) return errors.some((e) => e.range.start.line === line);
  return errors.some((e) => e.ruleId === 'yaml-syntax' && e.range.start.line <= line + 1 && e.range.end.line >= line);
}

function engineVerdict(dir: string): { verdict: 'valid' | 'invalid'; errors: Diagnostic[] } {
  const files = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => ({ path: name, text: readFileSync(join(dir, name), 'utf8') }));
  const errors = checkProject(files).diagnostics.filter(blocking);
  return { verdict: errors.length > 0 ? 'invalid' : 'valid', errors };
}

describe(`agreement with ${recorded.tool} (config -q)`, () => {
  it('gives the same verdict, and the same line when the tool names one, on at least 98 % of the corpus', () => {
    const disagreements: string[] = [];
    const names = Object.keys(recorded.cases);
    for (const name of names) {
      const expected = recorded.cases[name]!;
      const actual = engineVerdict(join(here, 'corpus', name));
      if (actual.verdict !== expected.verdict) {
        disagreements.push(
          `${name}: compose says ${expected.verdict}${expected.message ? ` (${expected.message.split('\n')[0]})` : ''}, engine says ${actual.verdict}${actual.errors.length ? ` (${actual.errors.map((e) => `${e.ruleId}@${e.range.start.line}`).join(', ')})` : ''}`,
        );
      } else if (expected.verdict === 'invalid' && expected.line !== undefined && !sameLine(expected, actual.errors)) {
        disagreements.push(`${name}: compose names line ${expected.line} (${expected.message.split('\n')[0]}), engine says ${actual.errors.map((e) => `${e.ruleId}@${e.range.start.line}`).join(', ')}`);
      }
    }
    const rate = (names.length - disagreements.length) / names.length;
    console.log(`compose oracle: ${names.length - disagreements.length}/${names.length} agree (${(rate * 100).toFixed(1)} %)`);
    if (disagreements.length > 0) console.log(`disagreements:\n  ${disagreements.join('\n  ')}`);
    expect(names.length).toBeGreaterThanOrEqual(200);
    expect(rate).toBeGreaterThanOrEqual(0.98);
  }, 120_000);
});
