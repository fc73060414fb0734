import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from './format-json.ts';
import { runCli } from './main.ts';

// `--swarm` checks the files as a stack for `docker stack deploy`: the same
// compose file passes as a Compose project and is refused as a stack.
const project = mkdtempSync(join(tmpdir(), 'atelier-swarm-cli-'));
writeFileSync(join(project, 'compose.yaml'), 'name: atelier\nservices:\n  api:\n    image: node:24-alpine\n');

function check(...flags: string[]): { code: number; rules: string[] } {
  let out = '';
  const code = runCli(['check', '--format', 'json', ...flags, 'compose.yaml'], { cwd: project, env: {}, stdout: (text) => (out += text), stderr: () => {} });
  return { code, rules: (JSON.parse(out) as JsonReport).diagnostics.map((d) => d.ruleId) };
}

describe('atelier-compose check --swarm', () => {
  it('leaves a Compose project alone without the flag', () => {
    expect(check()).toEqual({ code: 0, rules: [] });
  });

  it('runs the Swarm rules with the flag, and fails on what docker stack deploy refuses', () => {
    expect(check('--swarm')).toEqual({ code: 1, rules: ['swarm-schema'] });
  });
});
