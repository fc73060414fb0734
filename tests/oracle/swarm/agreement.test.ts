// Agreement with the real `docker stack config` on the recorded Swarm corpus
// (tests/oracle/swarm/verdicts.json, re-recorded by `npm run oracle:swarm`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/engine/check.ts';
import type { Diagnostic } from '../../../src/engine/types.ts';

interface Verdict {
  verdict: 'valid' | 'invalid';
  message: string;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const recorded = JSON.parse(readFileSync(join(here, 'verdicts.json'), 'utf8')) as { tool: string; cases: Record<string, Verdict> };

/**
 * Errors `docker stack config` does not check but `docker stack deploy` or
 * Swarm do: we report them earlier, on purpose (a service with only `build`
 * has no image to deploy; two services on one host port cannot both start),
 * so they do not count for the `config` verdict. A secret, network or volume
 * a service names but the file does not declare is one of them: the stack
 * loader lets it through, `docker stack deploy` refuses it when it converts
 * the services (`undefined secret "db-password2"`: docker/cli
 * `cli/compose/convert/service.go` and `volume.go`, read in Debian's docker.io
 * 28.5.2+dfsg4-5 source).
 */
const DEPLOY_TIME_RULES = new Set([
  'swarm-build-ignored',
  'duplicate-published-port',
  'healthy-dependency-without-healthcheck',
  'missing-image-or-build',
  'undefined-secret',
  'undefined-network',
  'undefined-volume',
]);

const blocking = (d: Diagnostic): boolean => d.severity === 'error' && !DEPLOY_TIME_RULES.has(d.ruleId) && !d.ruleId.startsWith('nginx');

const corpus = JSON.parse(readFileSync(join(here, 'corpus.json'), 'utf8')) as { cases: Record<string, { stack: string; envFiles: string[] }> };

function engineVerdict(name: string): { verdict: 'valid' | 'invalid'; errors: Diagnostic[] } {
  // The case's other files are the empty `env_file`s the loader opens.
  const files = [{ path: 'stack.yaml', text: corpus.cases[name]?.stack ?? '' }, ...(corpus.cases[name]?.envFiles ?? []).map((path) => ({ path: path.replace(/^\.\//, ''), text: '' }))];
  // Every case is a stack file: the option says so even for the course's compose file.
  const errors = checkProject(files, { swarm: true }).diagnostics.filter(blocking);
  return { verdict: errors.length > 0 ? 'invalid' : 'valid', errors };
}

describe(`agreement with ${recorded.tool}`, () => {
  it('gives the same verdict, about the same key when the tool names one, on at least 95 % of the corpus, and prints the disagreements', () => {
    const disagreements: string[] = [];
    const names = Object.keys(recorded.cases);
    for (const name of names) {
      const expected = recorded.cases[name]!;
      const actual = engineVerdict(name);
      if (actual.verdict !== expected.verdict) {
        disagreements.push(
          `${name}: docker stack config says ${expected.verdict}${expected.message ? ` (${expected.message.split('\n').find((l) => l.trim() !== '')})` : ''}, engine says ${actual.verdict}${actual.errors.length ? ` (${actual.errors.map((e) => `${e.ruleId}@${e.range.start.line}`).join(', ')})` : ''}`,
        );
      } else if (expected.verdict === 'invalid') {
        // The tool names the refused key ("Additional property rollback_config is not allowed",
        // "unsupported options: mem_limit"): an engine error must be about the same key.
        const key = /Additional property (\S+) is not allowed/.exec(expected.message)?.[1] ?? /^(\w+): (?:Set resource|Support for|Instead of|To share)/m.exec(expected.message)?.[1];
        if (key !== undefined && !actual.errors.some((e) => e.message.includes(`\`${key}\``))) {
          disagreements.push(`${name}: docker stack config refuses \`${key}\`, engine errors say ${actual.errors.map((e) => `${e.ruleId}@${e.range.start.line} « ${e.message} »`).join(', ')}`);
        }
      }
    }
    const rate = (names.length - disagreements.length) / names.length;
    const invalid = Object.values(recorded.cases).filter((v) => v.verdict === 'invalid').length;
    console.log(`swarm oracle: ${names.length - disagreements.length}/${names.length} agree (${(rate * 100).toFixed(1)} %), ${invalid} cases refused by the tool`);
    if (disagreements.length > 0) console.log(`disagreements:\n  ${disagreements.join('\n  ')}`);
    expect(names.length).toBeGreaterThanOrEqual(400);
    expect(Object.keys(corpus.cases).sort()).toEqual([...names].sort());
    // Both verdicts must be well represented, or agreement means little.
    expect(invalid).toBeGreaterThan(names.length / 4);
    expect(names.length - invalid).toBeGreaterThan(names.length / 4);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
