/** Where CI and hosting platforms put the commit being deployed, in Sentry's order of preference. */
const RELEASE_VARIABLES = [
  'SENTRY_RELEASE',
  'FAULTLINE_RELEASE',
  'GITHUB_SHA',
  'CI_COMMIT_SHA',
  'CIRCLE_SHA1',
  'BITBUCKET_COMMIT',
  'TRAVIS_COMMIT',
  'BUILDKITE_COMMIT',
  'VERCEL_GIT_COMMIT_SHA',
  'COMMIT_REF',
  'CF_PAGES_COMMIT_SHA',
  'RENDER_GIT_COMMIT',
  'RAILWAY_GIT_COMMIT_SHA',
  'HEROKU_SLUG_COMMIT',
  'SOURCE_VERSION',
  'CODEBUILD_RESOLVED_SOURCE_VERSION',
  'K_REVISION',
];

/** The release of this deployment from the environment (`SENTRY_RELEASE`, then CI commit variables), else `fallback`. */
export function getSentryRelease(fallback?: string): string | undefined {
  for (const name of RELEASE_VARIABLES) {
    const value = process.env[name];
    if (value) return value;
  }
  return fallback;
}
