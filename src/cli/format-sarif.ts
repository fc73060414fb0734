// SARIF 2.1.0 (OASIS), the format GitHub code scanning uploads. Checked
// against the official JSON schema in format-sarif.test.ts.
import { pathToFileURL } from 'node:url';
import type { AnyRule } from '../engine/rules/catalogue.ts';
import type { Diagnostic, Severity } from '../engine/types.ts';
import { ruleUrl } from './format-text.ts';
import { TOOL_NAME, TOOL_VERSION } from './tool.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative POSIX path as a URI reference (each segment percent-encoded); absolute paths become `file:` URIs. */
function artifactUri(path: string): { uri: string; uriBaseId?: string } {
  if (path.startsWith('/')) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function formatSarif(diagnostics: readonly Diagnostic[], rules: readonly AnyRule[], cwd: string, docsBase: string): string {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            informationUri: docsBase,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.docs.title },
              fullDescription: { text: rule.docs.what },
              help: { text: `${rule.docs.why}\n\n${rule.docs.howToFix}`, markdown: `${rule.docs.why}\n\n**Correction :** ${rule.docs.howToFix}` },
              helpUri: ruleUrl(docsBase, rule.id),
              defaultConfiguration: { level: LEVEL[rule.severity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactUri(d.file),
                region: {
                  startLine: d.range.start.line,
                  startColumn: d.range.start.column,
                  endLine: Math.max(d.range.end.line, d.range.start.line),
                  endColumn: Math.max(d.range.end.column, 1),
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
