import { describe, expect, it } from 'vitest';
import { resolveReference } from './file-references.ts';

describe('resolveReference', () => {
  it.each([
    ['', 'a/b', 'a/b'],
    ['', './a//b/.', 'a/b'],
    ['dir', '../x', 'x'],
    ['a/b', './c/../d', 'a/b/d'],
    // Above the project root, the `..` are kept: the file is outside the project.
    ['', '../x', '../x'],
    ['', '../../x', '../../x'],
    ['a', '../../x', '../x'],
    ['a', '../../../x/../y', '../../y'],
  ])('%s + %s → %s', (base, path, expected) => {
    expect(resolveReference(base, path)).toBe(expected);
  });
});
