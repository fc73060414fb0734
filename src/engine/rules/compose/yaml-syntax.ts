import type { ComposeRule } from '../catalogue.ts';
import { yamlErrorMessages } from '../../yaml/yaml-error-messages.ts';

function messageId(code: string): string {
  return code.toLowerCase().replace(/_/g, '-');
}

const extraMessages: Record<string, string> = {
  'alias-bomb': 'Trop d’alias imbriqués (`*nom`)\u00a0: le fichier se développerait de façon démesurée (attaque «\u00a0billion laughs\u00a0»). Réduisez les alias.',
  'too-deep': 'Imbrication trop profonde\u00a0: simplifiez la structure.',
  'unknown-alias': 'Alias (`*nom`) sans ancre (`&nom`) correspondante définie plus haut.',
  'not-a-map': 'Un fichier compose doit être un objet YAML (des clés `services:`, `networks:`…), pas {{found}}.',
  'empty-file': 'Le fichier compose est vide\u00a0: Compose le refuse. Commencez par `services:`.',
};

export const yamlSyntax: ComposeRule = {
  id: 'yaml-syntax',
  kind: 'yaml',
  severity: 'error',
  messages: {
    ...Object.fromEntries(Object.entries(yamlErrorMessages).map(([code, text]) => [messageId(code), text])),
    ...extraMessages,
  },
  docs: {
    title: 'Le fichier doit être du YAML valide',
    what: 'Signale les erreurs de syntaxe YAML\u00a0: indentation, `:` manquant, guillemet non fermé, tabulation, clé en double, alias inconnu.',
    why: 'Docker Compose refuse un fichier YAML mal formé avant même de le lire\u00a0: aucune commande `docker compose` ne fonctionne tant qu’il reste une erreur.',
    howToFix: 'Indentez avec des espaces (2 par niveau), mettez un espace après chaque `:` de clé, fermez les guillemets, et n’écrivez chaque clé qu’une fois par niveau.',
    chapter: '03-structure-du-fichier',
  },
  examples: {
    valid: [{ files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n' } }],
    invalid: [
      {
        name: 'clé en double',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    image: nginx:1.30\n' },
        errors: [{ messageId: 'duplicate-key', line: 4, column: 5 }],
      },
      {
        name: 'tabulation',
        files: { 'compose.yaml': 'services:\n\tweb:\n    image: nginx:1.30-alpine\n' },
        errors: [{ messageId: 'tab-as-indent', line: 2, column: 1 }],
      },
      {
        name: 'alias inconnu',
        files: { 'compose.yaml': 'services:\n  web:\n    environment: *commun\n' },
        errors: [{ messageId: 'unknown-alias', line: 3, column: 18 }],
      },
      {
        name: 'fichier vide',
        files: { 'compose.yaml': '# à compléter\n' },
        errors: [{ messageId: 'empty-file', line: 1, column: 1 }],
      },
      {
        name: 'liste au lieu d’objet',
        files: { 'compose.yaml': '- web\n- api\n' },
        errors: [{ messageId: 'not-a-map', line: 1, column: 1 }],
      },
    ],
  },
  check(context, report) {
    for (const document of context.documents) {
      for (const issue of document.issues) {
        report({ messageId: messageId(issue.code), file: document.file.path, range: issue.range, severity: issue.severity });
      }
      const root = document.root;
      const empty = !root || (root.kind === 'scalar' && root.value === null) || (root.kind === 'map' && root.entries.size === 0);
      if (document.issues.length === 0 && empty && context.documents.filter((d) => d.file === document.file).length === 1) {
        report({ messageId: 'empty-file', file: document.file.path, range: context.rangeOf(document.file.path, 0, 0) });
        continue;
      }
      if (document.issues.length === 0 && root && root.kind !== 'map' && !(root.kind === 'scalar' && root.value === null)) {
        report({
          messageId: 'not-a-map',
          data: { found: root.kind === 'seq' ? 'une liste' : 'une simple valeur' },
          file: document.file.path,
          range: context.rangeOf(document.file.path, root.range[0], root.range[1]),
        });
      }
    }
  },
};
