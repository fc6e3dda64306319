import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { motion } from 'framer-motion';
import { useT } from '../context.ts';
import { signalName } from '../format.ts';
import { stateLabel } from '../labels.ts';
import { FADE_MS } from './departures.ts';
import type { ProcessNodeType } from './nodeTypes.ts';

/** One process: its name, its command line, its host PID and (inside a container) its namespace PID. */
function ProcessNodeView({ data, selected }: NodeProps<ProcessNodeType>) {
  const t = useT();
  const { process: p, mark, fadeAt, color, more } = data;
  if (more) {
    return (
      <div className="proc proc--ns proc--more" style={color ? ({ '--accent': color } as React.CSSProperties) : undefined}>
        <Handle type="target" position={Position.Top} isConnectable={false} className="proc__handle" />
        <div className="proc__head">
          <span className="proc__comm">{t('proc.more', { count: more.count, comm: more.comm })}</span>
        </div>
        <div className="proc__args">{t('proc.moreHint')}</div>
        <Handle type="source" position={Position.Bottom} isConnectable={false} className="proc__handle" />
      </div>
    );
  }
  const killedLabel = mark ? (mark.kind === 'oom' ? t('proc.oomKilled') : t('proc.killed', { signal: signalName(mark.signal) })) : null;
  const fading = fadeAt !== null;
  const delay = fading ? Math.max(0, fadeAt - performance.now()) / 1000 : 0;
  const className = [
    'proc',
    p.containerId ? 'proc--ns' : 'proc--host',
    mark ? 'proc--killed' : '',
    fading ? 'proc--gone' : '',
    selected ? 'proc--selected' : '',
    p.state === 'Z' ? 'proc--zombie' : '',
  ].join(' ');
  return (
    <motion.div
      className={className}
      style={color ? ({ '--accent': color } as React.CSSProperties) : undefined}
      initial={{ opacity: 0, scale: 0.9 }}
      animate={fading ? { opacity: 0, scale: 0.96, transition: { delay, duration: FADE_MS / 1000 } } : { opacity: 1, scale: 1 }}
      transition={{ duration: 0.25 }}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="proc__handle" />
      <div className="proc__head">
        <span className="proc__comm">{p.comm}</span>
        {p.state !== 'S' && !killedLabel && <span className={`proc__state proc__state--${p.state}`} title={stateLabel(t, p.state)}>{p.state}</span>}
      </div>
      {killedLabel ? <div className="proc__mark">✕ {killedLabel}</div> : <div className="proc__args">{p.args}</div>}
      <div className="proc__pids">
        <span className="proc__pid">{t('proc.pid', { pid: p.hostPid })}</span>
        {p.nsPid !== null && (
          <>
            <span className="proc__dot" aria-hidden="true">·</span>
            <span className="proc__nspid">{t('proc.ns', { ns: p.nsPid })}</span>
          </>
        )}
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="proc__handle" />
    </motion.div>
  );
}

export const ProcessNode = memo(ProcessNodeView);
