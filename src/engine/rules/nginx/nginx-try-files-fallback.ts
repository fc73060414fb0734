import type { NginxRule } from '../catalogue.ts';

/**
 * The last argument of `try_files` is not a file but where to go when none
 * exists: a URI, a named location or `=code`. `index.html` without its slash
 * is a relative URI nginx cannot redirect to, the classic broken SPA fallback.
 */
export const tryFilesFallback: NginxRule = {
  id: 'nginx-try-files-fallback',
  kind: 'nginx',
  severity: 'warning',
  messages: {
    relative: 'Le dernier argument de «\u00a0try_files\u00a0» («\u00a0{{value}}\u00a0») est la redirection de secours\u00a0: il doit commencer par «\u00a0/\u00a0» («\u00a0/{{value}}\u00a0»), «\u00a0@\u00a0» ou «\u00a0=\u00a0».',
  },
  docs: {
    title: 'Secours de `try_files` mal écrit',
    what: 'Le dernier argument de `try_files` n’est ni une URI commençant par `/`, ni une location nommée (`@…`), ni un code (`=404`).',
    why: 'nginx essaie chaque argument comme fichier, sauf le dernier, qui est une redirection interne. `try_files $uri $uri/ index.html;` (sans `/`) ne renvoie donc pas la page de l’application monopage\u00a0: les routes du client (`/profil`, `/commandes/42`) aboutissent à une erreur au lieu d’afficher l’application.',
    howToFix: 'Pour une application monopage\u00a0: `try_files $uri $uri/ /index.html;`. Pour un site statique\u00a0: `try_files $uri $uri/ =404;`.',
    chapter: '04-client',
  },
  examples: {
    valid: [{ files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    root /usr/share/nginx/html;\n    location / {\n        try_files $uri $uri/ /index.html;\n    }\n}\n' } }],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    root /usr/share/nginx/html;\n    location / {\n        try_files $uri $uri/ index.html;\n    }\n}\n' },
        errors: [{ messageId: 'relative', line: 5, column: 30 }],
        output: 'server {\n    listen 80;\n    root /usr/share/nginx/html;\n    location / {\n        try_files $uri $uri/ /index.html;\n    }\n}\n',
      },
    ],
  },
  check(context, report) {
    for (const info of context.named('try_files')) {
      if (info.inGeneric || info.node.args.length < 2) continue;
      const last = info.node.args[info.node.args.length - 1]!;
      if (/^[/@=$]/.test(last.value)) continue;
      report({
        messageId: 'relative',
        data: { value: last.value },
        file: context.file.path,
        range: last.range,
        fix: { title: `Écrire « /${last.value} »`, edits: [{ file: context.file.path, range: last.range, text: last.quote ? `${last.quote}/${last.raw.slice(1)}` : `/${last.raw}` }] },
      });
    }
  },
};
