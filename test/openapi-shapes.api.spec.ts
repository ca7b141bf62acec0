import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

interface SchemaObject {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaObject>>;
  readonly additionalProperties?: boolean | SchemaObject;
  readonly items?: SchemaObject;
  readonly $ref?: string;
  readonly allOf?: readonly SchemaObject[];
  readonly oneOf?: readonly SchemaObject[];
  readonly anyOf?: readonly SchemaObject[];
  readonly enum?: readonly unknown[];
}

/**
 * Properties documented as a bare object (no properties, no map, no reference, no enum): the typed
 * client turns each into `Record<string, never>`. Named `Schema.property`; a nested inline object
 * adds its own property names (`Schema.property.field`), array items share their property's name.
 */
function shapelessProperties(schemas: Readonly<Record<string, SchemaObject>>): string[] {
  const found: string[] = [];
  const visit = (schema: SchemaObject, path: string): void => {
    if (schema.items) visit(schema.items, path);
    for (const [name, property] of Object.entries(schema.properties ?? {})) visit(property, `${path}.${name}`);
    if (typeof schema.additionalProperties === 'object') visit(schema.additionalProperties, `${path}.*`);
    for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) visit(part, path);
    const isObject = schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object'));
    const shaped =
      schema.properties !== undefined ||
      schema.additionalProperties !== undefined ||
      schema.$ref !== undefined ||
      schema.allOf !== undefined ||
      schema.oneOf !== undefined ||
      schema.anyOf !== undefined ||
      schema.enum !== undefined;
    if (isObject && !shaped && path.includes('.')) found.push(path);
  };
  for (const [name, schema] of Object.entries(schemas)) visit(schema, name);
  return found.sort();
}

describe('OpenAPI component shapes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('documents every object property with its fields, its map values or a reference', async () => {
    const document = (await t.http.get('/docs-json')).body as { components: { schemas: Record<string, SchemaObject> } };
    expect(Object.keys(document.components.schemas).length).toBeGreaterThan(0);
    expect(shapelessProperties(document.components.schemas)).toEqual([]);
  });
});
