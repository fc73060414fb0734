import { directiveVerdicts } from '../../nginx/directive-check.ts';
import type { NginxRule } from '../catalogue.ts';

export const invalidValue: NginxRule = {
  id: 'nginx-invalid-value',
  kind: 'nginx',
  severity: 'error',
  messages: {
    parameter: 'Paramètre «\u00a0{{value}}\u00a0» inconnu pour «\u00a0{{name}}\u00a0».',
    keyword: 'Valeur «\u00a0{{value}}\u00a0» invalide pour «\u00a0{{name}}\u00a0»\u00a0; valeurs possibles\u00a0: {{expected}}.',
  },
  docs: {
    title: 'Valeur invalide pour une directive nginx',
    what: 'Un paramètre que nginx ne connaît pas pour `listen` (`listen 80 sll;`), un troisième argument de `add_header` autre que `always`, ou une valeur hors liste pour une directive à mots-clés (`gzip yes;` au lieu de `gzip on;`).',
    why: 'nginx vérifie ces valeurs au chargement et refuse toute la configuration («\u00a0invalid parameter\u00a0», «\u00a0invalid value\u00a0»).',
    howToFix: 'Corrigez la valeur d’après la syntaxe de la directive\u00a0: `on`/`off` pour les interrupteurs, `always` comme seul troisième argument de `add_header`, et les paramètres documentés de `listen` (`ssl`, `default_server`, `reuseport`…).',
    chapter: '04-client',
  },
  examples: {
    valid: [
      { files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80 default_server;\n    gzip on;\n    add_header X-Content-Type-Options "nosniff" always;\n}\n' } },
      { name: 'la méthode d’événements de Linux', files: { 'nginx/nginx.conf': 'events {\n    use epoll;\n}\n' } },
    ],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80 default;\n    listen 443 sll;\n}\n' },
        errors: [{ messageId: 'parameter', line: 3, column: 16 }],
      },
      {
        name: 'niveau de journal inconnu',
        files: { 'nginx/nginx.conf': 'error_log /var/log/nginx/error.log warning;\nevents {}\n' },
        errors: [{ messageId: 'parameter', line: 1, column: 36 }],
      },
      {
        name: 'drapeau de rewrite mal écrit',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    rewrite ^/ancien/(.*)$ /nouveau/$1 permanant;\n}\n' },
        errors: [{ messageId: 'parameter', line: 3, column: 40 }],
      },
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    gzip yes;\n}\n' },
        errors: [{ messageId: 'keyword', line: 3, column: 10 }],
      },
      {
        name: 'méthode d’événements absente de Linux',
        files: { 'nginx/nginx.conf': 'events {\n    worker_connections 1024;\n    use poll;\n}\n' },
        errors: [{ messageId: 'keyword', line: 3, column: 9, data: { value: 'poll', expected: '« epoll »' } }],
      },
    ],
  },
  check(context, report) {
    for (const verdict of directiveVerdicts(context)) {
      if (verdict.kind !== 'invalid-value') continue;
      const { invalid, info } = verdict;
      report({
        messageId: invalid.kind,
        data: { name: info.node.name, value: invalid.word.value, expected: invalid.expected ?? '' },
        file: context.file.path,
        range: invalid.word.range,
      });
    }
  },
};
