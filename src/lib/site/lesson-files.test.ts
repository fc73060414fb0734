import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lessonSchema } from '../../content/lesson-schema.ts';
import { loadExerciseFiles, missingExerciseFiles } from './lesson-files.ts';

const fixture = resolve(import.meta.dirname, 'fixtures/lesson');

describe('loadExerciseFiles', () => {
  it('reads the start and solution texts of each declared file', () => {
    const [compose] = loadExerciseFiles(fixture, [{ path: 'compose.yaml', language: 'yaml' }]);
    expect(compose?.language).toBe('yaml');
    expect(compose?.start).toContain('nginx:latest');
    expect(compose?.solution).toContain('nginx:1.30-alpine');
  });

  it('fails with the missing path when a solution is absent', () => {
    expect(missingExerciseFiles(fixture, [{ path: 'nginx/default.conf', language: 'nginx' }])).toEqual(['solution/nginx/default.conf']);
    expect(() => loadExerciseFiles(fixture, [{ path: 'nginx/default.conf', language: 'nginx' }])).toThrow(/solution\/nginx\/default\.conf/);
  });
});

// The real lessons, as the build will see them: valid frontmatter, and every
// declared exercise file present on both sides.
const lessonsDir = resolve('src/content/lessons');
const lessonDirs = readdirSync(lessonsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(lessonsDir, entry.name, 'index.mdx')))
  .map((entry) => entry.name)
  .sort();

function frontmatter(file: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  return match ? parse(match[1] ?? '') : undefined;
}

describe.skipIf(lessonDirs.length === 0)('every lesson in src/content/lessons', () => {
  it.each(lessonDirs)('%s has a valid frontmatter and all its start/ and solution/ files', (dir) => {
    const data = lessonSchema.parse(frontmatter(join(lessonsDir, dir, 'index.mdx')));
    expect(dir.startsWith(`${String(data.chapter).padStart(2, '0')}-`)).toBe(true);
    expect(missingExerciseFiles(join(lessonsDir, dir), data.files)).toEqual([]);
  });
});
