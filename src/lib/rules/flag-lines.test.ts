import { codeToHtml } from 'shiki';
import { describe, expect, it } from 'vitest';
import { flagLinesTransformer } from './flag-lines.ts';

describe('flagLinesTransformer', () => {
  it('marks exactly the 1-based lines it is given', async () => {
    const html = await codeToHtml('version: "3.8"\nservices:\n  web: {}\n', { lang: 'yaml', theme: 'github-light-default', transformers: [flagLinesTransformer([1, 3])] });
    const classes = [...html.matchAll(/<span class="(line[^"]*)"/g)].map((match) => match[1]);
    // The trailing newline opens a fourth, empty line.
    expect(classes).toEqual(['line line-flagged', 'line', 'line line-flagged', 'line']);
  });
});
