// Inputs written as an attacker would (issue #14), one family per way the
// engine broke, each made at any size: the benchmark times them at three
// sizes up to the 512 KB import limit, the bounds tests check the contract
// on them. One generator, so both speak of the same files.
import type { ProjectFile } from '../types.ts';

export interface AdversarialFamily {
  /** French label, as the benchmark prints it. */
  label: string;
  /** Files of at most `bytes` characters in all (close to it). */
  make(bytes: number): ProjectFile[];
}

/** `unit(i)` repeated with i = 0, 1, 2… until `bytes` would be exceeded, after `head`. */
function repeatUpTo(bytes: number, head: string, unit: (i: number) => string, tail = ''): string {
  const parts = [head];
  let length = head.length + tail.length;
  for (let i = 0; ; i++) {
    const part = unit(i);
    if (length + part.length > bytes) break;
    parts.push(part);
    length += part.length;
  }
  parts.push(tail);
  return parts.join('');
}

const compose = (text: string): ProjectFile[] => [{ path: 'compose.yaml', text }];
const nginx = (text: string): ProjectFile[] => [{ path: 'nginx/conf.d/default.conf', text }];
const service = 'services:\n  web:\n    image: nginx:1.30-alpine\n';

/** `${A:-${A:-…x}}`, `depth` levels. */
export function nestedDefaults(depth: number): string {
  return `${'${A:-'.repeat(depth)}x${'}'.repeat(depth)}`;
}

/** A `.env` whose every line holds the previous value twice. */
export function doublingEnv(bytes: number): string {
  return repeatUpTo(bytes, 'V0=xxxxxxxxxx\n', (i) => `V${i + 1}=\${V${i}}\${V${i}}\n`);
}

/** `count` services, each depending on every service before it, and the first on the last: a cycle on every path. */
export function denseDependsOn(bytes: number): string {
  // n services cost about n²·6 bytes of `depends_on`.
  const n = Math.max(2, Math.floor(Math.sqrt(bytes / 7)));
  const names = Array.from({ length: n }, (_, i) => `s${i}`);
  const lines = ['services:'];
  let length = 10;
  for (let i = 0; i < n; i++) {
    const dependsOn = i === 0 ? [names[n - 1]] : names.slice(0, i);
    const block = `  s${i}:\n    image: nginx:1.30-alpine\n    depends_on: [${dependsOn.join(', ')}]\n`;
    if (length + block.length > bytes) break;
    lines.push(block);
    length += block.length;
  }
  return lines.join('\n');
}

export const adversarialFamilies: readonly AdversarialFamily[] = [
  { label: 'YAML, clés explicites imbriquées (`? ? … x`)', make: (b) => compose(`${'? '.repeat(Math.floor((b - 1) / 2))}x`) },
  { label: 'YAML, clés explicites en liste ou objet', make: (b) => compose(repeatUpTo(b, '', (i) => `? [k${i}, {a: ${i}}]\n: ? v${i}\n`)) },
  { label: 'YAML, fusions `<<` de tout', make: (b) => compose(repeatUpTo(b, 'x-m: &m {image: a}\n', (i) => `x-${i}: {<<: [*m, ${i}, [x]], {<<: ${i}}: v, k: {<<: *m}}\n`)) },
  { label: 'YAML, ancres et alias (chaîne)', make: (b) => compose(repeatUpTo(b, 'x-a0: &a0 [x]\n', (i) => `x-a${i + 1}: &a${i + 1} [*a${i}, *a${i}]\n`)) },
  { label: 'YAML, ancres et alias (nombreux)', make: (b) => compose(repeatUpTo(b, 'x-base: &base {image: nginx}\nservices:\n', (i) => `  s${i}: {<<: *base, labels: &l${i} {a: b}, annotations: *l${i}}\n`)) },
  { label: 'YAML, étiquettes (`!tag`)', make: (b) => compose(repeatUpTo(b, 'services:\n', (i) => `  s${i}: !t${i} {image: !!str nginx, x: !!binary aGk=, y: !foo &t${i} 1, z: *t${i}}\n`)) },
  { label: 'YAML, imbrication en flux (`[[[…`)', make: (b) => compose(`x: ${'['.repeat(b - 3)}`) },
  { label: 'YAML, imbrication en flux fermée', make: (b) => compose(repeatUpTo(b, '', () => `x${'{a: '.repeat(100)}1${'}'.repeat(100)}\n`.replace(/^x/, '- '))) },
  { label: 'YAML, imbrication en blocs (indentation)', make: (b) => compose(repeatUpTo(b, '', (i) => `${' '.repeat(i)}k${i}:\n`)) },
  { label: 'YAML, listes imbriquées (`- - - …`)', make: (b) => compose(`${'- '.repeat(Math.floor((b - 1) / 2))}x`) },
  { label: 'YAML, nombreux documents (`---`)', make: (b) => compose('---\n'.repeat(Math.floor(b / 4))) },
  { label: 'YAML, nombreux documents remplis', make: (b) => compose(repeatUpTo(b, '', (i) => `---\nservices:\n  s${i}:\n    image: nginx\n`)) },
  { label: 'interpolation, `${A}` non définies', make: (b) => compose(`services:\n  web:\n    image: "${'${A}'.repeat(Math.floor((b - 40) / 4))}"\n`) },
  { label: 'interpolation, `$A` et `$$` mélangés', make: (b) => compose(`services:\n  web:\n    command: "${'$A $$ ${B:-x} ${C:+y} ${D:?e} ${ '.repeat(Math.floor((b - 40) / 36))}"\n`) },
  { label: 'interpolation, valeurs par défaut imbriquées', make: (b) => compose(`services:\n  web:\n    image: "${nestedDefaults(Math.floor((b - 40) / 6))}"\n`) },
  { label: 'interpolation, `${` jamais fermées', make: (b) => compose(`services:\n  web:\n    image: "${'${'.repeat(Math.floor((b - 40) / 2))}"\n`) },
  { label: 'interpolation, nombreuses valeurs', make: (b) => compose(repeatUpTo(b, 'services:\n  web:\n    image: nginx\n    environment:\n', (i) => `      V${i}: \${V${i}:-\${W:-x}}-\${X:?requis}\n`)) },
  { label: '.env, valeurs par défaut imbriquées', make: (b) => [...compose(service), { path: '.env', text: `B=${nestedDefaults(Math.floor((b - 60) / 6))}\n` }] },
  { label: '.env, chaque ligne double la précédente', make: (b) => [...compose(`${service}    environment:\n      A: \${V40}\n`), { path: '.env', text: doublingEnv(b - 80) }] },
  { label: 'depends_on, graphe dense avec cycles', make: (b) => compose(denseDependsOn(b)) },
  { label: 'depends_on, chaîne en cycle', make: (b) => compose(repeatUpTo(b, 'services:\n', (i) => `  s${i}:\n    image: nginx:1.30-alpine\n    depends_on: [s${i + 1}]\n`, '  s_end:\n    image: nginx:1.30-alpine\n    depends_on: [s0]\n')) },
  { label: 'nginx, `;` seuls', make: (b) => nginx(';'.repeat(b)) },
  { label: 'nginx, accolades ouvrantes (`{{{…`)', make: (b) => nginx('{'.repeat(b)) },
  { label: 'nginx, accolades fermantes (`}}}…`)', make: (b) => nginx('}'.repeat(b)) },
  { label: 'nginx, blocs vides (`{}{}…`)', make: (b) => nginx('{}'.repeat(Math.floor(b / 2))) },
  { label: 'nginx, locations imbriquées', make: (b) => nginx(`server {\n${'location / {\n'.repeat(Math.floor((b - 20) / 14))}}\n`) },
  { label: 'nginx, nombreux serveurs', make: (b) => nginx(repeatUpTo(b, '', (i) => `server { listen 80; server_name s${i}; location / { proxy_pass http://api:3000; } }\n`)) },
];
