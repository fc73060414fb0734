// checkProject's promise covers building the contexts, not only the rules:
// a bug while reading the files (issue #14: `createComposeContext` ran
// outside the `try`) becomes one internal-error diagnostic, and the other
// files are still checked.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkProject } from './check.ts';

const broken = vi.hoisted(() => ({ compose: false, nginx: false }));

vi.mock('./compose/context.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./compose/context.ts')>();
  return {
    ...real,
    createComposeContext: (...args: Parameters<typeof real.createComposeContext>) => {
      if (broken.compose) throw new RangeError('Invalid string length');
      return real.createComposeContext(...args);
    },
  };
});

vi.mock('./nginx/context.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./nginx/context.ts')>();
  return {
    ...real,
    createNginxContext: (...args: Parameters<typeof real.createNginxContext>) => {
      if (broken.nginx) throw new RangeError('Maximum call stack size exceeded');
      return real.createNginxContext(...args);
    },
  };
});

afterEach(() => {
  broken.compose = false;
  broken.nginx = false;
});

const project = [
  { path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx\n' },
  { path: 'nginx/nginx.conf', text: 'events {}\nhttp { server { listen 80 } }\n' },
];

describe('checkProject when reading a file fails', () => {
  it('reports a bug while reading the compose files as an internal error, and still checks nginx', () => {
    broken.compose = true;
    const { diagnostics, compose } = checkProject(project);
    expect(compose).toBeUndefined();
    const internal = diagnostics.filter((d) => d.ruleId === 'internal-error');
    expect(internal.map((d) => [d.file, d.docs])).toEqual([['compose.yaml', 'RangeError: Invalid string length']]);
    expect(diagnostics.some((d) => d.file === 'nginx/nginx.conf' && d.ruleId !== 'internal-error')).toBe(true);
  });

  it('reports a bug while reading an nginx file as an internal error, and still checks compose', () => {
    broken.nginx = true;
    const { diagnostics, nginx } = checkProject(project);
    expect(nginx).toEqual([]);
    expect(diagnostics.filter((d) => d.ruleId === 'internal-error').map((d) => d.file)).toEqual(['nginx/nginx.conf']);
    expect(diagnostics.some((d) => d.file === 'compose.yaml' && d.ruleId === 'image-tag')).toBe(true);
  });
});
