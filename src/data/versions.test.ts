// The versions table is the one place a version fact lives: the stacks, the
// lesson files, the stand-in images and the end-of-life rule must agree with
// it, and the lessons print dated facts through <Version>, never by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LINES } from '../engine/compose/end-of-life.ts';
import { VERSION_PHRASES, VERSIONS_AS_OF, versions } from './versions.ts';

const root = join(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const lessonSlugs = readdirSync(join(root, 'src/content/lessons')).filter((name) => /^(0\d|1[01])-/.test(name));
const stackSlugs = readdirSync(join(root, 'stacks')).filter((name) => /^(0\d|1[01])-/.test(name));

/** Every `image:` and `FROM` naming an official image the course uses, with where it was found. */
function imageReferences(): { where: string; name: string; tag: string }[] {
  const files = [
    ...stackSlugs.flatMap((slug) => readdirSync(join(root, 'stacks', slug), { recursive: true, encoding: 'utf8' }).filter((p) => !p.includes('node_modules')).map((p) => `stacks/${slug}/${p}`)),
    ...lessonSlugs.flatMap((slug) => readdirSync(join(root, 'src/content/lessons', slug, 'solution'), { recursive: true, encoding: 'utf8' }).map((p) => `src/content/lessons/${slug}/solution/${p}`)),
  ].filter((path) => /(compose[\w.-]*\.ya?ml|Dockerfile)$/.test(path));
  return files.flatMap((path) =>
    [...read(path).matchAll(/(?:image:\s*|FROM\s+)["']?(node|postgres|redis|nginx):([\w.-]+)/g)].map((m) => ({ where: path, name: m[1]!, tag: m[2]! })),
  );
}

describe('the versions table', () => {
  it('is dated, and says Node 26 is the Active LTS and the course line (24) is in maintenance', () => {
    expect(VERSIONS_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(VERSION_PHRASES['as-of']).toBe('6 décembre 2026');
    expect(VERSION_PHRASES['node-active-lts']).toBe('Node.js 26');
    expect(VERSION_PHRASES['node-course-status']).toBe('LTS de maintenance depuis octobre 2026');
    expect(versions.compose.oracle).toBe('2.40.3');
  });

  it('gives the end-of-life rule its minimums and suggestions', () => {
    const node = SUPPORTED_LINES.find((l) => l.image === 'node')!;
    const maintained = versions.node.lines.filter((l) => l.status !== 'end-of-life').map((l) => l.major);
    expect(node.minimum).toEqual([Math.min(...maintained)]);
    expect(node.recommended).toBe(`${versions.node.course}-alpine`);
    expect(SUPPORTED_LINES.find((l) => l.image === 'postgres')!.minimum).toEqual([Number(versions.postgres.oldestSupported)]);
    expect(SUPPORTED_LINES.find((l) => l.image === 'nginx')!.recommended).toBe(`${versions.nginx.course}-alpine`);
  });

  it('names the lines the stacks and lesson solutions use, and the stand-in images build', () => {
    const course: Record<string, string> = {
      node: String(versions.node.course),
      postgres: versions.postgres.course,
      redis: versions.redis.course,
      nginx: versions.nginx.course,
    };
    const references = imageReferences();
    expect(references.length).toBeGreaterThan(20);
    const off = references.filter((r) => !r.tag.startsWith(`${course[r.name]}-`) && r.tag !== course[r.name]);
    expect(off.map((r) => `${r.where}: ${r.name}:${r.tag}`)).toEqual([]);
    const build = read('scripts/images/build.sh');
    for (const [name, line] of Object.entries(course)) expect(build, name).toContain(`${name}:${line}-alpine`);
  });

  it('is where the lessons take dated facts from: no end-of-life month written by hand', () => {
    const dated = [VERSION_PHRASES['compose-v1-end'], VERSION_PHRASES['postgres-14-end'], VERSION_PHRASES['node-active-lts-since']];
    const handWritten = lessonSlugs.flatMap((slug) => {
      const text = read(`src/content/lessons/${slug}/index.mdx`).replace(/\u00a0/g, ' ');
      return dated.filter((phrase) => text.includes(phrase)).map((phrase) => `${slug}: « ${phrase} »`);
    });
    expect(handWritten).toEqual([]);
  });

  it('has a phrase for every <Version of="…"> a lesson uses', () => {
    const used = lessonSlugs.flatMap((slug) => [...read(`src/content/lessons/${slug}/index.mdx`).matchAll(/<Version of="([\w-]+)"/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((key) => !(key in VERSION_PHRASES))).toEqual([]);
  });
});
