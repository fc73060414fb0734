import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './content/lesson-schema.ts';

// Ids are the folder names (`04-client`): the lesson URL `/lecons/04-client/`
// and the stack URL `/stacks/04-client/` are built from them.
const lessons = defineCollection({
  loader: glob({ pattern: '*/index.mdx', base: './src/content/lessons' }),
  schema: lessonSchema,
});

/** Each stack's README, rendered on its page by the same Markdown pipeline as the lessons. */
const stackReadmes = defineCollection({
  loader: glob({ pattern: '*/README.md', base: './stacks', generateId: ({ entry }) => entry.split('/')[0] ?? entry }),
});

export const collections = { lessons, stackReadmes };
