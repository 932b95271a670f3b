import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from 'pino';
import { loadDocumentSet, type DocumentSet } from './document-set.ts';

/** The documents in force, swapped whole on reload. */
export interface DocumentStore {
  /** The set in force: read once per request, so a request never sees half of a reload. */
  current(): DocumentSet;
  /** Reads the folder again; on any bad file keeps the set in force and returns false. */
  reload(): boolean;
  close(): void;
}

/** How the store is built. */
export interface DocumentStoreOptions {
  /** The documents folder (`<client>/policy.yaml`, `<client>/<version>.json`). */
  dir: string;
  /** Reload when a file under `dir` changes (debounced); SIGHUP always reloads. */
  watch: boolean;
  logger: Logger;
  onReload?: (ok: boolean) => void;
}

/** Files written in one go (a registration, a `git pull`) trigger one reload, not one per file. */
const DEBOUNCE_MS = 100;

/** Every open store's reload: one SIGHUP listener serves them all, installed while any is open. */
const onHangup = new Set<() => void>();
const reloadAll = () => {
  for (const reload of onHangup) reload();
};

function listenForHangup(reload: () => void): () => void {
  if (onHangup.size === 0) process.on('SIGHUP', reloadAll);
  onHangup.add(reload);
  return () => {
    onHangup.delete(reload);
    if (onHangup.size === 0) process.off('SIGHUP', reloadAll);
  };
}

/**
 * Loads the documents folder (throwing, at start, on any bad file) and keeps it current: on
 * SIGHUP and, with `watch`, on any change under the folder. A reload builds a complete new set
 * and swaps it in one assignment; a reload that fails keeps the previous set and is logged.
 */
export function createDocumentStore(options: DocumentStoreOptions): DocumentStore {
  let set = loadDocumentSet(options.dir);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const reload = (): boolean => {
    try {
      set = loadDocumentSet(options.dir);
      options.logger.info({ dir: options.dir }, 'trusted documents reloaded');
      options.onReload?.(true);
      return true;
    } catch (error) {
      options.logger.error({ err: error, dir: options.dir }, 'trusted documents not reloaded: the previous set stays in force');
      options.onReload?.(false);
      return false;
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(reload, DEBOUNCE_MS);
    timer.unref();
  };
  const stopListening = listenForHangup(() => reload());
  if (options.watch) {
    try {
      watcher = watch(options.dir, { recursive: true, persistent: false }, schedule);
      watcher.on('error', (error) => options.logger.error({ err: error, dir: options.dir }, 'trusted documents folder no longer watched (SIGHUP still reloads)'));
    } catch (error) {
      options.logger.warn({ err: error, dir: options.dir }, 'trusted documents folder not watched (SIGHUP reloads)');
    }
  }
  return {
    current: () => set,
    reload,
    close() {
      stopListening();
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
