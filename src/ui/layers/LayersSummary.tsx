/**
 * The layer graph in words (issue 6, text equivalents): each image with all its tags, how many layers
 * it stacks and its size, and how many layers more than one image shares. React Flow's wrapper
 * points at it with aria-describedby; the element is `hidden`, so it is heard once, as the description.
 */
import { useMemo } from 'react';
import type { ImageView } from '../../engine/snapshot.ts';
import type { Translate } from '../../i18n/index.ts';
import { useStoreValue, useT } from '../context.ts';
import { dockerSize } from './humanSize.ts';

export function layersSummary(t: Translate, images: readonly ImageView[]): string {
  const users = new Map<string, number>();
  for (const image of images) for (const chain of new Set(image.chain)) users.set(chain, (users.get(chain) ?? 0) + 1);
  const shared = [...users.values()].filter((n) => n > 1).length;
  const list = [...images]
    .map((image) => ({ name: image.repoTags.length ? image.repoTags.join(', ') : `<none> ${image.id.replace(/^sha256:/, '').slice(0, 12)}`, image }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, image }) => t('a11y.layersImage', { name, count: image.layers.length, size: dockerSize(image.size) }))
    .join('; ');
  return `${t('a11y.layersImages', { count: images.length, list })}. ${t('a11y.layersShared', { count: shared })}.`;
}

export function LayersSummary({ id }: { id: string }) {
  const t = useT();
  const images = useStoreValue((s) => s.images);
  const text = useMemo(() => layersSummary(t, Object.values(images) as ImageView[]), [t, images]);
  return <p id={id} hidden>{text}</p>;
}
