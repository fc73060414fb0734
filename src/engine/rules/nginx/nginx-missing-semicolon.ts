import { directiveVerdicts } from '../../nginx/directive-check.ts';
import type { NginxRule } from '../catalogue.ts';

/**
 * nginx reads words until a `;`, so a forgotten `;` glues the next line's
 * directive onto this one and `nginx -t` then complains about that one
 * ("invalid number of arguments", "invalid parameter", "is not terminated").
 * We name the real cause, with a quick fix. When nginx would still accept
 * the glued line (`server_name a` + `root /srv;` is a valid server_name),
 * the report is a warning: the file loads, but not as the learner meant.
 */
export const missingSemicolon: NginxRule = {
  id: 'nginx-missing-semicolon',
  kind: 'nginx',
  severity: 'error',
  messages: {
    missing: 'Il manque un «\u00a0;\u00a0» à la fin de la directive «\u00a0{{name}}\u00a0»\u00a0: nginx lit «\u00a0{{next}}\u00a0» (ligne suivante) comme un de ses arguments.',
    'missing-accepted': 'Il manque probablement un «\u00a0;\u00a0» à la fin de la directive «\u00a0{{name}}\u00a0»\u00a0: nginx accepte la ligne, mais lit «\u00a0{{next}}\u00a0» (ligne suivante) comme un de ses arguments.',
  },
  docs: {
    title: 'Point-virgule oublié',
    what: 'Une directive n’est pas terminée par «\u00a0;\u00a0» et la ligne suivante commence par une autre directive.',
    why: 'Pour nginx, une directive continue jusqu’au prochain «\u00a0;\u00a0»\u00a0: les deux lignes n’en font qu’une, et `nginx -t` échoue avec un message qui désigne la ligne suivante («\u00a0invalid number of arguments\u00a0», «\u00a0invalid parameter\u00a0», `is not terminated by ";"`), ce qui égare souvent.',
    howToFix: 'Ajoutez «\u00a0;\u00a0» à la fin de la ligne signalée.',
    chapter: '04-client',
  },
  examples: {
    valid: [{ files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    server_name example.com\n                www.example.com;\n}\n' } }],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80\n    server_name localhost;\n}\n' },
        errors: [{ messageId: 'missing', line: 2, column: 14 }],
        output: 'server {\n    listen 80;\n    server_name localhost;\n}\n',
      },
      {
        name: 'accepté par nginx, mais pas ce qui était voulu',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    server_name localhost\n    root /usr/share/nginx/html;\n}\n' },
        errors: [{ messageId: 'missing-accepted', line: 3, column: 26 }],
        output: 'server {\n    listen 80;\n    server_name localhost;\n    root /usr/share/nginx/html;\n}\n',
      },
      {
        name: 'avant un bloc location',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    root /usr/share/nginx/html\n    location / {\n    }\n}\n' },
        errors: [{ messageId: 'missing', line: 3, column: 31 }],
        output: 'server {\n    listen 80;\n    root /usr/share/nginx/html;\n    location / {\n    }\n}\n',
      },
    ],
  },
  check(context, report) {
    for (const verdict of directiveVerdicts(context)) {
      if (verdict.kind !== 'missing-semicolon') continue;
      const { node } = verdict.info;
      const before = verdict.at === 0 ? node.nameRange.end : node.args[verdict.at - 1]!.range.end;
      // The range reaches the line nginx names (where it finally meets `;` or `{`).
      const end = node.kind === 'block' ? node.openRange.end : node.range.end;
      report({
        messageId: verdict.rejected ? 'missing' : 'missing-accepted',
        ...(verdict.rejected ? {} : { severity: 'warning' as const }),
        data: { name: node.name, next: node.args[verdict.at]!.value },
        file: context.file.path,
        range: { start: before, end },
        fix: { title: 'Ajouter « ; »', edits: [{ file: context.file.path, range: { start: before, end: before }, text: ';' }] },
      });
    }
  },
};
