import type { EngineClient } from '../worker/client.ts';
import type { PlaygroundStore } from './playgroundStore.ts';

/** Routes the client's host messages into the store; returns the unsubscribe function. */
export function connectStore(store: PlaygroundStore, client: EngineClient): () => void {
  return client.onMessage((message) => store.getState().receive(message));
}
