import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './content/lesson-schema.ts';

const lessons = defineCollection({
  loader: glob({ pattern: '*/index.mdx', base: './src/content/lessons' }),
  schema: lessonSchema,
});

export const collections = { lessons };
