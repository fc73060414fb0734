import { describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../../engine/types.ts';
import { listProblems, MAX_LISTED, orderProblems } from './problem-order.ts';

function problem(severity: Severity, file: string, line: number, column = 1, ruleId = 'yaml-syntax'): Diagnostic {
  return {
    ruleId,
    messageId: 'm',
    severity,
    message: `${severity} ${file}:${line}:${column}`,
    file,
    range: { start: { line, column }, end: { line, column: column + 4 } },
    docs: 'Syntaxe YAML',
  };
}

const where = (list: Diagnostic[]): string[] => list.map((d) => `${d.severity} ${d.file}:${d.range.start.line}:${d.range.start.column}`);

describe('the order of the problems list', () => {
  it('puts errors first, then warnings, then information, whatever the engine order', () => {
    const engine = [problem('info', 'compose.yaml', 1), problem('warning', 'compose.yaml', 2), problem('error', 'compose.yaml', 9)];
    expect(where(orderProblems(engine))).toEqual(['error compose.yaml:9:1', 'warning compose.yaml:2:1', 'info compose.yaml:1:1']);
  });

  it('within a severity, follows the files in tab order, then line and column', () => {
    const engine = [
      problem('error', 'nginx/default.conf', 3),
      problem('error', 'compose.yaml', 12, 7),
      problem('error', 'compose.yaml', 12, 3),
      problem('error', 'compose.yaml', 4),
      problem('warning', 'compose.yaml', 1),
    ];
    expect(where(orderProblems(engine, ['compose.yaml', 'nginx/default.conf']))).toEqual([
      'error compose.yaml:4:1',
      'error compose.yaml:12:3',
      'error compose.yaml:12:7',
      'error nginx/default.conf:3:1',
      'warning compose.yaml:1:1',
    ]);
    // The tab order wins over the alphabet.
    expect(where(orderProblems(engine, ['nginx/default.conf', 'compose.yaml'])).slice(0, 2)).toEqual(['error nginx/default.conf:3:1', 'error compose.yaml:4:1']);
  });

  it('puts files without a tab after the others, by name', () => {
    const engine = [problem('error', 'z.conf', 1), problem('error', 'a.conf', 1), problem('error', 'compose.yaml', 8)];
    expect(where(orderProblems(engine, ['compose.yaml']))).toEqual(['error compose.yaml:8:1', 'error a.conf:1:1', 'error z.conf:1:1']);
  });

  it('keeps the engine order of two problems at the same place, and does not touch its input', () => {
    const first = problem('error', 'compose.yaml', 5, 1, 'first');
    const second = problem('error', 'compose.yaml', 5, 1, 'second');
    const engine = [first, second];
    expect(orderProblems(engine).map((d) => d.ruleId)).toEqual(['first', 'second']);
    expect(orderProblems([second, first]).map((d) => d.ruleId)).toEqual(['second', 'first']);
    const input = [problem('info', 'compose.yaml', 1), problem('error', 'compose.yaml', 2)];
    orderProblems(input);
    expect(input[0]!.severity).toBe('info');
  });
});

describe('the problems drawn', () => {
  it('draws errors first and counts what it leaves out', () => {
    const many = [...Array.from({ length: 300 }, (_, i) => problem('warning', 'compose.yaml', i + 1)), problem('error', 'compose.yaml', 400)];
    const { shown, hidden } = listProblems(many, ['compose.yaml'], 200);
    expect(shown).toHaveLength(200);
    expect(shown[0]!.severity).toBe('error');
    expect(shown[1]!.range.start.line).toBe(1);
    expect(hidden).toBe(101);
  });

  it('keeps a short list whole', () => {
    const few = [problem('info', 'compose.yaml', 1), problem('error', 'compose.yaml', 2)];
    expect(listProblems(few)).toEqual({ shown: [few[1], few[0]], hidden: 0 });
  });

  it('caps 100,000 problems at MAX_LISTED', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => problem(i % 3 === 0 ? 'error' : 'warning', 'compose.yaml', 100_000 - i));
    const { shown, hidden } = listProblems(many);
    expect(shown).toHaveLength(MAX_LISTED);
    expect(hidden).toBe(100_000 - MAX_LISTED);
    expect(shown.every((d) => d.severity === 'error')).toBe(true);
    expect(shown[0]!.range.start.line).toBeLessThan(shown[1]!.range.start.line);
  });
});
