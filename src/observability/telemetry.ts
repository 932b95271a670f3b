// OpenTelemetry trace export, off by default. Preload it to turn it on:
//   node --import ./dist/src/observability/telemetry.js dist/src/main.js
// It is configured by OpenTelemetry's standard environment variables: OTEL_SERVICE_NAME,
// OTEL_TRACES_EXPORTER (otlp by default, console, none), OTEL_EXPORTER_OTLP_ENDPOINT and the
// other OTEL_EXPORTER_OTLP_* settings, OTEL_TRACES_SAMPLER, OTEL_SDK_DISABLED.
// Preloaded because instrumentation must hook http, gRPC and GraphQL before the gateway loads them.
import { register } from 'node:module';

register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);

const [{ NodeSDK }, { HttpInstrumentation }, { GrpcInstrumentation }, { GraphQLInstrumentation }] = await Promise.all([
  import('@opentelemetry/sdk-node'),
  import('@opentelemetry/instrumentation-http'),
  import('@opentelemetry/instrumentation-grpc'),
  import('@opentelemetry/instrumentation-graphql'),
]);

const sdk = new NodeSDK({
  instrumentations: [
    // Health probes and metric scrapes are not traffic worth a trace.
    new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => /^\/(healthz|readyz|metrics)\b/.test(request.url ?? '') }),
    new GrpcInstrumentation(),
    new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
  ],
});
sdk.start();
// Flush what is buffered when the gateway ends (it exits on its own after a graceful shutdown).
process.once('beforeExit', () => void sdk.shutdown());
