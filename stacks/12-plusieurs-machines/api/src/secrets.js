import { readFileSync } from 'node:fs';

// Chapter 12: under Docker Swarm, a password is a secret mounted as a file
// (/run/secrets/<name>), never an environment variable that `docker inspect`
// would show. As the official images do (POSTGRES_PASSWORD_FILE), NAME_FILE
// gives the file that holds NAME's value; pg and the cache then read their
// usual variables. Imported first, before anything reads them.
for (const name of ['PGPASSWORD', 'REDIS_PASSWORD']) {
  const path = process.env[`${name}_FILE`];
  if (!path) continue;
  if (process.env[name]) throw new Error(`${name} and ${name}_FILE are both set: keep only one.`);
  // The newline that `echo secret > file` leaves is not part of the password.
  process.env[name] = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
}
