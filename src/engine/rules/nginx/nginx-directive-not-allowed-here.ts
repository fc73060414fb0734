import { directiveVerdicts } from '../../nginx/directive-check.ts';
import { CONTEXT_LABELS } from '../../nginx/nginx-contexts.ts';
import type { NginxRule } from '../catalogue.ts';

/** `"x" directive is not allowed here`. */
export const directiveContext: NginxRule = {
  id: 'nginx-directive-not-allowed-here',
  kind: 'nginx',
  severity: 'error',
  messages: {
    'not-allowed': 'La directive «\u00a0{{name}}\u00a0» n’est pas autorisée {{where}}.',
  },
  docs: {
    title: 'Directive nginx placée au mauvais endroit',
    what: 'Chaque directive nginx n’est permise que dans certains blocs (ses «\u00a0contextes\u00a0»)\u00a0: `proxy_pass` dans une `location`, `server` dans `http`, `worker_connections` dans `events`… Cette règle signale une directive placée ailleurs.',
    why: 'nginx refuse la configuration («\u00a0directive is not allowed here\u00a0») et ne démarre pas. Dans l’image officielle, les fichiers de `conf.d/` sont inclus à l’intérieur du bloc `http`\u00a0: on y écrit des blocs `server`, jamais un bloc `http` ou `events`.',
    howToFix: 'Déplacez la directive dans un bloc où la documentation de nginx l’autorise (rubrique «\u00a0Context\u00a0» de chaque directive), par exemple `proxy_pass` dans un bloc `location`.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [{ files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api:3000;\n    }\n}\n' } }],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    proxy_pass http://api:3000;\n}\n' },
        errors: [{ messageId: 'not-allowed', line: 3, column: 5 }],
      },
      {
        name: 'bloc http dans un fichier de conf.d',
        files: { 'nginx/conf.d/default.conf': 'http {\n    server {\n        listen 80;\n    }\n}\n' },
        errors: [{ messageId: 'not-allowed', line: 1, column: 1 }],
      },
    ],
  },
  check(context, report) {
    for (const verdict of directiveVerdicts(context)) {
      if (verdict.kind !== 'not-allowed' || verdict.info.context === undefined) continue;
      report({
        messageId: 'not-allowed',
        data: { name: verdict.info.node.name, where: CONTEXT_LABELS[verdict.info.context] },
        file: context.file.path,
        range: verdict.info.node.nameRange,
      });
    }
  },
};
