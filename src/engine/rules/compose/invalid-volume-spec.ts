import type { ComposeRule } from '../catalogue.ts';

export const invalidVolumeSpec: ComposeRule = {
  id: 'invalid-volume-spec',
  kind: 'compose',
  severity: 'error',
  messages: {
    'missing-source': 'Un montage `type: bind` a besoin de `source:` (le chemin sur l’hôte, par exemple `./site`).',
    invalid: 'Volume invalide «\u00a0{{value}}\u00a0»\u00a0: écrivez `SOURCE:CIBLE` ou `SOURCE:CIBLE:ro` (par exemple `db-data:/var/lib/postgresql/data` ou `./nginx.conf:/etc/nginx/nginx.conf:ro`).',
  },
  docs: {
    title: 'Les volumes doivent avoir une syntaxe valide',
    what: 'Signale une entrée de `volumes` d’un service avec une partie vide (`:/data`, `db::/data`) ou trop de `:`.',
    why: '`docker compose` refuse le projet au chargement («\u00a0invalid spec\u00a0»).',
    howToFix: 'Écrivez `SOURCE:CIBLE[:ro]`\u00a0: la source est un volume nommé ou un chemin commençant par `./`, la cible un chemin absolu dans le conteneur.',
    chapter: '03-structure-du-fichier',
  },
  examples: {
    valid: [
      { files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n' } },
      {
        name: '`$PWD`, que Compose définit toujours (le dossier où il tourne)',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    volumes:\n      - $PWD:/usr/share/nginx/html:ro\n      - ${PWD}/nginx.conf:/etc/nginx/nginx.conf:ro\n' } },
    ],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    volumes:\n      - ./site:/usr/share/nginx/html:ro:z\n      - :/data\n' },
        errors: [
          { messageId: 'invalid', line: 5, column: 9 },
          { messageId: 'invalid', line: 6, column: 9 },
        ],
      },
      {
        name: 'une variable non définie laisse la source vide',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    volumes:\n      - ${SITE}:/usr/share/nginx/html\n' },
        errors: [{ messageId: 'invalid', line: 5, column: 9 }],
      },
      {
        name: 'bind sans source',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    volumes:\n      - type: bind\n        target: /usr/share/nginx/html\n' },
        errors: [{ messageId: 'missing-source', line: 5, column: 9 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const issue of context.modelIssues) {
      if (issue.code !== 'invalid-volume') continue;
      report({ messageId: issue.key === 'source' ? 'missing-source' : 'invalid', data: { value: issue.value }, file: issue.file, range: issue.range });
    }
  },
};
