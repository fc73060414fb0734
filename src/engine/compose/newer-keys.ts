// Keys of the Compose file newer than Compose 2.40, the newest release Debian
// ships (so the newest that learners on Debian or Ubuntu run, and our oracle),
// with the release that brought them: from the compose-go version each
// docker/compose release pins in its go.mod, and the compose-go commit that
// added the key to schema/compose-spec.json.
export interface NewerKey {
  /** Path below a service, `*` for any list item. */
  path: readonly string[];
  compose: string;
}

export const ORACLE_COMPOSE = '2.40';

export const NEWER_KEYS: readonly NewerKey[] = [
  // compose-go 2.10.0 (ea0b69c, "introduce no-cache-filter"), pinned by Compose 5.0.0 (December 2025).
  { path: ['build', 'no_cache_filter'], compose: '5.0' },
  // compose-go 2.13.0 (faa67b2, "add pre_start lifecycle hook"), pinned by Compose 5.3.0 (June 2026).
  { path: ['pre_start'], compose: '5.3' },
];
