import { composeView } from './compose-view.ts';
import { probesWithWget } from './healthcheck.ts';
import type { LessonObjectives } from './types.ts';

const API_CODE = 'api/src/index.js';

/**
 * JavaScript has no model in the engine; a comment must not count as code,
 * so comments are dropped before matching (naively: enough for a lesson file).
 */
function code(files: Readonly<Record<string, string>>): string {
  return (files[API_CODE] ?? '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export const objectives: LessonObjectives = {
  'connexion-pg-par-variables': (result) => {
    const environment = composeView(result)?.services.get('api')?.environment ?? [];
    const has = (name: string): boolean => environment.some((v) => v.name === name && v.raw !== undefined && v.raw !== '');
    const password = environment.find((v) => v.name === 'PGPASSWORD')?.raw ?? '';
    return (
      ['PGHOST', 'PGUSER', 'PGPASSWORD', 'PGDATABASE'].every(has) &&
      !environment.some((v) => v.name === 'DATABASE_URL') &&
      /^\$\{POSTGRES_PASSWORD:?\?[^}]*\}$/.test(password.trim())
    );
  },
  'healthcheck-wget-3000': (result) => {
    const api = composeView(result)?.services.get('api');
    return probesWithWget(api, 'http://127.0.0.1:3000/health') && api?.environment.some((v) => v.name === 'API_PORT' && v.raw === '3000') === true;
  },
  'sans-montages-de-dev': (result) => {
    const api = composeView(result)?.services.get('api');
    return api !== undefined && !api.volumes.some((v) => v.target === '/app/src' || v.target === '/app/node_modules');
  },
  'health-interroge-la-base': (_result, files) => {
    const source = code(files);
    // `app.get('/health', …)` or `app.get(['/health', '/api/health'], …)`, as the stack's API writes it.
    const handler = /\.get\(\s*(?:\[\s*)?['"`]\/health['"`][\s\S]*?\n\}\);?/.exec(source)?.[0] ?? '';
    // The query itself, or the stack's db.js helper that sends it (`pingDatabase()`, imported from './db.js').
    const asksDatabase = /SELECT 1/i.test(source) || (/\bpingDatabase\(\s*\)/.test(handler) && /import\s*\{[^}]*\bpingDatabase\b[^}]*\}\s*from\s*['"`]\.\/db\.js['"`]/.test(source));
    return asksDatabase && /\b503\b/.test(handler);
  },
  'arret-sur-sigterm': (_result, files) => {
    const source = code(files);
    return /process\.(once|on)\(\s*['"`]SIGTERM['"`]/.test(source) && /\.close\(/.test(source) && /\.end\(\s*\)/.test(source);
  },
};
