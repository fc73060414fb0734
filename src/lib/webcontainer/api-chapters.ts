// Chapters whose stack has a Node.js API the learner can run in the browser
// (WebContainers). The lesson page shows the "Lancer l'API" panel only for these.

export interface ApiRoute {
  method: 'GET';
  path: string;
  /** French, shown on the preview's button. */
  label: string;
}

export interface ApiChapter {
  stack: string;
  /** Scripts run to completion after the database is ready, before the API (chapter 09's `migrate` service). */
  preStart: string[];
  routes: ApiRoute[];
}

const HEALTH: ApiRoute = { method: 'GET', path: '/health', label: 'État (/health)' };
const USERS: ApiRoute = { method: 'GET', path: '/api/users', label: 'Utilisateurs' };

export const API_CHAPTERS: readonly ApiChapter[] = [
  { stack: '05-api-nodejs', preStart: [], routes: [HEALTH, USERS] },
  {
    stack: '09-base-de-donnees',
    preStart: ['src/migrate.js'],
    routes: [HEALTH, USERS, { method: 'GET', path: '/api/products', label: 'Produits' }, { method: 'GET', path: '/api/orders', label: 'Commandes' }],
  },
];

export function apiChapter(stack: string): ApiChapter | undefined {
  return API_CHAPTERS.find((chapter) => chapter.stack === stack);
}
