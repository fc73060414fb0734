// Property tests of the contract (issue #14), with generators that follow
// the grammars of what broke it: YAML with explicit keys, merges of
// anything, anchors, aliases, tags, deep nesting of both styles and many
// documents; interpolation of every form, in compose files and `.env`;
// dense `depends_on` graphs; nginx brace storms. Whatever they produce,
// checkProject returns, reports no internal error, keeps at most 100
// diagnostics per rule and file, and writes short messages. The time bound
// is a generous hang guard: the suite shares two cores.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertContract } from './testing/contract.ts';
import type { ProjectFile } from './types.ts';

const HANG_GUARD_MS = 15_000;
const RUNS = 60;

function check(files: ProjectFile[]): void {
  const { took } = assertContract(files);
  expect(took).toBeLessThan(HANG_GUARD_MS);
}

// ---- interpolation ----------------------------------------------------------

const variableName = fc.constantFrom('A', 'B', 'PORT', 'TAG', '_X1');

/** `${…}` of every operator, nested in the defaults, plus the broken forms. */
const interpolation: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'nginx:1.30-alpine', '8080', ' ', '$$', '$', '${', '}', '${}', '${1A}', '{', ':-'),
    variableName.map((name) => `$${name}`),
    variableName.map((name) => `\${${name}}`),
    fc.tuple(variableName, fc.constantFrom(':-', '-', ':+', '+', ':?', '?', ':=', '!'), tie('value')).map(([name, op, inner]) => `\${${name}${op}${inner}}`),
    fc.tuple(tie('value'), tie('value')).map(([a, b]) => a + b),
    fc.tuple(variableName, fc.integer({ min: 1, max: 4000 })).map(([name, depth]) => `${`\${${name}:-`.repeat(depth)}x${'}'.repeat(depth)}`),
    fc.tuple(fc.constantFrom('${A}', '$A', '${A:-x}', '${A:?e}', '$$'), fc.integer({ min: 1, max: 2000 })).map(([form, count]) => form.repeat(count)),
  ),
})).value;

const envFile: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.tuple(variableName, interpolation).map(([name, value]) => `${name}=${value}`), fc.constantFrom('# c', '', 'export A=1', 'B="q ${A}"', "C='${A}'", 'bad line', 'D="unclosed')), { maxLength: 12 })
  .chain((lines) =>
    fc.integer({ min: 0, max: 40 }).map((doublings) => {
      // Lines that each repeat the previous value twice.
      const chain = doublings === 0 ? [] : ['V0=xxxxxxxxxx', ...Array.from({ length: doublings }, (_, i) => `V${i + 1}=\${V${i}}\${V${i}}`)];
      return [...lines, ...chain].join('\n');
    }),
  );

// ---- YAML -------------------------------------------------------------------

const anchorName = fc.constantFrom('a', 'b', 'base', 'x');

/** Decorations YAML allows before a node: anchors and tags, or an alias instead of the node. */
const decoration = fc.constantFrom('', '', '&a ', '&b ', '!t ', '!!str ', '!!map ', '!!seq ', '!!binary ', '!foo &x ', '&base !!map ');

const yamlScalar = fc.oneof(
  fc.constantFrom('x', '1', 'null', '~', 'true', '"q"', "'s'", '""', '0x1F', '1e3', '2026-12-06', '<<', ':', '-', '?', '|', '>'),
  anchorName.map((name) => `*${name}`),
  interpolation.map((value) => JSON.stringify(value)),
);

/** A YAML node in flow style, any depth. */
const flowNode: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(decoration, yamlScalar).map(([d, s]) => d + s),
    fc.tuple(decoration, fc.array(tie('node'), { maxLength: 4 })).map(([d, items]) => `${d}[${items.join(', ')}]`),
    fc.tuple(decoration, fc.array(fc.tuple(fc.oneof(yamlScalar, tie('node'), fc.constant('<<')), tie('node')), { maxLength: 4 })).map(([d, pairs]) => `${d}{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    // `? key` explicit keys inside flow maps, merges of anything.
    fc.tuple(tie('node'), tie('node')).map(([k, v]) => `{? ${k} : ${v}}`),
    tie('node').map((v) => `{<<: ${v}}`),
  ),
})).node;

/** A YAML node in block style at `indent`, any depth: maps, lists, explicit keys, merges. */
function blockNode(indent: number, depth: number): fc.Arbitrary<string> {
  const pad = ' '.repeat(indent);
  const leaf = fc.oneof(flowNode, yamlScalar).map((v) => ` ${v}\n`);
  if (depth <= 0) return leaf;
  const child = fc.oneof(leaf, blockNode(indent + 2, depth - 1).map((v) => `\n${v}`));
  return fc.oneof(
    leaf,
    fc.array(fc.tuple(fc.oneof(fc.constantFrom('services', 'web', 'image', 'x-a', 'depends_on', '<<', 'k'), yamlScalar), decoration, child), { minLength: 1, maxLength: 4 }).map((entries) =>
      entries.map(([k, d, v]) => `${pad}${k}:${d ? ` ${d.trim()}` : ''}${v}`).join(''),
    ),
    fc.array(child, { minLength: 1, maxLength: 4 }).map((items) => items.map((v) => `${pad}-${v}`).join('')),
    fc.tuple(child, child).map(([k, v]) => `${pad}?${k}${pad}:${v}`),
    fc.tuple(anchorName, child).map(([name, v]) => `${pad}<<: *${name}\n${pad}k: &${name}${v}`),
  );
}

/** Deep nesting of either style, as a prefix and suffix around a node. */
const deepWrap = fc.tuple(fc.constantFrom('[', '{a: ', '? ', '- ', '!t [', '&a ['), fc.integer({ min: 0, max: 1500 })).map(([open, depth]) => {
  const close = open.endsWith('[') ? ']' : open.endsWith(' ') && open.startsWith('{') ? '}' : '';
  return (node: string): string => `${open.repeat(depth)}${node}${close.repeat(depth)}`;
});

const yamlDocument = fc.tuple(fc.oneof(blockNode(0, 4), flowNode), deepWrap).map(([node, wrap]) => wrap(node));

const composeFile = fc.tuple(fc.array(yamlDocument, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 3000 }), fc.boolean()).map(([documents, extraSeparators, bareStart]) =>
  `${bareStart ? '' : '---\n'}${documents.join('\n---\n')}${'\n---'.repeat(extraSeparators)}\n`,
);

// ---- depends_on -------------------------------------------------------------

/** Random edges between up to 120 services, after a chain `c0` → `c1` → … closed into a cycle (6,000 overflowed the stack). */
const dependsOnGraph = fc.tuple(fc.integer({ min: 2, max: 120 }), fc.oneof({ arbitrary: fc.constantFrom(0, 2, 100), weight: 6 }, { arbitrary: fc.constant(7000), weight: 1 })).chain(([count, chain]) =>
  fc.tuple(fc.array(fc.array(fc.nat(count - 1), { maxLength: count }), { minLength: count, maxLength: count }), fc.boolean()).map(([edges, mapForm]) => {
    const lines = ['services:'];
    for (let i = 0; i < chain; i++) lines.push(`  c${i}:`, '    image: nginx:1.30-alpine', `    depends_on: [c${(i + 1) % chain}, s0]`);
    edges.forEach((targets, i) => {
      lines.push(`  s${i}:`, '    image: nginx:1.30-alpine');
      if (targets.length === 0) return;
      if (mapForm) {
        lines.push('    depends_on:');
        for (const t of new Set(targets)) lines.push(`      s${t}:`, '        condition: service_healthy');
      } else lines.push(`    depends_on: [${targets.map((t) => `s${t}`).join(', ')}]`);
    });
    return `${lines.join('\n')}\n`;
  }),
);

// ---- nginx ------------------------------------------------------------------

const nginxToken = fc.constantFrom('{', '}', ';', ' ', '\n', 'x "a"b', 'server', 'location /', 'listen 80', 'http', 'events', 'upstream api', 'proxy_pass http://api:3000', 'add_header X a', '"', "'", '#', '\\', '$host', '${x}', 'include conf.d/*.conf', 'map $a $b');
const nginxStorm = fc.tuple(fc.array(nginxToken, { maxLength: 60 }), fc.array(fc.tuple(fc.constantFrom('{', '}', ';', '{}', 'location / {', 'server {', '"', 'x "a"b '), fc.integer({ min: 1, max: 3000 })), { maxLength: 3 })).map(
  ([tokens, storms]) => tokens.join(' ') + storms.map(([token, count]) => token.repeat(count)).join(''),
);

describe('checkProject keeps its contract on generated attacks', () => {
  it('on YAML of any shape: explicit keys, merges, anchors, aliases, tags, deep nesting, many documents', () => {
    fc.assert(fc.property(composeFile, (text) => check([{ path: 'compose.yaml', text }])), { numRuns: RUNS });
  }, 120_000);

  it('on interpolation of every form, in compose files and `.env`', () => {
    fc.assert(
      fc.property(fc.array(interpolation, { minLength: 1, maxLength: 5 }), envFile, (values, env) => {
        const environment = values.map((v, i) => `      V${i}: ${JSON.stringify(v)}`).join('\n');
        check([
          { path: 'compose.yaml', text: `services:\n  web:\n    image: ${JSON.stringify(values[0])}\n    environment:\n${environment}\n` },
          { path: '.env', text: env },
        ]);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('on dense `depends_on` graphs', () => {
    fc.assert(fc.property(dependsOnGraph, (text) => check([{ path: 'compose.yaml', text }])), { numRuns: 16 });
  }, 120_000);

  it('on nginx brace storms', () => {
    fc.assert(fc.property(nginxStorm, (text) => check([{ path: 'nginx/conf.d/default.conf', text }])), { numRuns: 40 });
  }, 120_000);
});
