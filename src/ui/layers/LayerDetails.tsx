import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImageEfficiency, LayerFileEntry } from '../../engine/queries.ts';
import type { FileMark } from '../../engine/queries.ts';
import type { Translate } from '../../i18n/index.ts';
import { useStoreValue, useT } from '../context.ts';
import { imageName } from './actions.ts';
import { dockerSize, percent, shortDigest } from './humanSize.ts';
import type { LayersSelection } from './nodeTypes.ts';
import { useEngineQuery } from './useEngineQuery.ts';

const MARK_LETTER: Readonly<Record<FileMark, string>> = { added: 'A', modified: 'M', removed: 'R', unmodified: '' };

function markLabel(t: Translate, mark: FileMark): string {
  switch (mark) {
    case 'added': return t('dive.mark.added');
    case 'modified': return t('dive.mark.modified');
    case 'removed': return t('dive.mark.removed');
    case 'unmodified': return t('dive.mark.unmodified');
  }
}

/** The selected layer or image in full: dive's file list and efficiency figures. */
export function LayerDetails({ selection, onClose }: { selection: NonNullable<LayersSelection>; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && ref.current?.contains(document.activeElement)) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="details ldetails" role="group" aria-labelledby="ldetails-title" ref={ref}>
      {selection.kind === 'layer' ? <LayerPane chainId={selection.chainId} onClose={onClose} /> : <ImagePane imageId={selection.imageId} onClose={onClose} />}
    </div>
  );
}

function Head({ title, onClose }: { title: string; onClose: () => void }) {
  const t = useT();
  return (
    <div className="details__head">
      <h2 id="ldetails-title">{title}</h2>
      <button type="button" className="icon-button" onClick={onClose} aria-label={t('details.close')} title={t('details.close')}>✕</button>
    </div>
  );
}

function LayerPane({ chainId, onClose }: { chainId: string; onClose: () => void }) {
  const t = useT();
  const layer = useStoreValue((s) => s.layers[chainId]);
  // Images whose chain holds this layer, oldest first (their names and ids).
  const images = useStoreValue((s) => s.images);
  const users = useMemo(() => Object.values(images).filter((i) => i.chain.includes(chainId)).sort((a, b) => a.created - b.created).map((i) => i.id), [images, chainId]);
  const files = useEngineQuery(layer ? { kind: 'layerFiles', chainId } : null, `layerFiles ${chainId}`);
  const position = files.value?.position ?? (users[0] ? images[users[0]]!.chain.indexOf(chainId) + 1 : 0);
  if (!layer) {
    return (
      <>
        <Head title={t('details.title')} onClose={onClose} />
        <p className="details__gone">{t('dive.gone')}</p>
      </>
    );
  }
  return (
    <>
      <Head title={t('dive.layerTitle', { position })} onClose={onClose} />
      <p className="ldetails__created mono" title={t('dive.createdBy')} tabIndex={0}>{layer.createdBy || t('layers.noHistory')}</p>
      <p className="ldetails__meta">
        <span><strong>{dockerSize(layer.size)}</strong></span>
        <span title={layer.diffId}>{t('dive.diffId')} <span className="mono">{shortDigest(layer.diffId)}</span></span>
        <span title={layer.id}>{t('dive.chainId')} <span className="mono">{shortDigest(layer.id)}</span></span>
      </p>
      <div className="ldetails__users">
        <span className="ldetails__label">{t('dive.usedBy')}</span>
        {users.map((id) => <span key={id} className="chip">{images[id] ? imageName(images[id]) : shortDigest(id)}</span>)}
      </div>
      <FileList position={position} loading={files.loading} entries={files.value?.entries ?? null} counts={files.value?.counts ?? null} truncated={files.value?.truncated ?? 0} />
      {users.map((id) => <Efficiency key={id} imageId={id} />)}
    </>
  );
}

function FileList({ position, loading, entries, counts, truncated }: {
  position: number; loading: boolean; entries: readonly LayerFileEntry[] | null; counts: { added: number; modified: number; removed: number } | null; truncated: number;
}) {
  const t = useT();
  const [changesOnly, setChangesOnly] = useState(false);
  const shown = useMemo(() => (entries ?? []).filter((e) => !changesOnly || (e.mark !== 'unmodified' && !(e.type === 'dir' && e.mark === 'modified'))), [entries, changesOnly]);
  return (
    <section className="dive" aria-label={t('dive.files')}>
      <h3 className="dive__title">{t('dive.files')}</h3>
      {loading && <p className="dive__note">{t('dive.loading')}</p>}
      {!loading && !entries && <p className="dive__note">{t('dive.unavailable')}</p>}
      {counts && (
        <div className="dive__summary">
          <span className="dive__counts">{t('dive.counts', counts)}</span>
          <label className="dive__filter">
            <input type="checkbox" checked={changesOnly} onChange={(e) => setChangesOnly(e.currentTarget.checked)} />
            {t('dive.changesOnly')}
          </label>
        </div>
      )}
      {entries && (
        <ul className="dive__files" aria-label={t('dive.filesAria', { position })} tabIndex={0}>
          {shown.map((e) => {
            const depth = e.path.split('/').length - 2;
            const name = e.path.slice(e.path.lastIndexOf('/') + 1);
            return (
              <li
                key={e.path}
                className={`dive__file dive__file--${e.mark}${e.implied ? ' dive__file--implied' : ''}`}
                title={e.path}
                aria-label={`${markLabel(t, e.mark)}: ${e.path}${e.type === 'file' || e.mark === 'removed' ? `, ${dockerSize(e.size)}` : ''}`}
              >
                <span className={`dive-mark dive-mark--${e.mark}`} aria-hidden="true">{MARK_LETTER[e.mark]}</span>
                <span className="dive__name" style={{ paddingLeft: `${depth * 14}px` }}>
                  {name}{e.type === 'dir' ? '/' : ''}{e.type === 'symlink' ? ` → ${e.target}` : ''}
                </span>
                <span className="dive__size">{e.type === 'file' || e.mark === 'removed' ? dockerSize(e.size) : ''}</span>
              </li>
            );
          })}
          {truncated > 0 && <li className="dive__note">{t('dive.truncated', { count: truncated })}</li>}
        </ul>
      )}
    </section>
  );
}

function ImagePane({ imageId, onClose }: { imageId: string; onClose: () => void }) {
  const t = useT();
  const image = useStoreValue((s) => s.images[imageId]);
  const table = useStoreValue((s) => s.containers);
  const containers = useMemo(() => Object.values(table).filter((c) => c.imageId === imageId).map((c) => c.name), [table, imageId]);
  if (!image) {
    return (
      <>
        <Head title={t('details.title')} onClose={onClose} />
        <p className="details__gone">{t('dive.gone')}</p>
      </>
    );
  }
  return (
    <>
      <Head title={t('dive.imageTitle', { name: imageName(image) })} onClose={onClose} />
      <dl className="details__list">
        <dt>{t('dive.imageId')}</dt>
        <dd className="mono" title={image.id}>{shortDigest(image.id)}</dd>
        <dt>{t('dive.size')}</dt>
        <dd>{dockerSize(image.size)} · {t('layers.layerCount', { count: image.chain.length })}</dd>
        <dt>{t('dive.containers')}</dt>
        <dd>{containers.length ? containers.join(', ') : t('dive.none')}</dd>
      </dl>
      <Efficiency imageId={imageId} />
    </>
  );
}

/** dive's figures for one image: efficiency, wasted space, the paths stored more than once. */
function Efficiency({ imageId }: { imageId: string }) {
  const t = useT();
  const lang = useStoreValue((s) => s.lang);
  const image = useStoreValue((s) => s.images[imageId]);
  const tags = image?.repoTags.join(',') ?? '';
  const { loading, value } = useEngineQuery({ kind: 'imageEfficiency', imageId }, `imageEfficiency ${imageId} ${tags}`);
  const name = image ? imageName(image) : shortDigest(imageId);
  const ofUser = useCallback((v: ImageEfficiency) => (v.userWastedPercent === null ? '' : t('dive.wastedOf', { percent: percent(v.userWastedPercent, lang), size: dockerSize(v.userSizeBytes) })), [t, lang]);
  return (
    <section className="eff" aria-label={t('dive.efficiency', { name })}>
      <h3 className="dive__title">{t('dive.efficiency', { name })}</h3>
      {loading && <p className="dive__note">{t('dive.loading')}</p>}
      {!loading && !value && <p className="dive__note">{t('dive.unavailable')}</p>}
      {value && (
        <>
          <div className="eff__score">
            <span className="eff__label">{t('dive.score')}</span>
            <span className="eff__value">{percent(value.efficiency, lang)}</span>
            <span className="eff__bar" aria-hidden="true"><span style={{ transform: `scaleX(${value.efficiency})` }} /></span>
          </div>
          <dl className="details__list">
            <dt>{t('dive.wasted')}</dt>
            <dd>
              <strong>{dockerSize(value.wastedBytes)}</strong>
              {value.userWastedPercent !== null && <span className="eff__of"> · {ofUser(value)}</span>}
            </dd>
            <dt>{t('dive.total')}</dt>
            <dd>{dockerSize(value.sizeBytes)}</dd>
          </dl>
          <h4 className="eff__sub">{t('dive.storedTwice')}</h4>
          {value.inefficiencies.length === 0 ? (
            <p className="dive__note">{t('dive.nothingWasted')}</p>
          ) : (
            <ul className="eff__list">
              {value.inefficiencies.slice(0, 8).map((x) => (
                <li key={x.path}>
                  <span className="eff__count">{t('dive.times', { count: x.count })}</span>
                  <span className="eff__path mono" title={x.path}>{x.path}</span>
                  <span className="eff__size">{dockerSize(x.size)}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="dive__help">{t('dive.help')}</p>
        </>
      )}
    </section>
  );
}
