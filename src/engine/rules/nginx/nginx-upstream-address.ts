import type { NginxRule } from '../catalogue.ts';
import type { NodeInfo } from '../../nginx/context.ts';
import { upstreamNames } from '../../nginx/upstream-names.ts';

// What ngx_http_proxy_pass / ngx_http_fastcgi_pass (and their uwsgi, scgi,
// grpc twins) and ngx_stream_proxy_pass check while loading, through
// ngx_parse_url: a scheme for proxy_pass in http, a port where the protocol
// has no default one, and no URI part where nginx cannot replace it.
const PASS_WITHOUT_DEFAULT_PORT = new Set(['fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'grpc_pass']);
const HTTP_SCHEMES = /^(https?):\/\//i;
const GRPC_SCHEMES = /^(grpcs?):\/\//i;

function splitHostPort(address: string): { host: string; port: string | undefined } {
  if (address.startsWith('[')) {
    const end = address.indexOf(']');
    const rest = address.slice(end + 1);
    return { host: address.slice(0, end + 1), port: rest.startsWith(':') ? rest.slice(1) : undefined };
  }
  const colon = address.lastIndexOf(':');
  return colon === -1 ? { host: address, port: undefined } : { host: address.slice(0, colon), port: address.slice(colon + 1) };
}

/** A location given by a regex or a name, or an `if` / `limit_except` around: nginx cannot replace a URI part there. */
function uriForbiddenPlace(info: NodeInfo): string | undefined {
  for (const block of info.path) {
    if (block.name === 'if') return '« if »';
    if (block.name === 'limit_except') return '« limit_except »';
  }
  const location = [...info.path].reverse().find((block) => block.name === 'location');
  const first = location?.args[0]?.value ?? '';
  if (first.startsWith('@')) return 'un « location » nommé';
  if (first.startsWith('~')) return 'un « location » par expression régulière';
  return undefined;
}

export const upstreamAddress: NginxRule = {
  id: 'nginx-upstream-address',
  kind: 'nginx',
  severity: 'error',
  messages: {
    noScheme: '`proxy_pass {{value}}`\u00a0: il manque le protocole (`http://` ou `https://`)\u00a0; nginx refuse la configuration («\u00a0invalid URL prefix\u00a0»).',
    noPort: '`{{directive}} {{value}}`\u00a0: ce protocole n’a pas de port par défaut et `{{value}}` n’est pas un bloc `upstream`\u00a0; nginx refuse la configuration («\u00a0no port in upstream\u00a0»). Écrivez `{{value}}:{{port}}`.',
    uriPart:
      '`proxy_pass {{value}}` a une partie chemin (`{{uri}}`) dans {{place}}\u00a0: nginx ne sait pas quelle partie de l’adresse remplacer et refuse la configuration. Retirez le chemin (`proxy_pass {{base}};`) ou réécrivez l’adresse avec `rewrite`.',
  },
  docs: {
    title: 'L’adresse d’un `proxy_pass` ou `fastcgi_pass`',
    what: 'Signale un `proxy_pass` sans protocole (`proxy_pass api:3000;`), un `fastcgi_pass`, `uwsgi_pass` ou `scgi_pass` (ou un `proxy_pass` du bloc `stream`) sans port vers un hôte qui n’est pas un `upstream`, et un `proxy_pass` avec chemin dans un `location` par expression régulière, un `location` nommé, un `if` ou un `limit_except`.',
    why: 'nginx lit ces adresses au chargement. En http, `proxy_pass` attend une URL complète\u00a0; FastCGI, uwsgi et SCGI n’ont pas de port par défaut\u00a0; et avec un chemin (`http://api:3000/v1/`), nginx remplace la partie de l’URI qui correspond au `location`, ce qu’il ne peut pas faire quand le `location` est une expression régulière\u00a0: `nginx -t` échoue.',
    howToFix: 'Écrivez `proxy_pass http://api:3000;`, `fastcgi_pass php:9000;`\u00a0; dans un `location ~ …`, gardez `proxy_pass http://api:3000;` sans chemin (l’URI d’origine est transmise telle quelle) ou réécrivez-la avant avec `rewrite`.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { name: 'adresses complètes', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api:3000/;\n    }\n    location ~ \\.php$ {\n        fastcgi_pass php:9000;\n    }\n    location ~ ^/ws/ {\n        proxy_pass http://api:3000;\n    }\n}\n' } },
      { name: 'un upstream nommé', files: { 'nginx/conf.d/default.conf': 'upstream php {\n    server php-fpm:9000;\n}\nserver {\n    listen 80;\n    location ~ \\.php$ {\n        fastcgi_pass php;\n    }\n}\n' } },      { name: 'une adresse sans chemin dans un if, des sockets unix, IPv6, gRPC chiffré', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        if ($arg_version = 2) {\n            proxy_pass http://api-v2:3000;\n        }\n        proxy_pass http://api:3000/;\n    }\n    location ~ ^/app/ {\n        proxy_pass http://unix:/run/app.sock;\n    }\n    location ~ \\.php$ {\n        fastcgi_pass unix:/run/php-fpm.sock;\n    }\n    location /grpc/ {\n        grpc_pass grpcs://[::1]:50051;\n    }\n    location /cgi/ {\n        fastcgi_pass [::1]:9000;\n    }\n}\n' } },
      { name: 'dans stream, un upstream ou une adresse avec port', files: { 'nginx/nginx.conf': 'events {}\nstream {\n    upstream db {\n        server db:5432;\n    }\n    server {\n        listen 5432;\n        proxy_pass db;\n    }\n    server {\n        listen 6379;\n        proxy_pass cache:6379;\n    }\n}\n' } },
    ],
    invalid: [
      {
        name: 'protocole oublié',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass api:3000;\n    }\n}\n' },
        errors: [{ messageId: 'noScheme', line: 4, column: 20, data: { value: 'api:3000' } }],
      },
      {
        name: 'port oublié pour FastCGI',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location ~ \\.php$ {\n        fastcgi_pass php-fpm;\n    }\n}\n' },
        errors: [{ messageId: 'noPort', line: 4, column: 22, data: { directive: 'fastcgi_pass', value: 'php-fpm', port: '9000' } }],
      },
      {
        name: 'chemin dans un location par expression régulière',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location ~ ^/api/(.*)$ {\n        proxy_pass http://api:3000/v1/;\n    }\n}\n' },
        errors: [{ messageId: 'uriPart', line: 4, column: 20, data: { uri: '/v1/', place: 'un « location » par expression régulière', base: 'http://api:3000' } }],
      },
      {
        name: 'chemin dans un if',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        if ($arg_version = 2) {\n            proxy_pass http://api:3000/v2/;\n        }\n    }\n}\n' },
        errors: [{ messageId: 'uriPart', line: 5, column: 24, data: { uri: '/v2/', place: '« if »', base: 'http://api:3000' } }],
      },
      {
        name: 'chemin dans un limit_except',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        limit_except GET {\n            proxy_pass http://api:3000/lecture/;\n        }\n    }\n}\n' },
        errors: [{ messageId: 'uriPart', line: 5, column: 24, data: { place: '« limit_except »' } }],
      },
      {
        name: 'chemin dans un location nommé',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location / {\n        try_files $uri @api;\n    }\n    location @api {\n        proxy_pass http://api:3000/;\n    }\n}\n' },
        errors: [{ messageId: 'uriPart', line: 7, column: 20, data: { uri: '/', place: 'un « location » nommé' } }],
      },
      {
        name: 'chemin après un socket unix',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location ~ ^/app/ {\n        proxy_pass http://unix:/run/app.sock:/app/;\n    }\n}\n' },
        errors: [{ messageId: 'uriPart', line: 4, column: 20, data: { uri: '/app/', base: 'http://unix:/run/app.sock' } }],
      },
      {
        name: 'le location le plus proche compte',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        location ~ \\.json$ {\n            proxy_pass http://api:3000/json/;\n        }\n    }\n}\n' },
        errors: [{ messageId: 'uriPart', line: 5, column: 24, data: { place: 'un « location » par expression régulière' } }],
      },
      {
        name: 'port oublié pour gRPC',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    http2 on;\n    location / {\n        grpc_pass grpc://api;\n    }\n}\n' },
        errors: [{ messageId: 'noPort', line: 5, column: 19, data: { directive: 'grpc_pass', port: '50051' } }],
      },
      {
        name: 'port oublié dans stream',
        files: { 'nginx/nginx.conf': 'events {}\nstream {\n    server {\n        listen 5432;\n        proxy_pass db;\n    }\n}\n' },
        errors: [{ messageId: 'noPort', line: 5, column: 20, data: { directive: 'proxy_pass', value: 'db', port: 'PORT' } }],
      },
      {
        name: 'port oublié après une adresse IPv6',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location ~ \\.php$ {\n        fastcgi_pass [::1];\n    }\n}\n' },
        errors: [{ messageId: 'noPort', line: 4, column: 22, data: { value: '[::1]' } }],
      },
    ],
  },
  check(context, report) {
    const file = context.file.path;
    for (const info of context.nodes) {
      const { node } = info;
      if (node.kind !== 'directive' || info.inGeneric || info.inUnknownBlock || !info.context) continue;
      const word = node.args[0];
      if (!word || word.value.includes('$')) continue;
      const value = word.value;
      const http = info.context.startsWith('http');
      if (node.name === 'proxy_pass' && http) {
        const scheme = HTTP_SCHEMES.exec(value);
        if (!scheme) {
          if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) report({ messageId: 'noScheme', data: { value }, file, range: word.range });
          continue;
        }
        const rest = value.slice(scheme[0].length);
        // `http://unix:/run/app.sock:/uri`: the URI part follows the socket path's colon.
        const slash = rest.startsWith('unix:') ? (rest.indexOf(':', 5) === -1 ? -1 : rest.indexOf(':', 5) + 1) : rest.indexOf('/');
        if (slash === -1 || slash >= rest.length) continue;
        const place = uriForbiddenPlace(info);
        if (place) report({ messageId: 'uriPart', data: { value, uri: rest.slice(slash), place, base: `${scheme[0]}${rest.slice(0, rest.startsWith('unix:') ? slash - 1 : slash)}` }, file, range: word.range });
        continue;
      }
      const streamProxy = node.name === 'proxy_pass' && info.context.startsWith('stream');
      if (!(http && PASS_WITHOUT_DEFAULT_PORT.has(node.name)) && !streamProxy) continue;
      const address = value.replace(GRPC_SCHEMES, '');
      if (address.startsWith('unix:')) continue;
      const { host, port } = splitHostPort(address);
      if (port !== undefined || upstreamNames(context, streamProxy ? 'stream' : 'http').has(host.toLowerCase())) continue;
      report({ messageId: 'noPort', data: { directive: node.name, value, port: node.name === 'fastcgi_pass' ? '9000' : node.name === 'grpc_pass' ? '50051' : 'PORT' }, file, range: word.range });
    }
  },
};
