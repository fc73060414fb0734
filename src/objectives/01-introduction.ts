import { composeView } from './compose-view.ts';
import type { LessonObjectives } from './types.ts';

const web = (result: Parameters<typeof composeView>[0]) => composeView(result)?.services.get('web');

export const objectives: LessonObjectives = {
  'sans-cle-version': (result) => {
    const view = composeView(result);
    return view !== undefined && !view.hasVersion;
  },
  'image-epinglee': (result) => web(result)?.image === 'nginx:1.30-alpine',
  'sans-container-name': (result) => {
    const service = web(result);
    return service !== undefined && service.containerName === undefined;
  },
  'port-parametrable': (result) =>
    web(result)?.ports.some((p) => p.target === '80' && p.published?.replace(/\s/g, '') === '${HTTP_PORT:-8080}') ?? false,
  'site-lecture-seule': (result) =>
    web(result)?.volumes.some((v) => v.source?.replace(/\/$/, '') === './site' && v.readOnly) ?? false,
};
