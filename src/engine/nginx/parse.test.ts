import { describe, expect, it } from 'vitest';
import { findAll, type NginxBlock, type NginxDirective } from './ast.ts';
import { parseNginx } from './parse.ts';

const at = (line: number, column: number) => ({ line, column });

describe('parseNginx', () => {
  it('records 1-based positions of names and words, end exclusive', () => {
    const config = parseNginx('server {\n    listen 80;\n}\n');
    const server = config.children[0] as NginxBlock;
    const listen = server.children[0] as NginxDirective;
    expect(server.nameRange).toEqual({ start: at(1, 1), end: at(1, 7) });
    expect(listen.nameRange).toEqual({ start: at(2, 5), end: at(2, 11) });
    expect(listen.args[0]).toMatchObject({ value: '80', raw: '80', range: { start: at(2, 12), end: at(2, 14) } });
    expect(listen.terminatorRange).toEqual({ start: at(2, 14), end: at(2, 15) });
    expect(server.closeRange).toEqual({ start: at(3, 1), end: at(3, 2) });
    expect(config.errors).toEqual([]);
  });

  it('reads quoted words with escapes and keeps the quotes in the range', () => {
    const config = parseNginx(`return 200 "say \\"hi\\"\\n";\nadd_header X 'a b';`);
    const [ret, header] = config.children as NginxDirective[];
    expect(ret!.args[1]).toMatchObject({ value: 'say "hi"\n', quote: '"', range: { start: at(1, 12), end: at(1, 26) } });
    expect(header!.args[1]).toMatchObject({ value: 'a b', quote: "'" });
  });

  it('treats # as a comment only at the start of a word', () => {
    const config = parseNginx('root /srv#x; # trailing\n');
    expect((config.children[0] as NginxDirective).args[0]!.value).toBe('/srv#x');
    expect(config.comments.map((c) => c.text)).toEqual(['# trailing']);
  });

  it('keeps ${VAR} and $variables inside one word', () => {
    const config = parseNginx('listen ${NGINX_PORT};\nset $x "${host}";\nproxy_pass http://${backend}/x;');
    expect(config.errors).toEqual([]);
    expect((config.children[0] as NginxDirective).args[0]!.value).toBe('${NGINX_PORT}');
    expect((config.children[2] as NginxDirective).args[0]!.value).toBe('http://${backend}/x');
  });

  it('marks the bodies of map and types as generic', () => {
    const config = parseNginx('map $http_upgrade $connection_upgrade {\n    default upgrade;\n    "" close;\n}\ntypes { text/html html; }\n');
    const [map, types] = config.children as NginxBlock[];
    expect(map!.generic).toBe(true);
    expect(map!.children.map((c) => c.name)).toEqual(['default', '']);
    expect(types!.generic).toBe(true);
  });

  it('reports a missing ; at the } line, as nginx does', () => {
    const config = parseNginx('server {\n    root /srv\n}\n');
    expect(config.errors).toEqual([{ code: 'unexpected-close-brace', range: { start: at(3, 1), end: at(3, 2) } }]);
    // The unterminated directive is still in the tree for the other rules.
    expect(findAll(config, 'root')).toHaveLength(1);
  });

  it('reports an unclosed block at the end of the file', () => {
    expect(parseNginx('http {\n    server {\n    }\n').errors).toEqual([{ code: 'unexpected-eof-expecting-brace', range: { start: at(4, 1), end: at(4, 1) } }]);
  });

  it('reports an unbalanced quote as an unexpected end of file expecting ;', () => {
    expect(parseNginx('return 200 "ok;\n}\n').errors.map((e) => e.code)).toEqual(['unexpected-eof-expecting-semicolon']);
  });

  it('reports a stray } and a stray ;', () => {
    expect(parseNginx('}\n').errors.map((e) => e.code)).toEqual(['unexpected-close-brace']);
    expect(parseNginx('listen 80;\n;\n').errors).toEqual([{ code: 'unexpected-character', character: ';', range: { start: at(2, 1), end: at(2, 2) } }]);
  });

  it('reports text glued to a closing quote and reads on', () => {
    const config = parseNginx('add_header X "a"b;\nroot /srv;\n');
    expect(config.errors).toEqual([{ code: 'unexpected-character', character: 'b', range: { start: at(1, 17), end: at(1, 18) } }]);
    expect(config.children.map((c) => c.name)).toEqual(['add_header', 'root']);
  });

  it('accepts a closing parenthesis right after a quote, as in if conditions', () => {
    const config = parseNginx('if ($request_method = "POST") {\n    return 405;\n}\n');
    expect(config.errors).toEqual([]);
    expect((config.children[0] as NginxBlock).args.map((a) => a.value)).toEqual(['($request_method', '=', 'POST', ')']);
  });

  it('rejects a block opened inside a generic block', () => {
    expect(parseNginx('map $a $b {\n    x {\n    }\n}\n').errors.map((e) => e.code)).toEqual(['unexpected-character']);
  });

  it('resolves the escapes nginx resolves in both quotes, and keeps any other backslash', () => {
    const [ret, single] = parseNginx(`return 200 "a\\'b\\\\c\\td\\x\\r";\nreturn 200 'a\\'b';`).children as NginxDirective[];
    expect(ret!.args[1]!.value).toBe("a'b\\c\td\\x\r");
    expect(single!.args[1]!.value).toBe("a'b");
  });

  it('ends a comment at its line’s end, or at the file’s', () => {
    expect(parseNginx('# c\nlisten 80;').comments).toEqual([{ text: '# c', range: { start: at(1, 1), end: at(1, 4) } }]);
    expect(parseNginx('listen 80; # abc').comments).toEqual([{ text: '# abc', range: { start: at(1, 12), end: at(1, 17) } }]);
  });

  it('keeps the last word of a statement the file ends in, and says a `;` is missing there', () => {
    const config = parseNginx('listen 80');
    expect((config.children[0] as NginxDirective).args.map((a) => [a.value, a.range])).toEqual([['80', { start: at(1, 8), end: at(1, 10) }]]);
    expect(config.errors).toEqual([{ code: 'unexpected-eof-expecting-semicolon', range: { start: at(1, 10), end: at(1, 10) } }]);
    expect(parseNginx('server {').errors).toEqual([{ code: 'unexpected-eof-expecting-brace', range: { start: at(1, 9), end: at(1, 9) } }]);
    for (const [text, words] of [
      ['listen 80 ', ['80']],
      ['return 200 "x"', ['200', 'x']],
      ['return 200 "x" ', ['200', 'x']],
    ] as const) {
      expect((parseNginx(text).children[0] as NginxDirective).args.map((a) => a.value)).toEqual(words);
    }
  });

  it('skips a block without a name up to its own `}`, nested blocks included, and stops at the end of the file', () => {
    const after = parseNginx('{ { } }\nlisten 80;\n');
    expect(after.children.map((n) => n.name)).toEqual(['listen']);
    expect(after.errors.map((e) => e.code)).toEqual(['unexpected-character', 'unexpected-character']);
    expect(parseNginx('{ { }\nlisten 80;\n').children).toEqual([]);
    expect(parseNginx('{\n').children).toEqual([]);
  });
});

