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

describe('yaml-syntax says where Compose places the error, and why there', () => {
  const recorded = JSON.parse(readFileSync('src/engine/yaml/fixtures/go-yaml-lines.json', 'utf8')) as { cases: { name: string; yaml: string }[] };
  const yamlOf = (name: string): string => recorded.cases.find((c) => c.name === name)!.yaml;
  // [recorded case, line of the diagnostic (Compose's), what the message says of that line, where eemeli/yaml saw it]
  it.each([
    ['list item dedented by one space', 2, 'juste au-dessus de l’objet (le bloc de clés) en cours', 6],
    ['list item indented by one space', 4, 'juste au-dessus de la liste en cours', 6],
    ['key indented by one space', 4, 'où il s’est arrêté', 3],
    ['service dedented by one space', 3, 'juste au-dessus de la ligne du problème', 4],
    ['unclosed flow sequence', 3, 'juste au-dessus de la ligne où s’ouvre le `[`', 4],
    ['unclosed flow mapping', 3, 'juste au-dessus de la ligne où s’ouvre le `{`', 4],
    ['tab after the indentation', 3, 'où commence la valeur', 4],
    ['document end inside a quote', 2, 'où s’ouvre le guillemet', 1],
  ] as const)('%s', (name, line, where, eemeliLine) => {
    const [diagnostic] = checkProject([{ path: 'compose.yaml', text: yamlOf(name) }]).diagnostics.filter((d) => d.ruleId === 'yaml-syntax');
    expect(diagnostic!.range.start.line).toBe(line);
    expect(diagnostic!.message).toContain(`Compose signale l’erreur à cette ligne, ${where}\u00a0; elle apparaît à la ligne ${eemeliLine}.`);
  });

  it.each([
    ['control character in a value', 3, 'caractère de contrôle invisible'],
    ['flow sequence followed by a colon', 4, 'un `:` suivi d’un espace'],
    ['unknown directive', 1, 'une directive YAML'],
    ['every escape form', 1, 'séquence d’échappement'],
    ['surrogate unicode escape', 1, 'séquence d’échappement'],
    ['content after a document end', 2, 'vérifiez l’indentation'],
  ] as const)('%s: an error only Compose sees, with its advice', (name, line, advice) => {
    const [diagnostic] = checkProject([{ path: 'compose.yaml', text: yamlOf(name) }]).diagnostics.filter((d) => d.ruleId === 'yaml-syntax');
    expect(diagnostic!.range.start.line).toBe(line);
    expect(diagnostic!.message).toContain('Compose refuse ce YAML');
    expect(diagnostic!.message).toContain(advice);
  });
});
