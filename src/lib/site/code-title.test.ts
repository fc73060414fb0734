import { codeToHtml } from 'shiki';
import { describe, expect, it } from 'vitest';
import { codeTitleTransformer, titleFromMeta } from './code-title.ts';

describe('titleFromMeta', () => {
  it('reads a double- or single-quoted title among other meta', () => {
    expect(titleFromMeta('title="compose.yaml"')).toBe('compose.yaml');
    expect(titleFromMeta("{2} title='nginx/default.conf' showLineNumbers")).toBe('nginx/default.conf');
  });

  it('ignores a meta without a title, an empty title, or a look-alike key', () => {
    expect(titleFromMeta(undefined)).toBeUndefined();
    expect(titleFromMeta('title=""')).toBeUndefined();
    expect(titleFromMeta('subtitle="x"')).toBeUndefined();
  });
});

describe('codeTitleTransformer', () => {
  const render = (meta?: string): Promise<string> =>
    codeToHtml('services:\n  web:\n    image: nginx:1.30-alpine', {
      lang: 'yaml',
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      transformers: [codeTitleTransformer],
      ...(meta === undefined ? {} : { meta: { __raw: meta } }),
    });

  it('puts a titled block in a figure whose caption is the file name', async () => {
    const html = await render('title="compose.yaml"');
    expect(html).toMatch(/^<figure class="code-block"><figcaption class="code-title">compose\.yaml<\/figcaption><pre [^>]*tabindex="0"/);
  });

  it('leaves an untitled block as a focusable pre', async () => {
    const html = await render();
    expect(html).toMatch(/^<pre [^>]*tabindex="0"/);
    expect(html).not.toContain('figcaption');
  });
});
