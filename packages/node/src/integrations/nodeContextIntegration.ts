import { existsSync } from 'node:fs';
import os from 'node:os';
import type { Integration } from '@faultline/core';
import { readOsContext } from '../readOsContext';

/**
 * Runtime, OS (distribution and version, kernel release, as Sentry sends them), memory and uptime, and
 * where the process runs (Kubernetes, AWS, GCP, Azure, Docker), detected as the integration is set up.
 */
/* @__NO_SIDE_EFFECTS__ */
export function nodeContextIntegration(): Integration {
  let fixed: Record<string, Record<string, unknown>> | undefined;
  let hostname: string | undefined;
  // Reading RSS is a system call: sample it at most once a second, not once per event.
  let rss = 0;
  let rssAt = 0;
  return {
    name: 'NodeContext',
    setup() {
      hostname = os.hostname();
      fixed = {
        runtime: { name: 'node', version: process.version },
        os: readOsContext(),
        device: { arch: os.arch(), processor_count: os.cpus().length, memory_size: os.totalmem() },
        ...(detectCloud(process.env) ? { cloud: detectCloud(process.env)! } : {}),
      };
    },
    processEvent(event) {
      const now = Date.now();
      if (now - rssAt > 1000) {
        rss = process.memoryUsage.rss();
        rssAt = now;
      }
      event.contexts = {
        ...fixed,
        app: { app_memory: rss, uptime_s: Math.round(process.uptime()) },
        ...event.contexts,
      };
      event.server_name ??= hostname;
      return event;
    },
  };
}

/** Where the process runs, from the variables each platform sets. */
export function detectCloud(env: Record<string, string | undefined>): Record<string, string> | undefined {
  const defined = (fields: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Record<string, string>;
  if (env.KUBERNETES_SERVICE_HOST) {
    return defined({
      provider: 'kubernetes',
      pod: env.HOSTNAME,
      namespace: env.POD_NAMESPACE ?? env.K8S_NAMESPACE,
      node: env.NODE_NAME,
    });
  }
  if (env.AWS_LAMBDA_FUNCTION_NAME || env.AWS_EXECUTION_ENV || env.ECS_CONTAINER_METADATA_URI_V4) {
    return defined({
      provider: 'aws',
      region: env.AWS_REGION,
      function: env.AWS_LAMBDA_FUNCTION_NAME,
      platform: env.AWS_EXECUTION_ENV,
    });
  }
  if (env.K_SERVICE || env.GOOGLE_CLOUD_PROJECT || env.FUNCTION_TARGET) {
    return defined({
      provider: 'gcp',
      project: env.GOOGLE_CLOUD_PROJECT,
      service: env.K_SERVICE,
      revision: env.K_REVISION,
    });
  }
  if (env.WEBSITE_SITE_NAME || env.FUNCTIONS_WORKER_RUNTIME || env.CONTAINER_APP_NAME) {
    return defined({
      provider: 'azure',
      site: env.WEBSITE_SITE_NAME ?? env.CONTAINER_APP_NAME,
      region: env.REGION_NAME,
    });
  }
  if (existsSync('/.dockerenv')) return { provider: 'docker' };
  return undefined;
}
