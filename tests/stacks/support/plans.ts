// What each chapter's stack contains, hence which checks apply to it. The
// reasons are written out, so a skipped check is a decision, not an accident.

export interface StackPlan {
  slug: string;
  /** The service the host reaches (published port). */
  entry: 'web' | 'client' | 'api' | 'proxy';
  /** The entry serves HTTPS on HTTPS_PORT and redirects HTTP to it. */
  tls: boolean;
  /** The API and its database (users CRUD, /api/health). */
  api: boolean;
  /** Products and orders, repositories, migrations, least-privilege role (09, 11). */
  shop: boolean;
  /** A Redis cache the API can lose without failing. */
  cache: boolean;
  /** The public nginx sits on `frontend` only and must not reach `db`. */
  isolation: boolean;
  /** A `backup` service: pg_dump, destroy, restore round trip. */
  backup: boolean;
  /** A single-page client with its fallback route and real 404s for assets (04). */
  spa: boolean;
  /** The README's commands run in order, as written (the doc-test harness; scripts/stacks/readme-commands.ts): every stack. */
  readme: boolean;
  /** `--scale api=3` behind the proxy's `resolve` upstream reaches every replica (07). */
  scale: boolean;
  /** A `compose.dev.yaml` that publishes db on 127.0.0.1, proven from the host with a real psql (10). */
  devOverride: boolean;
  /** Judged by the engine as a production deployment (restart policies, log rotation). */
  production: boolean;
  /** Why the checks that do not apply are left out. */
  notes: string;
}

const base = { tls: false, api: true, shop: false, cache: false, isolation: true, backup: false, spa: false, readme: true, scale: false, devOverride: false, production: false };

export const plans: StackPlan[] = [
  {
    ...base,
    slug: '01-introduction',
    entry: 'web',
    api: false,
    isolation: false,
    notes: 'Un seul service nginx : pas d’API, de base, de cache ni de réseau à isoler ; on vérifie la page servie.',
  },
  {
    ...base,
    slug: '02-architecture',
    entry: 'web',
    isolation: false,
    notes: 'Réseau par défaut, par construction : web joint db, c’est ce que le chapitre montre. Pas de cache ni de sauvegarde.',
  },
  {
    ...base,
    slug: '03-structure-du-fichier',
    entry: 'client',
    notes: 'Deux réseaux : le client (frontend) ne doit pas joindre db (backend). Pas de cache ni de sauvegarde.',
  },
  {
    ...base,
    slug: '04-client',
    entry: 'client',
    spa: true,
    notes: 'La solution de l’atelier : client nginx (repli SPA, vrais 404 des fichiers statiques, /api/ relayé), API et base derrière lui, sans cache ni sauvegarde.',
  },
  {
    ...base,
    slug: '05-api-nodejs',
    entry: 'api',
    cache: true,
    isolation: false,
    notes: 'L’API est elle-même le point d’entrée (pas de nginx) : aucun conteneur public sans accès à la base à tester ; db et cache ne sont pas publiés.',
  },
  {
    ...base,
    slug: '06-architecture-trois-couches',
    entry: 'client',
    notes: 'Client nginx en frontal, sans cache ni sauvegarde.',
  },
  { ...base, slug: '07-reverse-proxy', entry: 'proxy', tls: true, scale: true, notes: 'Reverse proxy TLS, sans cache ni sauvegarde ; trois répliques de l’API derrière l’upstream `resolve`.' },
  { ...base, slug: '08-production', entry: 'proxy', tls: true, cache: true, backup: true, production: true, notes: 'Toutes les vérifications.' },
  {
    ...base,
    slug: '09-base-de-donnees',
    entry: 'client',
    shop: true,
    cache: true,
    backup: true,
    notes: 'Client nginx en frontal (pas de TLS, sujet du chapitre 07) ; toutes les vérifications de base de données.',
  },
  { ...base, slug: '10-commandes', entry: 'proxy', tls: true, cache: true, backup: true, devOverride: true, production: true, notes: 'Toutes les vérifications, et la surcharge compose.dev.yaml prouvée depuis l’hôte.' },
  {
    ...base,
    slug: '11-bonnes-pratiques',
    entry: 'proxy',
    production: true,
    tls: true,
    shop: true,
    cache: true,
    backup: true,
    notes: 'Toutes les vérifications.',
  },
];
