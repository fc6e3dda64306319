/**
 * One colour per container, shared by its PID-namespace box and its cgroup card, so the eye links
 * them. Assigned in order of first sight and never reassigned (removing a container does not
 * repaint the others).
 */
export const CONTAINER_COLORS = ['#4cc2ff', '#ffb454', '#d2a8ff', '#7ee787', '#ff8ac6', '#ffe066', '#5eead4', '#ff9b6b'] as const;

const assigned = new Map<string, number>();
let next = 0;

/** `containers` in creation order; returns each one's colour. */
export function containerColor(id: string): string {
  let index = assigned.get(id);
  if (index === undefined) assigned.set(id, (index = next++));
  return CONTAINER_COLORS[index % CONTAINER_COLORS.length]!;
}

/** Registers a batch in a stable order (by creation time, then id) before colours are read. */
export function registerContainers(containers: readonly { readonly id: string; readonly createdAt: number }[]): void {
  const fresh = containers.filter((c) => !assigned.has(c.id));
  fresh.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  for (const c of fresh) containerColor(c.id);
}
