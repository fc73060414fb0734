import type { NginxRule } from '../catalogue.ts';

// ngx_http_rewrite_if_condition: `( $variable )`, `( $variable OP value )` or
// `( -f path )`, the parentheses around the whole condition.
const COMPARISONS = new Set(['=', '!=', '~', '~*', '!~', '!~*']);
const FILE_TESTS = new Set(['-f', '!-f', '-d', '!-d', '-e', '!-e', '-x', '!-x']);

export const ifCondition: NginxRule = {
  id: 'nginx-if-condition',
  kind: 'nginx',
  severity: 'error',
  messages: {
    parentheses: 'La condition d’un `if` s’écrit entre parenthèses\u00a0: `if ({{condition}})`. nginx refuse la configuration («\u00a0invalid condition\u00a0»).',
    operator: '«\u00a0{{operator}}\u00a0» n’est pas un opérateur de `if`\u00a0: nginx connaît `=`, `!=`, `~`, `~*`, `!~`, `!~*` (`unexpected "{{operator}}" in condition`).',
    invalid: 'Condition de `if` invalide\u00a0: «\u00a0{{condition}}\u00a0». Écrivez `($variable)`, `($variable = valeur)`, `($variable ~ expression)` ou `(-f chemin)`.',
  },
  docs: {
    title: 'La condition d’un `if` nginx',
    what: 'Signale une condition de `if` sans parenthèses, avec un opérateur que nginx ne connaît pas (`==`, `<`) ou d’une autre forme que celles de la documentation.',
    why: 'nginx lit la condition au chargement et refuse la configuration si elle n’a pas exactement l’une des formes prévues\u00a0: une variable seule, une comparaison (`=`, `!=`), une expression régulière (`~`, `~*` et leurs négations) ou un test de fichier (`-f`, `-d`, `-e`, `-x`).',
    howToFix: 'Écrivez par exemple `if ($request_method = POST) { … }`\u00a0; la comparaison d’égalité n’a qu’un seul `=`. Souvent, `map` ou `location` remplacent avantageusement `if`.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [{ name: 'les trois formes', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    if ($request_method = POST) {\n        return 405;\n    }\n    if ($http_user_agent ~* bot) {\n        return 403;\n    }\n    if (-f $request_filename) {\n        break;\n    }\n}\n' } },
      {
        name: 'une variable seule, des espaces dans les parenthèses, une chaîne vide',
        files: {
          'nginx/conf.d/default.conf':
            'server {\n    listen 80;\n    if ( $http_x_debug ) {\n        return 404;\n    }\n    if ($arg_page = "" ) {\n        return 400;\n    }\n    if ( -d $request_filename ) {\n        return 403;\n    }\n}\n',
        },
      },
      { name: 'une variable du modèle, remplacée avant nginx', files: { 'nginx/templates/default.conf.template': 'server {\n    listen 80;\n    if ($host != ${DOMAIN}) {\n        return 444;\n    }\n}\n' } },
    ],
    invalid: [
      { name: 'sans parenthèses', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    if $arg_debug {\n        return 404;\n    }\n}\n' }, errors: [{ messageId: 'parentheses', line: 3, column: 8, data: { condition: '$arg_debug' } }] },
      {
        name: 'parenthèse fermante oubliée',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    if ($arg_debug = 1 {\n        return 404;\n    }\n}\n' },
        errors: [{ messageId: 'parentheses', line: 3, column: 8, data: { condition: '$arg_debug = 1' } }],
      },
      { name: 'condition vide', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    if () {\n        return 404;\n    }\n}\n' }, errors: [{ messageId: 'invalid', line: 3, column: 8, data: { condition: '()' } }] },
      {
        name: 'un mot de trop après la valeur',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    if ($arg_page = 1 2) {\n        return 404;\n    }\n}\n' },
        errors: [{ messageId: 'invalid', line: 3, column: 8, data: { condition: '($arg_page = 1 2)' } }],
      },
      { name: 'test de fichier sans chemin', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    if (-f) {\n        return 404;\n    }\n}\n' }, errors: [{ messageId: 'invalid', line: 3, column: 8 }] },
      { name: 'double égal', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    if ($arg_page == 1) {\n        return 404;\n    }\n}\n' }, errors: [{ messageId: 'operator', line: 3, column: 19, data: { operator: '==' } }] },
      { name: 'forme inconnue', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    if (debug) {\n        return 404;\n    }\n}\n' }, errors: [{ messageId: 'invalid', line: 3, column: 8 }] },
    ],
  },
  check(context, report) {
    const file = context.file.path;
    for (const info of context.named('if')) {
      const args = info.node.args;
      if (info.inGeneric || info.inUnknownBlock || args.length === 0 || args.some((w) => w.value.includes('${'))) continue;
      const first = args[0]!;
      const last = args[args.length - 1]!;
      const condition = args.map((w) => w.raw).join(' ');
      if (!first.value.startsWith('(') || !last.value.endsWith(')')) {
        report({ messageId: 'parentheses', data: { condition: condition.replace(/^\(|\)$/g, '') }, file, range: first.range });
        continue;
      }
      const tokens = args.map((w, i) => ({ word: w, value: w.value.slice(i === 0 ? 1 : 0, i === args.length - 1 ? w.value.length - 1 : undefined) })).filter((t) => t.value !== '' || t.word.quote !== null);
      const [t0, t1] = tokens;
      if (!t0) {
        report({ messageId: 'invalid', data: { condition }, file, range: first.range });
      } else if (t0.value.startsWith('$')) {
        if (tokens.length === 1) continue;
        if (!COMPARISONS.has(t1!.value)) report({ messageId: 'operator', data: { operator: t1!.value }, file, range: t1!.word.range });
        else if (tokens.length !== 3) report({ messageId: 'invalid', data: { condition }, file, range: first.range });
      } else if (!(FILE_TESTS.has(t0.value) && tokens.length === 2)) {
        report({ messageId: 'invalid', data: { condition }, file, range: first.range });
      }
    }
  },
};
