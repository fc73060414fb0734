import type { NginxRule } from '../catalogue.ts';
import type { NginxContext } from '../../nginx/context.ts';

/** Includes something other than the image's mime.types and *_params (a `conf.d/*.conf` may define upstreams). */
const includesMore = (context: NginxContext): boolean => context.named('include').some((info) => !/(^|\/)(mime\.types|\w+_params|fastcgi\.conf)$/.test(info.node.args[0]?.value ?? ''));

const URL_HOST = /^(?:https?|grpcs?):\/\/([^/:?#]+)/;
/** RFC 1123 labels: letters, digits, hyphens; what a resolver (and Docker's DNS for a service name) can answer. */
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\])$/;

/**
 * nginx resolves a `proxy_pass` host at load time unless it names an
 * `upstream` group: a name that is neither stops `nginx -t` ("host not found
 * in upstream"). Whether a valid name is a compose service is the cross rules'
 * business; this rule only flags names no resolver can answer.
 */
export const proxyPassHost: NginxRule = {
  id: 'nginx-proxy-pass-host',
  kind: 'nginx',
  severity: 'error',
  messages: {
    invalid: '«\u00a0{{host}}\u00a0» n’est ni un groupe upstream défini ni un nom d’hôte valide\u00a0: nginx ne pourra pas le résoudre («\u00a0host not found in upstream\u00a0»).',
    'stream-url': 'Dans un bloc «\u00a0stream\u00a0», «\u00a0proxy_pass\u00a0» attend une adresse «\u00a0hôte:port\u00a0» ou un upstream, sans «\u00a0{{scheme}}://\u00a0».',
  },
  docs: {
    title: 'Hôte de `proxy_pass` introuvable',
    what: 'L’adresse de `proxy_pass` (ou `grpc_pass`) nomme un hôte qui n’est pas un bloc `upstream` du fichier et ne peut pas être un nom DNS (caractère `_`, espace…).',
    why: 'Au démarrage, nginx cherche ce nom parmi les `upstream`, puis le résout par DNS\u00a0: s’il échoue, `nginx -t` refuse la configuration et le proxy ne démarre pas. Un `upstream` mal orthographié donne exactement cette erreur.',
    howToFix: 'Utilisez le nom exact d’un bloc `upstream` défini, ou le nom du service Compose (lettres, chiffres et tirets), par exemple `proxy_pass http://api:3000;`.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      {
        name: 'upstream défini dans un autre fichier de conf.d',
        files: {
          'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api_backend;\n    }\n}\n',
          'nginx/conf.d/upstreams.conf': 'upstream api_backend {\n    server api:3000;\n}\n',
        },
      },
      {
        name: 'un service Compose nommé avec un tiret bas',
        files: {
          'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    volumes:\n      - ./nginx/conf.d:/etc/nginx/conf.d:ro\n  my_app:\n    image: node:24-alpine\n',
          'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://my_app:3000;\n    }\n}\n',
        },
      },
      { name: 'un service nommé avec un tiret bas, dans un nginx.conf sans upstream à mal écrire', files: { 'nginx/nginx.conf': 'events {}\nhttp {\n    server {\n        listen 80;\n        location / {\n            proxy_pass http://react_frontend:3000;\n        }\n    }\n}\n' } },
      { files: { 'nginx/conf.d/default.conf': 'upstream api_backend {\n    server api:3000;\n}\nserver {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api_backend;\n    }\n    location / {\n        proxy_pass http://client:80;\n    }\n}\n' } },
    ],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'upstream api_backend {\n    server api:3000;\n}\nserver {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api_backends;\n    }\n}\n' },
        errors: [{ messageId: 'invalid', line: 7, column: 20 }],
      },
      {
        name: 'une URL dans un serveur stream',
        files: { 'nginx/nginx.conf': 'events {}\nstream {\n    server {\n        listen 5433;\n        proxy_pass http://db:5432;\n    }\n}\n' },
        errors: [{ messageId: 'stream-url', line: 5, column: 20 }],
      },
    ],
  },
  check(context, report) {
    for (const info of context.named('proxy_pass')) {
      const target = info.node.args[0];
      const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(target?.value ?? '')?.[1];
      if (info.context === 'stream-server' && target && scheme) {
        report({ messageId: 'stream-url', data: { scheme }, file: context.file.path, range: target.range });
      }
    }
    const upstreams = new Set(context.named('upstream').map((info) => info.node.args[0]?.value.toLowerCase()));
    // conf.d files share one `http` block: an upstream may live in a sibling file.
    for (const sibling of context.siblings) {
      if (sibling !== context) for (const info of sibling.named('upstream')) upstreams.add(info.node.args[0]?.value.toLowerCase());
    }
    for (const name of ['proxy_pass', 'grpc_pass']) {
      for (const info of context.named(name)) {
        if (info.inGeneric || info.context === undefined || !info.context.startsWith('http')) continue;
        const target = info.node.args[0];
        if (!target || target.value.includes('$')) continue;
        const host = URL_HOST.exec(target.value)?.[1];
        if (host === undefined || upstreams.has(host.toLowerCase()) || IP_LITERAL.test(host) || HOST_NAME.test(host)) continue;
        // Mounted by a compose service: Docker's DNS answers its services' names, `my_app` included, and the cross rules judge them.
        if (context.containerPath !== undefined && !host.includes('.')) continue;
        // A whole nginx.conf without any upstream to mistype: a single label with `_` is a service name Docker's DNS answers (`react_frontend`).
        if (context.role === 'main' && upstreams.size === 0 && /^[A-Za-z0-9_-]+$/.test(host) && !includesMore(context)) continue;
        report({ messageId: 'invalid', data: { host }, file: context.file.path, range: target.range });
      }
    }
  },
};
