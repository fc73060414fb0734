import type { ComposeRule } from '../catalogue.ts';
import { writtenEntry } from '../../compose/service-keys.ts';

// Docker's container creation (daemon/create.go): "the working directory '…'
// is invalid, it needs to be an absolute path". `docker compose config`
// accepts any string; `up` stops at the container.
export const relativeWorkingDir: ComposeRule = {
  id: 'relative-working-dir',
  kind: 'compose',
  severity: 'error',
  messages: {
    relative:
      '`working_dir: {{value}}` n’est pas un chemin absolu dans le conteneur\u00a0: `docker compose config` l’accepte, mais `docker compose up` s’arrête («\u00a0the working directory is invalid, it needs to be an absolute path\u00a0»).',
  },
  docs: {
    title: '`working_dir` doit être un chemin absolu',
    what: 'Signale un `working_dir` qui ne commence pas par `/`\u00a0: un chemin relatif (`app`, `./src`) ou un chemin Windows (`C:/app`) sur un conteneur Linux.',
    why: '`working_dir` est le dossier du conteneur où démarre la commande. Compose recopie la valeur telle quelle, sans la vérifier\u00a0; c’est Docker qui refuse de créer le conteneur, au moment du `up`.',
    howToFix: 'Écrivez le chemin complet dans le conteneur, par exemple `working_dir: /app`.',
    chapter: '03-structure-du-fichier',
  },
  examples: {
    valid: [{ files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    working_dir: /app\n' } }],
    invalid: [
      {
        name: 'un chemin relatif',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    working_dir: app\n' },
        errors: [{ messageId: 'relative', line: 4, column: 18 }],
      },
      {
        name: 'un chemin Windows',
        files: { 'compose.yaml': 'services:\n  build:\n    image: node:24-alpine\n    working_dir: C:/qbs\n' },
        errors: [{ messageId: 'relative', line: 4, column: 18 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      const written = writtenEntry(service, ['working_dir']);
      const value = written?.entry.value;
      if (!written || value?.kind !== 'scalar' || typeof value.value !== 'string' || value.value === '' || value.value.startsWith('/')) continue;
      report({ messageId: 'relative', data: { value: value.value }, file: written.file, range: context.rangeOf(written.file, ...value.range) });
    }
  },
};
