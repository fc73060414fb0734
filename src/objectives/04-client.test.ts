import { testObjectives } from './objective-tester.ts';

const CONF = 'nginx/conf.d/default.conf';
const client = (extra = '', image = 'nginx:1.30-alpine') => `services:\n  client:\n    image: ${image}\n${extra}`;
const wget = (url: string) => `    healthcheck:\n      test: ["CMD", "wget", "-qO-", "${url}"]\n`;
const server = (body: string) => `server {\n    listen 80;\n    root /usr/share/nginx/html;\n${body}}\n`;
const health = '    location = /health {\n        return 200 "ok\\n";\n    }\n';

testObjectives('04-client', [
  { objective: 'client-image-epinglee', met: { 'compose.yaml': client() }, unmet: { 'compose.yaml': client('', 'nginx:latest') } },
  {
    objective: 'sans-url-api-absolue',
    met: { 'compose.yaml': client('    environment:\n      NODE_ENV: production\n') },
    unmet: { 'compose.yaml': client('    environment:\n      REACT_APP_API_URL: http://localhost:3001\n') },
  },
  {
    objective: 'sans-url-api-absolue',
    name: 'sans service client',
    met: { 'compose.yaml': client() },
    unmet: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n' },
  },
  {
    objective: 'api-relayee',
    met: { [CONF]: server('    location /api/ {\n        proxy_pass http://api:3000;\n    }\n') },
    unmet: { [CONF]: server('    location /api/ {\n        proxy_pass http://api:3000/;\n    }\n') },
  },
  {
    objective: 'api-relayee',
    name: 'relais hors de /api/',
    met: { [CONF]: server('    location /api/ {\n        proxy_pass http://api;\n    }\n') },
    unmet: { [CONF]: server('    location / {\n        proxy_pass http://api;\n    }\n') },
  },
  {
    objective: 'repli-spa',
    met: { [CONF]: server('    location / {\n        try_files $uri $uri/ /index.html;\n    }\n') },
    unmet: { [CONF]: server('    location / {\n        try_files $uri $uri/ =404;\n    }\n') },
  },
  {
    objective: 'repli-spa',
    name: 'sans $uri',
    met: { [CONF]: server('    location / {\n        try_files $uri /index.html;\n    }\n') },
    unmet: { [CONF]: server('    location / {\n        try_files /index.html /index.html;\n    }\n') },
  },
  {
    objective: 'sante-client',
    met: { 'compose.yaml': client(wget('http://127.0.0.1/health')), [CONF]: server(health) },
    unmet: { 'compose.yaml': client(wget('http://127.0.0.1/health')), [CONF]: server('    location /health {\n        return 200;\n    }\n') },
  },
  {
    objective: 'sante-client',
    name: 'la sonde vise une autre adresse',
    met: { 'compose.yaml': client(wget('http://127.0.0.1/health')), [CONF]: server(health) },
    unmet: { 'compose.yaml': client(wget('http://127.0.0.1/')), [CONF]: server(health) },
  },
  {
    objective: 'sante-client',
    name: 'curl au lieu de wget',
    met: { 'compose.yaml': client(wget('http://127.0.0.1/health')), [CONF]: server(health) },
    unmet: { 'compose.yaml': client('    healthcheck:\n      test: ["CMD", "curl", "-f", "http://127.0.0.1/health"]\n'), [CONF]: server(health) },
  },
]);
