/**
 * The Volumes view: what backs each path a container mounts. Left, the host side — named and
 * anonymous volumes (directories under /var/lib/docker/volumes), host directories of bind
 * mounts, tmpfs memory; right, every container with its mount points; a line from each mount
 * point to its source (solid read-write, dashed read-only, dotted tmpfs). A volume no container
 * references any more stays on the left, marked unused: it survived `docker rm`.
 */
import { memo, useMemo } from 'react';
import type { ContainerView, VolumeView } from '../../engine/snapshot.ts';
import { useStoreValue, useT } from '../context.ts';
import { dockerSize } from '../layers/humanSize.ts';
import { layoutVolumes, type ContainerRow, type Link, type SourceRow } from './layout.ts';
import './volumes.css';

/** Row pitch in pixels (large type, readable on a projector). */
const ROW = 84;

export default function VolumesPanel() {
  const t = useT();
  const volumes = useStoreValue((s) => s.volumes);
  const containers = useStoreValue((s) => s.containers);
  const layout = useMemo(
    () => layoutVolumes(Object.values(volumes) as VolumeView[], Object.values(containers) as ContainerView[]),
    [volumes, containers],
  );
  const hasMounts = layout.sources.length > 0 || layout.containers.some((r) => r.kind === 'mount');
  if (!hasMounts) return <p className="empty">{t('vol.empty')}</p>;
  const height = Math.max(1, layout.rows) * ROW;
  return (
    <div className="volumes" role="group" aria-label={t('vol.label')}>
      <ul className="volumes__legend">
        <li><span className="volumes__swatch volumes__swatch--rw" aria-hidden="true" />{t('vol.legendRw')}</li>
        <li><span className="volumes__swatch volumes__swatch--ro" aria-hidden="true" />{t('vol.legendRo')}</li>
        <li><span className="volumes__swatch volumes__swatch--tmpfs" aria-hidden="true" />{t('vol.legendTmpfs')}</li>
      </ul>
      <div className="volumes__heads">
        <h3>{t('vol.host')} <small>{t('vol.hostHint')}</small></h3>
        <span />
        <h3>{t('vol.containers')} <small>{t('vol.containersHint')}</small></h3>
      </div>
      {/* Focusable, so a keyboard can scroll a long list (axe scrollable-region-focusable). */}
      <div className="volumes__scroll" role="group" aria-label={t('vol.scroll')} tabIndex={0}>
        <div className="volumes__grid" style={{ height }}>
          <ul className="volumes__col" data-testid="volume-sources">
            {layout.sources.map((s) => <Source key={s.key} s={s} />)}
          </ul>
          <svg className="volumes__links" viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" aria-hidden="true">
            {layout.links.map((l) => <LinkPath key={l.key} l={l} />)}
          </svg>
          <ul className="volumes__col" data-testid="volume-containers">
            {layout.containers.map((r) => <ContainerItem key={r.key} r={r} />)}
          </ul>
        </div>
      </div>
    </div>
  );
}

const Source = memo(function Source({ s }: { s: SourceRow }) {
  const t = useT();
  const unused = s.usedBy === 0;
  const kind = s.kind === 'named' ? t('vol.named') : s.kind === 'anonymous' ? t('vol.anonymous') : s.kind === 'bind' ? t('vol.bind') : t('vol.memory');
  const title = s.kind === 'anonymous' ? `${s.name.slice(0, 12)}…` : s.kind === 'tmpfs' ? t('vol.memory') : s.name;
  return (
    <li
      className={`vsrc vsrc--${s.kind}${unused ? ' vsrc--unused' : ''}`}
      style={{ top: s.row * ROW, height: ROW - 12 }}
      data-testid="volume-source"
      data-name={s.name}
      data-unused={unused ? 'true' : 'false'}
      title={unused ? `${s.path}\n${t('vol.unusedHint')}` : s.path || t('vol.memoryHint')}
    >
      <span className="vsrc__title mono">{title}</span>
      <span className="vsrc__sub">
        {kind}
        {s.size !== null && ` · ${dockerSize(s.size)}`}
        {s.usedBy !== null && s.usedBy > 0 && ` · ${t('vol.usedBy', { count: s.usedBy })}`}
        {s.kind === 'tmpfs' && ` · ${t('vol.memoryHint')}`}
      </span>
      {unused && <span className="vsrc__unused">{t('vol.unused')}</span>}
    </li>
  );
});

const ContainerItem = memo(function ContainerItem({ r }: { r: ContainerRow }) {
  const t = useT();
  const style = { top: r.row * ROW, height: ROW - 12 };
  if (r.kind === 'container') {
    return (
      <li className="vctr" style={style} data-testid="volume-container" data-name={r.name}>
        <span className="vctr__name">{r.name}</span>
        <span className={`vctr__status vctr__status--${r.status}`}>{r.status}</span>
      </li>
    );
  }
  if (r.kind === 'none') return <li className="vmnt vmnt--none" style={style}>{t('vol.noMounts')}</li>;
  const m = r.mount;
  return (
    <li className={`vmnt vmnt--${m.type}${m.rw ? '' : ' vmnt--ro'}`} style={style} data-testid="volume-mount" data-destination={m.destination}>
      <span className="vmnt__dest mono">{m.destination}</span>{' '}
      <span className="vmnt__mode">{m.rw ? t('vol.rw') : t('vol.ro')}</span>
      {/* The link drawn to the host side, in words (the lines are aria-hidden). */}
      <span className="visually-hidden">, {m.type === 'volume' ? t('vol.fromVolume', { name: m.name }) : m.type === 'bind' ? t('vol.fromBind', { path: m.source }) : t('vol.fromTmpfs')}</span>
    </li>
  );
});

function LinkPath({ l }: { l: Link }) {
  const y1 = l.from * ROW + (ROW - 12) / 2;
  const y2 = l.to * ROW + (ROW - 12) / 2;
  const cls = `vlink vlink--${l.kind}${l.rw ? '' : ' vlink--ro'}`;
  return <path className={cls} d={`M0 ${y1} C50 ${y1} 50 ${y2} 100 ${y2}`} vectorEffect="non-scaling-stroke" />;
}
