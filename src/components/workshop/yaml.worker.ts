// monaco-yaml's README: under Vite, its worker must be re-exported from a file
// of the project, or the editor worker fails with "Unexpected usage".
import 'monaco-yaml/yaml.worker.js';
