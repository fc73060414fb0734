import { describe, expect, it } from 'vitest';
import { checkProject } from '../check.ts';
import type { NginxContext } from '../nginx/context.ts';
import { proxyTargets, resolvedProxyTargets, upstreamNames } from './proxy-targets.ts';

const PATH = 'nginx/conf.d/default.conf';
const nginxOf = (text: string, path = PATH): NginxContext => checkProject([{ path, text }]).nginx[0]!;
const targetsOf = (text: string): [string, number, number, number][] => {
  const nginx = nginxOf(text);
  return proxyTargets(nginx, upstreamNames([nginx])).map((t) => [t.host, t.port, t.range.start.line, t.range.start.column]);
};

describe('proxyTargets', () => {
  it('reads the servers of an upstream, port 80 by default, and leaves sockets, IPs and dotted names alone', () => {
    const text =
      'upstream api {\n    server api:3000;\n    server api2;\n    server unix:/run/api.sock;\n    server 10.0.0.5:3000;\n    server host.docker.internal:3000;\n}\n';
    expect(targetsOf(text)).toEqual([
      ['api', 3000, 2, 12],
      ['api2', 80, 3, 12],
    ]);
  });

  it('reads proxy_pass and grpc_pass hosts with their scheme’s default port, but not an upstream’s name', () => {
    const text =
      'upstream backend {\n    server api:3000;\n}\nserver {\n    location /a/ { proxy_pass http://client; }\n    location /b/ { proxy_pass https://api:8443/v1/; }\n' +
      '    location /c/ { grpc_pass grpcs://grpc; }\n    location /d/ { grpc_pass grpc://grpc:50051; }\n    location /e/ { proxy_pass http://Backend; }\n    location /f/ { proxy_pass https://secure; }\n}\n';
    expect(targetsOf(text)).toEqual([
      ['api', 3000, 2, 12],
      ['client', 80, 5, 31],
      ['api', 8443, 6, 31],
      ['secure', 443, 10, 31],
      ['grpc', 443, 7, 30],
      ['grpc', 50051, 8, 30],
    ]);
  });

  it('leaves alone localhost, IPs, dotted names, variables and what is not a URL', () => {
    const text =
      'server {\n    location /a/ { proxy_pass http://localhost:3000; }\n    location /b/ { proxy_pass http://127.0.0.1:3000; }\n    location /c/ { proxy_pass http://[::1]:3000; }\n' +
      '    location /d/ { proxy_pass http://api.example.com; }\n    location /e/ { proxy_pass http://$backend; }\n    location /f/ { proxy_pass $target; }\n}\n';
    expect(targetsOf(text)).toEqual([]);
  });

  it('names upstreams case-insensitively across the project’s files', () => {
    expect([...upstreamNames([nginxOf('upstream API { server api:3000; }\n'), nginxOf('upstream cache { server redis:6379; }\n')])]).toEqual(['api', 'cache']);
  });
});

describe('resolvedProxyTargets', () => {
  it('resolves each target from the service running the file, once per check', () => {
    const result = checkProject([
      {
        path: 'compose.yaml',
        text: 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    volumes:\n      - ./nginx/conf.d:/etc/nginx/conf.d:ro\n    networks: [front]\n  api:\n    build: ./api\n    networks: [back]\nnetworks:\n  front:\n  back:\n',
      },
      { path: PATH, text: 'server {\n    location / { proxy_pass http://api:3000; }\n}\n' },
    ]);
    const context = { compose: result.compose, nginx: result.nginx, files: [], options: {} };
    const [resolved] = resolvedProxyTargets(context);
    expect([resolved?.proxy.name, resolved?.named.map((s) => s.name), resolved?.reachable.map((s) => s.name)]).toEqual(['proxy', ['api'], []]);
    expect(resolvedProxyTargets(context)).toBe(resolvedProxyTargets(context));
    expect(resolvedProxyTargets({ ...context, compose: undefined })).toEqual([]);
  });
});

describe('proxyTargets over a whole nginx.conf', () => {
  it('lists every host nginx resolves when it loads, with the port it uses', () => {
    const text = `events {}
http {
  resolver dns:5353 valid=30s;
  resolver dns2;
  upstream Backend {
    server api:3000 resolve;
    server unix:/tmp/s.sock;
    server web;
  }
  map $a $b {
    proxy_pass http://ghost:1;
  }
  server {
    location / { proxy_pass http://BACKEND; }
    location /a { proxy_pass http://api:3000/x; }
    location /g { grpc_pass grpcs://grpc; }
    location /f { fastcgi_pass php:9000; }
    location /u { uwsgi_pass unix:/run/u.sock; }
    location /n { fastcgi_pass php; }
    location /i { proxy_pass http://10.0.0.1:80; }
    location /d { proxy_pass http://api.example.com; }
  }
}
stream {
  upstream db_up { server db:5432; }
  server { listen 5432; proxy_pass db_up; }
  server { listen 6379; proxy_pass cache:6379; }
}
`;
    const context = nginxOf(text, 'nginx/nginx.conf');
    const upstreams = upstreamNames([context]);
    expect([...upstreams]).toEqual(['backend', 'db_up']);
    // [host, port, line, a resolver's name, resolved again at run time (`resolve`)]
    expect(proxyTargets(context, upstreams).map((t) => [t.host, t.port, t.range.start.line, t.dns ?? false, t.resolvedAtRunTime ?? false])).toEqual([
      ['api', 3000, 6, false, true],
      ['web', 80, 8, false, false],
      ['db', 5432, 25, false, false],
      ['php', 9000, 17, false, false],
      ['dns', 5353, 3, true, false],
      ['dns2', 53, 4, true, false],
      ['api', 3000, 15, false, false],
      ['cache', 6379, 27, false, false],
      ['grpc', 443, 16, false, false],
    ]);
  });
});
