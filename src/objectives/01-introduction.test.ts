import { testObjectives } from './objective-tester.ts';

const compose = (web: string, head = '') => ({ 'compose.yaml': `${head}services:\n  web:\n${web}` });
const pinned = '    image: nginx:1.30-alpine\n';

testObjectives('01-introduction', [
  { objective: 'sans-cle-version', met: compose(pinned), unmet: compose(pinned, "version: '3.8'\n") },
  { objective: 'image-epinglee', met: compose(pinned), unmet: compose('    image: nginx:latest\n') },
  { objective: 'image-epinglee', name: 'sans image', met: compose(pinned), unmet: compose('    build: .\n') },
  { objective: 'sans-container-name', met: compose(pinned), unmet: compose(`${pinned}    container_name: mon-site\n`) },
  {
    objective: 'port-parametrable',
    met: compose(`${pinned}    ports:\n      - "\${HTTP_PORT:-8080}:80"\n`),
    unmet: compose(`${pinned}    ports:\n      - "80:80"\n`),
  },
  {
    objective: 'port-parametrable',
    name: 'variable vers un autre port du conteneur',
    met: compose(`${pinned}    ports:\n      - "\${HTTP_PORT:-8080}:80"\n`),
    unmet: compose(`${pinned}    ports:\n      - "\${HTTP_PORT:-8080}:8080"\n`),
  },
  {
    objective: 'site-lecture-seule',
    met: compose(`${pinned}    volumes:\n      - ./site/:/usr/share/nginx/html:ro\n`),
    unmet: compose(`${pinned}    volumes:\n      - ./site:/usr/share/nginx/html\n`),
  },
  {
    objective: 'site-lecture-seule',
    name: 'un autre dossier en lecture seule',
    met: compose(`${pinned}    volumes:\n      - ./site:/usr/share/nginx/html:ro\n`),
    unmet: compose(`${pinned}    volumes:\n      - ./public:/usr/share/nginx/html:ro\n`),
  },
  {
    objective: 'port-parametrable',
    name: 'un port de plus',
    met: compose(`${pinned}    ports:\n      - "443:443"\n      - "\${HTTP_PORT:-8080}:80"\n`),
    unmet: compose(`${pinned}    ports:\n      - "443:443"\n      - "8080:80"\n`),
  },
  {
    objective: 'site-lecture-seule',
    name: 'un volume de plus',
    met: compose(`${pinned}    volumes:\n      - ./logs:/var/log/nginx\n      - ./site:/usr/share/nginx/html:ro\n`),
    unmet: compose(`${pinned}    volumes:\n      - ./logs:/var/log/nginx:ro\n      - ./site:/usr/share/nginx/html\n`),
  },
]);
