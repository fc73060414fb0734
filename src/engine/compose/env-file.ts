import { interpolate, interpolationBudget, type InterpolationBudget, type InterpolationIssue } from './interpolate.ts';

/**
 * A `.env` file as compose reads it (compose-go's `dotenv` package, itself a
 * port of godotenv): `KEY=value`, optional `export `, `#` comments, single
 * quotes literal, double quotes with escapes, `${VAR}` expansion outside
 * single quotes. Hand-written because we need each entry's offsets, which the
 * npm dotenv parsers do not keep.
 */
export interface EnvEntry {
  name: string;
  value: string;
  /** Offsets of the key and of the written value (quotes included). */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface EnvFileIssue {
  kind: 'syntax';
  start: number;
  end: number;
}

export interface ParsedEnvFile {
  entries: EnvEntry[];
  issues: EnvFileIssue[];
  interpolationIssues: InterpolationIssue[];
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$' };

export function parseEnvFile(text: string, shell: Readonly<Record<string, string>> = {}, budget: InterpolationBudget = interpolationBudget()): ParsedEnvFile {
  const entries: EnvEntry[] = [];
  const issues: EnvFileIssue[] = [];
  const interpolationIssues: InterpolationIssue[] = [];
  const known = new Map<string, string>();
  const lookup = (name: string): string | undefined => shell[name] ?? known.get(name);
  let i = 0;
  while (i < text.length) {
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(i, lineEnd);
    const trimmed = line.trimStart();
    const indent = line.length - trimmed.length;
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === '\r') {
      i = lineEnd + 1;
      continue;
    }
    let body = trimmed;
    let bodyStart = i + indent;
    const exportMatch = /^export\s+/.exec(body);
    if (exportMatch) {
      body = body.slice(exportMatch[0].length);
      bodyStart += exportMatch[0].length;
    }
    const separator = body.search(/[=:]/);
    const name = (separator === -1 ? body : body.slice(0, separator)).trim();
    if (separator === -1 || !KEY.test(name)) {
      issues.push({ kind: 'syntax', start: bodyStart, end: i + line.replace(/\r$/, '').length });
      i = lineEnd + 1;
      continue;
    }
    let v = bodyStart + separator + 1;
    while (text[v] === ' ' || text[v] === '\t') v++;
    const quote = text[v];
    let value: string;
    let valueEnd: number;
    let next: number;
    if (quote === '"' || quote === "'") {
      let j = v + 1;
      let raw = '';
      while (j < text.length && text[j] !== quote) {
        if (quote === '"' && text[j] === '\\' && j + 1 < text.length) {
          raw += ESCAPES[text[j + 1]!] ?? `\\${text[j + 1]}`;
          j += 2;
          continue;
        }
        raw += text[j];
        j++;
      }
      if (j >= text.length) {
        issues.push({ kind: 'syntax', start: v, end: text.length });
        break;
      }
      valueEnd = j + 1;
      value = raw;
      if (quote === '"') {
        const result = interpolate(raw, lookup, v + 1, budget);
        for (const issue of result.issues) if (issue.kind !== 'unset') interpolationIssues.push(issue);
        value = result.value;
      }
      const after = text.indexOf('\n', valueEnd);
      next = after === -1 ? text.length : after + 1;
    } else {
      let raw = text.slice(v, lineEnd).replace(/\r$/, '');
      // compose-go's dotenv cuts an unquoted value at ` #` only: `w\t# x` keeps its tab and what follows (probed on Compose 2.40.3).
      const comment = raw.indexOf(' #');
      if (comment !== -1) raw = raw.slice(0, comment);
      raw = raw.trimEnd();
      valueEnd = v + raw.length;
      const result = interpolate(raw, lookup, v, budget);
      for (const issue of result.issues) if (issue.kind !== 'unset') interpolationIssues.push(issue);
      value = result.value;
      next = lineEnd + 1;
    }
    const keyStart = bodyStart + body.indexOf(name);
    entries.push({ name, value, keyStart, keyEnd: keyStart + name.length, valueStart: v, valueEnd });
    known.set(name, value);
    i = next;
  }
  return { entries, issues, interpolationIssues };
}
