import { describe, expect, it } from 'vitest';
import { checkProject } from '../check.ts';
import { readBlockYaml } from '../yaml/block-reader.ts';
import { isTextReference, loadedBaseDirectories, resolveReference } from './file-references.ts';

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

describe('extends cycles', () => {
  const cyclesOf = (text: string): string[] =>
    checkProject([{ path: 'compose.yaml', text }])
      .diagnostics.filter((d) => d.ruleId === 'extends-cycle')
      .map((d) => `${d.range.start.line}: ${d.message}`);

  it('reports a cycle once, not for the services that lead into it', () => {
    const found = cyclesOf('services:\n  c:\n    extends: a\n  a:\n    image: node:24-alpine\n    extends: b\n  b:\n    extends: a\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^6: .*\(a → b → a\)/);
  });

  it('follows a long chain once per service', () => {
    const services = Array.from({ length: 5_000 }, (_, i) => (i === 0 ? '  s0:\n    image: node:24-alpine\n' : `  s${i}:\n    extends: s${i - 1}\n`)).join('');
    expect(cyclesOf(`services:\n${services}`)).toEqual([]);
    const looped = `services:\n${services}  s0b:\n    extends: s4999\n`.replace('  s0:\n    image: node:24-alpine\n', '  s0:\n    image: node:24-alpine\n    extends: s4999\n');
    expect(cyclesOf(looped)).toHaveLength(1);
  });
});

describe('isTextReference', () => {
  it('is true for the files Compose reads as text, false for the compose files it walks', () => {
    expect((['envFile', 'labelFile', 'includeEnvFile', 'include', 'extendsFile'] as const).map(isTextReference)).toEqual([true, true, true, false, false]);
  });
});

describe('loadedBaseDirectories', () => {
  const loaded = (file: string, text: string) => ({ file, root: readBlockYaml(text, (value) => value) });
  it('reads an included compose file from its own folder, or from the project_directory its include names', () => {
    const bases = loadedBaseDirectories(
      [
        loaded('compose.yaml', 'include:\n  - path: db/compose.yaml\n  - path: cache/compose.yaml\n    project_directory: shared\n  - path: abs/compose.yaml\n    project_directory: /srv/abs\n'),
        loaded('db/compose.yaml', 'services: {}\n'),
        loaded('cache/compose.yaml', 'services: {}\n'),
        loaded('abs/compose.yaml', 'services: {}\n'),
      ],
      '',
    );
    expect(Object.fromEntries(bases)).toEqual({ 'compose.yaml': '', 'db/compose.yaml': 'db', 'cache/compose.yaml': 'shared', 'abs/compose.yaml': '/srv/abs' });
  });
});
