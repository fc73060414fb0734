// elkjs as the page uses it: fetched the first time a graph is drawn (never
// by the lesson page itself), and run in a worker of its own so a layout
// never blocks the editor. elk's worker is a classic script, served as is.
import type { ElkLayouter } from './service-graph-layout.ts';

let elk: Promise<ElkLayouter> | undefined;

export function pageElk(): Promise<ElkLayouter> {
  elk ??= Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(([api, worker]) => {
    const ELK = api.default;
    return new ELK({ workerUrl: worker.default });
  });
  return elk;
}
