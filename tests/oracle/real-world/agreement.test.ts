// Agreement with the real tools on files nobody here wrote: compose files and
// nginx configs from Debian's source packages and from public repositories
// (cases/, with their origin and licence: scripts/oracle/real-world/README.md),
// as published and mutated with the mistakes people report, judged by
// Compose 2.40.3 (`config -q`) and nginx 1.30.6 (`-t`), whose verdicts are
// recorded next to them; what `up` refuses or misreads that `config` accepts
// (the local dockerd creating the containers: record-up.ts, then starting them
// for a port published twice or a healthy dependency without healthcheck:
// record-start.ts); and compose ↔ nginx: would the project's nginx
// service start, with the names Docker's DNS gives it (record-cross.ts)?
import { describe, expect, it } from 'vitest';
import { composeAgreement, crossAgreement, nginxAgreement, printAgreement, upAgreement, type Agreement } from '../../../scripts/oracle/real-world/agreement.ts';

/** The goal of issue #13: at least 98 % per kind, on the verdict and on the line the tool names (± 1). */
const GOAL = 0.98;
/**
 * What the engine reaches today, kind by kind: a change that loses agreement
 * fails here. Raise a floor when the engine gets better; none may go down.
 */
const FLOOR = { compose: 1, 'compose-mutants': 1, 'compose-up': 0.995, 'compose-mutants-up': 1, nginx: 0.98, 'nginx-mutants': 0.98, cross: 0.98, 'cross-mutants': 0.98 } as const;

function expectAgreement(a: Agreement, minimumCases: number): void {
  printAgreement(a, false);
  const rate = a.agree / a.total;
  if (rate < GOAL) console.log(`  below the goal of ${GOAL * 100} %:\n  ${a.disagreements.join('\n  ')}`);
  expect(a.total).toBeGreaterThanOrEqual(minimumCases);
  expect(rate).toBeGreaterThanOrEqual(FLOOR[a.kind]);
}

describe('agreement with the real tools on real-world files', () => {
  it('compose files as published', () => expectAgreement(composeAgreement('compose'), 300), 300_000);
  it('compose files with the mistakes people make', () => expectAgreement(composeAgreement('compose-mutants'), 1000), 300_000);
  it('compose files as published, as `up` takes them', () => expectAgreement(upAgreement('compose'), 300), 300_000);
  it('compose files with the mistakes people make, as `up` takes them', () => expectAgreement(upAgreement('compose-mutants'), 1000), 300_000);
  it('nginx configs as published', () => expectAgreement(nginxAgreement('nginx'), 100), 300_000);
  it('nginx configs with the mistakes people make', () => expectAgreement(nginxAgreement('nginx-mutants'), 200), 300_000);
  it('compose projects whose nginx service proxies to their services, as published', () => expectAgreement(crossAgreement('cross'), 10), 300_000);
  it('compose projects whose proxy cannot, or can, resolve a service', () => expectAgreement(crossAgreement('cross-mutants'), 150), 300_000);
});
