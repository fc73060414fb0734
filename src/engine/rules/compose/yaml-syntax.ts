import type { ComposeRule } from '../catalogue.ts';
import type { Range } from '../../types.ts';
import { MAX_YAML_DOCUMENTS, MAX_YAML_NODE_TOKENS } from '../../limits.ts';
import { firstRefusedCharacter, goYamlError, type GoYamlError } from '../../yaml/go-yaml-line.ts';
import { tooComplexMessage, type SourcePositions, type YamlIssue } from '../../yaml/parse-yaml.ts';
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

/** Issues that are not syntax errors for go-yaml (it reports them later, or Compose does). */
const NOT_SYNTAX = new Set<YamlIssue['code']>(['DUPLICATE_KEY', 'ALIAS_BOMB', 'TOO_DEEP', 'TOO_COMPLEX', 'TOO_MANY_DOCUMENTS', 'UNKNOWN_ALIAS', 'BAD_ALIAS', 'TAG_RESOLVE_FAILED', 'MULTIPLE_DOCS']);

/**
 * What the line go-yaml prints is, said for a learner. For a parser error,
 * go-yaml prints the 0-based line of the construct it was in: read as 1-based,
 * that is the line just above it (often the key that opens the block). For a
 * scanner error, the construct's own line.
 */
function namedPlace(error: GoYamlError): string {
  if (error.kind === 'parser') {
    const above: Record<string, string> = {
      'while parsing a block mapping': 'juste au-dessus de l’objet (le bloc de clés) en cours',
      'while parsing a block collection': 'juste au-dessus de la liste en cours',
      'while parsing a flow sequence': 'juste au-dessus de la ligne où s’ouvre le `[`',
      'while parsing a flow mapping': 'juste au-dessus de la ligne où s’ouvre le `{`',
      'while parsing a block node': 'juste au-dessus de la valeur attendue',
      'while parsing a flow node': 'juste au-dessus de la valeur attendue',
    };
    return error.named === 'problem' ? 'juste au-dessus de la ligne du problème' : (above[error.context] ?? 'juste au-dessus de l’élément en cours');
  }
  const at: Record<string, string> = {
    'while scanning a quoted scalar': 'où s’ouvre le guillemet',
    'while parsing a quoted scalar': 'où s’ouvre le guillemet',
    'while scanning a simple key': 'où commence la clé à laquelle il manque `:`',
    'while scanning a block scalar': 'où commence le texte `|` ou `>`',
    'while scanning a plain scalar': 'où commence la valeur',
  };
  return at[error.context] ?? 'où il s’est arrêté';
}

/** The range of a whole line (1-based), from its first non-blank character. */
function lineRange(text: string, positions: SourcePositions, line: number): Range {
  const lineStart = positions.lineStarts[line - 1] ?? 0;
  const lineEnd = positions.lineStarts[line] !== undefined ? positions.lineStarts[line]! - 1 : text.length;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineEnd))![0].length;
  return { start: positions.position(Math.min(lineStart + indent, lineEnd)), end: positions.position(lineEnd) };
}

interface ComposeLine {
  /** eemeli/yaml's issues moved to Compose's line, with the sentence that names yaml's line. */
  placed: Map<YamlIssue, { range: Range; where: string }>;
  /** A syntax error only go-yaml sees (eemeli/yaml accepts the text), at Compose's line. */
  composeOnly?: { range: Range; advice: string };
}

/**
 * Moves the file's first YAML syntax error to the line `docker compose`
 * prints (go-yaml's line), and says where eemeli/yaml saw the problem when
 * that is another line. When eemeli/yaml sees no syntax error but go-yaml
 * does, that error is reported on its own.
 */
/** go-yaml's problems with an escape of a double-quoted scalar (scanner, « while parsing a quoted scalar »). */
const ESCAPE_PROBLEMS = new Set(['found unknown escape character', 'found invalid Unicode character escape code', 'did not find expected hexdecimal number']);

function atComposeLine(text: string, positions: SourcePositions, issues: readonly YamlIssue[]): ComposeLine {
  const placed = new Map<YamlIssue, { range: Range; where: string }>();
  const first = issues
    .filter((i) => i.severity === 'error' && !NOT_SYNTAX.has(i.code))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column)[0];
  const compose = goYamlError(text);
  if (!compose) return { placed };
  if (!first) {
    // On line 1 go-yaml prints no line: the problem's own line then. A control character is found by
    // 512-byte chunks and printed without a line: the line of the character itself.
    const offset = compose.kind === 'reader' ? firstRefusedCharacter(text) : compose.problemOffset;
    const line = compose.line ?? positions.position(Math.max(0, offset)).line;
    // An error eemeli/yaml reports later than syntax (an alias without a name) on that very line already says the problem.
    if (issues.some((i) => i.severity === 'error' && i.range.start.line === line)) return { placed };
    const advice =
      compose.problem === 'mapping values are not allowed in this context'
        ? 'un `:` suivi d’un espace ou d’une fin de ligne est inattendu ici (une seconde clé sur la ligne d’une valeur, ou un `:` collé à un nom d’ancre `&nom`). Mettez la valeur entre guillemets ou retirez ce `:`.'
        : compose.kind === 'reader'
          ? 'la ligne contient un caractère de contrôle invisible (souvent venu d’un copier-coller)\u00a0: retapez-la.'
          : ESCAPE_PROBLEMS.has(compose.problem)
            ? 'une séquence d’échappement de la chaîne entre guillemets doubles est refusée par Compose (`\\/`, un `\\u` hors Unicode, un `\\x` incomplet)\u00a0: écrivez le caractère lui-même.'
            : text.startsWith('%', (positions.lineStarts[line - 1] ?? 0) + lineRange(text, positions, line).start.column - 1)
              ? 'une ligne qui commence par `%` est une directive YAML\u00a0: Compose n’accepte que `%YAML` et `%TAG`, une fois chacune, suivies d’une ligne `---`.'
              : 'vérifiez l’indentation, les `:`, les ancres (`&nom`) et les guillemets de cette ligne et des suivantes.'
    return { placed, composeOnly: { range: lineRange(text, positions, line), advice } };
  }
  if (compose.line === undefined || compose.line === first.range.start.line) return { placed };
  const start = lineRange(text, positions, compose.line).start;
  const after = first.range.end.line > start.line || (first.range.end.line === start.line && first.range.end.column > start.column);
  const range = { start, end: after ? first.range.end : lineRange(text, positions, compose.line).end };
  placed.set(first, {
    range,
    where: ` Compose signale l’erreur à cette ligne, ${namedPlace(compose)}\u00a0; elle apparaît à la ligne ${first.range.start.line}.`,
  });
  return { placed };
}

const extraMessages: Record<string, string> = {
  'compose-only': 'Compose refuse ce YAML à cette ligne, même si d’autres lecteurs YAML l’acceptent\u00a0: {{advice}}',
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
    // `{{where}}`: where Compose names the error, when it is another line than yaml's.
    ...Object.fromEntries(Object.entries(yamlErrorMessages).filter(([code]) => SAID_AS[code] === undefined).map(([code, text]) => [messageId(code), `${text}{{where}}`])),
    ...extraMessages,
  },
  docs: {
    title: 'Le fichier doit être du YAML valide',
    what: 'Signale les erreurs de syntaxe YAML\u00a0: indentation, `:` manquant, guillemet non fermé, tabulation, clé en double, alias inconnu. L’erreur est placée à la ligne que `docker compose` affiche (`yaml: line N`), et le message dit où le problème apparaît quand c’est une autre ligne.',
    why: 'Docker Compose refuse un fichier YAML mal formé avant même de le lire\u00a0: aucune commande `docker compose` ne fonctionne tant qu’il reste une erreur.',
    howToFix: 'Indentez avec des espaces (2 par niveau), mettez un espace après chaque `:` de clé, fermez les guillemets, et n’écrivez chaque clé qu’une fois par niveau.',
    chapter: '03-structure-du-fichier',
  },
  examples: {
    valid: [
      { files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n' } },
      {
        name: 'les lignes d’une liste entre crochets à gauche de leur clé : Compose les lit',
        files: { 'compose.yaml': 'services:\n  tests:\n    build: .\n    command: [\n    "make", "-C", "/usr/src/app", "test"\n    ]\n    environment: {\n  CI: "true" }\n' },
      },
    ],
    invalid: [
      {
        name: 'clé en double',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    image: nginx:1.30\n' },
        errors: [{ messageId: 'duplicate-key', line: 4, column: 5 }],
      },
      {
        name: 'élément de liste décalé d’un espace : signalé à la ligne 2, comme le fait Compose',
        files: { 'compose.yaml': 'services:\n  test1:\n    pull_policy: build\n    command:\n      - echo\n     - "test 1 success"\n' },
        errors: [{ messageId: 'block-as-implicit-key', line: 2, column: 3 }],
      },
      {
        name: 'un `:` collé à un nom d’ancre : accepté par d’autres lecteurs YAML, refusé par Compose',
        files: { 'compose.yaml': 'x-logging: &default-logging:\n  driver: json-file\nservices:\n  web:\n    image: nginx:1.30-alpine\n    logging: *default-logging\n' },
        errors: [{ messageId: 'compose-only', line: 1, column: 1 }, { messageId: 'unknown-alias', line: 6, column: 14 }],
      },
      {
        name: 'une clé après une liste entre crochets : refusée par Compose (ligne 4)',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    command: ["npm", "start"]:\n' },
        errors: [{ messageId: 'compose-only', line: 4, column: 5 }],
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
          { messageId: 'unexpected-token', line: 3, column: 5 },
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
      {
        name: 'ancre sur un alias',
        files: { 'compose.yaml': 'x-base: &base\n  image: nginx:1.30-alpine\nservices:\n  web: &web *base\n' },
        errors: [{ messageId: 'alias-props', line: 3, column: 1 }],
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
        errors: [{ messageId: 'bad-indent', line: 1, column: 1 }],
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
        errors: [{ messageId: 'block-in-flow', line: 4, column: 5 }],
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
        errors: [{ messageId: 'multiple-anchors', line: 1, column: 1 }],
      },
      {
        name: 'deux étiquettes',
        files: { 'compose.yaml': 'services:\n  web:\n    image: !!str !!str nginx:1.30-alpine\n' },
        errors: [{ messageId: 'multiple-tags', line: 2, column: 3 }],
      },
      {
        name: 'étiquette d’ensemble sur un objet',
        files: { 'compose.yaml': 'services: !!set\n  web:\n    image: nginx:1.30-alpine\n' },
        errors: [{ messageId: 'tag-resolve-failed', line: 1, column: 11 }],
      },
      {
        name: 'crochet fermant en trop',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    ports: ["80:80"]]\n' },
        errors: [{ messageId: 'unexpected-token', line: 2, column: 3 }],
      },
      {
        name: 'clé de plus de 1024 caractères',
        files: { 'compose.yaml': `services:\n  web:\n    image: nginx:1.30-alpine\n    labels:\n      ${'description-'.repeat(86)}: trop long\n` },
        errors: [{ messageId: 'key-over-1024-chars', line: 5, column: 7 }],
      },
      {
        name: 'plus de 512 crochets imbriqués',
        files: { 'compose.yaml': `services:\n  web:\n    image: nginx:1.30-alpine\n    command: ${'['.repeat(600)}${']'.repeat(600)}\n` },
        errors: [{ messageId: 'too-deep', line: 4, column: 526 }],
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
    // go-yaml reads the whole file: its line is computed once per file, over all its documents' issues.
    const placedByFile = new Map<string, ComposeLine>();
    for (const document of context.documents) {
      if (placedByFile.has(document.file.path)) continue;
      const documents = context.documents.filter((d) => d.file === document.file);
      // Plain block YAML is a subset go-yaml reads without error (block-reader.test.ts): no emulation to run.
      if (documents.every((d) => d.plainBlock)) continue;
      const issues = documents.flatMap((d) => d.issues);
      const atCompose = atComposeLine(document.file.text, document.positions, issues);
      placedByFile.set(document.file.path, atCompose);
      if (atCompose.composeOnly) report({ messageId: 'compose-only', data: { advice: atCompose.composeOnly.advice }, file: document.file.path, range: atCompose.composeOnly.range });
    }
    for (const document of context.documents) {
      const placed = placedByFile.get(document.file.path)?.placed;
      // A root indented by mistake (a Tab pressed on line 1) is valid YAML until the first line back at
      // column 1, often 50 lines below: the learner must be sent to where the file was broken.
      const indentedRoot = document.root;
      if (indentedRoot?.kind === 'map' && document.issues.some((issue) => issue.severity === 'error')) {
        const start = context.rangeOf(document.file.path, indentedRoot.range[0], indentedRoot.range[0]).start;
        // Only blanks before it: an anchor or a `?` before the first key is not a shift.
        const lineStart = document.positions.lineStarts[start.line - 1] ?? 0;
        if (start.column > 1 && document.file.text.slice(lineStart, indentedRoot.range[0]).trim() === '') {
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
        const moved = placed?.get(issue);
        const where = issue.code in yamlErrorMessages ? { data: { where: moved?.where ?? '' } } : {};
        report({ messageId: messageId(issue.code), ...where, file: document.file.path, range: moved?.range ?? issue.range, severity: issue.severity });
      }
      const root = document.root;
      const empty = !root || (root.kind === 'scalar' && root.value === null) || (root.kind === 'map' && root.entries.size === 0);
      if (placedByFile.get(document.file.path)?.composeOnly) continue;
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
