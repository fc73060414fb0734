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
