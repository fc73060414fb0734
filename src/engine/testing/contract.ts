// The public contract of `checkProject` (issue #14), asserted by the bounds
// tests and the property tests: it returns (never throws), reports no
// internal error, keeps at most a fixed number of diagnostics per rule and
// file (plus one summary), and no message is longer than the bound.
import { expect } from 'vitest';
import { checkProject, TRUNCATED_MESSAGE_ID } from '../check.ts';
import { MAX_DIAGNOSTICS_PER_RULE_AND_FILE, MAX_MESSAGE_LENGTH } from '../limits.ts';
import type { CheckOptions, Diagnostic, ProjectFile } from '../types.ts';

export interface ContractResult {
  diagnostics: Diagnostic[];
  /** Wall time of the call, in milliseconds. */
  took: number;
}

export function assertContract(files: ProjectFile[], options: CheckOptions = {}): ContractResult {
  const started = performance.now();
  const { diagnostics } = checkProject(files, options);
  const took = performance.now() - started;
  const perRuleAndFile = new Map<string, number>();
  for (const d of diagnostics) {
    expect(d.ruleId, d.docs).not.toBe('internal-error');
    expect(d.message.length, d.message.slice(0, 200)).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    if (d.messageId === TRUNCATED_MESSAGE_ID) continue;
    const key = `${d.ruleId}\u0000${d.file}`;
    perRuleAndFile.set(key, (perRuleAndFile.get(key) ?? 0) + 1);
  }
  for (const [key, count] of perRuleAndFile) expect(count, key.replace('\u0000', ' in ')).toBeLessThanOrEqual(MAX_DIAGNOSTICS_PER_RULE_AND_FILE);
  return { diagnostics, took };
}
