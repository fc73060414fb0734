import type { Diagnostic } from '../engine/types.ts';
import { countBySeverity, ruleUrl } from './format-text.ts';
import { TOOL_NAME, TOOL_VERSION } from './tool.ts';

/** Bumped only when a field changes meaning or disappears; new fields may appear within a version. */
export const JSON_FORMAT_VERSION = 1;

/** The `--format json` document, described field by field in src/cli/README.md. */
export interface JsonReport {
  version: typeof JSON_FORMAT_VERSION;
  tool: { name: string; version: string };
  files: string[];
  summary: { errors: number; warnings: number; infos: number };
  diagnostics: (Diagnostic & { url: string })[];
}

export function formatJson(diagnostics: readonly Diagnostic[], files: readonly string[], docsBase: string): string {
  const counts = countBySeverity(diagnostics);
  const report: JsonReport = {
    version: JSON_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    files: [...files],
    summary: { errors: counts.error, warnings: counts.warning, infos: counts.info },
    diagnostics: diagnostics.map((d) => ({ ...d, url: ruleUrl(docsBase, d.ruleId) })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
