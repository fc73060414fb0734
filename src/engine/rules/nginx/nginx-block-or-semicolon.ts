import { directiveVerdicts } from '../../nginx/directive-check.ts';
import type { NginxRule } from '../catalogue.ts';

/** `directive "x" is not terminated by ";"` and `directive "x" has no opening "{"`. */
export const directiveTerminator: NginxRule = {
  id: 'nginx-block-or-semicolon',
  kind: 'nginx',
  severity: 'error',
  messages: {
    'not-terminated': 'La directive «\u00a0{{name}}\u00a0» n’ouvre pas de bloc\u00a0: elle se termine par «\u00a0;\u00a0», pas par «\u00a0{\u00a0». Un «\u00a0;\u00a0» manque-t-il avant\u00a0?',
    'no-opening-brace': 'La directive «\u00a0{{name}}\u00a0» ouvre un bloc\u00a0: elle attend «\u00a0{ … }\u00a0» et non «\u00a0;\u00a0».',
  },
  docs: {
    title: 'Bloc ou point-virgule au mauvais endroit',
    what: 'Une directive simple suivie d’une accolade ouvrante (`root /srv {`), ou une directive de bloc (`server`, `location`, `upstream`…) terminée par «\u00a0;\u00a0» au lieu d’un bloc.',
    why: 'nginx refuse la configuration\u00a0: `is not terminated by ";"` ou `has no opening "{"`. Le cas le plus fréquent est un «\u00a0;\u00a0» oublié à la fin de la ligne qui précède une `location`.',
    howToFix: 'Terminez les directives simples par «\u00a0;\u00a0» et donnez un bloc `{ … }` aux directives de bloc.',
    chapter: '04-client',
  },
  examples: {
    valid: [{ files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location / {\n        root /usr/share/nginx/html;\n    }\n}\n' } }],
    invalid: [
      {
        name: 'une directive simple suivie d’un bloc',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    root /usr/share/nginx/html {\n    }\n}\n' },
        errors: [{ messageId: 'not-terminated', line: 3, column: 5 }],
      },
      {
        files: { 'nginx/conf.d/default.conf': 'upstream api;\n' },
        errors: [{ messageId: 'no-opening-brace', line: 1, column: 1 }],
      },
    ],
  },
  check(context, report) {
    for (const verdict of directiveVerdicts(context)) {
      if (verdict.kind !== 'block-mismatch') continue;
      const { node } = verdict.info;
      // nginx names the line of the `{` or `;`: the range runs from the name to it.
      const end = node.kind === 'block' ? node.openRange.end : node.range.end;
      report({
        messageId: node.kind === 'block' ? 'not-terminated' : 'no-opening-brace',
        data: { name: node.name },
        file: context.file.path,
        range: { start: node.nameRange.start, end },
      });
    }
  },
};
