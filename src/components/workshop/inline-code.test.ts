import { describe, expect, it } from 'vitest';
import { inlineCode } from './inline-code.ts';

describe('inline code in objective labels', () => {
  it('turns backtick spans into code parts', () => {
    expect(inlineCode('Retirez `container_name` du service `web`')).toEqual([
      { code: false, text: 'Retirez ' },
      { code: true, text: 'container_name' },
      { code: false, text: ' du service ' },
      { code: true, text: 'web' },
    ]);
  });

  it('keeps a label without backticks whole', () => {
    expect(inlineCode('Montez le dossier en lecture seule')).toEqual([{ code: false, text: 'Montez le dossier en lecture seule' }]);
  });
});
