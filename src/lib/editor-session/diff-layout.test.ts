import { describe, expect, it } from 'vitest';
import { checkStrings } from '../../../scripts/typography/french-typography.ts';
import { diffCaption, diffLayout, SIDE_BY_SIDE_MIN_WIDTH } from './diff-layout.ts';

describe('the diff with the solution', () => {
  it('shows two columns when there is room, one otherwise', () => {
    expect(diffLayout(1000)).toBe('side-by-side');
    expect(diffLayout(SIDE_BY_SIDE_MIN_WIDTH)).toBe('side-by-side');
    expect(diffLayout(SIDE_BY_SIDE_MIN_WIDTH - 1)).toBe('inline');
    expect(diffLayout(330)).toBe('inline');
  });

  it('says in its caption which view it is', () => {
    expect(diffCaption('side-by-side')).toMatch(/^Vue côte à côte.*à gauche, votre fichier.*à droite, la solution\.$/);
    expect(diffCaption('inline')).toMatch(/^Vue en une colonne.*«\u00a0−\u00a0» sont celles de votre fichier.*«\u00a0\+\u00a0» celles de la solution\.$/);
  });

  it('writes its captions with French typography', () => {
    expect(checkStrings({ sideBySide: diffCaption('side-by-side'), inline: diffCaption('inline') }, 'diff-layout')).toEqual([]);
  });
});
