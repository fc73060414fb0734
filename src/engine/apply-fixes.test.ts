import { describe, expect, it } from 'vitest';
import { applyEdits, applyFixes } from './apply-fixes.ts';

const at = (line: number, column: number) => ({ line, column });
const edit = (from: [number, number], to: [number, number], text: string) => ({ range: { start: at(...from), end: at(...to) }, text });

describe('applyEdits', () => {
  it('deletes whole lines, as the version-key fix does', () => {
    const text = 'version: "3.8"\nservices:\n  web: {}\n';
    expect(applyEdits(text, [edit([1, 1], [2, 1], '')])).toBe('services:\n  web: {}\n');
  });

  it('applies several edits given in original positions, whatever their order', () => {
    const text = 'listen 80\nserver_name a\n';
    const edits = [edit([1, 10], [1, 10], ';'), edit([2, 14], [2, 14], ';')];
    expect(applyEdits(text, edits)).toBe('listen 80;\nserver_name a;\n');
    expect(applyEdits(text, [...edits].reverse())).toBe('listen 80;\nserver_name a;\n');
  });

  it('replaces a span inside a line', () => {
    expect(applyEdits('image: nginx:latest', [edit([1, 14], [1, 20], '1.30-alpine')])).toBe('image: nginx:1.30-alpine');
  });

  it('clamps positions past a line or the text as the editor does', () => {
    expect(applyEdits('a\n', [edit([5, 1], [5, 1], 'b')])).toBe('a\nb');
    expect(applyEdits('ab\ncd\n', [edit([1, 2], [1, 40], 'X')])).toBe('aX\ncd\n');
    expect(applyEdits('ab\ncd\n', [edit([0, 9], [1, 2], 'X')])).toBe('Xb\ncd\n');
    expect(applyEdits('ab\ncd\n', [edit([2, 0], [2, 2], 'X')])).toBe('ab\nXd\n');
  });
});

describe('applyFixes', () => {
  const text = 'server {\n    listen 80\n    server_name a\n}\n';
  const semicolonAfterListen = { edits: [edit([2, 14], [2, 14], ';')] };
  const semicolonAfterName = { edits: [edit([3, 18], [3, 18], ';')] };

  it('applies every fix that stands apart, in position order', () => {
    expect(applyFixes(text, [semicolonAfterName, semicolonAfterListen])).toEqual({ output: 'server {\n    listen 80;\n    server_name a;\n}\n', applied: 2, skipped: 0 });
  });

  it('skips a fix that overlaps or touches one taken before it, whole', () => {
    const replaceListen = { edits: [edit([2, 5], [2, 14], 'listen 8080'), edit([3, 18], [3, 18], ';')] };
    expect(applyFixes(text, [replaceListen, semicolonAfterListen])).toEqual({ output: 'server {\n    listen 8080\n    server_name a;\n}\n', applied: 1, skipped: 1 });
    const deleteLine2 = { edits: [edit([2, 1], [3, 1], '')] };
    const insertAtLine3 = { edits: [edit([3, 1], [3, 1], '#')] };
    expect(applyFixes(text, [deleteLine2, insertAtLine3])).toEqual({ output: 'server {\n    server_name a\n}\n', applied: 1, skipped: 1 });
  });

  it('refuses a fix whose own edits overlap, and ignores an empty one', () => {
    const tangled = { edits: [edit([2, 5], [2, 12], 'a'), edit([2, 10], [2, 14], 'b')] };
    expect(applyFixes(text, [tangled, { edits: [] }])).toEqual({ output: text, applied: 0, skipped: 1 });
  });

  it('takes, of two fixes starting at one place, the shorter one, and applies a fix’s touching edits in order', () => {
    const insert = { edits: [edit([1, 3], [1, 3], 'X')] };
    const replace = { edits: [edit([1, 3], [1, 5], 'Y')] };
    expect(applyFixes('abcdef', [replace, insert])).toEqual({ output: 'abXcdef', applied: 1, skipped: 1 });
    expect(applyFixes('abcdef', [{ edits: [edit([1, 3], [1, 5], 'Y'), edit([1, 3], [1, 3], 'X'), edit([1, 5], [1, 6], 'Z')] }])).toEqual({ output: 'abXYZf', applied: 1, skipped: 0 });
  });
});
