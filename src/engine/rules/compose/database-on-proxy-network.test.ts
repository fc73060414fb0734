import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../check.ts';
import { databaseOnProxyNetwork } from './database-on-proxy-network.ts';

describe('database-on-proxy-network on chapter 07', () => {
  it('tells the learner to take the proxy off `backend`, where the base already is, not to move the base there', () => {
    const text = readFileSync('src/content/lessons/07-reverse-proxy/start/compose.yaml', 'utf8');
    const found = checkProject([{ path: 'compose.yaml', text }], { partial: true }).diagnostics.filter((d) => d.ruleId === databaseOnProxyNetwork.id);
    expect(found.map((d) => [d.messageId, d.range.start.line])).toEqual([['proxyJoins', 17]]);
    expect(text.split('\n')[16]).toBe('      - backend');
    expect(found[0]!.message).toContain('Retirez `backend` des réseaux de `proxy`');
    expect(found[0]!.message).not.toContain('par exemple `backend`');
  });
});
