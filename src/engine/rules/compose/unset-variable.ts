import type { ComposeRule } from '../catalogue.ts';

export const unsetVariable: ComposeRule = {
  id: 'unset-variable',
  kind: 'compose',
  severity: 'warning',
  messages: {
    unset: 'La variable `{{name}}` n’est définie ni dans `.env` ni dans l’environnement\u00a0: Compose la remplacera par une chaîne vide.',
  },
  docs: {
    title: 'Variable non définie',
    what: 'Signale une variable `${NOM}` ou `$NOM` sans valeur par défaut qui n’est définie nulle part.',
    why: 'Compose n’échoue pas\u00a0: il met une chaîne vide à la place et affiche un simple avertissement. L’image `node:` sans étiquette, le port `:80` ou le mot de passe vide qui en résultent cassent le service plus loin, loin de la cause.',
    howToFix: 'Définissez la variable dans `.env`, donnez une valeur par défaut (`${NOM:-valeur}`), ou rendez-la obligatoire (`${NOM:?message}`).',
    chapter: '10-commandes',
  },
  examples: {
    valid: [
      { files: { 'compose.yaml': 'services:\n  api:\n    image: node:${NODE_TAG:-22-alpine}\n' } },
      { files: { 'compose.yaml': 'services:\n  api:\n    image: node:${NODE_TAG}\n', '.env': 'NODE_TAG=22-alpine\n' } },
    ],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:${NODE_TAG}\n    ports:\n      - "$API_PORT:3000"\n' },
        errors: [
          { messageId: 'unset', line: 3, column: 17 },
          { messageId: 'unset', line: 5, column: 10 },
        ],
      },
    ],
  },
  check(context, report) {
    for (const finding of context.interpolationFindings) {
      if (finding.kind === 'unset') report({ messageId: 'unset', data: { name: finding.name }, file: finding.file, range: finding.range });
    }
  },
};
