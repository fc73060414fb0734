import type { NginxRule } from '../catalogue.ts';
import type { NginxContext, NodeInfo } from '../../nginx/context.ts';
import type { NginxWord } from '../../nginx/ast.ts';
import { HTTP_VARIABLES, HTTP_VARIABLE_PREFIXES, STREAM_VARIABLES, STREAM_VARIABLE_PREFIXES } from '../../nginx/variables.ts';
import { closest } from '../../compose/schema/edit-distance.ts';
import { hasUnseenIncludes } from '../../nginx/unseen-includes.ts';

/**
 * Directives whose arguments nginx compiles as "complex values" at load time,
 * so an unknown `$name` fails `nginx -t` (« unknown "name" variable »). Other
 * directives (`listen`, `server_name`, `location`…) take `$` literally or as a
 * regex anchor. Checked by probing nginx 1.30.6 with `$zz_unknown` in each.
 */
const COMPILING = new Set([
  'set', 'return', 'rewrite', 'if', 'add_header', 'add_trailer', 'expires', 'root', 'alias', 'try_files', 'index', 'error_page',
  'proxy_pass', 'proxy_set_header', 'proxy_cache_key', 'proxy_cache_bypass', 'proxy_no_cache', 'proxy_redirect', 'proxy_ssl_name', 'proxy_bind',
  'proxy_cookie_domain', 'proxy_cookie_path', 'proxy_set_body', 'proxy_method',
  'fastcgi_pass', 'fastcgi_param', 'fastcgi_cache_key', 'fastcgi_cache_bypass', 'fastcgi_no_cache',
  'uwsgi_pass', 'uwsgi_param', 'scgi_pass', 'scgi_param', 'grpc_pass', 'grpc_set_header',
  'log_format', 'access_log', 'limit_req_zone', 'limit_conn_zone', 'auth_request_set', 'auth_basic', 'auth_basic_user_file',
  'sub_filter', 'secure_link', 'secure_link_md5', 'ssl_certificate', 'ssl_certificate_key', 'limit_rate', 'limit_rate_after',
  'charset', 'proxy_cache', 'proxy_store', 'proxy_ssl_certificate', 'proxy_ssl_certificate_key',
  'map', 'split_clients', 'js_content',
]);

/** Directives that define the variable named by their argument at `index` (negative: from the end). */
const DEFINERS: Record<string, number> = { set: 0, map: 1, split_clients: 1, geo: -1, perl_set: 0, js_set: 0, auth_request_set: 0 };

const VARIABLE = /\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z_][A-Za-z0-9_]*))/g;
const NAMED_GROUP = /\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>|\(\?'([A-Za-z_][A-Za-z0-9_]*)'/g;
const REGEX_OPERATORS = new Set(['~', '~*', '!~', '!~*']);
const NO_WORDS: ReadonlySet<NginxWord> = new Set();

function isStream(info: NodeInfo): boolean {
  return info.context?.startsWith('stream') ?? false;
}

/** Arguments that are regexes, where `$` is an anchor, not a variable. */
function regexArgs(info: NodeInfo): ReadonlySet<NginxWord> {
  const { node } = info;
  if (node.name !== 'rewrite' && node.name !== 'if') return NO_WORDS;
  const out = new Set<NginxWord>();
  if (node.name === 'rewrite' && node.args[0]) out.add(node.args[0]);
  if (node.name === 'if') node.args.forEach((word, i) => { if (i > 0 && REGEX_OPERATORS.has(node.args[i - 1]!.value.replace(/^\(/, ''))) out.add(word); });
  return out;
}

function addNamedGroups(word: string, http: Set<string>, stream: Set<string>): void {
  if (!word.includes('(?')) return;
  for (const match of word.matchAll(NAMED_GROUP)) {
    http.add(match[1] ?? match[2]!);
    stream.add(match[1] ?? match[2]!);
  }
}

/** Variable names the project defines itself, per kind; `complete` is false when an include we cannot see may define more. */
function definedNames(context: NginxContext): { http: Set<string>; stream: Set<string>; complete: boolean } {
  const http = new Set<string>();
  const stream = new Set<string>();
  const complete = !hasUnseenIncludes(context);
  for (const sibling of context.siblings) {
    for (const info of sibling.nodes) {
      const { node } = info;
      const into = isStream(info) ? stream : http;
      const index = DEFINERS[node.name];
      if (index !== undefined && !info.inGeneric) {
        const word = node.args.at(index);
        const name = word?.value.startsWith('$') ? word.value.slice(1) : undefined;
        if (name) into.add(name);
      }
      // Every word of every node is looked at: the regex only where a named group can start.
      addNamedGroups(node.name, http, stream);
      for (const word of node.args) addNamedGroups(word.value, http, stream);
    }
  }
  return { http, stream, complete };
}

interface UnknownVerdict {
  reported: boolean;
  suggestion: string | undefined;
}

/** Whether a name that is neither built in nor a family member is reported, and with which suggestion. */
function unknownVerdict(name: string, builtIn: ReadonlySet<string>, own: ReadonlySet<string>, complete: boolean): UnknownVerdict {
  // nginx lowercases variable names (ngx_http_get_variable_index): `$Host_Name` is `$host_name`.
  if (own.has(name) || [...own].some((n) => n.toLowerCase() === name.toLowerCase())) return { reported: false, suggestion: undefined };
  const suggestion = closest(name, [...builtIn, ...own]);
  // An include we cannot see may define any name; a near-miss of a built-in one is a typo all the same,
  // unless the name follows a naming pattern of the project's own variables (`$upstream_app` next to `$upstream_port`).
  if (!complete && (suggestion === undefined || [...own].some((n) => n.split('_')[0] === name.split('_')[0] && n !== name))) return { reported: false, suggestion };
  return { reported: true, suggestion };
}

export const unknownVariable: NginxRule = {
  id: 'nginx-unknown-variable',
  kind: 'nginx',
  severity: 'error',
  messages: {
    unknown: 'nginx ne connaît pas la variable `${{name}}`\u00a0: il refuse la configuration (`unknown "{{name}}" variable`).',
    unknownSuggest: 'nginx ne connaît pas la variable `${{name}}`\u00a0: vouliez-vous dire `${{suggestion}}`\u00a0? (nginx refuse la configuration\u00a0: `unknown "{{name}}" variable`)',
  },
  docs: {
    title: 'Une variable que nginx ne connaît pas',
    what: 'Signale une variable (`$nom`) employée dans une directive que nginx évalue, alors qu’aucun module ne la fournit et que la configuration ne la définit pas (`set`, `map`, `geo`, `split_clients`, capture nommée d’une expression régulière).',
    why: 'nginx résout les noms de variables au chargement\u00a0: une faute de frappe (`$remote_adr`) ou une variable définie dans un fichier qui n’est pas chargé fait échouer `nginx -t`, et le conteneur ne démarre pas.',
    howToFix: 'Corrigez le nom (la liste des variables est dans la documentation de nginx, «\u00a0Alphabetical index of variables\u00a0»), ou définissez la variable avant de l’employer, par exemple avec `map $http_upgrade $connection_upgrade { … }` au niveau `http`.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { name: 'variables des modules et familles', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location / {\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_set_header X-Id $http_x_request_id;\n        return 200 "$arg_page $cookie_session";\n    }\n}\n' } },
      { name: 'une variable définie par map dans un autre fichier', files: { 'nginx/conf.d/upgrade.conf': 'map $http_upgrade $connection_upgrade {\n    default upgrade;\n    ""      close;\n}\n', 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /ws/ {\n        proxy_set_header Connection $connection_upgrade;\n        proxy_pass http://api:3000;\n    }\n}\n' } },
      { name: 'capture nommée', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location ~ ^/u/(?<user>[a-z]+)$ {\n        return 200 $user;\n    }\n}\n' } },
      { name: 'un include que le projet ne contient pas peut définir la variable', files: { 'nginx/conf.d/default.conf': 'include /etc/nginx/extra/vars.conf;\nserver {\n    listen 80;\n    return 200 $from_include;\n}\n' } },      { name: 'split_clients, set, les captures numérotées d’un rewrite', files: { 'nginx/conf.d/default.conf': 'split_clients "${remote_addr}AAA" $variante {\n    50% a;\n    *   b;\n}\nserver {\n    listen 80;\n    set $cible api:3000;\n    rewrite ^/ancien/(.*)$ /nouveau/$1 permanent;\n    location / {\n        add_header X-Variante $variante;\n        proxy_pass http://$cible;\n    }\n}\n' } },
      { name: 'les variables du bloc stream', files: { 'nginx/nginx.conf': 'events {}\nstream {\n    map $ssl_preread_server_name $cible {\n        default db:5432;\n    }\n    server {\n        listen 5432;\n        ssl_preread on;\n        proxy_pass $cible;\n    }\n}\n' } },
      { name: 'un modèle, où ${NOM} est remplacé avant nginx', files: { 'nginx/templates/default.conf.template': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://${API_HOST}:3000;\n    }\n}\n' } },
      { name: 'en capitales (nginx ne distingue pas la casse)', files: { 'nginx/conf.d/default.conf': 'map $HTTP_UPGRADE $Conn {\n    default a;\n}\nserver {\n    listen 80;\n    set $Foo 1;\n    return 200 "$REMOTE_ADDR $foo $conn $Arg_X $SERVER_ADDR";\n}\n' } },
      { name: 'un préfixe seul, accepté par nginx', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    return 200 "$arg_ $http_";\n}\n' } },
    ],
    invalid: [
      {
        name: 'faute de frappe',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location / {\n        proxy_set_header X-Real-IP $remote_adr;\n        proxy_pass http://api:3000;\n    }\n}\n' },
        errors: [{ messageId: 'unknownSuggest', line: 4, column: 36, data: { name: 'remote_adr', suggestion: 'remote_addr' } }],
      },
      {
        name: 'variable jamais définie',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://$backend_host;\n    }\n}\n' },
        errors: [{ messageId: 'unknown', line: 4, column: 27, data: { name: 'backend_host' } }],
      },
      {
        name: 'dans une valeur de map',
        files: { 'nginx/conf.d/default.conf': 'map $http_upgrade $connection_upgrade {\n    default $conection;\n    ""      close;\n}\n' },
        errors: [{ messageId: 'unknownSuggest', line: 2, column: 13 }],
      },
      {
        name: 'une faute de frappe malgré un include invisible',
        files: { 'nginx/conf.d/default.conf': 'include /etc/nginx/extra/vars.conf;\nserver {\n    listen 80;\n    return 301 https://$host$reqest_uri;\n}\n' },
        errors: [{ messageId: 'unknownSuggest', line: 4, column: 29, data: { name: 'reqest_uri', suggestion: 'request_uri' } }],
      },
      {
        name: 'une variable http dans stream',
        files: { 'nginx/nginx.conf': 'events {}\nstream {\n    server {\n        listen 5432;\n        proxy_pass $http_host;\n    }\n}\n' },
        errors: [{ messageId: 'unknown', line: 5, column: 20, data: { name: 'http_host' } }],
      },
      {
        name: 'la forme entre accolades',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    return 200 "${remote_adr}";\n}\n' },
        errors: [{ messageId: 'unknownSuggest', line: 3, column: 17, data: { name: 'remote_adr', suggestion: 'remote_addr' } }],
      },
      {
        name: 'un chiffre en trop',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location / {\n        proxy_set_header X-Id $request_id2;\n        proxy_pass http://api:3000;\n    }\n}\n' },
        errors: [{ messageId: 'unknownSuggest', line: 4, column: 31, data: { name: 'request_id2', suggestion: 'request_id' } }],
      },
    ],
  },
  check(context, report) {
    let defined: ReturnType<typeof definedNames> | undefined;
    // The answer for a name depends on the name and the kind only: a file repeating an unknown name is not searched for a suggestion each time.
    const httpVerdicts = new Map<string, UnknownVerdict>();
    const streamVerdicts = new Map<string, UnknownVerdict>();
    for (const info of context.nodes) {
      const { node } = info;
      // A `map` entry's value is compiled too (`default $fallback;`); its key is not.
      const mapValue = info.inGeneric && info.parent?.name === 'map' && node.name !== 'include' && node.name !== 'hostnames';
      if (info.inUnknownBlock || (!mapValue && (!COMPILING.has(node.name) || info.inGeneric))) continue;
      const regexes = regexArgs(info);
      const stream = isStream(info);
      const builtIn = stream ? STREAM_VARIABLES : HTTP_VARIABLES;
      const prefixes = stream ? STREAM_VARIABLE_PREFIXES : HTTP_VARIABLE_PREFIXES;
      // `map`, `split_clients`: only the source is compiled; the last word is the variable they define.
      const words = mapValue ? node.args : node.name === 'map' || node.name === 'split_clients' ? node.args.slice(0, 1) : node.name === 'set' ? node.args.slice(1) : node.args;
      for (const word of words) {
        if (regexes.has(word) || !word.raw.includes('$')) continue;
        for (const match of word.raw.matchAll(VARIABLE)) {
          // In a template, `${NAME}` is the image's envsubst placeholder, replaced before nginx reads the file.
          if (context.isTemplate && match[1] !== undefined) continue;
          const name = match[1] ?? match[2]!;
          // nginx lowercases variable names (ngx_http_get_variable_index): `$REMOTE_ADDR` is `$remote_addr`.
          const key = name.toLowerCase();
          // A prefix alone (`$arg_`, `$http_`) is accepted by nginx 1.30 as an empty name, not refused.
          if (/^\d/.test(name) || builtIn.has(key) || prefixes.some((p) => key.startsWith(p))) continue;
          defined ??= definedNames(context);
          const verdicts = stream ? streamVerdicts : httpVerdicts;
          let verdict = verdicts.get(name);
          if (!verdict) verdicts.set(name, (verdict = unknownVerdict(name, builtIn, stream ? defined.stream : defined.http, defined.complete)));
          if (!verdict.reported) continue;
          const { suggestion } = verdict;
          const column = word.range.start.column + match.index;
          const sameLine = word.range.start.line === word.range.end.line;
          report({
            messageId: suggestion ? 'unknownSuggest' : 'unknown',
            data: { name, ...(suggestion ? { suggestion } : {}) },
            file: context.file.path,
            range: sameLine ? { start: { line: word.range.start.line, column }, end: { line: word.range.start.line, column: column + match[0].length } } : word.range,
          });
        }
      }
    }
  },
};
