/**
 * The latest push or pull, one row per layer in the order the CLI printed them: a bar fills
 * while the layer moves; a skipped layer (already in the registry, mounted from another
 * repository, already in the local store) shows a jump instead of a bar. Rows appear one after
 * another in virtual-time order (compressed to a few seconds), so a replay reads as it happened.
 */
import { motion } from 'framer-motion';
import type { TransferLayerView, TransferView } from '../../engine/snapshot.ts';
import { useT } from '../context.ts';
import { dockerSize } from '../layers/humanSize.ts';
import { useReducedMotion } from '../reducedMotion.ts';

const SKIPPED = new Set(['exists', 'mounted', 'already-exists']);

/** What happened to a layer, in words (the terminal keeps docker's own wording). */
function outcomeLabel(t: ReturnType<typeof useT>, l: TransferLayerView): string {
  switch (l.outcome) {
    case null: return t('registry.outcome.moving');
    case 'pushed': return t('registry.outcome.pushed');
    case 'exists': return t('registry.outcome.exists');
    case 'mounted': return t('registry.outcome.mounted', { from: l.from ?? '' });
    case 'downloaded': return t('registry.outcome.downloaded');
    case 'already-exists': return t('registry.outcome.alreadyExists');
    case 'denied': return t('registry.outcome.denied');
  }
}

export function TransferStrip({ transfer }: { transfer: TransferView }) {
  const t = useT();
  const reduced = useReducedMotion();
  const span = Math.max(1, ...transfer.layers.map((l) => l.end - transfer.start));
  // Virtual ms → seconds on screen: the whole transfer replays in at most ~3 s.
  const scale = (ms: number) => (reduced ? 0 : Math.min(3, (ms / span) * 3));
  const target = `${transfer.registry === 'docker.io' ? '' : `${transfer.registry}/`}${transfer.repository}:${transfer.tag}`;
  return (
    <section className="reg-xfer" aria-labelledby="reg-xfer-title" data-testid="registry-transfer" data-kind={transfer.kind} data-status={transfer.status}>
      <h2 id="reg-xfer-title" className="reg-xfer__title">
        {t(transfer.kind === 'push' ? 'registry.pushTitle' : 'registry.pullTitle', { name: target })}
        <span className={`reg-xfer__status reg-xfer__status--${transfer.status}`}>{t(`registry.status.${transfer.status}`)}</span>
      </h2>
      <ol className="reg-xfer__rows">
        {transfer.layers.map((l, i) => {
          const skipped = l.outcome !== null && SKIPPED.has(l.outcome);
          const label = outcomeLabel(t, l);
          return (
            <motion.li
              key={`${transfer.id}-${l.id}`}
              className={`reg-row${skipped ? ' reg-row--skipped' : ''}${l.outcome === null ? ' reg-row--moving' : ''}${l.outcome === 'denied' ? ' reg-row--denied' : ''}`}
              data-testid="registry-layer"
              data-outcome={l.outcome ?? 'moving'}
              initial={reduced ? false : { opacity: 0, x: -12 }}
              animate={{ opacity: 1, x: 0 }}
              transition={{ delay: reduced ? 0 : Math.min(i * 0.12, 1) }}
            >
              <span className="reg-row__id mono">{l.id}</span>
              <span className="reg-row__blob mono" title={l.digest}>{t('registry.blob', { id: l.digest.slice(7, 19) })}</span>
              <span className="reg-row__size">{dockerSize(l.size)}</span>
              <span className="reg-row__track" aria-hidden="true">
                {skipped ? (
                  <motion.span className="reg-row__jump" initial={reduced ? false : { scaleX: 0 }} animate={{ scaleX: 1 }} transition={{ delay: scale(l.start - transfer.start), duration: 0.35 }} />
                ) : (
                  <motion.span
                    className="reg-row__fill"
                    initial={reduced ? false : { scaleX: 0 }}
                    animate={{ scaleX: l.outcome === null ? 0.5 : l.outcome === 'denied' ? 0 : 1 }}
                    transition={{ delay: scale(l.start - transfer.start), duration: Math.max(0.25, scale(l.end - l.start)) }}
                  />
                )}
              </span>
              <span className="reg-row__outcome">{label}</span>
            </motion.li>
          );
        })}
      </ol>
      {transfer.digest && <p className="reg-xfer__digest mono">{transfer.digest}</p>}
    </section>
  );
}
