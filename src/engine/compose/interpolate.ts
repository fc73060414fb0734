/**
 * Variable substitution as the Compose Specification defines it
 * (https://github.com/compose-spec/compose-spec/blob/main/spec.md#interpolation)
 * and compose-go implements it (`template/template.go`). Written by hand
 * because we need the offset of every expression inside the string, which no
 * library gives, to point the learner at the exact `${...}`.
 */

import { MAX_INTERPOLATED_LENGTH, MAX_INTERPOLATION_DEPTH, MAX_INTERPOLATION_TOTAL, MAX_QUOTED_LENGTH } from '../limits.ts';

/** `too-deep` and `too-large`: a bound of ours was hit (issue #14), not a Compose error. */
export type InterpolationIssueKind = 'required' | 'unset' | 'invalid' | 'too-deep' | 'too-large';

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

/**
 * What substitutions may still add, in characters, shared by every value of
 * a project: without it, `.env` lines that each repeat the previous one twice
 * grow exponentially (`B=${A}${A}`, `C=${B}${B}`…).
 */
export interface InterpolationBudget {
  remaining: number;
}

export function interpolationBudget(total = MAX_INTERPOLATION_TOTAL): InterpolationBudget {
  return { remaining: total };
}

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

export function interpolate(text: string, lookup: VariableLookup, offset = 0, budget: InterpolationBudget = interpolationBudget()): InterpolationResult {
  const issues: InterpolationIssue[] = [];
  const variables: string[] = [];
  if (!text.includes('$')) return { value: text, issues, variables };
  const value = expand(text, 0, { lookup, budget, issues, variables, offset });
  return { value, issues, variables };
}

interface Expansion {
  lookup: VariableLookup;
  budget: InterpolationBudget;
  issues: InterpolationIssue[];
  variables: string[];
  /** Offset of `text` in the string the issues' offsets refer to. */
  offset: number;
}

/** Appends what a substitution produced, unless a bound forbids it (then reports it and appends nothing). */
function append(out: string, added: string, fromLookup: boolean, limit: number, issue: InterpolationIssue, state: Expansion): string {
  if (added === '') return out;
  if (out.length + added.length > limit || (fromLookup && added.length > state.budget.remaining)) {
    state.issues.push({ ...issue, kind: 'too-large' });
    return out;
  }
  if (fromLookup) state.budget.remaining -= added.length;
  return out + added;
}

function expand(text: string, depth: number, state: Expansion): string {
  const { lookup, issues, variables, offset } = state;
  // Written text is not bounded (it is the input); what substitutions add is.
  const limit = Math.max(MAX_INTERPOLATED_LENGTH, text.length);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar === -1) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, dollar);
    i = dollar;
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
      else out = append(out, value, true, limit, { kind: 'too-large', name, start: offset + i, end: offset + j }, state);
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
    if (close !== -1 && depth >= MAX_INTERPOLATION_DEPTH) {
      // Defaults nest (`${A:-${B:-…}}`); past the bound they are not expanded, so neither the stack nor the time grows with the nesting.
      issues.push({ kind: 'too-deep', name: /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(text.slice(i + 2, Math.min(close, i + 2 + MAX_QUOTED_LENGTH)))?.[0] ?? '', start: offset + i, end: offset + close + 1 });
      i = close + 1;
      continue;
    }
    if (close === -1) {
      issues.push({ kind: 'invalid', name: '', start: offset + i, end: offset + text.length });
      return out + text.slice(i);
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
    const here: InterpolationIssue = { kind: 'too-large', name, start, end };
    const nested = (): string => expand(argument, depth + 1, { ...state, offset: argumentOffset });
    switch (operator) {
      case undefined:
        if (value === undefined) issues.push({ kind: 'unset', name, start, end });
        else out = append(out, value, true, limit, here, state);
        break;
      case ':-':
        out = value === undefined || value === '' ? append(out, nested(), false, limit, here, state) : append(out, value, true, limit, here, state);
        break;
      case '-':
        out = value === undefined ? append(out, nested(), false, limit, here, state) : append(out, value, true, limit, here, state);
        break;
      case ':+':
        if (value !== undefined && value !== '') out = append(out, nested(), false, limit, here, state);
        break;
      case '+':
        if (value !== undefined) out = append(out, nested(), false, limit, here, state);
        break;
      case ':?':
      case '?':
        if (value === undefined || (operator === ':?' && value === '')) {
          const detail = expand(argument, depth + 1, { ...state, issues: [], variables: [], offset: argumentOffset });
          issues.push({ kind: 'required', name, start, end, ...(detail ? { detail } : {}) });
        }
        if (value !== undefined) out = append(out, value, true, limit, here, state);
        break;
      default:
        issues.push({ kind: 'invalid', name, start, end });
    }
    i = close + 1;
  }
  return out;
}
