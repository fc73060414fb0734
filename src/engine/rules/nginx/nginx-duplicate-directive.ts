import type { NginxBlock, NginxNode } from '../../nginx/ast.ts';
import { applicableSpecs, isCheckedNode, isUnterminated, missingSemicolonAt } from '../../nginx/directive-lookup.ts';
import type { NginxRule } from '../catalogue.ts';

/**
 * `"root" directive is duplicate`: nginx rejects a second occurrence of a
 * single-valued directive in one block. Which directives are single-valued
 * comes from the table, probed against nginx 1.30 (directive-corrections.json).
 */
/** `80`, `*:80` and `0.0.0.0:80` are one socket for nginx; names and variables are left alone. */
function listenAddress(value: string): string | undefined {
  if (/^\d+$/.test(value)) return `0.0.0.0:${value}`;
  const match = /^(\*|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\]):(\d+)$/.exec(value);
  if (!match) return undefined;
  return `${match[1] === '*' ? '0.0.0.0' : match[1]}:${match[2]}`;
}

export const duplicateDirective: NginxRule = {
  id: 'nginx-duplicate-directive',
  kind: 'nginx',
  severity: 'error',
  messages: {
    duplicate: 'La directive «\u00a0{{name}}\u00a0» apparaît deux fois dans ce bloc (déjà ligne {{line}})\u00a0: nginx n’en accepte qu’une.',
    'duplicate-listen': 'Ce serveur écoute déjà sur {{address}} (ligne {{line}})\u00a0: nginx refuse un «\u00a0listen\u00a0» en double.',
  },
  docs: {
    title: 'Directive en double dans un bloc',
    what: 'Une directive qui ne prend qu’une valeur (`root`, `proxy_pass`, `try_files`, `gzip`, `client_max_body_size`…) est écrite deux fois dans le même bloc.',
    why: 'nginx ne choisit pas entre les deux\u00a0: il refuse la configuration («\u00a0directive is duplicate\u00a0»). Les directives qui se cumulent (`add_header`, `proxy_set_header`, `listen`, `location`…) ne sont pas concernées.',
    howToFix: 'Gardez une seule occurrence, avec la bonne valeur. Pour une valeur différente selon le chemin, placez la seconde dans un bloc `location`.',
    chapter: '04-client',
  },
  examples: {
    valid: [
      { files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    root /usr/share/nginx/html;\n    location /docs/ {\n        root /srv;\n    }\n}\n' } },
      { name: 'des directives répétables, des adresses distinctes, deux serveurs sur un port', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    listen 127.0.0.1:8080;\n    listen 8080;\n    add_header X-Frame-Options DENY;\n    add_header X-Content-Type-Options nosniff;\n    proxy_set_header Host $host;\n    proxy_set_header X-Real-IP $remote_addr;\n}\nserver {\n    listen 80;\n    server_name autre.localhost;\n}\n' } },
      { name: 'une directive inconnue, signalée par une autre règle', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    expire 1d;\n    expire 2d;\n}\n' } },
    ],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    root /usr/share/nginx/html;\n    root /srv/www;\n}\n' },
        errors: [{ messageId: 'duplicate', line: 4, column: 5, data: { name: 'root', line: 3 } }],
      },
      {
        name: 'le même listen deux fois dans un server',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    listen 0.0.0.0:80;\n}\n' },
        errors: [{ messageId: 'duplicate-listen', line: 3, column: 5, data: { address: '0.0.0.0:80', line: 2 } }],
      },
      {
        name: 'toutes les adresses, écrites de deux façons',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen *:8080;\n    listen 8080;\n}\n' },
        errors: [{ messageId: 'duplicate-listen', line: 3, column: 5, data: { address: '0.0.0.0:8080', line: 2 } }],
      },
      {
        name: 'la même adresse IPv6 deux fois',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen [::]:80;\n    listen [::]:80;\n}\n' },
        errors: [{ messageId: 'duplicate-listen', line: 3, column: 5, data: { address: '[::]:80' } }],
      },
    ],
  },
  check(context, report) {
    const listens = new Map<string, NginxNode>();
    for (const info of context.named('listen')) {
      if (info.context !== 'http-server' || info.node.kind !== 'directive') continue;
      const address = listenAddress(info.node.args[0]?.value ?? '');
      if (address === undefined) continue;
      // A server snippet's own top level stands for the `server` it is included in.
      const server = info.parent;
      const key = `${server ? `${server.nameRange.start.line}.${server.nameRange.start.column}` : 'top'} ${address}`;
      const first = listens.get(key);
      if (!first) listens.set(key, info.node);
      else report({ messageId: 'duplicate-listen', data: { address, line: first.nameRange.start.line }, file: context.file.path, range: info.node.nameRange });
    }

    const seen = new Map<NginxBlock | undefined, Map<string, NginxNode>>();
    for (const info of context.nodes) {
      const { node } = info;
      if (node.kind !== 'directive' || !isCheckedNode(info) || isUnterminated(node) || missingSemicolonAt(node) !== undefined) continue;
      const specs = applicableSpecs(info);
      if (specs.length === 0 || !specs.every((spec) => spec.unique)) continue;
      const parent = info.parent;
      const level = seen.get(parent) ?? new Map<string, NginxNode>();
      seen.set(parent, level);
      const first = level.get(node.name);
      if (!first) {
        level.set(node.name, node);
        continue;
      }
      report({ messageId: 'duplicate', data: { name: node.name, line: first.nameRange.start.line }, file: context.file.path, range: node.nameRange });
    }
  },
};
