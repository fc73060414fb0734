// Types of the generated Ajv standalone validator (see README.md).
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface ComposeValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export declare const validate: ComposeValidator;
export default validate;
