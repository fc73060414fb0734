import { describe, expect, it } from 'vitest';
import type { NginxDirective } from './ast.ts';
import { createNginxContext } from './context.ts';
import { applicableSpecs, isUnterminated, missingSemicolonAt } from './directive-lookup.ts';
import { parseNginx } from './parse.ts';

const first = (text: string): NginxDirective => parseNginx(text).children[0] as NginxDirective;

describe('missingSemicolonAt', () => {
  it.each([
    ['on one line', 'root /srv index.html;', undefined],
    ['a directive name on the next line', 'root /srv\n    index index.html;', 1],
    ['a directive name as the first word of the next line', 'return\n    index;', 0],
    ['a quoted word on the next line', 'return 200\n    "index";', undefined],
    ['an unknown word on the next line', 'root /srv\n    bogus;', undefined],
    ['a directive name on the same line after a line break', 'add_header X\n    "a" index;', undefined],
  ])('%s', (_name, text, expected) => {
    expect(missingSemicolonAt(first(text))).toBe(expected);
  });
});

describe('applicableSpecs', () => {
  it('keeps the rows of the node’s context, or every built-in row when the context is unknown', () => {
    const text = 'server {\n    listen 80;\n}\nlisten 81;\n';
    const inHttp = createNginxContext({ path: 'nginx/conf.d/a.conf', text }, []).named('listen');
    expect(inHttp.map((info) => applicableSpecs(info).length > 0)).toEqual([true, false]);
    const fragment = createNginxContext({ path: 'nginx/snippets/a.conf', text: 'proxy_pass http://a;\n' }, []).named('proxy_pass')[0]!;
    expect(fragment.context).toBeUndefined();
    expect(applicableSpecs(fragment).length).toBeGreaterThan(0);
  });
});

describe('isUnterminated', () => {
  it('is true only for a directive the parser closed at a `}` or at the end of the file', () => {
    expect(isUnterminated(first('listen 80'))).toBe(true);
    expect(isUnterminated(first('listen 80;'))).toBe(false);
    expect(isUnterminated(parseNginx('server {\n}\n').children[0]!)).toBe(false);
  });
});
