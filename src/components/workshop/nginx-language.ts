import type { languages } from 'monaco-editor/editor/editor.api';

// Monaco has no nginx grammar. This Monarch grammar follows nginx's own
// reading of a file (a directive name, then words until `;` or `{`), which is
// why it needs states rather than a word list: `server` is a block at the
// start of a statement and a plain word in `proxy_pass http://server;`.

export const NGINX_LANGUAGE_ID = 'nginx';

/** Blocks whose name opens a context; coloured apart from simple directives. */
const BLOCKS = [
  'events', 'http', 'server', 'location', 'upstream', 'map', 'geo', 'types', 'if', 'limit_except',
  'stream', 'mail', 'split_clients', 'match', 'charset_map',
];

const CONSTANTS = ['on', 'off', 'default', 'always', 'permanent', 'redirect', 'last', 'break', 'any', 'all', 'http2', 'ssl', 'default_server'];

export const nginxLanguage: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.nginx',
  blocks: BLOCKS,
  constants: CONSTANTS,
  brackets: [{ open: '{', close: '}', token: 'delimiter.curly' }],
  tokenizer: {
    root: [
      { include: '@whitespace' },
      [/[{}]/, '@brackets'],
      [/;/, 'delimiter'],
      [/[A-Za-z_][\w.-]*/, { cases: { '@blocks': { token: 'type', next: '@arguments' }, '@default': { token: 'keyword', next: '@arguments' } } }],
      [/[^\s;{}#]+/, { token: 'keyword', next: '@arguments' }],
    ],
    arguments: [
      { include: '@whitespace' },
      [/;/, { token: 'delimiter', next: '@pop' }],
      [/[{}]/, { token: '@brackets', next: '@pop' }],
      [/"/, { token: 'string.quote', next: '@doubleQuoted' }],
      [/'/, { token: 'string.quote', next: '@singleQuoted' }],
      [/\$\{[A-Za-z_]\w*\}|\$[A-Za-z_]\w*/, 'variable'],
      [/~\*?|=|\^~/, 'operator'],
      [/\d+(\.\d+)?(ms|[kKmMgGsdhwy])?(?=[\s;{])/, 'number'],
      [/[A-Za-z_][\w-]*(?=[\s;{])/, { cases: { '@constants': 'constant', '@default': '' } }],
      [/[^\s;{}"'$]+/, ''],
      [/\$/, ''],
    ],
    doubleQuoted: [
      [/\$\{[A-Za-z_]\w*\}|\$[A-Za-z_]\w*/, 'variable'],
      [/\\./, 'string.escape'],
      [/[^"\\$]+/, 'string'],
      [/\$/, 'string'],
      [/"/, { token: 'string.quote', next: '@pop' }],
    ],
    singleQuoted: [
      [/\$\{[A-Za-z_]\w*\}|\$[A-Za-z_]\w*/, 'variable'],
      [/\\./, 'string.escape'],
      [/[^'\\$]+/, 'string'],
      [/\$/, 'string'],
      [/'/, { token: 'string.quote', next: '@pop' }],
    ],
    whitespace: [
      [/\s+/, 'white'],
      [/#.*$/, 'comment'],
    ],
  },
};

export const nginxConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [['{', '}']],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '"', close: '"' },
  ],
  indentationRules: { increaseIndentPattern: /^.*\{[^}"']*$/, decreaseIndentPattern: /^\s*\}/ },
};

/** `.env` lines: comments, `NAME=value`, and `${VAR}` references. */
export const dotenvLanguage: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.dotenv',
  tokenizer: {
    root: [
      [/#.*$/, 'comment'],
      [/^\s*(export)(\s+)/, ['keyword', 'white']],
      [/^\s*[A-Za-z_]\w*(?==)/, 'type'],
      [/=/, { token: 'delimiter', next: '@value' }],
    ],
    value: [
      [/\$\{[^}]*\}|\$[A-Za-z_]\w*/, 'variable'],
      [/"([^"\\]|\\.)*"|'[^']*'/, 'string'],
      [/\s+#.*$/, { token: 'comment', next: '@pop' }],
      [/[^$"'\s#]+/, 'string'],
      [/\s+/, 'white'],
      [/$/, '', '@pop'],
    ],
  },
};
