// The quick fixes the editor offers must leave a file that no longer has the
// problem (and no new error): applied here to real snippets.
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../check.ts';
import type { Diagnostic, TextEdit } from '../../types.ts';

function offset(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  return lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
}

function applyFix(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offset(text, b.range.start.line, b.range.start.column) - offset(text, a.range.start.line, a.range.start.column));
  return sorted.reduce((out, edit) => out.slice(0, offset(text, edit.range.start.line, edit.range.start.column)) + edit.text + out.slice(offset(text, edit.range.end.line, edit.range.end.column)), text);
}

const PATH = 'nginx/conf.d/default.conf';
const diagnosticsOf = (text: string): Diagnostic[] => checkProject([{ path: PATH, text }]).diagnostics;

function fixOnce(text: string, ruleId: string): string {
  const diagnostic = diagnosticsOf(text).find((d) => d.ruleId === ruleId);
  expect(diagnostic?.fix, `${ruleId} offers a fix`).toBeDefined();
  return applyFix(text, diagnostic!.fix!.edits);
}

describe('nginx quick fixes', () => {
  it('replaces listen … http2 by http2 on;', () => {
    const text = 'server {\n    listen 443 ssl http2;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n';
    const fixed = fixOnce(text, 'nginx-listen-http2-deprecated');
    expect(fixed).toBe('server {\n    listen 443 ssl;\n    http2 on;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n');
    expect(diagnosticsOf(fixed).filter((d) => d.ruleId === 'nginx-listen-http2-deprecated' || d.severity === 'error')).toEqual([]);
  });

  it('adds the forgotten semicolon', () => {
    const fixed = fixOnce('server {\n    listen 80\n    server_name localhost;\n}\n', 'nginx-missing-semicolon');
    expect(fixed).toBe('server {\n    listen 80;\n    server_name localhost;\n}\n');
    expect(diagnosticsOf(fixed).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps only TLSv1.2 and TLSv1.3', () => {
    const fixed = fixOnce('ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n', 'nginx-ssl-protocols-outdated');
    expect(fixed).toBe('ssl_protocols TLSv1.2 TLSv1.3;\n');
  });

  it('turns server_tokens off', () => {
    expect(fixOnce('server {\n    listen 80;\n    server_tokens on;\n}\n', 'nginx-server-tokens')).toBe('server {\n    listen 80;\n    server_tokens off;\n}\n');
  });
});
