import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { composeOf10000Lines } from '../testing/large-inputs.ts';
import { readBlockYaml, resolvePlain } from './block-reader.ts';
import { goYamlError } from './go-yaml-line.ts';
import { toLocated, type LocatedValue, type ScalarTransform } from './located.ts';
import { parseYaml, SourcePositions, type YamlIssue } from './parse-yaml.ts';

// The fast reader must never disagree with eemeli `yaml`, the parser of
// record: whenever it answers, `yaml` finds no error and builds the same
// located tree (values, ranges, key ranges, scalar styles, and the same
// arguments given to the transform, which is compose's interpolation).

/** Records where and how the transform was called, so a difference in its arguments shows in the tree. */
const tagging: ScalarTransform = (value, range, style) => `${value}⟨${range[0]}-${range[1]} ${style ?? ''}⟩`;

function throughYaml(text: string): { root: LocatedValue | undefined; issues: YamlIssue[] } {
  const parsed = parseYaml({ path: 'compose.yaml', text }, new SourcePositions(text));
  if (parsed.length !== 1) return { root: undefined, issues: [{ code: 'MULTIPLE_DOCS', message: '', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, severity: 'error' }] };
  const [yaml] = parsed as [(typeof parsed)[0]];
  const issues = [...yaml.issues];
  const root = toLocated(yaml.document, yaml.positions, issues, tagging);
  return { root, issues };
}

/** Checks the fast reader against `yaml` on one text; returns whether the fast reader answered. */
function agrees(text: string): boolean {
  const fast = readBlockYaml(text, tagging);
  if (fast === undefined) return false;
  const reference = throughYaml(text);
  expect(reference.issues, `yaml reports errors on a text the fast reader accepted:\n${text}`).toEqual([]);
  expect(fast, `different trees for:\n${text}`).toEqual(reference.root);
  // The yaml-syntax rule skips its go-yaml emulation on what this reader reads: go-yaml must accept it too.
  expect(goYamlError(text), `go-yaml refuses a text the fast reader accepted:\n${text}`).toBeUndefined();
  return true;
}

const repo = fileURLToPath(new URL('../../../', import.meta.url));

function yamlFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...yamlFilesUnder(path));
    else if (/\.ya?ml$/.test(name)) found.push(path);
  }
  return found;
}

describe('readBlockYaml', () => {
  it('builds the same tree as yaml on every YAML file of the repository (oracle corpus, lessons, stacks)', () => {
    const files = [join(repo, 'tests/oracle'), join(repo, 'src/content/lessons'), join(repo, 'stacks'), join(repo, 'scripts/bench')].flatMap(yamlFilesUnder);
    expect(files.length).toBeGreaterThan(1000);
    let accepted = 0;
    let ours = 0;
    for (const file of files) {
      const read = agrees(readFileSync(file, 'utf8'));
      // Real-world files (other people's YAML, block scalars and all) are compared too, but the share below is about ours.
      if (file.includes('/real-world/')) continue;
      ours++;
      if (read) accepted++;
    }
    // The reader must really carry the usual files, or it saves nothing.
    expect(accepted / ours).toBeGreaterThan(0.6);
    // Over 1,000 files through both parsers: seconds on a loaded 2-core runner, past vitest's default 5 s.
  }, 60_000);

  it('reads the stacks the learners run, every one of them, without falling back', () => {
    const stacks = yamlFilesUnder(join(repo, 'stacks')).filter((f) => /compose[^/]*\.ya?ml$/.test(f));
    expect(stacks.length).toBeGreaterThanOrEqual(11);
    const refused = stacks.filter((file) => !agrees(readFileSync(file, 'utf8')));
    expect(refused).toEqual([]);
  });

  it('reads the 10,000-line benchmark file', () => {
    expect(agrees(composeOf10000Lines())).toBe(true);
  }, 30_000);

  it.each([
    ['an alias to an anchor below', 'y: *a\nx: &a 1\n'],
    ['an alias inside its own anchor', 'x: &a [1, *a]\n'],
    ['an alias bomb', `a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n${Array.from({ length: 6 }, (_, i) => `b${i}: &b${i} [${Array(9).fill(i === 0 ? '*a' : `*b${i - 1}`).join(', ')}]`).join('\n')}\n`],
    ['an unknown escape', 'a: "\\q"\n'],
    ['a merge key', 'a: {k: 1}\nb:\n  <<: {k: 2}\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a nested compact sequence', 'a:\n  - - 1\n'],
    ['a mapping in a plain value', 'a: b: c\n'],
    ['a bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a comment glued to a quote', 'a: "b"#c\n'],
    ['a multi-line flow', 'a: [1,\n  2]\n'],
    ['an empty flow entry', 'a: [1, , 2]\n'],
    ['a flow key without space', 'a: {b:1}\n'],
    ['a comment-only file', '# nothing\n'],
    ['a bare scalar', 'hello\n'],
    // YAML 1.2 has `\/`, go-yaml does not: the full path lets the yaml-syntax rule say what Compose says.
    ['an escaped slash', 'a: "a\\/b"\n'],
    ['an escaped surrogate alone', 'a: "\\uD800"\n'],
    ['a plain value going on, more indented, after a list item', 'x:\n- a\n  b\n'],
    ['a list item holding a list on its line', '- - a\n'],
    ['a key longer than 1,000 characters', `${'k'.repeat(1001)}: v\n`],
    ['a key with a space before its colon', 'a : b\n'],
    ['an anchor on itself', 'a: &x\n  b: *x\n'],
    ['a flow mapping not closed on its line', 'a: {b: 1,\n  c: 2}\n'],
  ])('leaves %s to yaml', (_name, text) => {
    expect(readBlockYaml(text, tagging)).toBeUndefined();
  });

  it.each([
    ['comments and blank lines everywhere', '# head\nservices:   # c\n\n  web:\n    # inside\n    image: nginx:1.30-alpine   # tag\n\n    ports:\n    - "8080:80"\n    - 443:443\n  # trailing\n\n'],
    ['null values', 'a:\nb:   # c\nc:\n  - \n  -   # c\n  -'],
    ['compact mappings in a sequence', 'volumes:\n  - type: bind\n    source: ./a\n    target: /a\n  - b\n'],
    ['a sequence at its key’s column', 'ports:\n- "80:80"\n- 81\nimage: x\n'],
    ['numbers and booleans of the core schema', 'a: 0o17\nb: 0x1F\nc: 1e3\nd: .5\ne: +12\nf: 012\ng: -.inf\nh: 1_000\ni: 0b11\nj: 1.\nk: +.5e-3\nl: .NaN\nm: True\nn: on\no: ~\np: -1\nq: -Xmx512m\n'],
    ['keys that are numbers', '1: a\n0x10: b\n1.5: c\n~: d\ntrue: e\n'],
    ['flow collections', 'a: [x , "y" ,]  # c\nb: {"k":1, z: \'q\'\'s\', n: [1, {m: -2}]}\nc: []\nd: {}\n'],
    ['quotes and colons', 'a: "x: y"\nb: \'#not a comment\'\nc: http://example.com:80/a#b\nd: "a"  # c\n"e f": 1\n'],
    ['an indented root', '  a: 1\n  b:\n    c: 2\n'],
    ['a root sequence', '- a\n- b: 1\n  c: 2\n'],
    ['interpolation', 'a: ${X:-1}\nb: "$${Y}"\nc: [$Z]\n'],
    ['anchors and aliases', 'x-log: &log\n  driver: local\na: &x 1\nb: *x\nc: [&z q, *z]\nd:\n  - &w\n    g: 1\n  - *w\ne:\n  logging: *log\n'],
    ['escapes', 'a: "tab\\there \\"q\\" \\\\ \\u00e9\\x41\\U0001F600"\n'],
    ['quoted keys of both kinds', '"a b": 1\n\'c d\': 2\ne: {"f g": 3, \'h i\': 4}\n'],
    ['single-quoted values with a doubled quote', "a: 'it''s'\nb: ['x''y', 'z']\n"],
    ['a key of 1,000 characters', `${'k'.repeat(1000)}: v\n`],
    ['booleans and words that look like them', 'a: true\nb: TRUE\nc: False\nd: truex\ne: TRUE1\nf: tRUE\n'],
    ['an empty value at the end of a list', 'a:\n  - 1\n  -\nb: 2\n'],
    ['a colon inside a plain key', 'a:b: c\n'],
  ])('reads %s exactly as yaml does', (_name, text) => {
    expect(agrees(text)).toBe(true);
  });

  it('resolves plain scalars as yaml’s core schema does', () => {
    const words = ['', '~', 'null', 'Null', 'NULL', 'nulL', 'true', 'True', 'TRUE', 'tRue', 'yes', 'on', 'off', '0', '-0', '+0', '007', '0o7', '0o8', '0x', '0xFf', '0XFF', '1e5', '1E-5', '.e5', '1.', '.5', '-.5', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '-.nan', '1_0', '0b1', 'inf', 'nan', '12abc', '1.2.3'];
    for (const word of words) {
      const text = `k: ${word}\n`;
      const reference = throughYaml(text).root;
      const value = reference?.kind === 'map' ? reference.entries.get('k')?.value : undefined;
      const expected = value?.kind === 'scalar' ? value.value : undefined;
      // The tagging transform marks strings; compare the untransformed value.
      const written = value?.kind === 'scalar' && value.written !== undefined ? value.written : expected;
      expect(resolvePlain(word), `« ${word} »`).toEqual(written);
    }
  });
});

// Generated documents: compose-like block YAML with the variations learners
// write, then random one-character edits (what typing does).
// Mostly what the reader takes, some of what it must refuse or get right.
const scalarWord = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('nginx:1.30-alpine', '"8080:80"', "'8080:80'", '80:80', '-1', '0o17', '1e3', '~', 'on', 'true', 'x#y', '"#c"', '${A:-b}', '$$x', '[a, b]', '[]', '{}', '{a: 1}', '[a,b,]', '"a\\"b"', "'it''s'", '&x a', '*x', '', 'http://h:1/a', '[&y 1, *y]', 'x #y', '"a" # c') },
  { weight: 1, arbitrary: fc.constantFrom('a: b', '|', '!!str a', '- a', '   ', '-', '? a', ': a', '@x', '`x`', '"\\q"', '{a:1}', '[a', '*nope', '&x') },
);
const keyWord = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('image', 'ports', 'a', '"q"', "'s'", '1', 'true', '~', 'x-y', 'web', 'x-common', 'environment') },
  { weight: 1, arbitrary: fc.constantFrom('a b', 'a:b', '<<', '-k', '? k', '&k k', '*x') },
);

type Shape = { kind: 'map'; entries: [string, Shape][] } | { kind: 'seq'; items: Shape[] } | { kind: 'scalar'; text: string };
const shape: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarWord.map((text): Shape => ({ kind: 'scalar', text })),
    fc.array(fc.tuple(keyWord, tie('node')), { minLength: 1, maxLength: 4 }).map((entries): Shape => ({ kind: 'map', entries })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items): Shape => ({ kind: 'seq', items })),
  ),
})).node;

function render(node: Shape, indent: number, step: number, comment: string): string[] {
  const pad = ' '.repeat(indent);
  if (node.kind === 'scalar') return [`${pad}${node.text}`];
  if (node.kind === 'seq') {
    return node.items.flatMap((item) => {
      if (item.kind === 'scalar') return [`${pad}- ${item.text}`];
      const inner = render(item, indent + step, step, comment);
      return [`${pad}-${comment}`, ...inner];
    });
  }
  return node.entries.flatMap(([key, value]) => {
    if (value.kind === 'scalar') return [`${pad}${key}: ${value.text}`];
    // Sequences sometimes at the key's own column, as compose files often do.
    const inner = render(value, value.kind === 'seq' && step === 3 ? indent : indent + step, step, comment);
    return [`${pad}${key}:${comment}`, ...inner];
  });
}

describe('readBlockYaml on generated documents', () => {
  it('never disagrees with yaml, before and after random edits', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keyWord, shape), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(1, 2, 3, 4),
        fc.constantFrom('', '  # c', ' #c'),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ' ', '\n', ':', '-', '"', "'", '#', '[', ']', '{', ',', '\t', '&')), { maxLength: 3 }),
        (entries, step, comment, edits) => {
          let text = `${render({ kind: 'map', entries }, 0, step, comment).join('\n')}\n`;
          if (agrees(text)) accepted++;
          for (const [at, inserted] of edits) {
            const position = at % (text.length + 1);
            text = inserted === '' ? text.slice(0, position) + text.slice(position + 1) : text.slice(0, position) + inserted + text.slice(position);
            agrees(text);
          }
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 1500) },
    );
    // The generator must produce documents the reader takes, or this test would prove nothing.
    expect(accepted).toBeGreaterThan(150);
  });
});
