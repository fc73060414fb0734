import type { NginxRule } from '../catalogue.ts';

// The official image (docker-nginx's Dockerfile) installs nginx.org's packages
// nginx-module-xslt, -geoip, -image-filter, -njs, -acme and -otel: their
// modules, and their `-debug` builds, are in /usr/lib/nginx/modules, which
// /etc/nginx/modules links to. stream and mail are compiled in. ngx_load_module
// dlopen()s the path (relative to /etc/nginx) and fails on any other file.
const IMAGE_MODULES = new Set([
  'ngx_http_xslt_filter_module',
  'ngx_http_geoip_module',
  'ngx_stream_geoip_module',
  'ngx_http_image_filter_module',
  'ngx_http_js_module',
  'ngx_stream_js_module',
  'ngx_http_acme_module',
  'ngx_otel_module',
]);
const BUILT_IN = new Set(['ngx_stream_module', 'ngx_mail_module']);
const MODULE_DIRS = new Set(['/usr/lib/nginx/modules', '/etc/nginx/modules', 'modules']);

export const loadModule: NginxRule = {
  id: 'nginx-load-module',
  kind: 'nginx',
  severity: 'error',
  messages: {
    absent: '`load_module {{path}}`\u00a0: l’image officielle nginx n’a pas le module «\u00a0{{module}}\u00a0»\u00a0; nginx ne peut pas le charger et refuse la configuration («\u00a0dlopen() … failed\u00a0»). Il faut une image construite avec ce module.',
    builtIn: '`load_module {{path}}`\u00a0: «\u00a0{{module}}\u00a0» est compilé dans l’image officielle nginx, il n’y a pas de fichier à charger\u00a0; nginx refuse la configuration («\u00a0dlopen() … failed\u00a0»). Retirez cette ligne.',
    elsewhere: '`load_module {{path}}`\u00a0: dans l’image officielle nginx, les modules sont dans `/etc/nginx/modules/` (`/usr/lib/nginx/modules/`), pas à cet endroit\u00a0; nginx refuse la configuration. Écrivez `load_module modules/{{file}};`.',
  },
  docs: {
    title: 'Un module que l’image officielle ne contient pas',
    what: 'Signale un `load_module` dont le fichier n’existe pas dans l’image officielle nginx\u00a0: un module qu’elle n’installe pas (Brotli, Lua, ModSecurity, OpenTracing…), un module qu’elle a déjà compilé (`stream`, `mail`) ou un chemin hors de `/etc/nginx/modules/`.',
    why: 'nginx charge les modules dynamiques au démarrage\u00a0: si le fichier `.so` manque, `nginx -t` échoue dès cette ligne et le conteneur s’arrête. L’image officielle n’installe que les modules XSLT, GeoIP, image-filter, njs, ACME et OpenTelemetry\u00a0; une configuration écrite pour une autre distribution ou une image personnalisée n’y trouve pas les siens.',
    howToFix: 'Retirez le `load_module` et les directives du module, ou construisez une image qui l’ajoute (un `Dockerfile` `FROM nginx` qui compile le module, ou une image qui le fournit déjà). Pour les modules de l’image, écrivez `load_module modules/ngx_http_js_module.so;`.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { name: 'un module de l’image', files: { 'nginx/nginx.conf': 'load_module modules/ngx_http_js_module.so;\nload_module /usr/lib/nginx/modules/ngx_http_image_filter_module-debug.so;\nevents {}\nhttp {}\n' } },
      { name: 'OpenTelemetry par le lien /etc/nginx/modules', files: { 'nginx/nginx.conf': 'load_module /etc/nginx/modules/ngx_otel_module.so;\nevents {}\n' } },
    ],
    invalid: [
      {
        name: 'Brotli, absent de l’image',
        files: { 'nginx/nginx.conf': 'load_module modules/ngx_http_brotli_filter_module.so;\nevents {}\nhttp {}\n' },
        errors: [{ messageId: 'absent', line: 1, column: 13, data: { module: 'ngx_http_brotli_filter_module' } }],
      },
      {
        name: 'stream, déjà compilé',
        files: { 'nginx/nginx.conf': 'load_module /usr/lib/nginx/modules/ngx_stream_module.so;\nevents {}\n' },
        errors: [{ messageId: 'builtIn', line: 1, column: 13, data: { module: 'ngx_stream_module' } }],
      },
      {
        name: 'un module de l’image, à l’endroit d’une autre distribution',
        files: { 'nginx/nginx.conf': 'load_module /usr/local/libexec/nginx/ngx_http_xslt_filter_module.so;\nevents {}\n' },
        errors: [{ messageId: 'elsewhere', line: 1, column: 13, data: { file: 'ngx_http_xslt_filter_module.so' } }],
      },
    ],
  },
  check(context, report) {
    for (const info of context.named('load_module')) {
      if (info.context !== 'main') continue;
      const word = info.node.args[0];
      if (!word || word.value.includes('$')) continue;
      const path = word.value;
      const slash = path.lastIndexOf('/');
      const file = path.slice(slash + 1);
      const dir = slash === -1 ? '' : path.slice(0, slash).replace(/^\.\//, '');
      const module = file.replace(/(-debug)?\.so$/, '');
      const data = { path, module, file };
      const range = word.range;
      if (BUILT_IN.has(module)) report({ messageId: 'builtIn', data, file: context.file.path, range });
      else if (!IMAGE_MODULES.has(module) || !file.endsWith('.so')) report({ messageId: 'absent', data, file: context.file.path, range });
      else if (!MODULE_DIRS.has(dir)) report({ messageId: 'elsewhere', data, file: context.file.path, range });
    }
  },
};
