// The value checks nginx makes while loading a directive that learners trip
// over most. Not a full validator: each check mirrors one nginx handler
// (ngx_http_core_listen, ngx_http_upstream_server, ngx_http_headers_add,
// ngx_http_log_set_log, ngx_http_file_cache_valid_set_slot, ngx_http_rewrite,
// ngx_http_file_cache_set_slot, ngx_conf_set_flag/enum/bitmask_slot), and
// any word holding a variable is left alone.
import type { NginxWord } from './ast.ts';
import type { NodeInfo } from './context.ts';
import { applicableSpecs } from './directive-lookup.ts';
import type { DirectiveSpec } from './directive-spec.ts';

export interface InvalidArgument {
  word: NginxWord;
  kind: 'parameter' | 'keyword';
  /** For `keyword`: what nginx accepts. */
  expected?: string;
}

const HTTP_LISTEN_FLAGS = new Set(['default_server', 'default', 'ssl', 'http2', 'quic', 'proxy_protocol', 'deferred', 'bind', 'reuseport', 'multipath']);
const STREAM_LISTEN_FLAGS = new Set(['default_server', 'ssl', 'udp', 'proxy_protocol', 'deferred', 'bind', 'reuseport', 'multipath']);
const MAIL_LISTEN_FLAGS = new Set(['ssl', 'proxy_protocol', 'bind', 'multipath']);
const LISTEN_OPTIONS = new Set(['setfib', 'fastopen', 'backlog', 'rcvbuf', 'sndbuf', 'accept_filter', 'ipv6only', 'so_keepalive']);
const UPSTREAM_SERVER_FLAGS = new Set(['backup', 'down', 'resolve']);
const UPSTREAM_SERVER_OPTIONS = new Set(['weight', 'max_conns', 'max_fails', 'fail_timeout', 'slow_start', 'route', 'service']);
const ACCESS_LOG_OPTIONS = new Set(['buffer', 'gzip', 'flush', 'if']);
const CACHE_PATH_OPTIONS = new Set(['levels', 'use_temp_path', 'keys_zone', 'inactive', 'max_size', 'min_free', 'manager_files', 'manager_sleep', 'manager_threshold', 'loader_files', 'loader_sleep', 'loader_threshold', 'purger', 'purger_files', 'purger_sleep', 'purger_threshold']);
const SERVER_TOKENS = new Set(['on', 'off', 'build']);
const LOG_LEVELS = new Set(['debug', 'info', 'notice', 'warn', 'error', 'crit', 'alert', 'emerg']);
const REWRITE_FLAGS = new Set(['last', 'break', 'redirect', 'permanent']);
/** nginx time values: `30`, `30s`, `1h30m`, `500ms`. */
const TIME = /^(\d+(ms|s|m|h|d|w|M|y)?\s*)+$/;

const hasVariable = (word: NginxWord): boolean => word.value.includes('$');
const optionName = (word: NginxWord): string => word.value.split('=')[0]!;

function firstNot(words: readonly NginxWord[], ok: (word: NginxWord) => boolean): InvalidArgument | undefined {
  const word = words.find((w) => !hasVariable(w) && !ok(w));
  return word ? { word, kind: 'parameter' } : undefined;
}

function listenFlags(info: NodeInfo): ReadonlySet<string> | undefined {
  if (info.context === 'http-server') return HTTP_LISTEN_FLAGS;
  if (info.context === 'stream-server') return STREAM_LISTEN_FLAGS;
  if (info.context === 'mail-server') return MAIL_LISTEN_FLAGS;
  return undefined;
}

function byHandler(info: NodeInfo): InvalidArgument | undefined {
  const { node } = info;
  const args = node.args;
  switch (node.name) {
    case 'listen': {
      const flags = listenFlags(info);
      if (!flags) return undefined;
      return firstNot(args.slice(1), (w) => (w.value.includes('=') ? LISTEN_OPTIONS.has(optionName(w)) : flags.has(w.value)));
    }
    case 'server':
      if (info.context !== 'http-upstream' && info.context !== 'stream-upstream') return undefined;
      return firstNot(args.slice(1), (w) => (w.value.includes('=') ? UPSTREAM_SERVER_OPTIONS.has(optionName(w)) : UPSTREAM_SERVER_FLAGS.has(w.value)));
    case 'add_header':
    case 'add_trailer':
      return args.length === 3 ? firstNot(args.slice(2), (w) => w.value === 'always') : undefined;
    case 'access_log':
      if (args[0]?.value === 'off') return firstNot(args.slice(1), () => false);
      return firstNot(args.slice(2), (w) => ACCESS_LOG_OPTIONS.has(optionName(w)));
    case 'proxy_cache_valid':
    case 'fastcgi_cache_valid':
    case 'uwsgi_cache_valid':
    case 'scgi_cache_valid':
      return firstNot(args.slice(0, -1), (w) => /^(\d{3}|any)$/.test(w.value)) ?? firstNot(args.slice(-1), (w) => TIME.test(w.value));
    case 'proxy_cache_path':
    case 'fastcgi_cache_path':
    case 'uwsgi_cache_path':
    case 'scgi_cache_path':
      return firstNot(args.slice(1), (w) => CACHE_PATH_OPTIONS.has(optionName(w)) && w.value.includes('='));
    case 'keepalive_timeout':
      return info.context === 'http-upstream' ? undefined : firstNot(args, (w) => TIME.test(w.value));
    case 'error_log':
      // ngx_log_set_levels: every word after the file is a level (or a `debug_*` mask).
      return firstNot(args.slice(1), (w) => LOG_LEVELS.has(w.value) || /^debug_(core|alloc|mutex|event|http|mail|stream)$/.test(w.value));
    case 'server_tokens':
      // `server_tokens string` is NGINX Plus only; the open-source build knows three words.
      return firstNot(args, (w) => SERVER_TOKENS.has(w.value));
    case 'rewrite':
      // ngx_http_rewrite: the optional third word is one of four flags.
      return args.length === 3 ? firstNot(args.slice(2), (w) => REWRITE_FLAGS.has(w.value)) : undefined;
    case 'use':
      // ngx_event_use: the event modules built in. On Linux, configure builds
      // epoll only, unless --with-poll_module or --with-select_module, which
      // neither the official image nor Debian passes (« invalid event type »).
      if (info.context !== 'events') return undefined;
      return args[0] && !hasVariable(args[0]) && args[0].value !== 'epoll' ? { word: args[0], kind: 'keyword', expected: '« epoll »' } : undefined;
    case 'expires':
      return args.length === 2 ? firstNot(args.slice(0, 1), (w) => w.value === 'modified') : undefined;
    default:
      return undefined;
  }
}

export function firstInvalidArgument(info: NodeInfo): InvalidArgument | undefined {
  const { node } = info;
  if (node.kind !== 'directive' || node.args.length === 0) return undefined;
  const specific = byHandler(info);
  if (specific) return specific;
  const specs = applicableSpecs(info);
  if (specs.length === 0 || specs.some((spec) => spec.values.length === 0)) return undefined;
  const accepted = acceptedKeywords(specs);
  const word = node.args.find((w) => !hasVariable(w) && !accepted.has(w.value.toLowerCase()));
  if (!word) return undefined;
  const values = [...new Set(specs.flatMap((spec) => spec.values))];
  return { word, kind: 'keyword', expected: values.map((v) => `« ${v} »`).join(', ') };
}

/** The keywords the rows accept, lowercased; one set per row list (`applicableSpecs` gives the same list for the same name and context). */
function acceptedKeywords(specs: readonly DirectiveSpec[]): ReadonlySet<string> {
  let accepted = acceptedBySpecs.get(specs);
  if (!accepted) acceptedBySpecs.set(specs, (accepted = new Set(specs.flatMap((spec) => spec.values.map((v) => v.toLowerCase())))));
  return accepted;
}

const acceptedBySpecs = new WeakMap<readonly DirectiveSpec[], ReadonlySet<string>>();
