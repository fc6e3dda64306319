/**
 * The Docker stack as an SVG diagram (layout.ts): the runtime chain top to bottom, the stores and
 * the registry beside dockerd, live figures from the snapshot, the boxes and edges the shown call
 * reached lit, and a token travelling each new call's route.
 */
import { memo } from 'react';
import { motion } from 'framer-motion';
import type { ApiCall } from '../../engine/snapshot.ts';
import { useT } from '../context.ts';
import { BOXES, CHAIN, SIDE, VIEW_H, VIEW_W, litBoxes, routes, sideEdge, type BoxId, type Point } from './layout.ts';
import { STEP_S, type Token } from './useCallTokens.ts';

/** What each edge of the chain carries (protocol names: the same in every language). */
const EDGE_LABEL: Partial<Record<BoxId, string>> = {
  dockerd: 'HTTP /v1.51', containerd: 'gRPC', shim: 'ttrpc', runc: 'exec', kernel: 'clone(2) · cgroupfs',
};

export interface BoxText {
  readonly title: string;
  readonly sub: string;
}

export const Diagram = memo(function Diagram({ shown, texts, tokens, onTokenDone }: {
  shown: ApiCall | null;
  texts: Readonly<Record<BoxId, BoxText>>;
  tokens: readonly Token[];
  onTokenDone: (key: number) => void;
}) {
  const t = useT();
  const lit = shown ? litBoxes(shown) : new Set<BoxId>();
  return (
    <svg className="arch__svg" viewBox={`0 0 ${VIEW_W} ${VIEW_H}`} role="img" aria-label={t('arch.diagram')} preserveAspectRatio="xMidYMid meet">
      {CHAIN.slice(1).map((id, i) => {
        const from = BOXES[CHAIN[i]];
        const to = BOXES[id];
        const on = lit.has(id) && lit.has(CHAIN[i]);
        const x = from.x + from.w / 2;
        return (
          <g key={`e-${id}`} className={`arch-edge${on ? ' arch-edge--lit' : ''}`}>
            <line x1={x} y1={from.y + from.h} x2={x} y2={to.y} />
            <text x={x + 10} y={(from.y + from.h + to.y) / 2 + 4.5} className="arch-edge__label">{EDGE_LABEL[id]}</text>
          </g>
        );
      })}
      {SIDE.map((id) => {
        const [a, b] = sideEdge(id);
        const on = lit.has(id);
        return <line key={`s-${id}`} className={`arch-edge arch-edge--side${on ? ' arch-edge--lit' : ''}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} />;
      })}
      {[...CHAIN, ...SIDE].map((id) => {
        const b = BOXES[id];
        const on = lit.has(id);
        return (
          <g key={id} className={`arch-box arch-box--${id}${on ? ' arch-box--lit' : ''}`} data-box={id} data-lit={on ? 'true' : 'false'}>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={8} />
            <text x={b.x + 12} y={b.y + 20} className="arch-box__title">{texts[id].title}</text>
            <text x={b.x + 12} y={b.y + 38} className="arch-box__sub">{texts[id].sub}</text>
          </g>
        );
      })}
      {tokens.map((tok) => <CallToken key={tok.key} token={tok} onDone={onTokenDone} />)}
    </svg>
  );
});

/** One call's trip: down the chain, then out along each side branch. */
function CallToken({ token, onDone }: { token: Token; onDone: (key: number) => void }) {
  const r = routes(token.call);
  const chainS = Math.max(STEP_S, (r.chain.length - 1) * STEP_S);
  const failed = token.call.status >= 400;
  const className = `arch-token${failed ? ' arch-token--error' : ''}`;
  return (
    <g aria-hidden="true">
      <Mover points={r.chain} delay={token.delay} duration={chainS} className={className} onDone={r.branches.length ? undefined : () => onDone(token.key)} />
      {r.branches.map((pts, i) => (
        <Mover key={i} points={pts} delay={token.delay + chainS} duration={STEP_S * 2} className={className} onDone={i === 0 ? () => onDone(token.key) : undefined} />
      ))}
    </g>
  );
}

function Mover({ points, delay, duration, className, onDone }: { points: readonly Point[]; delay: number; duration: number; className: string; onDone?: () => void }) {
  const first = points[0];
  return (
    <motion.circle
      className={className}
      r={9}
      initial={{ cx: first.x, cy: first.y, opacity: 0 }}
      animate={{ cx: points.map((p) => p.x), cy: points.map((p) => p.y), opacity: [1, ...points.slice(1).map(() => 1)] }}
      transition={{ duration, delay, ease: 'easeInOut' }}
      onAnimationComplete={onDone}
    />
  );
}
