import type { ShikiTransformer } from 'shiki';

/**
 * Marks the lines a diagnostic points to in a failing example, so the eye
 * finds them; the diagnostics list under the block says the same in text.
 */
export function flagLinesTransformer(lines: readonly number[]): ShikiTransformer {
  const flagged = new Set(lines);
  return {
    name: 'atelier:flag-lines',
    line(node, line) {
      if (flagged.has(line)) this.addClassToHast(node, 'line-flagged');
    },
  };
}
