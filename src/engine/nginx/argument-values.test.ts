import { describe, expect, it } from 'vitest';
import { firstInvalidArgument } from './argument-values.ts';
import { createNginxContext } from './context.ts';

/** The word nginx refuses in each `name` directive of the file, or null. */
function refused(path: string, text: string, name: string): (string | null)[] {
  const context = createNginxContext({ path, text }, [{ path, text }]);
  return context.named(name).map((info) => firstInvalidArgument(info)?.word.value ?? null);
}

describe('firstInvalidArgument', () => {
  it('reads the parameters of a server in an http or a stream upstream, and of no other server', () => {
    const http = 'upstream api {\n    server api:3000 weight=5 max_fails=2 backup;\n    server api:3001 bogus;\n    server api:3002 colour=blue;\n}\n';
    expect(refused('nginx/conf.d/default.conf', http, 'server')).toEqual([null, 'bogus', 'colour=blue']);
    const stream = 'events {}\nstream {\n    upstream db {\n        server db:5432 max_fails=2;\n        server db:5433 nope;\n    }\n    server {\n        listen 5432;\n    }\n}\n';
    expect(refused('nginx/nginx.conf', stream, 'server')).toEqual([null, 'nope', null]);
  });

  it('reads the options of each cache path directive', () => {
    for (const name of ['proxy_cache_path', 'fastcgi_cache_path', 'uwsgi_cache_path', 'scgi_cache_path']) {
      const text = `${name} /tmp/a levels=1:2 keys_zone=a:10m;\n${name} /tmp/b keys_zone=b:10m bogus=1;\n${name} /tmp/c keys_zone;\n`;
      expect(refused('nginx/conf.d/cache.conf', text, name)).toEqual([null, 'bogus=1', 'keys_zone']);
    }
  });
});
