import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.ts';
import { FIXTURE_IMAGES, FIXTURE_PROCESSES, HOG, WEB } from '../store/fixtures.ts';
import { layersSummary } from './layers/LayersSummary.tsx';
import { processSummary } from './processes/ProcessSummary.tsx';

const en = translator('en');

describe('processSummary (the Processes diagram in words)', () => {
  it('lists each container with image, status and its process count, then the host processes', () => {
    const inWeb = FIXTURE_PROCESSES.filter((p) => p.containerId === WEB.id).length;
    const inHog = FIXTURE_PROCESSES.filter((p) => p.containerId === HOG.id).length;
    const host = FIXTURE_PROCESSES.filter((p) => p.containerId === null).length;
    expect(inWeb).toBeGreaterThan(1);
    expect(processSummary(en, [HOG, WEB], FIXTURE_PROCESSES)).toBe(
      `2 containers: web (nginx, Running, ${inWeb} processes); hog (progrium/stress, Running, ${inHog} process${inHog === 1 ? '' : 'es'}). ${host} host processes outside containers.`,
    );
  });

  it('says an OOM kill and an empty host plainly, and speaks pt-BR (CLDR: 0 takes the singular there)', () => {
    const killed = { ...HOG, status: 'exited' as const, exitCode: 1, oomKilled: true };
    expect(processSummary(en, [killed], [])).toBe('1 container: hog (progrium/stress, Exited (1), OOM-killed, 0 processes). 0 host processes outside containers.');
    expect(processSummary(en, [], [])).toBe('No containers. 0 host processes outside containers.');
    expect(processSummary(translator('pt-BR'), [killed], [])).toMatch(/^1 contêiner: hog \(progrium\/stress, Terminado \(1\), .*, 0 processo\)\. /);
  });
});

describe('layersSummary (the layer graph in words)', () => {
  it('names every image with its tags, layer count and size, and counts the shared layers', () => {
    expect(layersSummary(en, FIXTURE_IMAGES)).toBe('2 images: nginx:latest (3 layers, 201MB); progrium/stress:latest (2 layers, 295MB). 0 layers shared by more than one image.');
    const sibling = { ...FIXTURE_IMAGES[0], id: 'sha256:ff', repoTags: ['web:1', 'web:latest'], layers: [...FIXTURE_IMAGES[0].layers, 'sha256:a9'], chain: [...FIXTURE_IMAGES[0].chain, 'sha256:ca9'] };
    expect(layersSummary(en, [...FIXTURE_IMAGES, sibling])).toMatch(/^3 images: .*; web:1, web:latest \(4 layers, [\d.]+MB\)\. 3 layers shared by more than one image\.$/);
  });
});
