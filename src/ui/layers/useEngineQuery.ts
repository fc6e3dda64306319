import { useEffect, useState } from 'react';
import type { EngineQuery, QueryResults } from '../../engine/queries.ts';
import { usePlayground } from '../context.ts';

/** Answers already received, by key. Layer files and image figures never change for a given key. */
const answers = new Map<string, unknown>();
const ANSWERS_LIMIT = 100;

/**
 * Asks the engine `query` (through the client) and re-renders with the answer. `key` names the
 * answer: the same key is answered from memory, so going back to a layer shows it at once.
 */
export function useEngineQuery<K extends EngineQuery['kind']>(query: Extract<EngineQuery, { readonly kind: K }> | null, key: string): { readonly loading: boolean; readonly value: QueryResults[K] | null } {
  const { client } = usePlayground();
  const [state, setState] = useState<{ key: string; value: unknown } | null>(null);
  const known = answers.has(key);
  useEffect(() => {
    if (!query || answers.has(key)) return;
    let live = true;
    void client.query(query).then((result) => {
      const value: unknown = result.value;
      if (answers.size >= ANSWERS_LIMIT) answers.delete(answers.keys().next().value!);
      if (value !== null) answers.set(key, value);
      if (live) setState({ key, value });
    });
    return () => {
      live = false;
    };
    // `key` identifies the query: the object may be rebuilt on every render.
  }, [client, key]);
  if (!query) return { loading: false, value: null };
  if (known) return { loading: false, value: answers.get(key) as QueryResults[K] };
  if (state?.key === key) return { loading: false, value: state.value as QueryResults[K] | null };
  return { loading: true, value: null };
}
