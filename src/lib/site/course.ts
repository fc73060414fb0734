import { getCollection } from 'astro:content';
import { courseOrder, type LessonLink } from './navigation.ts';

/** The lessons in course order, reduced to what links and maps need. */
export async function getCourse(): Promise<LessonLink[]> {
  const entries = await getCollection('lessons');
  return courseOrder(
    entries.map(({ id, data }) => ({ slug: id, chapter: data.chapter, title: data.title, summary: data.summary, duration: data.duration, objectives: data.objectives.length })),
  );
}
