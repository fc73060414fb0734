import type { NginxRule } from '../catalogue.ts';
import { MAX_NGINX_DEPTH } from '../../limits.ts';

/** The reader's errors, said as `nginx -t` says them, at the line it names. */
export const syntaxError: NginxRule = {
  id: 'nginx-syntax-error',
  kind: 'nginx',
  severity: 'error',
  messages: {
    'unexpected-close-brace': 'Accolade «\u00a0}\u00a0» inattendue\u00a0: il manque probablement un «\u00a0;\u00a0» à la fin de la directive précédente, ou cette accolade ferme un bloc qui n’était pas ouvert.',
    'unexpected-eof-expecting-brace': 'Fin de fichier inattendue\u00a0: un bloc ouvert par «\u00a0{\u00a0» n’est jamais fermé\u00a0; il manque une accolade «\u00a0}\u00a0».',
    'unexpected-eof-expecting-semicolon': 'Fin de fichier inattendue au milieu d’une directive\u00a0: il manque un «\u00a0;\u00a0» ou un guillemet fermant.',
    'unexpected-character': 'Caractère «\u00a0{{character}}\u00a0» inattendu à cet endroit.',
    'too-deep': 'Blocs imbriqués trop profondément (plus de {{max}} niveaux) : l’atelier ne lit pas ce bloc ni ceux qu’il contient. Aucune configuration réelle n’en a besoin.',
    'unexpected-after-quote': 'Caractère «\u00a0{{character}}\u00a0» inattendu juste après un guillemet fermant\u00a0: nginx attend une espace, «\u00a0;\u00a0» ou «\u00a0{\u00a0».',
  },
  docs: {
    title: 'Erreur de syntaxe nginx',
    what: 'Le fichier ne suit pas la syntaxe de nginx\u00a0: un «\u00a0;\u00a0» manque à la fin d’une directive, une accolade n’est pas fermée (ou l’est en trop), ou un guillemet n’est pas refermé.',
    why: 'nginx lit la configuration au démarrage et s’arrête à la première erreur de syntaxe\u00a0: `nginx -t` échoue et le conteneur ne démarre pas (ou un `nginx -s reload` est refusé).',
    howToFix: 'Terminez chaque directive simple par «\u00a0;\u00a0», fermez chaque bloc «\u00a0{\u00a0» par «\u00a0}\u00a0», et refermez chaque guillemet. Vérifiez avec `docker compose exec proxy nginx -t`.',
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
      {
        name: 'blocs imbriqués au-delà de la limite',
        files: { 'nginx/conf.d/default.conf': `server {\n${'location / {\n'.repeat(MAX_NGINX_DEPTH)}root /srv;\n${'}\n'.repeat(MAX_NGINX_DEPTH)}}\n` },
        errors: [{ messageId: 'too-deep', line: MAX_NGINX_DEPTH + 1, column: 12 }],
      },
    ],
  },
  check(context, report) {
    for (const error of context.config.errors) {
      const afterQuote = error.code === 'unexpected-character' && error.character !== ';' && error.character !== '{';
      report({
        messageId: afterQuote ? 'unexpected-after-quote' : error.code,
        data: error.code === 'too-deep' ? { max: MAX_NGINX_DEPTH } : error.character === undefined ? {} : { character: error.character },
        file: context.file.path,
        range: error.range,
      });
    }
    // Errors past those the reader kept are still counted, so the summary gives their true number.
    const last = context.config.errors[context.config.errors.length - 1];
    if (last) for (let i = 0; i < context.config.moreErrors; i++) report({ messageId: last.code, file: context.file.path, range: last.range });
  },
};
