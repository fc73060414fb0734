import { describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../../engine/types.ts';
import { hiddenLine, listed, location, MAX_LISTED, ruleHref, summarize } from './diagnostic-list.ts';

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
  it('draws errors first and counts what it leaves out', () => {
    const many = [...Array.from({ length: 300 }, (_, i) => withSeverity('warning', i + 1)), withSeverity('error', 400)];
    const { shown, hidden } = listed(many, 200);
    expect(shown).toHaveLength(200);
    expect(shown[0]!.severity).toBe('error');
    expect(shown[1]!.range.start.line).toBe(1);
    expect(hidden).toBe(101);
  });

  it('keeps a short list whole', () => {
    const few = [withSeverity('info', 1), withSeverity('error', 2)];
    expect(listed(few)).toEqual({ shown: [few[1], few[0]], hidden: 0 });
  });

  it('stays quick with 100,000 problems', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => withSeverity('warning', i + 1));
    const { shown, hidden } = listed(many);
    expect(shown).toHaveLength(MAX_LISTED);
    expect(hiddenLine(hidden)).toBe('… et 99\u202f800\u00a0autres problèmes, non affichés\u00a0: corrigez d’abord ceux-ci, la liste se met à jour.');
  });
});
