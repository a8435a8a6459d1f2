/**
 * The operations of an OpenAPI document in the shape the app needs: route, parameters,
 * body schema and success status, with `$ref`s to components resolved once at start.
 */

type Json = Record<string, unknown>;

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Json;
  /** Arrays are comma-joined (`style: form, explode: false`). */
  explode: boolean;
}

export interface OperationSpec {
  operationId: string;
  method: string;
  path: string;
  parameters: ParameterSpec[];
  /** JSON schema of the request body, when the operation takes one. */
  bodySchema?: Json;
  bodyRequired: boolean;
  successStatus: number;
  /** JSON schema of the success body. */
  responseSchema?: Json;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Follows a local `$ref` (`#/components/...`) to what it names. */
export function resolveRef<T = Json>(doc: Json, value: unknown): T {
  let current = value as Json;
  for (let hops = 0; hops < 16 && current && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported: ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc) as Json;
    if (current === undefined) throw new Error(`Unresolvable $ref ${ref}`);
  }
  return current as T;
}

function jsonSchemaOf(doc: Json, holder: unknown): Json | undefined {
  const resolved = holder ? resolveRef<Json>(doc, holder) : undefined;
  const content = resolved?.content as Record<string, { schema?: Json }> | undefined;
  return content?.['application/json']?.schema;
}

/**
 * @example
 * const ops = operationTable(loadToolRouterSpec());
 * ops.find((o) => o.operationId === 'createSession')?.successStatus; // 201
 */
export function operationTable(doc: Json): OperationSpec[] {
  const out: OperationSpec[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    const shared = (item.parameters ?? []) as unknown[];
    // Document order, so an `allow` header lists methods as the document does.
    for (const method of Object.keys(item).filter((k): k is (typeof METHODS)[number] => (METHODS as readonly string[]).includes(k))) {
      const op = item[method] as Json;
      const parameters = [...shared, ...((op.parameters ?? []) as unknown[])].map((p): ParameterSpec => {
        const param = resolveRef<Json>(doc, p);
        return {
          name: param.name as string,
          in: param.in as ParameterSpec['in'],
          required: param.required === true,
          schema: (param.schema ?? {}) as Json,
          explode: param.explode !== undefined ? param.explode === true : (param.style ?? 'form') === 'form',
        };
      });
      const responses = (op.responses ?? {}) as Record<string, unknown>;
      const success = Object.keys(responses).find((code) => /^2\d\d$/.test(code)) ?? '200';
      const body = op.requestBody ? resolveRef<Json>(doc, op.requestBody) : undefined;
      const spec: OperationSpec = {
        operationId: op.operationId as string,
        method: method.toUpperCase(),
        path,
        parameters,
        bodyRequired: body?.required === true,
        successStatus: Number(success),
      };
      const bodySchema = jsonSchemaOf(doc, body);
      if (bodySchema) spec.bodySchema = bodySchema;
      const responseSchema = jsonSchemaOf(doc, responses[success]);
      if (responseSchema) spec.responseSchema = responseSchema;
      out.push(spec);
    }
  }
  return out;
}
