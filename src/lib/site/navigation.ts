// The course is an ordered list of chapters; everything that links lessons
// together (course map, sidebar, previous/next) derives from that one order.

export interface LessonLink {
  slug: string;
  chapter: number;
  title: string;
  summary: string;
  duration: number;
  /** How many objectives the lesson's workshop has (the progress shows met / total). */
  objectives: number;
}

export interface Neighbours {
  previous: LessonLink | undefined;
  next: LessonLink | undefined;
}

/**
 * Orders lessons by chapter and throws a French message when two lessons claim
 * the same chapter or a slug does not start with its chapter number: a build
 * error is better than a course map silently out of order.
 */
export function courseOrder<T extends LessonLink>(lessons: readonly T[]): T[] {
  const sorted = [...lessons].sort((a, b) => a.chapter - b.chapter);
  for (const [index, lesson] of sorted.entries()) {
    const previous = sorted[index - 1];
    if (previous && previous.chapter === lesson.chapter) {
      throw new Error(`Les leçons «\u00a0${previous.slug}\u00a0» et «\u00a0${lesson.slug}\u00a0» déclarent toutes deux le chapitre ${lesson.chapter}.`);
    }
    if (!lesson.slug.startsWith(`${chapterNumber(lesson.chapter)}-`)) {
      throw new Error(`La leçon «\u00a0${lesson.slug}\u00a0» déclare le chapitre ${lesson.chapter}\u00a0: son dossier doit commencer par «\u00a0${chapterNumber(lesson.chapter)}-\u00a0».`);
    }
  }
  return sorted;
}

export function neighbours(ordered: readonly LessonLink[], slug: string): Neighbours {
  const index = ordered.findIndex((lesson) => lesson.slug === slug);
  if (index === -1) return { previous: undefined, next: undefined };
  return { previous: ordered[index - 1], next: ordered[index + 1] };
}

/** `4` → `"04"`, as in the lesson folders. */
export function chapterNumber(chapter: number): string {
  return String(chapter).padStart(2, '0');
}

/** Minutes in French: `45 min`, `1 h`, `1 h 30` (with non-breaking spaces). */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}\u00a0min`;
  return rest === 0 ? `${hours}\u00a0h` : `${hours}\u00a0h\u00a0${String(rest).padStart(2, '0')}`;
}
