/**
 * Variable substitution as the Compose Specification defines it
 * (https://github.com/compose-spec/compose-spec/blob/main/spec.md#interpolation)
 * and compose-go implements it (`template/template.go`). Written by hand
 * because we need the offset of every expression inside the string, which no
 * library gives, to point the learner at the exact `${...}`.
 */

export type InterpolationIssueKind = 'required' | 'unset' | 'invalid';

export interface InterpolationIssue {
  kind: InterpolationIssueKind;
  /** Variable name ('' for an invalid template). */
  name: string;
  /** Offsets in the interpolated string, `end` exclusive. */
  start: number;
  end: number;
  /** The author's error text of `${VAR:?text}`, interpolated. */
  detail?: string;
}

export interface InterpolationResult {
  value: string;
  issues: InterpolationIssue[];
  /** Names of the variables the string refers to, resolved or not. */
  variables: string[];
}

export type VariableLookup = (name: string) => string | undefined;

const NAME_START = /[_a-zA-Z]/;
const NAME_CHAR = /[_a-zA-Z0-9]/;
const BRACED = /^([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[-+?])([\s\S]*))?$/;

/** compose-go's closing-brace search: nested `${...}` inside a default are balanced. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export function hasInterpolation(text: string): boolean {
  return text.includes('$');
}

export function interpolate(text: string, lookup: VariableLookup, offset = 0): InterpolationResult {
  const issues: InterpolationIssue[] = [];
  const variables: string[] = [];
  if (!text.includes('$')) return { value: text, issues, variables };
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = i + 2;
      while (j < text.length && NAME_CHAR.test(text[j]!)) j++;
      const name = text.slice(i + 1, j);
      variables.push(name);
      const value = lookup(name);
      if (value === undefined) issues.push({ kind: 'unset', name, start: offset + i, end: offset + j });
      out += value ?? '';
      i = j;
      continue;
    }
    if (next !== '{') {
      // compose-go leaves a `$` not followed by a name or `{` untouched.
      out += '$';
      i++;
      continue;
    }
    const close = closingBrace(text, i + 2);
    if (close === -1) {
      issues.push({ kind: 'invalid', name: '', start: offset + i, end: offset + text.length });
      return { value: out + text.slice(i), issues, variables };
    }
    const inner = text.slice(i + 2, close);
    const match = BRACED.exec(inner);
    const start = offset + i;
    const end = offset + close + 1;
    if (!match) {
      issues.push({ kind: 'invalid', name: '', start, end });
      i = close + 1;
      continue;
    }
    const name = match[1]!;
    const operator = match[2];
    const argument = match[3] ?? '';
    const argumentOffset = offset + i + 2 + name.length + (operator?.length ?? 0);
    variables.push(name);
    const value = lookup(name);
    const nested = (): string => {
      const result = interpolate(argument, lookup, argumentOffset);
      issues.push(...result.issues);
      variables.push(...result.variables);
      return result.value;
    };
    switch (operator) {
      case undefined:
        if (value === undefined) issues.push({ kind: 'unset', name, start, end });
        out += value ?? '';
        break;
      case ':-':
        out += value === undefined || value === '' ? nested() : value;
        break;
      case '-':
        out += value === undefined ? nested() : value;
        break;
      case ':+':
        out += value !== undefined && value !== '' ? nested() : '';
        break;
      case '+':
        out += value !== undefined ? nested() : '';
        break;
      case ':?':
      case '?':
        if (value === undefined || (operator === ':?' && value === '')) {
          const detail = interpolate(argument, lookup, argumentOffset).value;
          issues.push({ kind: 'required', name, start, end, ...(detail ? { detail } : {}) });
        }
        out += value ?? '';
        break;
      default:
        issues.push({ kind: 'invalid', name, start, end });
    }
    i = close + 1;
  }
  return { value: out, issues, variables };
}
