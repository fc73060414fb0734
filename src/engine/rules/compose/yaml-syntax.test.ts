import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../check.ts';

describe('yaml-syntax beyond the examples', () => {
  it('rejects an alias bomb quickly, in French', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = performance.now();
    const { diagnostics } = checkProject([{ path: 'compose.yaml', text: `${lines.join('\n')}\nservices: {}\n` }]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(diagnostics.map((d) => d.messageId)).toContain('alias-bomb');
  });

  it('never shows the yaml library’s English text', () => {
    const { diagnostics } = checkProject([{ path: 'compose.yaml', text: 'services:\n  web:\n    image: "nginx\n' }]);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(d.message).not.toMatch(/must|should|Unexpected|Missing/);
  });
});

describe('yaml-syntax on a first line shifted by the Tab key', () => {
  it('points the first diagnostic at line 1 of chapter 06, not at the lines 48–55 the shift breaks', () => {
    const text = readFileSync('src/content/lessons/06-architecture-trois-couches/start/compose.yaml', 'utf8');
    // Monaco inserts two spaces for Tab (insertSpaces).
    const errors = checkProject([{ path: 'compose.yaml', text: `  ${text}` }], { partial: true }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors[0]).toMatchObject({ ruleId: 'yaml-syntax', messageId: 'indented-root', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 3 } } });
    expect(errors[0]!.message).toContain('décalée de 2 espaces');
    // The errors the shift causes further down stay, at the lines docker compose prints (go-yaml-line.test.ts checks those).
    expect(errors.slice(1).filter((d) => d.ruleId === 'yaml-syntax').length).toBeGreaterThan(0);
    expect(errors.slice(1).every((d) => d.range.start.line > 1)).toBe(true);
  });

  it('leaves an indented file that is valid YAML alone', () => {
    const errors = checkProject([{ path: 'compose.yaml', text: '  services:\n    web:\n      image: nginx:1.30-alpine\n' }], { partial: true }).diagnostics;
    expect(errors.filter((d) => d.messageId === 'indented-root')).toEqual([]);
  });
});
