import { describe, expect, it } from 'vitest';
import { parseEnvFile } from './env-file.ts';

describe('parseEnvFile', () => {
  it('reads plain, exported, quoted and commented entries', () => {
    const text = [
      '# database',
      'POSTGRES_USER=app',
      'export POSTGRES_DB=atelier # inline comment',
      "SINGLE='a $HOME #x'",
      'DOUBLE="line\\nnext ${POSTGRES_USER}"',
      '',
      'EMPTY=',
    ].join('\n');
    const parsed = parseEnvFile(text);
    expect(parsed.issues).toEqual([]);
    expect(Object.fromEntries(parsed.entries.map((e) => [e.name, e.value]))).toEqual({
      POSTGRES_USER: 'app',
      POSTGRES_DB: 'atelier',
      SINGLE: 'a $HOME #x',
      DOUBLE: 'line\nnext app',
      EMPTY: '',
    });
  });

  it('keeps the offsets of each key', () => {
    const text = 'A=1\nexport  BB=2\n';
    const [a, bb] = parseEnvFile(text).entries;
    expect(text.slice(a!.keyStart, a!.keyEnd)).toBe('A');
    expect(text.slice(bb!.keyStart, bb!.keyEnd)).toBe('BB');
    expect(text.slice(bb!.valueStart, bb!.valueEnd)).toBe('2');
  });

  it('reports a line without `=` as a syntax issue', () => {
    const parsed = parseEnvFile('OK=1\nnot a variable\n');
    expect(parsed.issues).toEqual([{ kind: 'syntax', start: 5, end: 19 }]);
  });

  it('lets the shell environment win in expansions', () => {
    const parsed = parseEnvFile('A=file\nB=${A}\n', { A: 'shell' });
    expect(parsed.entries[1]!.value).toBe('shell');
  });

  it('trims an unquoted value and cuts it at ` #` only, as Compose 2.40.3 does', () => {
    const parsed = parseEnvFile('A=  x y  \nB=z # c\nC=w\t# tab\n');
    expect(parsed.entries.map((e) => [e.name, e.value])).toEqual([
      ['A', 'x y'],
      ['B', 'z'],
      ['C', 'w\t# tab'],
    ]);
  });
});

