// The Swarm rules' quick fixes, checked by their output: the fixed file must
// say what the fix title promises and no longer raise the rule.
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../check.ts';
import type { Diagnostic } from '../../types.ts';

function applyFix(text: string, diagnostic: Diagnostic): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number): number => lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
  const edits = [...(diagnostic.fix?.edits ?? [])].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.column - a.range.start.column);
  let out = text;
  for (const edit of edits) out = out.slice(0, offset(edit.range.start.line, edit.range.start.column)) + edit.text + out.slice(offset(edit.range.end.line, edit.range.end.column));
  return out;
}

function fixOnce(ruleId: string, text: string): string {
  const diagnostic = checkProject([{ path: 'stack.yaml', text }]).diagnostics.find((d) => d.ruleId === ruleId);
  expect(diagnostic?.fix, `${ruleId} offers a fix`).toBeDefined();
  const fixed = applyFix(text, diagnostic!);
  expect(checkProject([{ path: 'stack.yaml', text: fixed }]).diagnostics.filter((d) => d.ruleId === ruleId && d.messageId === diagnostic!.messageId && d.range.start.line === diagnostic!.range.start.line)).toEqual([]);
  return fixed;
}

describe('Swarm quick fixes', () => {
  it('swarm-build-ignored removes `build` when the service has an image', () => {
    expect(fixOnce('swarm-build-ignored', 'services:\n  api:\n    image: registry.local/api:1.0\n    build:\n      context: ./api\n    user: node\n')).toBe(
      'services:\n  api:\n    image: registry.local/api:1.0\n    user: node\n',
    );
  });

  it('swarm-restart-ignored writes the Swarm restart policy the CLI would have derived', () => {
    expect(fixOnce('swarm-restart-ignored', 'services:\n  api:\n    image: registry.local/api:1.0\n    restart: unless-stopped\n')).toBe(
      'services:\n  api:\n    image: registry.local/api:1.0\n    deploy:\n      restart_policy:\n        condition: any\n',
    );
    expect(fixOnce('swarm-restart-ignored', 'services:\n  migrate:\n    image: registry.local/api:1.0\n    restart: "no"\n')).toContain('condition: none');
  });

  it('swarm-depends-on-condition removes the `depends_on` Swarm never reads', () => {
    const fixed = fixOnce(
      'swarm-depends-on-condition',
      'services:\n  api:\n    image: registry.local/api:1.0\n    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n        condition: service_healthy\n  db:\n    image: postgres:17-alpine\n  cache:\n    image: redis:8-alpine\n',
    );
    expect(fixed).toBe('services:\n  api:\n    image: registry.local/api:1.0\n  db:\n    image: postgres:17-alpine\n  cache:\n    image: redis:8-alpine\n');
    expect(checkProject([{ path: 'stack.yaml', text: fixed }]).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('swarm-ignored-option deletes the ignored key and only its lines', () => {
    expect(fixOnce('swarm-ignored-option', 'services:\n  api:\n    image: registry.local/api:1.0\n    container_name: api # fixed name\n    user: node\n')).toBe(
      'services:\n  api:\n    image: registry.local/api:1.0\n    user: node\n',
    );
  });

  it('swarm-schema deletes the top-level `name` the stack loader refuses', () => {
    expect(fixOnce('swarm-schema', 'name: atelier\nservices:\n  api:\n    image: registry.local/api:1.0\n')).toBe('services:\n  api:\n    image: registry.local/api:1.0\n');
  });

  it('offers no line deletion for a key written in flow style', () => {
    const diagnostic = checkProject([{ path: 'stack.yaml', text: 'services:\n  api: { image: "registry.local/api:1.0", container_name: api }\n' }]).diagnostics.find(
      (d) => d.ruleId === 'swarm-ignored-option',
    );
    expect(diagnostic).toBeDefined();
    expect(diagnostic?.fix).toBeUndefined();
  });
});
