// The inputs of issue #14 that broke checkProject's contract (a result for
// any text, never an exception, bounded output), each as the attacker wrote
// it. Their time is printed by `npm run bench`; here only a generous hang
// guard is asserted, since the unit suite shares two cores.
import { describe, expect, it } from 'vitest';
import { TRUNCATED_MESSAGE_ID } from './check.ts';
import { MAX_DIAGNOSTICS_PER_RULE_AND_FILE, MAX_INTERPOLATION_DEPTH, MAX_YAML_DOCUMENTS, MAX_YAML_NODE_TOKENS } from './limits.ts';
import { assertContract } from './testing/contract.ts';
import type { Diagnostic } from './types.ts';

// Far above any linear run, even instrumented by the mutation tester on a loaded machine (5 s was
// crossed there), and far below the quadratic costs the issue measured (172 s for 100,000 `${A}`).
const HANG_GUARD_MS = 30_000;

function ofRule(diagnostics: Diagnostic[], ruleId: string): Diagnostic[] {
  return diagnostics.filter((d) => d.ruleId === ruleId);
}

function nestedDefaults(depth: number): string {
  return `${'${A:-'.repeat(depth)}x${'}'.repeat(depth)}`;
}

describe('checkProject stays total and bounded on the inputs of issue #14', () => {
  it('answers quickly for 26 nested explicit keys (`? ? … x`), with short messages', () => {
    const { took } = assertContract([{ path: 'compose.yaml', text: `${'? '.repeat(26)}x` }]);
    expect(took).toBeLessThan(HANG_GUARD_MS);
  });

  it('does not throw on 1,000 nested explicit keys', () => {
    const { diagnostics } = assertContract([{ path: 'compose.yaml', text: `${'? '.repeat(1000)}x` }]);
    expect(ofRule(diagnostics, 'yaml-syntax').map((d) => d.messageId)).toEqual(['too-deep']);
  });

  it('does not throw on a merge of a scalar inside a key (`{<<: 1}: x`)', () => {
    assertContract([{ path: 'compose.yaml', text: '{<<: 1}: x' }]);
  });

  it('stops expanding 3,000 nested defaults in a compose file and says so', () => {
    const text = `services:\n  web:\n    image: "${nestedDefaults(3000)}"\n`;
    const { diagnostics } = assertContract([{ path: 'compose.yaml', text }]);
    expect(ofRule(diagnostics, 'interpolation-limit').map((d) => [d.messageId, d.range.start.line, d.range.start.column])).toEqual([['too-deep', 3, 13 + 5 * MAX_INTERPOLATION_DEPTH]]);
  });

  it('stops expanding 3,000 nested defaults in `.env` and says so', () => {
    const { diagnostics } = assertContract([
      { path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.30-alpine\n' },
      { path: '.env', text: `B=${nestedDefaults(3000)}\n` },
    ]);
    expect(ofRule(diagnostics, 'interpolation-limit').map((d) => [d.messageId, d.file])).toEqual([['too-deep', '.env']]);
  });

  it('refuses a ~500-byte `.env` whose lines each double the previous one', () => {
    const lines = ['A0=xxxxxxxxxx'];
    for (let i = 1; i < 40; i++) lines.push(`A${i}=\${A${i - 1}}\${A${i - 1}}`);
    const env = lines.join('\n');
    expect(env.length).toBeLessThan(700);
    const { diagnostics } = assertContract([
      { path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.30-alpine\n    environment:\n      A: ${A39}\n' },
      { path: '.env', text: env },
    ]);
    const tooLarge = ofRule(diagnostics, 'interpolation-limit');
    expect(tooLarge.length).toBeGreaterThan(0);
    expect(tooLarge.every((d) => d.messageId === 'too-large')).toBe(true);
  });

  it('reports 100,000 unset `${A}` of one value as 100 diagnostics and a summary, in linear time', () => {
    const text = `services:\n  web:\n    image: "${'${A}'.repeat(100_000)}"\n`;
    const { diagnostics, took } = assertContract([{ path: 'compose.yaml', text }]);
    const unset = ofRule(diagnostics, 'unset-variable');
    expect(unset.filter((d) => d.messageId === 'unset')).toHaveLength(MAX_DIAGNOSTICS_PER_RULE_AND_FILE);
    const summary = unset.filter((d) => d.messageId === TRUNCATED_MESSAGE_ID);
    expect(summary.map((d) => d.data?.['count'])).toEqual([100_000 - MAX_DIAGNOSTICS_PER_RULE_AND_FILE]);
    expect(summary[0]!.message).toMatch(/^Et 99\u202f900 autres problèmes/);
    // The 101st `${A}`: the summary sits where the diagnostics it counts begin.
    expect(summary[0]!.range.start).toEqual({ line: 3, column: 13 + 4 * MAX_DIAGNOSTICS_PER_RULE_AND_FILE });
    expect(took).toBeLessThan(HANG_GUARD_MS);
  });

  it(`reads the first ${MAX_YAML_DOCUMENTS} of 40,000 YAML documents and says the rest is not checked`, () => {
    const { diagnostics, took } = assertContract([{ path: 'compose.yaml', text: '---\n'.repeat(40_000) }]);
    expect(ofRule(diagnostics, 'yaml-syntax').map((d) => [d.messageId, d.severity, d.range.start.line])).toEqual([['too-many-documents', 'warning', MAX_YAML_DOCUMENTS + 1]]);
    expect(took).toBeLessThan(HANG_GUARD_MS);
  });

  it('says how many YAML nodes it reads, in French typography, when a file has too many', () => {
    const text = `services:\n  web:\n    command: [${'[], '.repeat(MAX_YAML_NODE_TOKENS / 2)}[]]\n`;
    const [tooComplex] = ofRule(assertContract([{ path: 'compose.yaml', text }]).diagnostics, 'yaml-syntax');
    expect(tooComplex?.message).toContain('plus de 40\u00a0000 crochets');
  });

  it('finds the dependency cycle through 6,000 services without overflowing the stack', () => {
    const lines = ['services:'];
    for (let i = 0; i < 6000; i++) lines.push(`  s${i}:\n    image: nginx:1.30-alpine\n    depends_on: [s${(i + 1) % 6000}]`);
    const { diagnostics } = assertContract([{ path: 'compose.yaml', text: lines.join('\n') }]);
    const cycles = ofRule(diagnostics, 'dependency-cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.data?.['cycle']).toMatch(/^`s0` → `s1` → `s2` → … \(5\u202f995 autres\) → `s5998` → `s5999` → `s0`$/);
  });

  it('reports 150 KB of `;` in nginx as 100 diagnostics per rule and a summary', () => {
    const { diagnostics } = assertContract([{ path: 'nginx/nginx.conf', text: ';'.repeat(150_000) }]);
    expect(diagnostics.length).toBeLessThanOrEqual(2 * (MAX_DIAGNOSTICS_PER_RULE_AND_FILE + 1));
    expect(diagnostics.filter((d) => d.messageId === TRUNCATED_MESSAGE_ID).length).toBeGreaterThan(0);
  });

  it('shortens a long value quoted in a message with an ellipsis', () => {
    const name = `V${'x'.repeat(5000)}`;
    const { diagnostics } = assertContract([{ path: 'compose.yaml', text: `services:\n  web:\n    image: "\${${name}}"\n` }]);
    const [unset] = ofRule(diagnostics, 'unset-variable');
    expect(unset!.message).toContain('…');
    expect(unset!.message.length).toBeLessThan(400);
  });
});

describe('the nginx reader stays iterative', () => {
  it('reads 20,000 words glued to closing quotes (`x "a"b …`) without overflowing the stack', () => {
    const { diagnostics } = assertContract([{ path: 'nginx/conf.d/default.conf', text: 'x "a"b '.repeat(20_000) }]);
    expect(diagnostics.map((d) => d.messageId)).toContain('unexpected-after-quote');
  });
});
