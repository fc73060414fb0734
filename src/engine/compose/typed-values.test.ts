import { describe, expect, it } from 'vitest';
import { readBlockYaml } from '../yaml/block-reader.ts';
import { castFails, failedCasts } from './typed-values.ts';

describe('castFails, as compose-go converts after interpolation', () => {
  it.each([
    ['int', '42', false],
    ['int', '+3', false],
    ['int', '-3', false],
    ['int', '1.5', true],
    ['int', '3 ', true],
    ['int', 'trois', true],
    ['float', '1.5', false],
    ['float', '.5', false],
    ['float', '1e3', false],
    ['float', '1,5', true],
    ['bool', 'Yes', false],
    ['bool', 'off', false],
    ['bool', 'n', false],
    ['bool', '1', true],
    ['bool', 'vrai', true],
  ] as const)('%s « %s » → %s', (kind, text, fails) => {
    expect(castFails(kind, text)).toBe(fails);
  });
});

describe('failedCasts', () => {
  it('finds the values compose cannot convert, under any key (`*`) and in any list item (`[]`)', () => {
    const text =
      'services:\n  web:\n    image: nginx:1.30\n    ulimits:\n      nofile:\n        soft: "beaucoup"\n        hard: 2048\n      nproc: "x"\n    healthcheck:\n      retries: "3"\n    ports:\n      - target: "x80"\n      - target: "80"\nnetworks:\n  front:\n    internal: "peut-être"\n    external: "yes"\nvolumes:\n  data:\n    external: "nope"\n';
    const root = readBlockYaml(text, (value) => value)!;
    expect(failedCasts(root).map((f) => [f.key, f.kind, f.scalar.value])).toEqual([
      ['ulimits.soft', 'int', 'beaucoup'],
      ['ulimits', 'int', 'x'],
      ['ports.target', 'int', 'x80'],
      ['internal', 'bool', 'peut-être'],
      ['external', 'bool', 'nope'],
    ]);
  });
});
