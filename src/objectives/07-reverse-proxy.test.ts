import { testObjectives } from './objective-tester.ts';

const CONF = 'nginx/proxy.conf.template';
const compose = (services: string, tail = '') => ({ 'compose.yaml': `services:\n${services}${tail}` });
const proxy = (body: string) => `  proxy:\n    image: nginx:1.30-alpine\n${body}`;
const published = '    ports:\n      - "${HTTP_PORT:-8080}:80"\n      - "${HTTPS_PORT:-8443}:443"\n';
const certs = '  certs:\n    build: ./tls\n    volumes:\n      - certs:/certs\n';
const waitsCerts = (condition: string, mode = ':ro') =>
  proxy(`    volumes:\n      - certs:/etc/nginx/certs${mode}\n    depends_on:\n      certs:\n        condition: ${condition}\n`);
const tls = (listen: string, extra = '    http2 on;\n') =>
  `server {\n    listen ${listen};\n${extra}    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n`;
const api = (location: string, top = '') =>
  `${top}server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api:3000;\n${location}    }\n}\n`;

testObjectives('07-reverse-proxy', [
  { objective: 'proxy-seul-publie', met: compose(proxy(published)), unmet: compose(proxy('    ports:\n      - "80:80"\n      - "443:443"\n')) },
  {
    objective: 'proxy-seul-publie',
    name: 'le client reste publié',
    met: compose(proxy(published) + '  client:\n    image: nginx:1.30-alpine\n'),
    unmet: compose(proxy(published) + '  client:\n    image: nginx:1.30-alpine\n    ports:\n      - "3000:80"\n'),
  },
  { objective: 'proxy-seul-publie', name: 'HTTPS oublié', met: compose(proxy(published)), unmet: compose(proxy('    ports:\n      - "${HTTP_PORT:-8080}:80"\n')) },
  { objective: 'proxy-hors-backend', met: compose(proxy('    networks: [frontend]\n')), unmet: compose(proxy('    networks: [frontend, backend]\n')) },
  { objective: 'proxy-hors-backend', name: 'sans réseau', met: compose(proxy('    networks: [frontend]\n')), unmet: compose(proxy('')) },
  {
    objective: 'proxy-attend-certs',
    met: compose(certs + waitsCerts('service_completed_successfully'), 'volumes:\n  certs:\n'),
    unmet: compose(certs + waitsCerts('service_started'), 'volumes:\n  certs:\n'),
  },
  {
    objective: 'proxy-attend-certs',
    name: 'certificats modifiables par le proxy',
    met: compose(certs + waitsCerts('service_completed_successfully'), 'volumes:\n  certs:\n'),
    unmet: compose(certs + waitsCerts('service_completed_successfully', ''), 'volumes:\n  certs:\n'),
  },
  {
    objective: 'proxy-attend-certs',
    name: 'volume non déclaré',
    met: compose(certs + waitsCerts('service_completed_successfully'), 'volumes:\n  certs:\n'),
    unmet: compose(certs + waitsCerts('service_completed_successfully')),
  },
  {
    objective: 'proxy-attend-certs',
    name: 'certs n’écrit pas dans le volume',
    met: compose(certs + waitsCerts('service_completed_successfully'), 'volumes:\n  certs:\n'),
    unmet: compose('  certs:\n    build: ./tls\n' + waitsCerts('service_completed_successfully'), 'volumes:\n  certs:\n'),
  },
  { objective: 'https-http2-on', met: { [CONF]: tls('443 ssl') }, unmet: { [CONF]: tls('443 ssl http2', '') } },
  { objective: 'https-http2-on', name: 'http2 sans TLS', met: { [CONF]: tls('443 ssl') }, unmet: { [CONF]: tls('443') } },
  { objective: 'https-http2-on', name: 'http2 off', met: { [CONF]: tls('[::]:443 ssl') }, unmet: { [CONF]: tls('443 ssl', '    http2 off;\n') } },
  { objective: 'https-http2-on', name: 'autre port', met: { [CONF]: tls('443 ssl') }, unmet: { [CONF]: tls('8443 ssl') } },
  { objective: 'api-sans-cache', met: { [CONF]: api('') }, unmet: { [CONF]: api('        proxy_cache api_cache;\n') } },
  { objective: 'api-sans-cache', name: 'durée de cache', met: { [CONF]: api('') }, unmet: { [CONF]: api('        proxy_cache_valid 200 1h;\n') } },
  {
    objective: 'api-sans-cache',
    name: 'cache hérité du serveur',
    met: { [CONF]: api('') },
    unmet: { [CONF]: api('').replace('    listen 80;\n', '    listen 80;\n    proxy_cache api_cache;\n') },
  },
  { objective: 'api-sans-cache', name: 'sans location /api/', met: { [CONF]: api('') }, unmet: { [CONF]: 'server {\n    listen 80;\n}\n' } },
  { objective: 'proxy-seul-publie', name: 'HTTP oublié', met: compose(proxy(published)), unmet: compose(proxy('    ports:\n      - "${HTTPS_PORT:-8443}:443"\n')) },
  {
    objective: 'https-http2-on',
    name: 'http2 on, mais encore sur listen',
    met: { [CONF]: `server {\n    listen 80;\n}\n${tls('443 ssl')}` },
    unmet: { [CONF]: `server {\n    listen 80;\n}\n${tls('443 ssl http2')}` },
  },
]);
