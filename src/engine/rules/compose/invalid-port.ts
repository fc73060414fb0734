import type { ComposeRule } from '../catalogue.ts';

export const invalidPort: ComposeRule = {
  id: 'invalid-port',
  kind: 'compose',
  severity: 'error',
  messages: {
    invalid: 'Port invalide «\u00a0{{value}}\u00a0»\u00a0: écrivez `"HÔTE:CONTENEUR"` (par exemple `"8080:80"`), éventuellement précédé d’une IP (`"127.0.0.1:8080:80"`) et suivi de `/udp`.',
    target: 'Il manque le port du conteneur (`target`, un nombre) dans ce port en syntaxe longue.',
  },
  docs: {
    title: 'Les ports doivent avoir une syntaxe valide',
    what: 'Signale une entrée de `ports` que Compose ne sait pas lire\u00a0: trop de `:`, port non numérique ou supérieur à 65535, protocole inconnu, plages de tailles différentes, `target` absent.',
    why: '`docker compose` refuse le projet au chargement. Sans guillemets, YAML peut aussi lire `22:22` comme un nombre en base 60\u00a0: mettez toujours les ports entre guillemets.',
    howToFix: 'Écrivez `"PORT_HÔTE:PORT_CONTENEUR"` entre guillemets, ou la syntaxe longue avec `target:` et `published:`.',
    chapter: '03-structure-du-fichier',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml':
            'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - "80:80"\n      - "127.0.0.1:8443:443/tcp"\n      - target: 443\n        published: "443"\n',
        },
      },
    ],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - "80:80:80:80"\n      - "http:80"\n' },
        errors: [
          { messageId: 'invalid', line: 5, column: 9 },
          { messageId: 'invalid', line: 6, column: 9 },
        ],
      },
      {
        name: 'syntaxe longue sans target',
        files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - published: 8080\n        protocol: tcp\n' },
        errors: [{ messageId: 'target', line: 5, column: 9 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const issue of context.modelIssues) {
      if (issue.code !== 'invalid-port') continue;
      report({ messageId: issue.key === 'target' ? 'target' : 'invalid', data: { value: issue.value }, file: issue.file, range: issue.range });
    }
  },
};
