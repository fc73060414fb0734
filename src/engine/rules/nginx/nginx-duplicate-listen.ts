import type { NginxRule } from '../catalogue.ts';
import type { NginxBlock } from '../../nginx/ast.ts';
import type { NginxContextName } from '../../nginx/nginx-contexts.ts';
import { listenAddress } from '../../nginx/servers.ts';

// ngx_http_add_addresses (and its stream twin): the socket options of an
// address (`bind`, `reuseport`, `backlog=`, `ipv6only=`, `deferred`,
// `rcvbuf=`, `sndbuf=`, `so_keepalive=`, `fastopen=`, `setfib=`,
// `accept_filter=`) may be given by one `listen` only; a second server giving
// some again fails (« duplicate listen options for 0.0.0.0:80 »), whichever
// they are. `default_server`, `ssl`, `http2`, `proxy_protocol` are not socket
// options. ngx_http_add_server: one server listing the same address twice
// fails (« a duplicate listen 0.0.0.0:80 »). Probed on nginx 1.30.6.
const SOCKET_FLAGS = new Set(['bind', 'reuseport', 'deferred']);
const SOCKET_OPTIONS = new Set(['backlog', 'rcvbuf', 'sndbuf', 'accept_filter', 'ipv6only', 'so_keepalive', 'fastopen', 'setfib']);
const SERVER_CONTEXTS: ReadonlySet<NginxContextName | undefined> = new Set(['http-server', 'stream-server']);

export const duplicateListen: NginxRule = {
  id: 'nginx-duplicate-listen',
  kind: 'nginx',
  severity: 'error',
  messages: {
    options: 'Les options de socket de {{address}} (`{{option}}`…) sont déjà données par un autre `listen` ligne {{line}}\u00a0: nginx refuse la configuration («\u00a0duplicate listen options\u00a0»). Ne les écrivez que sur un seul `server`.',
    twice: 'Ce `server` écoute déjà sur {{address}} (ligne {{line}})\u00a0: nginx refuse la configuration («\u00a0a duplicate listen\u00a0»).',
  },
  docs: {
    title: 'Les options d’une adresse données deux fois',
    what: 'Signale un `listen` qui redonne des options de socket (`reuseport`, `backlog=`, `ipv6only=`, `bind`, `deferred`…) pour une adresse et un port qu’un autre `server` a déjà configurés ainsi, y compris dans un autre fichier de `conf.d/`, et un `server` qui écoute deux fois sur la même adresse.',
    why: 'Tous les `server` d’un même port partagent un seul socket\u00a0: ses options ne se règlent qu’une fois. Recopier le même bloc `server` (avec son `listen 80 reuseport;` ou `listen [::]:80 ipv6only=off;`) pour un deuxième site fait échouer `nginx -t`.',
    howToFix: 'Gardez les options sur le `listen` d’un seul `server` (souvent celui marqué `default_server`) et écrivez simplement `listen 80;` dans les autres.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      {
        name: 'les options sur un seul server',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80 default_server reuseport;\n    return 444;\n}\nserver {\n    listen 80;\n    server_name app.example;\n}\n' },
      },
      {
        name: 'des adresses différentes',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80 reuseport;\n    listen [::]:80 ipv6only=on;\n}\nserver {\n    listen 8080 reuseport;\n    listen 127.0.0.1:80 bind;\n}\n' },
      },
    ],
    invalid: [
      {
        name: 'le même server recopié',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen [::]:80 ipv6only=off;\n    server_name example.com;\n}\nserver {\n    listen [::]:80 ipv6only=off;\n    server_name www.example.com;\n}\n' },
        errors: [{ messageId: 'options', line: 6, column: 20, data: { address: '[::]:80', option: 'ipv6only=off', line: 2 } }],
      },
      {
        name: 'deux options différentes, dans deux fichiers',
        files: {
          'nginx/conf.d/a.conf': 'server {\n    listen 80 reuseport;\n}\n',
          'nginx/conf.d/b.conf': 'server {\n    listen 80 backlog=1024;\n    server_name app.example;\n}\n',
        },
        errors: [{ messageId: 'options', line: 2, column: 15, file: 'nginx/conf.d/b.conf', data: { address: '0.0.0.0:80', option: 'backlog=1024' } }],
      },
      {
        name: 'deux fois la même adresse dans un server',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    listen 80;\n}\n' },
        errors: [{ messageId: 'twice', line: 3, column: 5, data: { address: '0.0.0.0:80', line: 2 } }],
      },
    ],
  },
  check(context, report) {
    const withOptions = new Map<string, { file: string; line: number }>();
    for (const sibling of context.siblings) {
      if (sibling.role === 'fragment') continue;
      const perServer = new Map<NginxBlock, Map<string, number>>();
      for (const info of sibling.named('listen')) {
        if (!SERVER_CONTEXTS.has(info.context) || !info.parent) continue;
        const address = listenAddress(info);
        if (!address) continue;
        const key = `${info.context} ${address}`;
        const data = { address: address.replace('/quic', ' (QUIC)') };
        const line = info.node.nameRange.start.line;
        const listed = perServer.get(info.parent) ?? new Map<string, number>();
        perServer.set(info.parent, listed);
        const before = listed.get(key);
        if (before !== undefined) {
          if (sibling === context) report({ messageId: 'twice', data: { ...data, line: before }, file: context.file.path, range: info.node.range });
          continue;
        }
        listed.set(key, line);
        const option = info.node.args.slice(1).find((w) => SOCKET_FLAGS.has(w.value) || SOCKET_OPTIONS.has(w.value.split('=')[0]!));
        if (!option) continue;
        const first = withOptions.get(key);
        if (!first) withOptions.set(key, { file: sibling.file.path, line });
        else if (sibling === context) report({ messageId: 'options', data: { ...data, option: option.value, line: first.line }, file: context.file.path, range: option.range });
      }
    }
  },
};
