import { describe, expect, it } from 'vitest';
import type { BuildStepView, BuildView } from '../../engine/snapshot.ts';
import { latestBuild, layerLighting, lightingKey, stageSteps } from './buildLighting.ts';

const step = (n: number, name: string, status: BuildStepView['status'], layer: string | null = null, stage: string | null = '0'): BuildStepView => ({ n, name, stage, status, layer, durationMs: 0 });
const build = (id: string, startedAt: number, steps: BuildStepView[]): BuildView => ({
  id, rev: 1, status: 'done', tags: ['app:latest'], dockerfile: '', steps, imageId: null, startedAt, finishedAt: null,
});

describe('build lighting', () => {
  const b = build('build-2', 500, [
    step(1, '[internal] load build definition from Dockerfile', 'done', null, null),
    step(4, '[1/4] FROM docker.io/library/alpine:latest', 'cached'),
    step(6, '[2/4] RUN apk add curl', 'cached', 'sha256:run'),
    step(7, '[3/4] COPY app.txt /app/', 'done', 'sha256:copy'),
    step(8, '[4/4] RUN make', 'running'),
    step(9, 'exporting to image', 'waiting', null, null),
  ]);

  it('picks the latest build', () => {
    expect(latestBuild({})).toBeNull();
    expect(latestBuild({ 'build-1': build('build-1', 100, []), 'build-2': b })!.id).toBe('build-2');
    expect(latestBuild({ 'build-9': build('build-9', 500, []), 'build-10': build('build-10', 500, []) })!.id).toBe('build-10');
  });

  it('lists the Dockerfile steps, not the internal or export vertices', () => {
    expect(stageSteps(b).map((s) => s.n)).toEqual([4, 6, 7, 8]);
  });

  it('lights each layer as its step produced it: cached or built', () => {
    const light = layerLighting(b);
    expect([...light]).toEqual([['sha256:run', 'cached'], ['sha256:copy', 'done']]);
    expect(lightingKey(['sha256:x', 'sha256:copy'], light)).toBe('sha256:copy=done;');
    expect(layerLighting(null).size).toBe(0);
  });
});
