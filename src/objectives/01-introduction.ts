import { composeView } from './compose-view.ts';
import type { LessonObjectives } from './types.ts';

const web = (result: Parameters<typeof composeView>[0], files: Parameters<typeof composeView>[1]) => composeView(result, files)?.services.get('web');

export const objectives: LessonObjectives = {
  'sans-cle-version': (result, files) => {
    const view = composeView(result, files);
    return view !== undefined && !view.hasVersion;
  },
  'image-epinglee': (result, files) => web(result, files)?.image === 'nginx:1.30-alpine',
  'sans-container-name': (result, files) => {
    const service = web(result, files);
    return service !== undefined && service.containerName === undefined;
  },
  'port-parametrable': (result, files) =>
    web(result, files)?.ports.some((p) => p.target === '80' && p.published?.replace(/\s/g, '') === '${HTTP_PORT:-8080}') ?? false,
  'site-lecture-seule': (result, files) =>
    web(result, files)?.volumes.some((v) => v.source?.replace(/\/$/, '') === './site' && v.readOnly) ?? false,
};
