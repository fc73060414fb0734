import type { ComposeRule } from '../catalogue.ts';

export const envFileSyntax: ComposeRule = {
  id: 'env-file-syntax',
  kind: 'compose',
  severity: 'error',
  messages: {
    syntax: 'Ligne illisible dans `.env`\u00a0: écrivez `NOM=valeur`, sans espace dans le nom (les commentaires commencent par `#`).',
    unclosed: 'Guillemet non fermé dans `.env`\u00a0: la valeur continue jusqu’à la fin du fichier.',
    required: 'La variable `{{name}}` utilisée dans `.env` est obligatoire mais n’a pas de valeur.',
    invalid: 'Expression de variable invalide dans `.env`\u00a0: écrivez `${NOM}` ou `${NOM:-défaut}`.',
  },
  docs: {
    title: 'Le fichier `.env` doit être lisible',
    what: 'Signale une ligne du fichier `.env` que Compose ne sait pas lire\u00a0: pas de `=`, espace dans le nom, guillemet non fermé, variable obligatoire manquante.',
    why: '`docker compose` lit `.env` avant tout le reste pour remplacer les `${VARIABLE}` du fichier compose\u00a0; une seule ligne illisible et aucune commande ne fonctionne («\u00a0failed to read .env\u00a0»).',
    howToFix: 'Une variable par ligne, `NOM=valeur` sans espace autour du `=` ni dans le nom\u00a0; entourez de guillemets une valeur qui contient des espaces ou un `#`.',
    chapter: '10-commandes',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n',
          '.env': '# Ne pas versionner ce fichier\nPOSTGRES_PASSWORD="mot de passe # avec dièse"\nexport TZ=Europe/Paris\n',
        },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n',
          '.env': 'POSTGRES_USER=app\nPOSTGRES PASSWORD=secret\n',
        },
        errors: [{ messageId: 'syntax', line: 2, column: 1, file: '.env' }],
      },
      {
        name: 'guillemet non fermé',
        files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n', '.env': 'POSTGRES_PASSWORD="secret\nTZ=UTC\n' },
        errors: [{ messageId: 'unclosed', line: 1, column: 19, file: '.env' }],
      },
      {
        name: 'variable obligatoire sans valeur',
        files: {
          'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n',
          '.env': 'POSTGRES_USER=app\nDATABASE_URL=postgres://${POSTGRES_USER}@db/${POSTGRES_DB:?définissez POSTGRES_DB}\n',
        },
        errors: [{ messageId: 'required', line: 2, column: 45, file: '.env' }],
      },
      {
        name: 'accolade non fermée',
        files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n', '.env': 'POSTGRES_USER=app\nPGDATA=${PGDATA:-/var/lib/postgresql/data\n' },
        errors: [{ messageId: 'invalid', line: 2, column: 8, file: '.env' }],
      },
    ],
  },
  check(context, report) {
    for (const { file: env, parsed } of context.envFiles) {
      for (const issue of parsed.issues) {
        const quote = env.text[issue.start];
        const messageId = quote === '"' || quote === "'" ? 'unclosed' : 'syntax';
        report({ messageId, file: env.path, range: context.rangeOf(env.path, issue.start, issue.end) });
      }
      for (const issue of parsed.interpolationIssues) {
        if (issue.kind === 'too-deep' || issue.kind === 'too-large') continue;
        report({ messageId: issue.kind === 'required' ? 'required' : 'invalid', data: { name: issue.name }, file: env.path, range: context.rangeOf(env.path, issue.start, issue.end) });
      }
    }
  },
};
