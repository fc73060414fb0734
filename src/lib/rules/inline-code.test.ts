import { describe, expect, it } from 'vitest';
import { inlineCode, plainText } from './inline-code.ts';

describe('inlineCode', () => {
  it('turns backtick spans into code segments', () => {
    expect(inlineCode('Supprimez la ligne `version:` ; le fichier commence par `services:`.')).toEqual([
      { code: false, text: 'Supprimez la ligne ' },
      { code: true, text: 'version:' },
      { code: false, text: ' ; le fichier commence par ' },
      { code: true, text: 'services:' },
      { code: false, text: '.' },
    ]);
  });

  it('keeps an unpaired backtick and HTML-looking text as plain text', () => {
    expect(inlineCode('un ` seul <b>')).toEqual([{ code: false, text: 'un ` seul <b>' }]);
  });

  it('gives the plain text for titles', () => {
    expect(plainText('La clé `version` est obsolète')).toBe('La clé version est obsolète');
  });
});
