import { describe, expect, it, vi } from 'vitest';
import { checkProject } from '../../check.ts';
import { unknownVariable } from './nginx-unknown-variable.ts';

// Counts the suggestion searches: each compares the name with every built-in variable.
const searches = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../compose/schema/edit-distance.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../compose/schema/edit-distance.ts')>();
  return {
    ...real,
    closest: (...args: Parameters<typeof real.closest>) => {
      searches.count++;
      return real.closest(...args);
    },
  };
});

describe('nginx-unknown-variable on a file repeating its unknown names', () => {
  // A 10,000-line file made of one server block repeated searched a suggestion per occurrence (issue #14).
  const server = 'server {\n    listen 80;\n    return 301 https://$host:${HTTPS_PORT}$request_uri;\n    add_header X-Id $requets_id;\n}\n';

  it('searches one suggestion per name, however often it is used, and still reports every occurrence', () => {
    searches.count = 0;
    const { diagnostics } = checkProject([{ path: 'nginx/conf.d/default.conf', text: server.repeat(50) }]);
    const found = diagnostics.filter((d) => d.ruleId === unknownVariable.id);
    expect(found.filter((d) => d.messageId === 'unknown')).toHaveLength(50);
    expect(found.filter((d) => d.messageId === 'unknownSuggest' && d.data?.['suggestion'] === 'request_id')).toHaveLength(50);
    expect(searches.count).toBe(2);
  });
});
