import type { ComposeRule } from '../catalogue.ts';

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|_KEY$|^KEY$|APIKEY|PRIVATE)/i;
/** `postgresql://user:password@db:5432/app`: a literal password in the user-info part of a URL. */
const URL_PASSWORD = /^([a-z][a-z0-9+.-]*):\/\/([^:/@\s]*):([^@\s]+)@(\S*)$/i;
/** The variable the official image of each scheme reads its password from; other schemes use the URL variable's own prefix. */
const PASSWORD_VARIABLE: Record<string, string> = {
  postgres: 'POSTGRES_PASSWORD',
  postgresql: 'POSTGRES_PASSWORD',
  mysql: 'MYSQL_PASSWORD',
  mariadb: 'MARIADB_PASSWORD',
  mongodb: 'MONGO_INITDB_ROOT_PASSWORD',
  redis: 'REDIS_PASSWORD',
  rediss: 'REDIS_PASSWORD',
  amqp: 'RABBITMQ_DEFAULT_PASS',
};
const MAX_SUGGESTION = 120;

/** The learner's own URL with its password replaced by a variable: `redis://:${REDIS_PASSWORD}@cache:6379`. */
function urlSuggestion(name: string, scheme: string, user: string, rest: string): { url: string; variable: string } {
  const prefix = name.replace(/_(URL|URI|DSN)$/i, '').toUpperCase();
  const variable = PASSWORD_VARIABLE[scheme.toLowerCase()] ?? `${prefix}_PASSWORD`;
  const url = `${scheme}://${user}:\${${variable}}@${rest}`;
  return { url: url.length > MAX_SUGGESTION ? `${url.slice(0, MAX_SUGGESTION - 1)}…` : url, variable };
}

export const inlineSecret: ComposeRule = {
  id: 'inline-secret',
  kind: 'compose',
  severity: 'warning',
  messages: {
    inUrl:
      'L’URL de `{{name}}` contient un mot de passe écrit en clair, qui finira dans Git. Écrivez `{{url}}` et définissez `{{variable}}` dans un `.env` non versionné.',
    inline:
      'La variable `{{name}}` contient un secret écrit en clair dans le fichier compose, qui finira dans Git. Utilisez `${{{name}}}` avec un fichier `.env` non versionné, ou un `secret` Compose lu par l’application (les images officielles postgres et mysql acceptent `{{name}}_FILE`).',
  },
  docs: {
    title: 'N’écrivez pas de secret en clair',
    what: 'Signale une variable d’environnement dont le nom évoque un secret (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*_KEY`) et dont la valeur est écrite littéralement dans le fichier compose, ainsi qu’une URL de connexion (`DATABASE_URL`, `REDIS_URL`…) qui contient un mot de passe en clair.',
    why: 'Le fichier compose est versionné et partagé\u00a0: un mot de passe qui y est écrit est lisible par toute personne qui a accès au dépôt, pour toujours (l’historique Git le garde).',
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
      {
        name: 'une URL construite avec des variables',
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:24-alpine\n    environment:\n      DATABASE_URL: postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@db:5432/app\n',
          '.env': 'POSTGRES_USER=atelier\nPOSTGRES_PASSWORD=dev-only\n',
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
      {
        name: 'un mot de passe dans une URL de connexion',
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:24-alpine\n    environment:\n      - DATABASE_URL=postgresql://atelier:motdepasse@db:5432/atelier\n      - REDIS_URL=redis://cache:6379\n',
        },
        errors: [{ messageId: 'inUrl', line: 5, column: 9 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      for (const variable of service.environment) {
        const raw = variable.raw;
        if (raw === undefined || raw.trim() === '') continue;
        const url = URL_PASSWORD.exec(raw.trim());
        if (url && !url[3]!.includes('$')) {
          const suggestion = urlSuggestion(variable.name, url[1]!, url[2]!, url[4]!);
          report({ messageId: 'inUrl', data: { name: variable.name, ...suggestion }, file: variable.file, range: variable.valueRange });
          continue;
        }
        if (!SECRET_NAME.test(variable.name) || /_FILE$/i.test(variable.name) || raw.includes('$')) continue;
        report({ messageId: 'inline', data: { name: variable.name }, file: variable.file, range: variable.valueRange });
      }
    }
  },
};
