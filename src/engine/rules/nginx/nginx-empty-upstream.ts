import type { NginxRule } from '../catalogue.ts';

// ngx_http_upstream / ngx_stream_upstream: once the block is read, an
// upstream without any `server` fails (« no servers are inside upstream »),
// named at the block's `}`. A `zone`, `keepalive` or load-balancing method
// alone is not enough. An `include` may bring the servers (a file written at
// start by the image's entrypoint): left alone.
export const emptyUpstream: NginxRule = {
  id: 'nginx-empty-upstream',
  kind: 'nginx',
  severity: 'error',
  messages: {
    empty: 'Le groupe upstream «\u00a0{{name}}\u00a0» n’a aucune directive `server`\u00a0: nginx refuse la configuration («\u00a0no servers are inside upstream\u00a0»).',
  },
  docs: {
    title: 'Un upstream sans serveur',
    what: 'Signale un bloc `upstream` (dans `http` ou `stream`) qui ne contient aucune directive `server`, par exemple seulement une `zone` ou un `keepalive`.',
    why: 'Un `upstream` est la liste des serveurs vers lesquels nginx répartit les requêtes\u00a0: vide, il ne mène nulle part et `nginx -t` échoue à la fin du bloc. Les serveurs ajoutés à chaud par l’API de NGINX Plus n’existent pas dans l’image open source.',
    howToFix: 'Ajoutez au moins un `server` (le nom du service Compose et son port, `server api:3000;`), ou retirez le bloc et écrivez l’adresse directement dans `proxy_pass`.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { name: 'une zone et un serveur', files: { 'nginx/conf.d/default.conf': 'upstream api {\n    zone api 64k;\n    server api:3000;\n}\n' } },
      { name: 'des serveurs qu’un include apporte', files: { 'nginx/conf.d/default.conf': 'upstream api {\n    include /run/app/upstream-servers;\n}\n' } },
    ],
    invalid: [
      {
        name: 'seulement une zone',
        files: { 'nginx/conf.d/default.conf': 'upstream api {\n    zone api 64k;\n    keepalive 16;\n}\n' },
        errors: [{ messageId: 'empty', line: 4, column: 1, data: { name: 'api' } }],
      },
      {
        name: 'dans stream',
        files: { 'nginx/nginx.conf': 'events {}\nstream {\n    upstream db {\n    }\n}\n' },
        errors: [{ messageId: 'empty', line: 4, column: 5, data: { name: 'db' } }],
      },
    ],
  },
  check(context, report) {
    for (const info of context.named('upstream')) {
      const { node } = info;
      if (node.kind !== 'block' || !node.closeRange) continue;
      if (info.context !== 'http' && info.context !== 'stream') continue;
      if (node.children.some((child) => child.name === 'server' || child.name === 'include')) continue;
      report({ messageId: 'empty', data: { name: node.args[0]?.value ?? '' }, file: context.file.path, range: node.closeRange });
    }
  },
};
