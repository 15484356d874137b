/** The running Node version as numbers, as Sentry's `NODE_VERSION` (read when asked, not at import). */
export const NODE_VERSION: {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease?: string;
  readonly buildmetadata?: string;
} = {
  get major() {
    return part(0);
  },
  get minor() {
    return part(1);
  },
  get patch() {
    return part(2);
  },
  prerelease: undefined,
  buildmetadata: undefined,
};

function part(index: number): number {
  return Number(process.versions.node.split('.')[index]) || 0;
}
