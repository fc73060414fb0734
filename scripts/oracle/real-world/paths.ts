// Where the real-world corpus lives. It is built on a developer's machine from
// public repositories' snapshots (collect.ts) and is not committed: see README.md.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** `ATELIER_REAL_WORLD`, else `.cache/real-world` in the checkout. */
export const CORPUS = process.env['ATELIER_REAL_WORLD'] ?? join(REPO, '.cache/real-world');
export const CASES = join(CORPUS, 'cases');
export const corpusDir = (kind: 'compose' | 'compose-mutants' | 'nginx' | 'nginx-mutants'): string => join(CASES, kind);
export const verdictsFile = (kind: 'compose' | 'compose-mutants' | 'nginx' | 'nginx-mutants'): string => join(CASES, `${kind}-verdicts.json`);
