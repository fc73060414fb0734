import { z } from 'zod';
import type { KeyValueStore } from '../progress/storage.ts';

// The playground's own saved project, beside the lessons' progress: same
// versioned, validated format and the same handling of unreadable data (set
// aside under a backup key, reported in French).

export const PLAYGROUND_KEY = 'atelier-compose:bac-a-sable';
export const PLAYGROUND_BACKUP_PREFIX = 'atelier-compose:bac-a-sable:sauvegarde:';
export const PLAYGROUND_VERSION = 1;

const projectSchema = z.object({
  version: z.literal(PLAYGROUND_VERSION),
  files: z.record(z.string(), z.string()),
  updatedAt: z.string(),
});

export type SavedProject = z.infer<typeof projectSchema>;

export interface ProjectLoad {
  files: Record<string, string> | undefined;
  problem?: string;
}

export function loadProject(store: KeyValueStore, now: () => Date = () => new Date()): ProjectLoad {
  let raw: string | null;
  try {
    raw = store.getItem(PLAYGROUND_KEY);
  } catch {
    return { files: undefined, problem: "Le stockage local du navigateur n’est pas disponible\u00a0: votre projet ne sera pas conservé après la fermeture de la page." };
  }
  if (raw === null) return { files: undefined };
  let reason = 'il ne respecte pas le format attendu';
  try {
    const data: unknown = JSON.parse(raw);
    const version = (data as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > PLAYGROUND_VERSION) reason = `il vient d’une version plus récente de l’atelier (format ${version})`;
    const parsed = projectSchema.safeParse(data);
    if (parsed.success) return { files: parsed.data.files };
  } catch {
    reason = "le contenu n’est pas du JSON lisible";
  }
  const backupKey = PLAYGROUND_BACKUP_PREFIX + now().toISOString();
  try {
    store.setItem(backupKey, raw);
    store.removeItem(PLAYGROUND_KEY);
  } catch {
    return { files: undefined, problem: `Votre projet sauvegardé n’a pas pu être relu\u00a0: ${reason}. Il est laissé tel quel\u00a0; le bac à sable repart d’un projet vide.` };
  }
  return {
    files: undefined,
    problem: `Votre projet sauvegardé n’a pas pu être relu\u00a0: ${reason}. Il a été mis de côté sous la clé «\u00a0${backupKey}\u00a0» du stockage local, et le bac à sable repart d’un projet vide.`,
  };
}

export function saveProject(store: KeyValueStore, files: Record<string, string>, now: () => Date = () => new Date()): void {
  const project: SavedProject = { version: PLAYGROUND_VERSION, files, updatedAt: now().toISOString() };
  store.setItem(PLAYGROUND_KEY, JSON.stringify(project));
}
