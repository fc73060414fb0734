// Every stand-in has a contract file, every entry cites its source line, and
// each entrypoint behaviour names the contract test that exercises it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContract, STAND_INS } from './contract.ts';

const testsDir = join(import.meta.dirname, '../../tests/images');

describe.each(STAND_INS)('contract of the %s stand-in', (name) => {
  const contract = readContract(name);

  it('names the official image the stand-in is tagged as', () => {
    expect(readFileSync(join(import.meta.dirname, 'build.sh'), 'utf8')).toContain(contract.image);
  });

  it('lists tools, users and configuration, each with a cited source line', () => {
    expect(contract.tools.length).toBeGreaterThanOrEqual(3);
    expect(contract.users.length).toBeGreaterThanOrEqual(1);
    expect(contract.config.map((c) => c.field)).toEqual(expect.arrayContaining(['Entrypoint', 'Cmd']));
  });

  it('names, for each entrypoint behaviour, a test of tests/images that exercises it', () => {
    const tests = readFileSync(join(testsDir, `${name}.test.ts`), 'utf8');
    expect(contract.behaviours.filter((b) => !tests.includes(b.checkedBy)).map((b) => b.what)).toEqual([]);
  });
});
