import type { ComposeRule } from '../catalogue.ts';

export const noVersionKey: ComposeRule = {
  id: 'no-version-key',
  kind: 'compose',
  severity: 'warning',
  messages: {
    obsolete: 'La clé `version` est obsolète\u00a0: Compose l’ignore et affiche un avertissement. Supprimez-la.',
  },
  docs: {
    title: 'La clé `version` est obsolète',
    what: 'Signale la clé `version:` en tête du fichier (`version: "3.8"`).',
    why: 'Depuis la Compose Specification, le format n’a plus de version\u00a0: `docker compose` ignore cette clé et prévient «\u00a0the attribute `version` is obsolete\u00a0». Beaucoup de tutoriels l’écrivent encore par habitude.',
    howToFix: 'Supprimez la ligne `version:`\u00a0; le fichier commence directement par `services:` (ou par `name:`).',
    chapter: '03-structure-du-fichier',
  },
  examples: {
    valid: [{ files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n' } }],
    invalid: [
      {
        files: { 'compose.yaml': 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.30-alpine\n' },
        errors: [{ messageId: 'obsolete', line: 1, column: 1 }],
        output: 'services:\n  web:\n    image: nginx:1.30-alpine\n',
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const version of context.model.version) {
      const line = version.keyRange.start.line;
      const lastLine = Math.max(line, version.range.end.line);
      report({
        messageId: 'obsolete',
        file: version.file,
        range: version.keyRange,
        fix: {
          title: 'Supprimer la clé `version`',
          edits: [{ file: version.file, range: { start: { line, column: 1 }, end: { line: lastLine + 1, column: 1 } }, text: '' }],
        },
      });
    }
  },
};
