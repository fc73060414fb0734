import { z } from 'zod';

// Lessons are data: this schema is checked by Astro at build time (a wrong
// frontmatter fails `npm run build`) and by the unit tests.

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const objectiveSchema = z.object({
  /** Stable: saved progress and the objective's predicate are keyed by it. */
  id: z.string().regex(kebab, 'identifiant en kebab-case attendu'),
  /** French, as shown in the checklist. */
  label: z.string().min(5),
  /** French, shown on demand when the learner is stuck. */
  hint: z.string().min(5),
});

export const exerciseFileSchema = z.object({
  /** Path inside the learner's project: `compose.yaml`, `nginx/nginx.conf`, `.env`, `api/src/index.js`. */
  path: z
    .string()
    .regex(/^[\w.][\w./-]*$/, { message: 'chemin relatif attendu', abort: true })
    .refine((path) => path.split('/').every((segment) => segment !== '..' && segment !== '.' && segment !== ''), 'chemin relatif sans « . », « .. » ni « // » attendu'),
  language: z.enum(['yaml', 'nginx', 'dotenv', 'javascript', 'sql', 'shell']),
});

export const lessonSchema = z.object({
  title: z.string().min(5),
  chapter: z.number().int().min(1).max(12),
  /**
   * Title of the seed section the lesson follows, as written in the seed.
   * Absent for a chapter beyond the seed (12, Docker Swarm). For the
   * maintainers only: the learner never sees the seed, so the page does not
   * name it (issue #17).
   */
  seedSection: z.string().min(5).optional(),
  summary: z.string().min(20),
  /** Estimated time in minutes. */
  duration: z.number().int().min(5).max(180),
  objectives: z.array(objectiveSchema).min(1),
  /**
   * Exercise files; each exists under `start/` and `solution/` beside the lesson's index.mdx,
   * at the same relative path.
   */
  files: z.array(exerciseFileSchema).min(1),
  /** Directory name under `stacks/`. */
  stack: z.string().regex(/^\d\d-[a-z0-9-]+$/),
  /**
   * The exercise's compose files are for `docker stack deploy` (Docker Swarm):
   * the workshop checks them with the engine's `swarm` option.
   */
  swarm: z.boolean().optional(),
});

export type Lesson = z.infer<typeof lessonSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
