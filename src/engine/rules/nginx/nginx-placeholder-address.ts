import type { NginxRule } from '../catalogue.ts';

// ngx_http_core_listen and ngx_http_upstream_server parse their address with
// ngx_parse_url while loading: a port that is not a number fails (« invalid
// port in "…" of the "listen" directive »), and a host name is resolved there
// and then (« host not found in "…" », « host not found in upstream "…" »).
// We cannot know which names resolve, but a name that is a placeholder some
// tool should have replaced (`__PORT__`, `${BACKEND}`, `%DIR%`, `##DOMAIN##`,
// `gerbera.DOMAINNAME`) never does: nginx does not read variables there, and
// only the official image's entrypoint replaces `${VAR}` (in templates/).
// Docker's names may hold `_` (`project_api_1`) and resolvers ignore case: only
// what no name holds counts, and, for `listen` (an address of the machine
// itself), a label in capitals as placeholders are written (`DOMAINNAME`).
const NOT_IN_A_NAME = /[^A-Za-z0-9._*-]|^__|__$/;
const CAPITALS_LABEL = /(^|\.)[A-Z][A-Z0-9_]{2,}(\.|$)/;

function split(address: string): { host: string | undefined; port: string | undefined } {
  if (address.startsWith('[')) {
    const end = address.indexOf(']');
    if (end === -1) return { host: undefined, port: undefined };
    const rest = address.slice(end + 1);
    return { host: undefined, port: rest.startsWith(':') ? rest.slice(1) : undefined };
  }
  const colon = address.lastIndexOf(':');
  if (colon === -1) return /^\d+$/.test(address) ? { host: undefined, port: address } : { host: address, port: undefined };
  return { host: address.slice(0, colon), port: address.slice(colon + 1) };
}

const placeholderHost = (host: string | undefined): boolean => host !== undefined && host !== '*' && NOT_IN_A_NAME.test(host);

export const placeholderAddress: NginxRule = {
  id: 'nginx-placeholder-address',
  kind: 'nginx',
  severity: 'error',
  messages: {
    port: '`listen {{value}}`\u00a0: le port «\u00a0{{port}}\u00a0» n’est pas un nombre\u00a0; nginx refuse la configuration («\u00a0invalid port\u00a0»). Si c’est un paramètre à remplacer, il ne l’a pas été.',
    listenHost: '`listen {{value}}`\u00a0: nginx prend «\u00a0{{host}}\u00a0» pour un nom d’hôte et ne le trouve pas («\u00a0host not found\u00a0»). Ce paramètre n’a pas été remplacé\u00a0: nginx ne remplace rien dans ses fichiers.',
    upstreamHost: '`server {{value}}`\u00a0: nginx prend «\u00a0{{host}}\u00a0» pour un nom d’hôte et ne le trouve pas («\u00a0host not found in upstream\u00a0»). Ce paramètre n’a pas été remplacé\u00a0: nginx ne remplace rien dans ses fichiers.',
  },
  docs: {
    title: 'Un paramètre d’adresse resté tel quel',
    what: 'Signale un `listen` dont le port n’est pas un nombre ou dont l’hôte est un paramètre à remplacer (`__PORT__`, `${PORT}`, `DOMAINNAME`…), et un `server` d’upstream dont l’hôte en est un (`${BACKEND}`).',
    why: 'nginx lit ces adresses au chargement\u00a0: il ne connaît pas les variables d’environnement et ne remplace aucun `${VAR}` lui-même. Un fichier modèle copié tel quel dans `conf.d/` (au lieu de `templates/`, que l’image officielle passe à `envsubst` au démarrage) fait échouer `nginx -t`.',
    howToFix: 'Écrivez la valeur (`listen 80;`, `server api:3000;`), ou montez le fichier dans `/etc/nginx/templates/` avec l’extension `.template` et donnez la variable au service dans `environment`.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { name: 'des adresses écrites, un nom de conteneur, un nom en capitales', files: { 'nginx/conf.d/default.conf': 'upstream api {\n    server api:3000;\n    server projet_api_1:3000;\n    server API:3000;\n}\nserver {\n    listen 80;\n    listen [::]:80;\n    listen 127.0.0.1:8080;\n    listen *:8443;\n    server_name app.example;\n}\n' } },
      { name: 'un modèle que l’image remplit', files: { 'nginx/templates/default.conf.template': 'upstream api {\n    server ${BACKEND};\n}\nserver {\n    listen ${PORT};\n}\n' } },
    ],
    invalid: [
      {
        name: 'un modèle copié dans conf.d',
        files: { 'nginx/conf.d/default.conf': 'upstream api {\n    server ${BACKEND} fail_timeout=0;\n}\nserver {\n    listen ${PORT};\n}\n' },
        errors: [
          { messageId: 'upstreamHost', line: 2, column: 12, data: { host: '${BACKEND}' } },
          { messageId: 'listenHost', line: 5, column: 12, data: { host: '${PORT}' } },
        ],
      },
      {
        name: 'des paramètres d’un script d’installation',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen __PORT__;\n    listen [::]:__PORT__;\n}\nserver {\n    listen app.DOMAINNAME:80;\n}\n' },
        errors: [
          { messageId: 'listenHost', line: 2, column: 12, data: { host: '__PORT__' } },
          { messageId: 'port', line: 3, column: 12, data: { port: '__PORT__' } },
          { messageId: 'listenHost', line: 6, column: 12, data: { host: 'app.DOMAINNAME' } },
        ],
      },
    ],
  },
  check(context, report) {
    for (const info of context.nodes) {
      const { node } = info;
      const word = node.args[0];
      if (node.kind !== 'directive' || !word) continue;
      const address = word.value;
      if (address.startsWith('unix:')) continue;
      // In a template the image renders, `${VAR}` is replaced before nginx reads the file.
      if (context.isTemplate && /\$\{\w+\}/.test(address)) continue;
      const { host, port } = split(address);
      const data = { value: address, host: host ?? '', port: port ?? '' };
      if (node.name === 'listen' && (info.context === 'http-server' || info.context === 'stream-server' || info.context === 'mail-server')) {
        if (port !== undefined && !/^\d+$/.test(port)) report({ messageId: 'port', data, file: context.file.path, range: word.range });
        else if (placeholderHost(host) || (host !== undefined && CAPITALS_LABEL.test(host))) report({ messageId: 'listenHost', data, file: context.file.path, range: word.range });
      } else if (node.name === 'server' && (info.context === 'http-upstream' || info.context === 'stream-upstream') && placeholderHost(host)) {
        report({ messageId: 'upstreamHost', data, file: context.file.path, range: word.range });
      }
    }
  },
};
