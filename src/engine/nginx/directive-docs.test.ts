import { describe, expect, it } from 'vitest';
import { loadDirectiveDocs } from './directive-docs.ts';
import { directiveSpecs, isKnownDirective } from './directive-spec.ts';

describe('directive knowledge', () => {
  it('loads the long description of a directive on demand', async () => {
    const docs = await loadDirectiveDocs('proxy_pass');
    expect(docs.map((d) => d.module)).toEqual(['http_proxy', 'stream_proxy']);
    expect(docs[0]!.description).toContain('proxied server');
    expect(await loadDirectiveDocs('toString')).toEqual([]);
  });

  it('tells http, stream and mail directives of the same name apart', () => {
    expect(directiveSpecs('server').map((s) => `${s.module}:${s.block}`)).toEqual(['http_core:true', 'http_upstream:false', 'mail_core:true', 'stream_core:true', 'stream_upstream:false']);
  });

  it('knows what nginx 1.30 really accepts, not only what the docs say', () => {
    // The docs write `[SSLv2] … [TLSv1.3]` (0 to 6 words); nginx wants at least one.
    expect(directiveSpecs('ssl_protocols').find((s) => s.module === 'http_ssl')).toMatchObject({ minArgs: 1, maxArgs: Infinity });
    // NGINX Plus and modules the official image does not build are unknown to nginx -t.
    expect(isKnownDirective('status_zone')).toBe(false);
    expect(isKnownDirective('js_content')).toBe(false);
    expect(isKnownDirective('proxy_pass')).toBe(true);
    expect(directiveSpecs('root')[0]!.unique).toBe(true);
  });
});
