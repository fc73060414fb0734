# The atelier-compose CLI as a container image: it checks the project mounted
# at /src, for CI systems and machines without Node 22. Built from the npm
# tarball, which carries no dependency, so the build needs no registry:
#   npm pack --pack-destination .cache/package
#   docker build -f deploy/cli.Dockerfile -t atelier-compose .cache/package
#   docker run --rm -v "$PWD:/src:ro" atelier-compose
#   docker run --rm -v "$PWD:/src:ro" atelier-compose check --format json compose.yaml
FROM node:24-alpine

# The launcher keeps the engine's compiled code here. A check of a small
# project at build time fills it, so every container, short-lived and
# unprivileged, starts warm.
ENV NODE_COMPILE_CACHE=/var/cache/atelier-compose

COPY atelier-compose-*.tgz /tmp/
RUN npm install --global --offline --no-audit --no-fund /tmp/atelier-compose-*.tgz \
    && rm /tmp/atelier-compose-*.tgz \
    && mkdir -p /tmp/warm/nginx && cd /tmp/warm \
    && printf 'services:\n  web:\n    image: nginx:1.30-alpine\n    volumes:\n      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro\n' > compose.yaml \
    && printf 'server {\n    listen 80;\n}\n' > nginx/default.conf \
    && atelier-compose check . \
    && cd / && rm -rf /tmp/warm \
    && chmod -R a+rX "$NODE_COMPILE_CACHE"

WORKDIR /src
USER node
ENTRYPOINT ["atelier-compose"]
CMD ["check", "."]
