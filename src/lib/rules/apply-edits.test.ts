import { describe, expect, it } from 'vitest';
import { applyEdits } from './apply-edits.ts';

const at = (line: number, column: number) => ({ line, column });

describe('applyEdits', () => {
  it('deletes whole lines, as the version-key fix does', () => {
    const text = 'version: "3.8"\nservices:\n  web: {}\n';
    expect(applyEdits(text, [{ range: { start: at(1, 1), end: at(2, 1) }, text: '' }])).toBe('services:\n  web: {}\n');
  });

  it('applies several edits given in original positions, whatever their order', () => {
    const text = 'listen 80\nserver_name a\n';
    const edits = [
      { range: { start: at(1, 10), end: at(1, 10) }, text: ';' },
      { range: { start: at(2, 14), end: at(2, 14) }, text: ';' },
    ];
    expect(applyEdits(text, edits)).toBe('listen 80;\nserver_name a;\n');
    expect(applyEdits(text, [...edits].reverse())).toBe('listen 80;\nserver_name a;\n');
  });

  it('replaces a span inside a line and clamps positions past the end', () => {
    expect(applyEdits('image: nginx:latest', [{ range: { start: at(1, 14), end: at(1, 20) }, text: '1.30-alpine' }])).toBe('image: nginx:1.30-alpine');
    expect(applyEdits('a\n', [{ range: { start: at(5, 1), end: at(5, 1) }, text: 'b' }])).toBe('a\nb');
  });
});
