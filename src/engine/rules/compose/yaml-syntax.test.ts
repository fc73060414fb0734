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
