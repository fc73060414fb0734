import type { NginxNode } from '../../nginx/ast.ts';
import type { NginxRule } from '../catalogue.ts';

export const duplicateUpstream: NginxRule = {
  id: 'nginx-duplicate-upstream',
  kind: 'nginx',
  severity: 'error',
  messages: {
    duplicate: 'Le groupe upstream «\u00a0{{name}}\u00a0» est déjà défini ligne {{line}}.',
  },
  docs: {
    title: 'Upstream en double',
    what: 'Deux blocs `upstream` portent le même nom dans le même bloc `http` (ou `stream`).',
    why: 'nginx refuse la configuration («\u00a0duplicate upstream\u00a0»). Avec plusieurs fichiers dans `conf.d/`, tous inclus dans le même `http`, un même nom défini dans deux fichiers provoque aussi l’erreur.',
    howToFix: 'Gardez un seul bloc `upstream` par nom (dans un fichier dédié, par exemple `conf.d/upstreams.conf`) et référencez-le depuis les `proxy_pass`.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [{ files: { 'nginx/conf.d/default.conf': 'upstream api {\n    server api:3000;\n}\nupstream client {\n    server client:80;\n}\n' } }],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'upstream api {\n    server api:3000;\n}\nupstream api {\n    server api:3001;\n}\n' },
        errors: [{ messageId: 'duplicate', line: 4, column: 1 }],
      },
    ],
  },
  check(context, report) {
    const seen = new Map<string, NginxNode>();
    for (const info of context.nodes) {
      const { node } = info;
      if (node.kind !== 'block' || node.name !== 'upstream') continue;
      if (info.context !== 'http' && info.context !== 'stream') continue;
      const name = node.args[0]?.value;
      if (name === undefined) continue;
      const key = `${info.context} ${name.toLowerCase()}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, node);
        continue;
      }
      report({ messageId: 'duplicate', data: { name, line: first.nameRange.start.line }, file: context.file.path, range: node.nameRange });
    }
  },
};
