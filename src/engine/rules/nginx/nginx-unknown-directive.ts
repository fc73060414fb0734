import { directiveVerdicts } from '../../nginx/directive-check.ts';
import type { NginxRule } from '../catalogue.ts';

/** `unknown directive "x"`: nginx stops there, whatever the context. */
export const unknownDirective: NginxRule = {
  id: 'nginx-unknown-directive',
  kind: 'nginx',
  severity: 'error',
  messages: {
    unknown: 'Directive «\u00a0{{name}}\u00a0» inconnue de nginx\u00a0: vérifiez l’orthographe (nginx refuse de démarrer).',
    'not-built': 'La directive «\u00a0{{name}}\u00a0» (module {{module}}) n’existe pas dans l’image officielle nginx\u00a0: elle appartient à NGINX Plus ou à un module qu’il faut charger avec «\u00a0load_module\u00a0».',
  },
  docs: {
    title: 'Directive nginx inconnue',
    what: 'Une directive dont nginx ne connaît pas le nom\u00a0: faute de frappe (`proxy_pas`, `server_names`), directive d’un autre logiciel, ou directive d’un module absent de l’image officielle (NGINX Plus, module dynamique non chargé).',
    why: 'nginx refuse toute la configuration dès qu’il rencontre un nom qu’il ne connaît pas\u00a0: `nginx -t` échoue avec «\u00a0unknown directive\u00a0» et le conteneur redémarre en boucle.',
    howToFix: 'Corrigez le nom d’après la documentation de nginx (https://nginx.org/en/docs/dirindex.html). Pour une directive d’un module dynamique, chargez le module avec `load_module` en tête de nginx.conf\u00a0; une directive de NGINX Plus n’a pas d’équivalent direct.',
    chapter: '04-client',
  },
  examples: {
    valid: [{ files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    server_name localhost;\n    root /usr/share/nginx/html;\n}\n' } }],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    server_names localhost;\n}\n' },
        errors: [{ messageId: 'unknown', line: 3, column: 5 }],
      },
      {
        name: 'directive réservée à NGINX Plus',
        files: { 'nginx/conf.d/default.conf': 'upstream api {\n    zone api 64k;\n    server api:3000;\n    ntlm;\n}\n' },
        errors: [{ messageId: 'not-built', line: 4, column: 5 }],
      },
    ],
  },
  check(context, report) {
    for (const verdict of directiveVerdicts(context)) {
      if (verdict.kind !== 'unknown') continue;
      report({
        messageId: verdict.module === undefined ? 'unknown' : 'not-built',
        data: { name: verdict.info.node.name, module: verdict.module ?? '' },
        file: context.file.path,
        // nginx names the line where the directive ends (its `;` or `{`): a multi-line directive spans them.
        range: { start: verdict.info.node.nameRange.start, end: verdict.info.node.kind === 'block' ? verdict.info.node.openRange.end : verdict.info.node.range.end },
      });
    }
  },
};
