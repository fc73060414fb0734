import { describe, expect, it } from 'vitest';
import { childContext, contextMask, contextsFromDocs, NGINX_CONTEXTS, type NginxContextName } from './nginx-contexts.ts';

describe('contextsFromDocs reads the « Context: » line of nginx’s documentation', () => {
  it.each([
    ['ngx_http_core_module', 'main', ['main']],
    ['ngx_http_core_module', 'events', ['events']],
    ['ngx_http_core_module', 'http', ['http']],
    ['ngx_stream_core_module', 'stream', ['stream']],
    ['ngx_mail_core_module', 'mail', ['mail']],
    ['ngx_http_core_module', 'location', ['http-location']],
    ['ngx_http_rewrite_module', 'if in location', ['http-location-if']],
    ['ngx_http_rewrite_module', 'if', ['http-server-if', 'http-location-if']],
    ['ngx_http_core_module', 'limit_except', ['http-limit-except']],
    ['ngx_http_core_module', 'server', ['http-server']],
    ['ngx_stream_core_module', 'server', ['stream-server']],
    ['ngx_mail_core_module', 'server', ['mail-server']],
    ['Core functionality', 'server', ['http-server', 'stream-server', 'mail-server']],
    ['ngx_http_upstream_module', 'upstream', ['http-upstream']],
    ['ngx_stream_upstream_module', 'upstream', ['stream-upstream']],
    ['Core functionality', 'upstream', ['http-upstream', 'stream-upstream']],
    ['ngx_http_core_module', 'oidc_provider', []],
  ] as const)('%s, « %s »', (module, word, expected) => {
    expect(contextsFromDocs(module, word)).toEqual(expected);
  });

  it('takes an empty word (include) as every context', () => {
    expect(contextsFromDocs('Core functionality', '')).toEqual([...NGINX_CONTEXTS]);
  });
});

describe('childContext follows the blocks nginx opens', () => {
  it.each([
    ['main', 'events', 'events'],
    ['main', 'http', 'http'],
    ['main', 'stream', 'stream'],
    ['main', 'mail', 'mail'],
    ['main', 'server', undefined],
    ['http', 'server', 'http-server'],
    ['http', 'upstream', 'http-upstream'],
    ['http', 'location', undefined],
    ['http-server', 'location', 'http-location'],
    ['http-server', 'if', 'http-server-if'],
    ['http-server', 'upstream', undefined],
    ['http-location', 'location', 'http-location'],
    ['http-location', 'if', 'http-location-if'],
    ['http-location', 'limit_except', 'http-limit-except'],
    ['http-location', 'server', undefined],
    ['stream', 'server', 'stream-server'],
    ['stream', 'upstream', 'stream-upstream'],
    ['stream', 'location', undefined],
    ['mail', 'server', 'mail-server'],
    ['mail', 'upstream', undefined],
    ['events', 'server', undefined],
  ] as const)('%s › %s', (parent, block, expected) => {
    expect(childContext(parent as NginxContextName, block)).toBe(expected);
  });
});

describe('contextMask', () => {
  it('sets one bit per context, by its place in NGINX_CONTEXTS', () => {
    expect(contextMask([])).toBe(0);
    expect(contextMask(['main'])).toBe(1 << NGINX_CONTEXTS.indexOf('main'));
    expect(contextMask(['http', 'mail-server'])).toBe((1 << NGINX_CONTEXTS.indexOf('http')) | (1 << NGINX_CONTEXTS.indexOf('mail-server')));
    expect(contextMask(NGINX_CONTEXTS)).toBe(2 ** NGINX_CONTEXTS.length - 1);
  });
});
