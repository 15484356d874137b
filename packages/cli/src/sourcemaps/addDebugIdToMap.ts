interface RawMap {
  mappings?: unknown;
  sections?: { offset?: { line?: number } }[];
  debug_id?: string;
  debugId?: string;
}

/**
 * Gives a source map its file's debug ID, in `debugId` (ECMA-426) and `debug_id` (what older Sentry
 * tooling reads), and, when a snippet line was inserted at `snippetLine`, moves every mapping below it
 * down one line (an empty line in `mappings`: VLQ fields are relative, so nothing else changes).
 */
export function addDebugIdToMap(mapText: string, debugId: string, snippetLine?: number): string {
  const map = JSON.parse(mapText) as RawMap;
  if (snippetLine !== undefined) {
    if (typeof map.mappings === 'string') {
      const lines = map.mappings.split(';');
      lines.splice(snippetLine, 0, '');
      map.mappings = lines.join(';');
    }
    for (const section of map.sections ?? []) {
      if (section.offset?.line !== undefined && section.offset.line >= snippetLine) section.offset.line += 1;
    }
  }
  map.debug_id = debugId;
  map.debugId = debugId;
  return JSON.stringify(map);
}
