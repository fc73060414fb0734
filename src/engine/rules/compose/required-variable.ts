import type { ComposeRule } from '../catalogue.ts';

export const requiredVariable: ComposeRule = {
  id: 'required-variable',
  kind: 'compose',
  severity: 'error',
  messages: {
    required: 'La variable `{{name}}` est obligatoire (`${{{name}}:?…}`) mais n’a pas de valeur\u00a0: définissez-la dans `.env` ou dans le shell.',
    requiredWithText: 'La variable `{{name}}` est obligatoire mais n’a pas de valeur\u00a0: «\u00a0{{detail}}\u00a0». Définissez-la dans `.env` ou dans le shell.',
    invalid: 'Expression de variable invalide\u00a0: écrivez `${NOM}`, `${NOM:-défaut}` ou `$$` pour un `$` littéral.',
  },
  docs: {
    title: 'Les variables obligatoires doivent être définies',
    what: 'Signale une variable écrite `${NOM:?message}` ou `${NOM?message}` qui n’a de valeur ni dans `.env` ni dans l’environnement, et les expressions `${…}` mal formées.',
    why: '`docker compose` s’arrête sur ces variables\u00a0: c’est voulu, pour ne jamais démarrer une base sans mot de passe. Un `$` isolé dans une valeur est aussi lu comme une variable.',
    howToFix: 'Ajoutez la variable au fichier `.env` (non versionné) ou exportez-la dans le shell. Pour écrire un `$` littéral (mot de passe, expression régulière), doublez-le\u00a0: `$$`.',
    chapter: '10-commandes',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?définissez POSTGRES_PASSWORD}\n',
          '.env': 'POSTGRES_PASSWORD=change-moi\n',
        },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?définissez POSTGRES_PASSWORD}\n',
        },
        errors: [{ messageId: 'requiredWithText', line: 5, column: 26 }],
      },
      {
        name: 'guillemets',
        files: { 'compose.yaml': 'services:\n  api:\n    image: "node:${NODE_VERSION?}-alpine"\n' },
        errors: [{ messageId: 'required', line: 3, column: 18 }],
      },
      {
        name: 'accolade non fermée',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:${TAG\n' },
        errors: [{ messageId: 'invalid', line: 3, column: 17 }],
      },
    ],
  },
  check(context, report) {
    for (const finding of context.interpolationFindings) {
      if (finding.kind !== 'required' && finding.kind !== 'invalid') continue;
      const messageId = finding.kind === 'invalid' ? 'invalid' : finding.detail ? 'requiredWithText' : 'required';
      report({ messageId, data: { name: finding.name, detail: finding.detail ?? '' }, file: finding.file, range: finding.range });
    }
  },
};
