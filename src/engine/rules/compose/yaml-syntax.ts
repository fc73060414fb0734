import type { ComposeRule } from '../catalogue.ts';
import { yamlErrorMessages } from '../../yaml/yaml-error-messages.ts';

// yaml codes said with another rule message. Never met by our parse: a
// warning only (BAD_COLLECTION_TYPE), options we do not use (NON_STRING_KEY
// needs `stringKeys`, MULTIPLE_DOCS `parseDocument`), a bug of the library
// (IMPOSSIBLE): said as an unexpected token should one come, rather than with
// a message no example shows. RESOURCE_EXHAUSTION is yaml catching its own
// stack overflow, at a place that depends on the stack size: it is our
// `too-deep`.
const SAID_AS: Record<string, string> = {
  BAD_COLLECTION_TYPE: 'unexpected-token',
  NON_STRING_KEY: 'unexpected-token',
  MULTIPLE_DOCS: 'unexpected-token',
  IMPOSSIBLE: 'unexpected-token',
  RESOURCE_EXHAUSTION: 'too-deep',
};

function messageId(code: string): string {
  return SAID_AS[code] ?? code.toLowerCase().replace(/_/g, '-');
}

const extraMessages: Record<string, string> = {
  'alias-bomb': 'Trop d’alias imbriqués (`*nom`) : le fichier se développerait de façon démesurée (attaque « billion laughs »). Réduisez les alias.',
  'too-deep': 'Imbrication trop profonde : simplifiez la structure.',
  'unknown-alias': 'Alias (`*nom`) sans ancre (`&nom`) correspondante définie plus haut.',
  'not-a-map': 'Un fichier compose doit être un objet YAML (des clés `services:`, `networks:`…), pas {{found}}.',
  'empty-file': 'Le fichier compose est vide : Compose le refuse. Commencez par `services:`.',
};

export const yamlSyntax: ComposeRule = {
  id: 'yaml-syntax',
  kind: 'yaml',
  severity: 'error',
  messages: {
    ...Object.fromEntries(Object.entries(yamlErrorMessages).filter(([code]) => SAID_AS[code] === undefined).map(([code, text]) => [messageId(code), text])),
    ...extraMessages,
  },
  docs: {
    title: 'Le fichier doit être du YAML valide',
    what: 'Signale les erreurs de syntaxe YAML : indentation, `:` manquant, guillemet non fermé, tabulation, clé en double, alias inconnu.',
    why: 'Docker Compose refuse un fichier YAML mal formé avant même de le lire : aucune commande `docker compose` ne fonctionne tant qu’il reste une erreur.',
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
      {
        name: 'ancre sur un alias',
        files: { 'compose.yaml': 'x-base: &base\n  image: nginx:1.30-alpine\nservices:\n  web: &web *base\n' },
        errors: [{ messageId: 'alias-props', line: 4, column: 13 }],
      },
      {
        name: 'alias sans nom',
        files: { 'compose.yaml': 'x-commun: &commun\n  restart: unless-stopped\nservices:\n  web:\n    image: nginx:1.30-alpine\n    <<: *\n' },
        errors: [{ messageId: 'bad-alias', line: 6, column: 9 }, { messageId: 'unknown-alias', line: 6, column: 9 }],
      },
      {
        name: 'directive YAML mal écrite',
        files: { 'compose.yaml': '%YAML 1.2 extra\n---\nservices:\n  web:\n    image: nginx:1.30-alpine\n' },
        errors: [{ messageId: 'bad-directive', line: 1, column: 1 }],
      },
      {
        name: 'chemin Windows entre guillemets doubles',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    volumes:\n      - "C:\\dossier\\site:/usr/share/nginx/html"\n' },
        errors: [{ messageId: 'bad-dq-escape', line: 5, column: 12 }],
      },
      {
        name: 'clé décalée d’une espace',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n   ports:\n      - "80:80"\n' },
        errors: [{ messageId: 'bad-indent', line: 4, column: 1 }],
      },
      {
        name: 'ancre avant une clé explicite',
        files: { 'compose.yaml': '&commun ? x-commun\n: restart: unless-stopped\nservices:\n  web:\n    image: nginx:1.30-alpine\n' },
        errors: [{ messageId: 'bad-prop-order', line: 1, column: 9 }],
      },
      {
        name: 'valeur commençant par @',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    environment:\n      ADMIN_EMAIL: @admin.fr\n' },
        errors: [{ messageId: 'bad-scalar-start', line: 5, column: 20 }],
      },
      {
        name: 'deux-points dans une valeur',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx: 1.30-alpine\n' },
        errors: [{ messageId: 'block-as-implicit-key', line: 3, column: 12 }],
      },
      {
        name: 'tirets entre crochets',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    ports: [\n      - "80:80"\n    ]\n' },
        errors: [{ messageId: 'block-in-flow', line: 5, column: 7 }],
      },
      {
        name: 'guillemet non fermé',
        files: { 'compose.yaml': 'services:\n  web:\n    image: "nginx:1.30-alpine\n' },
        errors: [{ messageId: 'missing-char', line: 3, column: 12 }],
      },
      {
        name: 'deux-points oublié',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    restart unless-stopped\n    ports: []\n' },
        errors: [{ messageId: 'multiline-implicit-key', line: 4, column: 5 }],
      },
      {
        name: 'deux ancres',
        files: { 'compose.yaml': 'services:\n  web: &web &base\n    image: nginx:1.30-alpine\n' },
        errors: [{ messageId: 'multiple-anchors', line: 2, column: 13 }],
      },
      {
        name: 'deux étiquettes',
        files: { 'compose.yaml': 'services:\n  web:\n    image: !!str !!str nginx:1.30-alpine\n' },
        errors: [{ messageId: 'multiple-tags', line: 3, column: 18 }],
      },
      {
        name: 'étiquette d’ensemble sur un objet',
        files: { 'compose.yaml': 'services: !!set\n  web:\n    image: nginx:1.30-alpine\n' },
        errors: [{ messageId: 'tag-resolve-failed', line: 1, column: 11 }],
      },
      {
        name: 'crochet fermant en trop',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    ports: ["80:80"]]\n' },
        errors: [{ messageId: 'unexpected-token', line: 4, column: 21 }],
      },
      {
        name: 'clé de plus de 1024 caractères',
        files: { 'compose.yaml': `services:\n  web:\n    image: nginx:1.30-alpine\n    labels:\n      ${'description-'.repeat(86)}: trop long\n` },
        errors: [{ messageId: 'key-over-1024-chars', line: 5, column: 7 }],
      },
      {
        name: 'plus de 512 crochets imbriqués',
        files: { 'compose.yaml': `services:\n  web:\n    image: nginx:1.30-alpine\n    command: ${'['.repeat(600)}${']'.repeat(600)}\n` },
        errors: [{ messageId: 'too-deep', line: 4, column: 524 }],
      },
      {
        name: 'bombe d’alias (« billion laughs »)',
        files: {
          'compose.yaml':
            'x-a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\nx-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nx-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nx-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\nx-e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nx-f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\nservices:\n  web:\n    image: nginx:1.30-alpine\n    labels: *f\n',
        },
        errors: [{ messageId: 'alias-bomb', line: 1, column: 1 }],
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
