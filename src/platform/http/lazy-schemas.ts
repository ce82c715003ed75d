import AjvCompiler from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type Validate = ((data: unknown) => unknown) & { errors?: unknown };

/**
 * Fastify's own schema compilers (Ajv through @fastify/ajv-compiler and fast-json-stringify, with the
 * options Fastify passes them), made lazy: a route's validator and response serializer are compiled
 * when the route first runs instead of when the server starts. Compiling every route's schemas cost
 * about a second of each process start (and memory for routes an instance never serves). No route
 * declares a header schema, the one case Fastify treats differently for a custom compiler.
 */
export function lazySchemaCompilers(): CompilersFactory {
  const buildValidator = AjvCompiler();
  const buildSerializer = SerializerSelector();
  return {
    buildValidator(externalSchemas, options) {
      const compile = buildValidator(externalSchemas as Parameters<typeof buildValidator>[0], options as Parameters<typeof buildValidator>[1]);
      return (route) => {
        let validate: Validate | undefined;
        // Fastify reads `errors` from the function it called, as Ajv's own validators carry them.
        const lazy: Validate = (data) => {
          validate ??= compile(route) as Validate;
          const ok = validate(data);
          lazy.errors = validate.errors;
          return ok;
        };
        return lazy as ReturnType<typeof compile>;
      };
    },
    buildSerializer(externalSchemas, options) {
      const compile = buildSerializer(externalSchemas, options as Parameters<typeof buildSerializer>[1]);
      return (route) => {
        let serialize: ((doc: unknown) => string) | undefined;
        return (doc: unknown) => (serialize ??= compile(route))(doc);
      };
    },
  };
}
