import { composeView } from './compose-view.ts';
import { args, childrenNamed, findAll, locations, nginxRoots } from './nginx-view.ts';
import type { LessonObjectives } from './types.ts';

const CONF = 'nginx/proxy.conf.template';

export const objectives: LessonObjectives = {
  'proxy-seul-publie': (result) => {
    const services = composeView(result)?.services;
    const published = services?.get('proxy')?.ports.map((p) => p.published?.replace(/\s/g, '')) ?? [];
    if (!services || !published.includes('${HTTP_PORT:-8080}') || !published.includes('${HTTPS_PORT:-8443}')) return false;
    return [...services.values()].every((service) => service.name === 'proxy' || service.ports.length === 0);
  },
  'proxy-hors-backend': (result) => {
    const networks = composeView(result)?.services.get('proxy')?.networks;
    return networks !== undefined && networks.includes('frontend') && !networks.includes('backend');
  },
  'proxy-attend-certs': (result) => {
    const view = composeView(result);
    const proxy = view?.services.get('proxy');
    const certs = view?.services.get('certs');
    return (
      view?.volumes.has('certs') === true &&
      certs?.volumes.some((v) => v.source === 'certs') === true &&
      proxy?.volumes.some((v) => v.source === 'certs' && v.readOnly) === true &&
      proxy.dependsOn.some((d) => d.service === 'certs' && d.condition === 'service_completed_successfully')
    );
  },
  // `listen ... http2` is deprecated since nginx 1.25.1 in favour of the `http2` directive.
  'https-http2-on': (result) => {
    const roots = nginxRoots(result, CONF);
    const listens = findAll(roots, 'listen');
    if (listens.some(({ node }) => args(node).includes('http2'))) return false;
    return findAll(roots, 'server').some(({ node: server }) => {
      const listensTls = childrenNamed(server, 'listen').some((listen) => {
        const values = args(listen);
        return values.includes('ssl') && /(^|:)443$/.test(values[0] ?? '');
      });
      const http2On = childrenNamed(server, 'http2').some((directive) => args(directive)[0] === 'on');
      return listensTls && http2On;
    });
  },
  'api-sans-cache': (result) => {
    const roots = nginxRoots(result, CONF);
    const api = findAll(roots, 'location').filter(({ node }) => args(node).at(-1) === '/api/' && locations(roots, '/api/').includes(node));
    if (api.length === 0) return false;
    const caches = (node: { name: string }): boolean => node.name === 'proxy_cache' || node.name === 'proxy_cache_valid';
    return api.every(({ node, path }) => {
      const inherited = path.some((block) => (block.children ?? []).some((child) => child.kind === 'directive' && caches(child)));
      return !inherited && !findAll(node.children, 'proxy_cache').length && !findAll(node.children, 'proxy_cache_valid').length;
    });
  },
};
