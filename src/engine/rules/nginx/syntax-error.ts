import type { NginxRule } from '../catalogue.ts';

/** The reader's errors, said as `nginx -t` says them, at the line it names. */
export const syntaxError: NginxRule = {
  id: 'nginx-syntax-error',
  kind: 'nginx',
  severity: 'error',
  messages: {
    'unexpected-close-brace': 'Accolade « } » inattendue : il manque probablement un « ; » à la fin de la directive précédente, ou cette accolade ferme un bloc qui n’était pas ouvert.',
    'unexpected-eof-expecting-brace': 'Fin de fichier inattendue : un bloc ouvert par « { » n’est jamais fermé ; il manque une accolade « } ».',
    'unexpected-eof-expecting-semicolon': 'Fin de fichier inattendue au milieu d’une directive : il manque un « ; » ou un guillemet fermant.',
    'unexpected-character': 'Caractère « {{character}} » inattendu à cet endroit.',
    'unexpected-after-quote': 'Caractère « {{character}} » inattendu juste après un guillemet fermant : nginx attend une espace, « ; » ou « { ».',
  },
  docs: {
    title: 'Erreur de syntaxe nginx',
    what: 'Le fichier ne suit pas la syntaxe de nginx : un « ; » manque à la fin d’une directive, une accolade n’est pas fermée (ou l’est en trop), ou un guillemet n’est pas refermé.',
    why: 'nginx lit la configuration au démarrage et s’arrête à la première erreur de syntaxe : `nginx -t` échoue et le conteneur ne démarre pas (ou un `nginx -s reload` est refusé).',
    howToFix: 'Terminez chaque directive simple par « ; », fermez chaque bloc « { » par « } », et refermez chaque guillemet. Vérifiez avec `docker compose exec proxy nginx -t`.',
    chapter: '04-client',
  },
  examples: {
    valid: [{ files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    root /usr/share/nginx/html;\n}\n' } }],
    invalid: [
      {
        name: 'point-virgule manquant avant }',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    root /usr/share/nginx/html\n}\n' },
        errors: [{ messageId: 'unexpected-close-brace', line: 4, column: 1 }],
      },
      {
        name: 'bloc non fermé',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location / {\n        root /usr/share/nginx/html;\n}\n' },
        errors: [{ messageId: 'unexpected-eof-expecting-brace', line: 6, column: 1 }],
      },
      {
        name: 'guillemet non refermé',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    return 200 "ok;\n}\n' },
        errors: [{ messageId: 'unexpected-eof-expecting-semicolon', line: 5, column: 1 }],
      },
      {
        name: 'texte collé à un guillemet fermant',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    add_header X-Test "a"b;\n}\n' },
        errors: [{ messageId: 'unexpected-after-quote', line: 3, column: 26 }],
      },
      {
        name: 'point-virgule après une accolade, comme en JavaScript',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location / {\n        root /usr/share/nginx/html;\n    };\n}\n' },
        errors: [{ messageId: 'unexpected-character', line: 5, column: 6 }],
      },
    ],
  },
  check(context, report) {
    for (const error of context.config.errors) {
      const afterQuote = error.code === 'unexpected-character' && error.character !== ';' && error.character !== '{';
      report({
        messageId: afterQuote ? 'unexpected-after-quote' : error.code,
        data: error.character === undefined ? {} : { character: error.character },
        file: context.file.path,
        range: error.range,
      });
    }
  },
};
