// Types of the generated Ajv standalone validator for the Docker CLI's v3.13 schema (see README.md).
import type { ComposeValidator } from './validate-compose.generated.js';

export declare const validate: ComposeValidator;
export default validate;
