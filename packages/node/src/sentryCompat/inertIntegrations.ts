import { inertIntegration, type Integration } from '@faultline/core';

// Sentry's Node integrations for features Faultline does not implement: auto-instrumentation for spans
// (databases, queues, frameworks, AI SDKs), ANR detection, local variables, runtime metrics,
// Spotlight. Each is accepted, so a Sentry `init` runs unchanged, does nothing, and with `debug: true` says
// so once. Errors from these libraries are still captured wherever they reach the app's handlers.

/** Sentry's `amqplibIntegration` (tracing): accepted and inert. */
export function amqplibIntegration(_options: object = {}): Integration {
  return inertIntegration('Amqplib', 'tracing');
}

/** Sentry's `anrIntegration` (ANR detection): accepted and inert. */
export function anrIntegration(_options: object = {}): Integration {
  return inertIntegration('Anr', 'ANR detection');
}

/** Sentry's `anthropicAIIntegration` (AI monitoring): accepted and inert. */
export function anthropicAIIntegration(_options: object = {}): Integration {
  return inertIntegration('Anthropic_AI', 'AI monitoring');
}

/** Sentry's `childProcessIntegration` (child process breadcrumbs): accepted and inert. */
export function childProcessIntegration(_options: object = {}): Integration {
  return inertIntegration('ChildProcess', 'child process breadcrumbs');
}

/** Sentry's `connectIntegration` (tracing): accepted and inert. */
export function connectIntegration(_options: object = {}): Integration {
  return inertIntegration('Connect', 'tracing');
}

/** Sentry's `dataloaderIntegration` (tracing): accepted and inert. */
export function dataloaderIntegration(_options: object = {}): Integration {
  return inertIntegration('Dataloader', 'tracing');
}

/** Sentry's `expressIntegration` (tracing): accepted and inert. */
export function expressIntegration(_options: object = {}): Integration {
  return inertIntegration('Express', 'tracing');
}

/** Sentry's `fastifyIntegration` (tracing): accepted and inert. */
export function fastifyIntegration(_options: object = {}): Integration {
  return inertIntegration('Fastify', 'tracing');
}

/** Sentry's `firebaseIntegration` (tracing): accepted and inert. */
export function firebaseIntegration(_options: object = {}): Integration {
  return inertIntegration('Firebase', 'tracing');
}

/** Sentry's `fsIntegration` (tracing): accepted and inert. */
export function fsIntegration(_options: object = {}): Integration {
  return inertIntegration('FileSystem', 'tracing');
}

/** Sentry's `genericPoolIntegration` (tracing): accepted and inert. */
export function genericPoolIntegration(_options: object = {}): Integration {
  return inertIntegration('GenericPool', 'tracing');
}

/** Sentry's `googleGenAIIntegration` (AI monitoring): accepted and inert. */
export function googleGenAIIntegration(_options: object = {}): Integration {
  return inertIntegration('Google_GenAI', 'AI monitoring');
}

/** Sentry's `graphqlIntegration` (tracing): accepted and inert. */
export function graphqlIntegration(_options: object = {}): Integration {
  return inertIntegration('Graphql', 'tracing');
}

/** Sentry's `hapiIntegration` (tracing): accepted and inert. */
export function hapiIntegration(_options: object = {}): Integration {
  return inertIntegration('Hapi', 'tracing');
}

/** Sentry's `honoIntegration` (tracing): accepted and inert. */
export function honoIntegration(_options: object = {}): Integration {
  return inertIntegration('Hono', 'tracing');
}

/** Sentry's `kafkaIntegration` (tracing): accepted and inert. */
export function kafkaIntegration(_options: object = {}): Integration {
  return inertIntegration('Kafka', 'tracing');
}

/** Sentry's `knexIntegration` (tracing): accepted and inert. */
export function knexIntegration(_options: object = {}): Integration {
  return inertIntegration('Knex', 'tracing');
}

/** Sentry's `koaIntegration` (tracing): accepted and inert. */
export function koaIntegration(_options: object = {}): Integration {
  return inertIntegration('Koa', 'tracing');
}

/** Sentry's `langChainIntegration` (AI monitoring): accepted and inert. */
export function langChainIntegration(_options: object = {}): Integration {
  return inertIntegration('LangChain', 'AI monitoring');
}

/** Sentry's `langGraphIntegration` (AI monitoring): accepted and inert. */
export function langGraphIntegration(_options: object = {}): Integration {
  return inertIntegration('LangGraph', 'AI monitoring');
}

/** Sentry's `localVariablesIntegration` (local variables): accepted and inert. */
export function localVariablesIntegration(_options: object = {}): Integration {
  return inertIntegration('LocalVariables', 'local variables');
}

/** Sentry's `lruMemoizerIntegration` (tracing): accepted and inert. */
export function lruMemoizerIntegration(_options: object = {}): Integration {
  return inertIntegration('LruMemoizer', 'tracing');
}

/** Sentry's `mongoIntegration` (tracing): accepted and inert. */
export function mongoIntegration(_options: object = {}): Integration {
  return inertIntegration('Mongo', 'tracing');
}

/** Sentry's `mongooseIntegration` (tracing): accepted and inert. */
export function mongooseIntegration(_options: object = {}): Integration {
  return inertIntegration('Mongoose', 'tracing');
}

/** Sentry's `mysqlIntegration` (tracing): accepted and inert. */
export function mysqlIntegration(_options: object = {}): Integration {
  return inertIntegration('Mysql', 'tracing');
}

/** Sentry's `mysql2Integration` (tracing): accepted and inert. */
export function mysql2Integration(_options: object = {}): Integration {
  return inertIntegration('Mysql2', 'tracing');
}

/** Sentry's `nodeRuntimeMetricsIntegration` (metrics): accepted and inert. */
export function nodeRuntimeMetricsIntegration(_options: object = {}): Integration {
  return inertIntegration('NodeRuntimeMetrics', 'metrics');
}

/** Sentry's `openAIIntegration` (AI monitoring): accepted and inert. */
export function openAIIntegration(_options: object = {}): Integration {
  return inertIntegration('OpenAI', 'AI monitoring');
}

/** Sentry's `postgresIntegration` (tracing): accepted and inert. */
export function postgresIntegration(_options: object = {}): Integration {
  return inertIntegration('Postgres', 'tracing');
}

/** Sentry's `postgresJsIntegration` (tracing): accepted and inert. */
export function postgresJsIntegration(_options: object = {}): Integration {
  return inertIntegration('PostgresJs', 'tracing');
}

/** Sentry's `prismaIntegration` (tracing): accepted and inert. */
export function prismaIntegration(_options: object = {}): Integration {
  return inertIntegration('Prisma', 'tracing');
}

/** Sentry's `redisIntegration` (tracing): accepted and inert. */
export function redisIntegration(_options: object = {}): Integration {
  return inertIntegration('Redis', 'tracing');
}

/** Sentry's `spotlightIntegration` (Spotlight): accepted and inert. */
export function spotlightIntegration(_options: object = {}): Integration {
  return inertIntegration('Spotlight', 'Spotlight');
}

/** Sentry's `tediousIntegration` (tracing): accepted and inert. */
export function tediousIntegration(_options: object = {}): Integration {
  return inertIntegration('Tedious', 'tracing');
}

/** Sentry's `vercelAIIntegration` (AI monitoring): accepted and inert. */
export function vercelAIIntegration(_options: object = {}): Integration {
  return inertIntegration('VercelAI', 'AI monitoring');
}
/** Sentry's `httpServerSpansIntegration` (tracing): accepted and inert; `httpServerIntegration` does the rest. */
export function httpServerSpansIntegration(_options: object = {}): Integration {
  return inertIntegration('HttpServerSpans', 'tracing');
}
