/** What the server-rendered shell hands to the client, as JSON inside the section. */
export interface WorkshopData {
  lesson: string;
  stack: string;
  /** `import.meta.env.BASE_URL` at build time. */
  base: string;
  files: { path: string; language: string; start: string; solution: string }[];
  objectives: { id: string; label: string; hint: string }[];
  /** The lesson's files are for `docker stack deploy` (frontmatter `swarm: true`). */
  swarm?: boolean;
}

export function readWorkshopData(root: HTMLElement): WorkshopData {
  const script = root.querySelector('script[data-workshop-data]');
  return JSON.parse(script?.textContent ?? '{}') as WorkshopData;
}
