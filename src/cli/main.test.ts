import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../engine/types.ts';
import { runCli } from './main.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, {
    cwd: fixtures,
    env: {},
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
  });
  return { code, out, err };
}

describe('atelier-compose check', () => {
  it('exits 0 and says so in French on a clean project', () => {
    const { code, out } = run('check', 'clean');
    expect(code).toBe(0);
    expect(out).toContain('Aucun problème trouvé.');
  });

  it('prints file:line:col severity rule message and exits 1 on an error', () => {
    const { code, out } = run('check', 'broken/compose.yaml');
    expect(code).toBe(1);
    expect(out).toMatch(/^broken\/compose\.yaml:4:\d+ erreur [a-z-]+ .+$/m);
    expect(out).toMatch(/→ https:\/\/atelier-compose\.example\/regles\/[a-z-]+\//);
  });

  it('prints the diagnostics as JSON with their ranges', () => {
    const { code, out } = run('check', '--format', 'json', 'broken');
    expect(code).toBe(1);
    const diagnostics = JSON.parse(out) as Diagnostic[];
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]).toMatchObject({ file: 'broken/compose.yaml', severity: 'error' });
    expect(diagnostics[0]!.range.start.line).toBe(4);
  });

  it('links rules to the deployment given by --docs-url', () => {
    const { out } = run('check', '--docs-url', 'https://cours.example/formation', 'broken');
    expect(out).toContain('https://cours.example/formation/regles/');
  });

  it('refuses files it cannot classify and missing paths, in French, with exit 2 when nothing is left', () => {
    const missing = run('check', 'nope.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Fichier introuvable : nope.yaml');
  });

  it('explains its usage on a wrong command', () => {
    expect(run('verifier').code).toBe(2);
    expect(run('check', '--format', 'xml', 'clean').err).toContain('Format inconnu');
    expect(run('--help').out).toContain('Usage');
  });
});

describe('atelier-compose rules', () => {
  it('lists the catalogue as JSON with id, severity, title and page URL', () => {
    const { code, out } = run('rules', '--format', 'json');
    expect(code).toBe(0);
    const rules = JSON.parse(out) as { id: string; severity: string; title: string; url: string }[];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.url).toBe(`https://atelier-compose.example/regles/${rule.id}/`);
      expect(rule.title).not.toBe('');
    }
  });
});
