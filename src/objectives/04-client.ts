import { composeView } from './compose-view.ts';
import { probesWithWget } from './healthcheck.ts';
import { args, childrenNamed, locations, nginxRoots } from './nginx-view.ts';
import type { LessonObjectives } from './types.ts';

const CONF = 'nginx/conf.d/default.conf';

export const objectives: LessonObjectives = {
  'client-image-epinglee': (result) => composeView(result)?.services.get('client')?.image === 'nginx:1.30-alpine',
  'sans-url-api-absolue': (result) => {
    const client = composeView(result)?.services.get('client');
    return client !== undefined && !client.environment.some((v) => v.name === 'REACT_APP_API_URL');
  },
  // No URI after the upstream name: nginx then passes `/api/...` unchanged.
  'api-relayee': (result) =>
    locations(nginxRoots(result, CONF), '/api/').some((location) =>
      childrenNamed(location, 'proxy_pass').some((pass) => /^http:\/\/api(:\d+)?$/.test(args(pass)[0] ?? '')),
    ),
  'repli-spa': (result) =>
    locations(nginxRoots(result, CONF), '/').some((location) =>
      childrenNamed(location, 'try_files').some((tryFiles) => {
        const values = args(tryFiles);
        return values.includes('$uri') && values[values.length - 1] === '/index.html';
      }),
    ),
  'sante-client': (result) =>
    locations(nginxRoots(result, CONF), '/health', '=').length > 0 &&
    probesWithWget(composeView(result)?.services.get('client'), 'http://127.0.0.1/health'),
};
