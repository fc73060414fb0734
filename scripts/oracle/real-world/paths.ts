// Where the real-world corpus lives: `tests/oracle/real-world/` in the checkout,
// built from Debian's source packages (collect-debian.ts) and committed with
// the real tools' verdicts. `ATELIER_REAL_WORLD` points elsewhere, e.g. at a
// corpus built from repository snapshots (collect.ts), which is never committed.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const CORPUS = process.env['ATELIER_REAL_WORLD'] ?? join(REPO, 'tests/oracle/real-world');
export const CASES = join(CORPUS, 'cases');
export type CorpusKind = 'compose' | 'compose-mutants' | 'nginx' | 'nginx-mutants' | 'cross' | 'cross-mutants';
export const corpusDir = (kind: CorpusKind): string => join(CASES, kind);
export const verdictsFile = (kind: CorpusKind): string => join(CASES, `${kind}-verdicts.json`);
