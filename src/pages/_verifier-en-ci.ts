// The snippets of the page « Vérifier vos fichiers en CI » (verifier-en-ci.astro),
// computed once from the package's own files so the page cannot drift from
// what the tarball, the hook and the action really are.
import packageJson from '../../package.json' with { type: 'json' };

export const version = packageJson.version;
export const tarball = `atelier-compose-${version}.tgz`;

export const installFromTarball = `npm pack                                   # dans un clone du dépôt : produit ${tarball}
npm install --global ./${tarball}
atelier-compose check .                    # le projet du dossier courant, comme docker compose
atelier-compose check --format json .      # pour un autre outil`;

export const installPublished = `npx atelier-compose check                  # quand le paquet sera publié sur npm
npm install --save-dev atelier-compose     # ou comme dépendance de développement`;

export const dockerImage = `npm pack --pack-destination .cache/package
docker build -f deploy/cli.Dockerfile -t atelier-compose .cache/package
docker run --rm -v "$PWD:/src:ro" atelier-compose
docker run --rm -v "$PWD:/src:ro" atelier-compose check --production compose.prod.yaml`;

export const gitlabJob = `atelier-compose:
  image: node:24-alpine
  script:
    - npx --yes --package ./${tarball} atelier-compose check --format json . > atelier-compose.json
  artifacts:
    when: always
    paths: [atelier-compose.json]`;

export const preCommit = `# .pre-commit-config.yaml de votre dépôt
repos:
  - repo: https://example.org/votre-miroir/atelier-compose   # l’adresse du dépôt Git d’Atelier Compose
    rev: v${version}
    hooks:
      - id: atelier-compose`;

export const githubWorkflow = `# .github/workflows/compose.yaml de votre dépôt
name: Compose
on: [push, pull_request]
permissions:
  contents: read
  security-events: write        # pour l’onglet « Security » (SARIF)
jobs:
  atelier-compose:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: votre-miroir/atelier-compose@v${version}   # le dépôt d’Atelier Compose
        with:
          path: .
          args: --max-warnings 0`;

export const programmaticApi = `import { checkProject } from 'atelier-compose';

const { diagnostics } = checkProject([
  { path: 'compose.yaml', text: await readFile('compose.yaml', 'utf8') },
  { path: 'nginx/default.conf', text: await readFile('nginx/default.conf', 'utf8') },
]);
for (const d of diagnostics) console.log(d.file, d.range.start.line, d.severity, d.ruleId, d.message);`;
