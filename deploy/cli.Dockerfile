# The atelier-compose CLI as a container image: it checks the project mounted
# at /src, for CI systems and machines without Node 22. Built from the npm
# tarball, which carries no dependency, so the build needs no registry:
#   npm pack --pack-destination .cache/package
#   docker build -f deploy/cli.Dockerfile -t atelier-compose .cache/package
#   docker run --rm -v "$PWD:/src:ro" atelier-compose
#   docker run --rm -v "$PWD:/src:ro" atelier-compose check --format json compose.yaml
FROM node:24-alpine

# Node keeps the compiled bundle here; filled at build time so that every
# container, read-only and short-lived, starts from a warm cache.
ENV NODE_COMPILE_CACHE=/var/cache/atelier-compose

COPY atelier-compose-*.tgz /tmp/
RUN npm install --global --offline --no-audit --no-fund /tmp/atelier-compose-*.tgz \
    && rm /tmp/atelier-compose-*.tgz \
    && atelier-compose rules > /dev/null \
    && chmod -R a+rX "$NODE_COMPILE_CACHE"

WORKDIR /src
USER node
ENTRYPOINT ["atelier-compose"]
CMD ["check", "."]
