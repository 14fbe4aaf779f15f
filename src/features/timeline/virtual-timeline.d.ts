/** Made by scripts/vite-plugin-ingest.ts from this build's ingest (docs/decisions/0014-data-import.md). */
declare module 'virtual:ties/timeline' {
  /** Whether this build carries the timeline index in its module graph (else it is fetched). */
  export const imported: boolean;
  /** Loads the index's own chunk (preloaded by index.html); null when `imported` is false. */
  export const loadImported: (() => Promise<unknown>) | null;
}
