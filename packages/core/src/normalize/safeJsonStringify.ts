import { normalize } from './normalize';

/** JSON.stringify that never throws: plain first, then a normalized copy, then a placeholder. */
export function safeJsonStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    // cycles, BigInt, throwing getters or toJSON, or nesting too deep for the engine
  }
  try {
    return JSON.stringify(normalize(value, { depth: 30 }, { nodes: 50_000, chars: 4 * 1024 * 1024 }));
  } catch {
    return '"[unserializable]"';
  }
}
