import { createRequire } from 'node:module';
import type AjvCompiler from '@fastify/ajv-compiler';
import type SerializerSelector from '@fastify/fast-json-stringify-compiler';
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
  // The compilers themselves (Ajv: ~200 modules) are required when the first schema is compiled.
  const load = createRequire(import.meta.url);
  let ajv: ReturnType<typeof AjvCompiler> | undefined;
  let fjs: ReturnType<typeof SerializerSelector> | undefined;
  return {
    buildValidator(externalSchemas, options) {
      type Compile = ReturnType<ReturnType<typeof AjvCompiler>>;
      let compile: Compile | undefined;
      return (route) => {
        let validate: Validate | undefined;
        // Fastify reads `errors` from the function it called, as Ajv's own validators carry them.
        const lazy: Validate = (data) => {
          if (!validate) {
            ajv ??= (load('@fastify/ajv-compiler') as typeof AjvCompiler)();
            compile ??= ajv(externalSchemas as Parameters<typeof ajv>[0], options as Parameters<typeof ajv>[1]);
            validate = compile(route) as Validate;
          }
          const ok = validate(data);
          lazy.errors = validate.errors;
          return ok;
        };
        return lazy as ReturnType<Compile>;
      };
    },
    buildSerializer(externalSchemas, options) {
      let compile: ReturnType<ReturnType<typeof SerializerSelector>> | undefined;
      return (route) => {
        let serialize: ((doc: unknown) => string) | undefined;
        return (doc: unknown) => {
          if (!serialize) {
            fjs ??= (load('@fastify/fast-json-stringify-compiler') as typeof SerializerSelector)();
            compile ??= fjs(externalSchemas, options as Parameters<typeof fjs>[1]);
            serialize = compile(route);
          }
          return serialize(doc);
        };
      };
    },
  };
}
