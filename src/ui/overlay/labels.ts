import type { OverlayEvent, OverlayLowerView } from '../../engine/queries.ts';
import type { Translate } from '../../i18n/index.ts';

/** `L3` / `init`: a lower dir's short name (image layers numbered from the base, like docker history bottom-up). */
export function shortLayer(t: Translate, lower: OverlayLowerView | undefined): string {
  if (!lower) return '?';
  return lower.role === 'init' ? t('overlay.from.init') : t('overlay.from.layer', { n: lower.position });
}

/** `layer 3` / `init layer`. */
export function longLayer(t: Translate, lower: OverlayLowerView | undefined): string {
  if (!lower) return '?';
  return lower.role === 'init' ? t('overlay.init') : t('overlay.layerN', { n: lower.position });
}

/** One line of the overlay log: what the mount did, in words. */
export function eventText(t: Translate, e: OverlayEvent, lowers: readonly OverlayLowerView[]): string {
  const layer = longLayer(t, e.layer === null ? undefined : lowers[e.layer]);
  switch (e.op) {
    case 'copy-up': return t('overlay.ev.copyUp', { path: e.path, layer });
    case 'whiteout': return t('overlay.ev.whiteout', { path: e.path, layer });
    case 'opaque': return t('overlay.ev.opaque', { path: e.path });
    case 'create': return t('overlay.ev.create', { path: e.path });
    case 'remove': return t('overlay.ev.remove', { path: e.path });
  }
}

/** The upper-dir name of a whiteout for `path` (`/etc/.wh.motd`). */
export function whiteoutName(path: string): string {
  const i = path.lastIndexOf('/');
  return `${path.slice(0, i + 1)}.wh.${path.slice(i + 1)}`;
}
