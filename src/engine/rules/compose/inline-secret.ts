import type { ComposeRule } from '../catalogue.ts';

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|_KEY$|^KEY$|APIKEY|PRIVATE)/i;

export const inlineSecret: ComposeRule = {
  id: 'inline-secret',
  kind: 'compose',
  severity: 'warning',
  messages: {
    inline:
      'La variable `{{name}}` contient un secret écrit en clair dans le fichier compose, qui finira dans Git. Utilisez `${{{name}}}` avec un fichier `.env` non versionné, ou un `secret` Compose lu par l’application (les images officielles postgres et mysql acceptent `{{name}}_FILE`).',
  },
  docs: {
    title: 'N’écrivez pas de secret en clair',
    what: 'Signale une variable d’environnement dont le nom évoque un secret (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*_KEY`) et dont la valeur est écrite littéralement dans le fichier compose.',
    why: 'Le fichier compose est versionné et partagé : un mot de passe qui y est écrit est lisible par toute personne qui a accès au dépôt, pour toujours (l’historique Git le garde).',
    howToFix: 'Écrivez `POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?…}` et mettez la valeur dans `.env` (ajouté à `.gitignore`), ou mieux, utilisez `secrets:` et la variable `POSTGRES_PASSWORD_FILE: /run/secrets/db_password`.',
    chapter: '08-production',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml':
            'services:\n  db:\n    image: postgres:17-alpine\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?à définir dans .env}\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n',
        },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml':
            'services:\n  db:\n    image: postgres:17-alpine\n    environment:\n      POSTGRES_PASSWORD: motdepasse123\n  api:\n    image: node:22-alpine\n    environment:\n      - JWT_SECRET=change-me\n',
        },
        errors: [
          { messageId: 'inline', line: 5, column: 26 },
          { messageId: 'inline', line: 9, column: 9 },
        ],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      for (const variable of service.environment) {
        if (!SECRET_NAME.test(variable.name) || /_FILE$/i.test(variable.name)) continue;
        const raw = variable.raw;
        if (raw === undefined || raw.trim() === '' || raw.includes('$')) continue;
        report({ messageId: 'inline', data: { name: variable.name }, file: variable.file, range: variable.valueRange });
      }
    }
  },
};
