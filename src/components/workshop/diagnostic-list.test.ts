import { describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../../engine/types.ts';
import { hiddenLine, location, ruleHref, summarize } from './diagnostic-list.ts';

function withSeverity(severity: Severity, line = 1): Diagnostic {
  return {
    ruleId: 'yaml-syntax',
    messageId: 'bad-indentation',
    severity,
    message: 'Indentation incorrecte.',
    file: 'compose.yaml',
    range: { start: { line, column: 3 }, end: { line, column: 9 } },
    docs: 'Syntaxe YAML',
  };
}

describe('diagnostic list text', () => {
  it('says there is nothing to fix when the files are clean', () => {
    expect(summarize([])).toBe('Aucun problème détecté.');
  });

  it('counts each severity with French plurals', () => {
    expect(summarize([withSeverity('error')])).toBe('1 erreur.');
    expect(summarize([withSeverity('error'), withSeverity('error'), withSeverity('warning')])).toBe('2 erreurs et 1 avertissement.');
    expect(summarize([withSeverity('error'), withSeverity('warning'), withSeverity('info'), withSeverity('info')])).toBe(
      '1 erreur, 1 avertissement et 2 informations.',
    );
  });

  it('links a rule under the site base, whatever its trailing slash', () => {
    expect(ruleHref('/', 'no-version-key')).toBe('/regles/no-version-key/');
    expect(ruleHref('/formation/', 'no-version-key')).toBe('/formation/regles/no-version-key/');
    expect(ruleHref('/formation', 'no-version-key')).toBe('/formation/regles/no-version-key/');
  });

  it('locates a problem as file:line', () => {
    expect(location(withSeverity('error', 12))).toBe('compose.yaml:12');
  });
});

describe('diagnostic list cap', () => {
  it('counts in French what it leaves out', () => {
    expect(hiddenLine(99_800)).toBe('… et 99\u202f800\u00a0autres problèmes, non affichés\u00a0: corrigez d’abord ceux-ci, la liste se met à jour.');
    expect(hiddenLine(1)).toBe('… et 1\u00a0autre problème, non affiché\u00a0: corrigez d’abord ceux-ci, la liste se met à jour.');
  });
});
