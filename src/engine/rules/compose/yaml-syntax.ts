import type { ComposeRule } from '../catalogue.ts';
import type { ProjectFile } from '../../types.ts';
import { MAX_YAML_DOCUMENTS, MAX_YAML_NODE_TOKENS } from '../../limits.ts';
import { tooComplexMessage } from '../../yaml/parse-yaml.ts';
import { yamlErrorMessages } from '../../yaml/yaml-error-messages.ts';

function messageId(code: string): string {
  return code.toLowerCase().replace(/_/g, '-');
}

const extraMessages: Record<string, string> = {
  'alias-bomb': 'Trop d’alias imbriqués (`*nom`)\u00a0: le fichier se développerait de façon démesurée (attaque «\u00a0billion laughs\u00a0»). Réduisez les alias.',
  'too-deep': 'Imbrication trop profonde\u00a0: simplifiez la structure.',
  'too-complex': tooComplexMessage,
  'too-many-documents': `Plus de ${MAX_YAML_DOCUMENTS} documents YAML (séparés par \`---\`) dans ce fichier\u00a0: l’atelier ne vérifie pas les suivants.`,
  'unknown-alias': 'Alias (`*nom`) sans ancre (`&nom`) correspondante définie plus haut.',
  'not-a-map': 'Un fichier compose doit être un objet YAML (des clés `services:`, `networks:`…), pas {{found}}.',
  'empty-file': 'Le fichier compose est vide\u00a0: Compose le refuse. Commencez par `services:`.',
  'indented-root':
    'Cette ligne est décalée de {{count}}\u00a0: les clés de premier niveau (`services:`, `networks:`, `volumes:`…) commencent en colonne 1. Supprimez ce décalage\u00a0; les erreurs signalées plus bas en découlent.',
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
        name: 'première ligne indentée (une tabulation tapée dans l’éditeur, qui insère des espaces)',
        files: { 'compose.yaml': '  services:\n  web:\n    image: nginx:1.30-alpine\nvolumes:\n  data:\n' },
        errors: [
          { messageId: 'indented-root', line: 1, column: 1 },
          { messageId: 'unexpected-token', line: 4, column: 1 },
          { messageId: 'unexpected-token', line: 5, column: 3 },
        ],
      },
      {
        name: 'fichier vide',
        files: { 'compose.yaml': '# à compléter\n' },
        errors: [{ messageId: 'empty-file', line: 1, column: 1 }],
      },
      {
        name: 'plus de 100 documents',
        files: { 'compose.yaml': Array.from({ length: MAX_YAML_DOCUMENTS + 1 }, () => 'services: {}\n').join('---\n') },
        errors: [{ messageId: 'too-many-documents', line: 2 * MAX_YAML_DOCUMENTS, column: 1 }],
      },
      {
        name: 'un fichier fait de dizaines de milliers de listes',
        files: { 'compose.yaml': `services:\n  web:\n    image: nginx:1.30-alpine\n    command: [${'[], '.repeat(MAX_YAML_NODE_TOKENS / 2)}[]]\n` },
        errors: [{ messageId: 'too-complex', line: 4, column: 80013 }],
      },
      {
        name: 'liste au lieu d’objet',
        files: { 'compose.yaml': '- web\n- api\n' },
        errors: [{ messageId: 'not-a-map', line: 1, column: 1 }],
      },
    ],
  },
  check(context, report) {
    const documentsPerFile = new Map<ProjectFile, number>();
    for (const document of context.documents) documentsPerFile.set(document.file, (documentsPerFile.get(document.file) ?? 0) + 1);
    for (const document of context.documents) {
      // A root indented by mistake (a Tab pressed on line 1) is valid YAML until the first line back at
      // column 1, often 50 lines below: the learner must be sent to where the file was broken.
      const root = document.root;
      if (root?.kind === 'map' && document.issues.some((issue) => issue.severity === 'error')) {
        const start = context.rangeOf(document.file.path, root.range[0], root.range[0]).start;
        if (start.column > 1) {
          const shift = start.column - 1;
          report({
            messageId: 'indented-root',
            data: { count: shift > 1 ? `${shift} espaces` : '1 espace' },
            file: document.file.path,
            range: { start: { line: start.line, column: 1 }, end: start },
          });
        }
      }
      for (const issue of document.issues) {
        report({ messageId: messageId(issue.code), file: document.file.path, range: issue.range, severity: issue.severity });
      }
      const empty = !root || (root.kind === 'scalar' && root.value === null) || (root.kind === 'map' && root.entries.size === 0);
      if (document.issues.length === 0 && empty && documentsPerFile.get(document.file) === 1) {
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
