import type { ComposeRule } from '../catalogue.ts';

export const noContainerName: ComposeRule = {
  id: 'no-container-name',
  kind: 'compose',
  severity: 'info',
  messages: {
    fixed: '`container_name` fixe le nom du conteneur\u00a0: impossible de lancer deux copies du service (`--scale`) ou deux projets côte à côte. Les autres services le joignent déjà par le nom `{{service}}`.',
  },
  docs: {
    title: 'Évitez `container_name`',
    what: 'Signale la clé `container_name` dans un service.',
    why: 'Compose nomme déjà les conteneurs (`projet-api-1`) et le DNS interne résout le nom du service (`api`). Un nom fixe empêche `docker compose up --scale api=3`, et deux copies du projet sur la même machine entrent en conflit.',
    howToFix: 'Supprimez `container_name` et utilisez le nom du service (`api`, `db`) dans les URL et les commandes (`docker compose exec db …`).',
    chapter: '11-bonnes-pratiques',
  },
  examples: {
    valid: [{ files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n' } }],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    container_name: mon-api\n' },
        errors: [{ messageId: 'fixed', line: 4, column: 21 }],
        output: 'services:\n  api:\n    image: node:22-alpine\n',
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      const name = service.containerName;
      if (!name) continue;
      const line = name.range.start.line;
      report({
        messageId: 'fixed',
        data: { service: service.name },
        file: name.file,
        range: name.range,
        fix: {
          title: 'Supprimer `container_name`',
          edits: [{ file: name.file, range: { start: { line, column: 1 }, end: { line: line + 1, column: 1 } }, text: '' }],
        },
      });
    }
  },
};
