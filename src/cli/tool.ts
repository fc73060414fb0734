/** Written in the JSON and SARIF reports; tool.test.ts keeps it equal to package.json's. */
export const TOOL_NAME = 'atelier-compose';
export const TOOL_VERSION = '0.1.0';
