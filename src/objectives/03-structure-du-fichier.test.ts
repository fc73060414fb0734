import { testObjectives } from './objective-tester.ts';

const compose = (services: string, networks = 'networks:\n  frontend:\n  backend:\n') => ({ 'compose.yaml': `services:\n${services}${networks}` });
const service = (name: string, networks: string[], extra = '') =>
  `  ${name}:\n    image: nginx:1.30-alpine\n${extra}${networks.length ? `    networks: [${networks.join(', ')}]\n` : ''}`;

testObjectives('03-structure-du-fichier', [
  { objective: 'reseaux-declares', met: compose(''), unmet: compose('', 'networks:\n  frontend:\n') },
  { objective: 'reseaux-declares', name: 'seulement backend', met: compose(''), unmet: compose('', 'networks:\n  backend:\n') },
  { objective: 'client-sur-frontend', met: compose(service('client', ['frontend'])), unmet: compose(service('client', ['frontend', 'backend'])) },
  { objective: 'client-sur-frontend', name: 'mauvais réseau', met: compose(service('client', ['frontend'])), unmet: compose(service('client', ['backend'])) },
  { objective: 'api-sur-deux-reseaux', met: compose(service('api', ['backend', 'frontend'])), unmet: compose(service('api', ['frontend'])) },
  { objective: 'api-sur-deux-reseaux', name: 'un réseau de trop', met: compose(service('api', ['frontend', 'backend'])), unmet: compose(service('api', ['frontend', 'backend', 'default'])) },
  { objective: 'db-sur-backend', met: compose(service('db', ['backend'])), unmet: compose(service('db', ['frontend', 'backend'])) },
  {
    objective: 'api-non-publiee',
    met: compose(service('client', ['frontend'], '    ports: ["8080:80"]\n') + service('api', ['frontend', 'backend'])),
    unmet: compose(service('client', ['frontend']) + service('api', ['frontend', 'backend'], '    ports: ["3000:3000"]\n')),
  },
  {
    objective: 'api-non-publiee',
    name: 'sans service api',
    met: compose(service('api', ['frontend', 'backend'])),
    unmet: compose(service('client', ['frontend'])),
  },
  {
    objective: 'api-sur-deux-reseaux',
    name: 'deux réseaux, dont un mauvais',
    met: compose(service('api', ['frontend', 'backend'])),
    unmet: compose(service('api', ['frontend', 'default'])),
  },
]);
