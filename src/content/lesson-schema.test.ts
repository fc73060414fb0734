import { describe, expect, it } from 'vitest';
import { lessonSchema } from './lesson-schema.ts';

// A frontmatter shaped like the lessons', valid as is; each test breaks one field.
const valid = {
  title: 'Mise en place du client',
  chapter: 4,
  seedSection: 'Mise en place de la configuration client',
  summary: 'Servir un client statique avec nginx, avec un repli vers index.html.',
  duration: 40,
  objectives: [{ id: 'image-epinglee', label: 'Épinglez l’image nginx', hint: 'Un tag précis et maintenu.' }],
  files: [
    { path: 'compose.yaml', language: 'yaml' },
    { path: 'nginx/default.conf', language: 'nginx' },
  ],
  stack: '04-client',
};

function issuePaths(data: unknown): string[] {
  const result = lessonSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('lessonSchema', () => {
  it('accepts a complete lesson frontmatter', () => {
    expect(lessonSchema.parse(valid)).toEqual(valid);
  });

  it('names a missing field', () => {
    const { summary: _summary, ...withoutSummary } = valid;
    expect(issuePaths(withoutSummary)).toEqual(['summary']);
  });

  it('refuses a chapter outside 1–12 and a fractional duration', () => {
    expect(issuePaths({ ...valid, chapter: 13 })).toEqual(['chapter']);
    expect(issuePaths({ ...valid, chapter: 12 })).toEqual([]);
    expect(issuePaths({ ...valid, duration: 12.5 })).toEqual(['duration']);
  });

  it('refuses an objective id that is not kebab-case, with a French message', () => {
    const result = lessonSchema.safeParse({ ...valid, objectives: [{ ...valid.objectives[0], id: 'Image_Epinglee' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['objectives', 0, 'id']);
    expect(result.error?.issues[0]?.message).toBe('identifiant en kebab-case attendu');
  });

  it('refuses an absolute or parent-relative exercise path and an unknown language', () => {
    expect(issuePaths({ ...valid, files: [{ path: '/etc/nginx.conf', language: 'nginx' }] })).toEqual(['files.0.path']);
    expect(issuePaths({ ...valid, files: [{ path: '../stacks/compose.yaml', language: 'yaml' }] })).toEqual(['files.0.path']);
    expect(issuePaths({ ...valid, files: [{ path: 'api//index.js', language: 'javascript' }] })).toEqual(['files.0.path']);
    expect(issuePaths({ ...valid, files: [{ path: '.env', language: 'dotenv' }] })).toEqual([]);
    expect(issuePaths({ ...valid, files: [{ path: 'compose.yaml', language: 'toml' }] })).toEqual(['files.0.language']);
  });

  it('requires at least one objective and one file', () => {
    expect(issuePaths({ ...valid, objectives: [], files: [] })).toEqual(['objectives', 'files']);
  });

  it('accepts a lesson beyond the seed, and a lesson for docker stack deploy', () => {
    const { seedSection: _seedSection, ...beyondTheSeed } = valid;
    expect(issuePaths({ ...beyondTheSeed, swarm: true })).toEqual([]);
    expect(issuePaths({ ...valid, swarm: 'oui' })).toEqual(['swarm']);
  });

  it('refuses a stack name that is not a chapter folder', () => {
    expect(issuePaths({ ...valid, stack: 'client' })).toEqual(['stack']);
  });
});
