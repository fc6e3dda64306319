/**
 * The Files store of the current playground (one per engine client, created on first use and kept
 * for the page's life, so buffers outlive the panel), and a hook to select from it.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundStore } from '../../store/index.ts';
import type { EngineClient } from '../../worker/client.ts';
import { usePlayground } from '../context.ts';
import { createFilesStore, dirtyPaths, type FilesStore, type FilesStoreState } from './filesStore.ts';

const stores = new WeakMap<EngineClient, FilesStore>();

export function filesStoreFor(client: EngineClient, playground: PlaygroundStore): FilesStore {
  let store = stores.get(client);
  if (!store) {
    store = createFilesStore({
      files: client.files,
      run: client.run,
      showLayers: () => playground.getState().showView('main', 'layers'),
    });
    stores.set(client, store);
    const files = store;
    // Unsaved editor text lives only in this page: leaving asks first (the browser's own prompt).
    globalThis.addEventListener?.('beforeunload', (event) => {
      if (!dirtyPaths(files.getState()).length) return;
      event.preventDefault();
    });
  }
  return store;
}

export function useFilesStore(): FilesStore {
  const { client, store } = usePlayground();
  return filesStoreFor(client, store);
}

export function useFiles<T>(selector: (state: FilesStoreState) => T): T {
  return useStore(useFilesStore(), selector);
}

export function useFilesShallow<T>(selector: (state: FilesStoreState) => T): T {
  return useStore(useFilesStore(), useShallow(selector));
}
