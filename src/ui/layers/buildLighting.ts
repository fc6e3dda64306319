/**
 * Which layers the latest `docker build` lit up, and how: a step that ran shows its layer as
 * built, a cache hit as CACHED (BuildKit's `#N CACHED`), the running step pulses. Pure mapping of
 * the snapshot's BuildView records (the engine decides what was cached; this only picks colours).
 */
import type { BuildStepStatus, BuildStepView, BuildView } from '../../engine/snapshot.ts';

/** The most recently started build, or null. */
export function latestBuild(builds: Readonly<Record<string, BuildView>>): BuildView | null {
  let best: BuildView | null = null;
  for (const b of Object.values(builds)) {
    if (!best || b.startedAt > best.startedAt || (b.startedAt === best.startedAt && buildNumber(b.id) > buildNumber(best.id))) best = b;
  }
  return best;
}

function buildNumber(id: string): number {
  const n = Number(id.slice(id.lastIndexOf('-') + 1));
  return Number.isFinite(n) ? n : 0;
}

/** The Dockerfile steps worth listing: stage vertices (`[2/4] RUN …`), not `[internal]` or export ones. */
export function stageSteps(build: BuildView): BuildStepView[] {
  return build.steps.filter((s) => s.stage !== null);
}

/** The light a layer row gets. */
export type Lighting = Exclude<BuildStepStatus, 'waiting'>;

/** diff_id → how the latest build produced it (the last step that names it wins). */
export function layerLighting(build: BuildView | null): ReadonlyMap<string, Lighting> {
  const out = new Map<string, Lighting>();
  if (!build) return out;
  for (const s of build.steps) if (s.layer && s.status !== 'waiting') out.set(s.layer, s.status);
  return out;
}

/** Lighting of the rows of one node, as a stable string so memo'd nodes can compare it cheaply. */
export function lightingKey(diffIds: readonly string[], lighting: ReadonlyMap<string, Lighting>): string {
  let key = '';
  for (const d of diffIds) {
    const l = lighting.get(d);
    if (l) key += `${d}=${l};`;
  }
  return key;
}
