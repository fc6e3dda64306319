/**
 * Network view (design.md §4): the host with its published ports, each bridge (docker0 and the
 * user-defined ones, with subnet, gateway and the embedded DNS when it has one), the containers'
 * endpoints below it (IP, eth0 ⇄ veth pair, DNS names), and packets travelling as the engine logs
 * traffic (ping, DNS, HTTP). Everything shown comes from the snapshot's networks, ports and traffic.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { motion } from 'framer-motion';
import type { TrafficView } from '../../engine/snapshot.ts';
import { useStoreValue, useT } from '../context.ts';
import { useReducedMotion } from '../reducedMotion.ts';
import { NET_W, layoutNetworks, packetRoute, type NetLayout } from './layout.ts';

const DNS_ADDR = '127.0.0.11';

/** A host address as `docker ps` PORTS writes it: IPv6 in brackets. */
const hostAddr = (ip: string) => (ip.includes(':') ? `[${ip}]` : ip || '0.0.0.0');
const LOG_SHOWN = 6;

export default function NetworkPanel() {
  const t = useT();
  const networks = useStoreValue((s) => s.networks);
  const ports = useStoreValue((s) => s.ports);
  const traffic = useStoreValue((s) => s.traffic);
  const containers = useStoreValue((s) => s.containers);
  const hostname = useStoreValue((s) => s.host?.hostname ?? '');
  const reduced = useReducedMotion();
  const layout = useMemo(() => layoutNetworks(Object.values(networks)), [networks]);
  const nameOf = (id: string | null) => (id ? (containers[id]?.name ?? id.slice(0, 12)) : null);
  const packets = useMemo(() => Object.values(traffic).sort((a, b) => a.seq - b.seq), [traffic]);
  const fresh = useFreshPackets(packets, reduced);
  const portList = Object.values(ports).sort((a, b) => a.hostPort - b.hostPort);

  const portText = portList.length
    ? `${t('net.published')}: ${portList.map((p) => `${hostAddr(p.hostIp)}:${p.hostPort} → ${nameOf(p.containerId)}:${p.containerPort}/${p.proto}`).join('   ')}`
    : t('net.noPorts');
  return (
    <div className="net">
      {/* Scrolls when many networks are drawn: focusable so the keyboard can scroll it. */}
      <div className="net__diagram" tabIndex={0} role="group" aria-label={t('panel.network')}>
        <svg
          className="net__svg"
          viewBox={`0 0 ${NET_W} ${layout.height}`}
          width="100%"
          role="img"
          aria-label={t('net.diagram', { bridges: String(layout.bridges.length), endpoints: String(layout.endpoints.length), ports: String(portList.length) })}
          aria-describedby="net-description"
        >
          <g className="net-host">
            <rect x={layout.host.x} y={layout.host.y} width={layout.host.w} height={layout.host.h} rx={8} />
            <text x={layout.host.x + 12} y={layout.host.y + 19} className="net-host__title">{t('net.host', { hostname })}</text>
            <text x={layout.host.x + 12} y={layout.host.y + 36} className="net-host__ports mono">{portText}</text>
          </g>
          {/* Each bridge hangs off the host (drawn first, so later bars sit on top of the lines). */}
          {layout.bridges.map((b, i) => {
            const x = b.x + b.w - 24 - i * 14;
            return <line key={`up-${b.network.id}`} className="net-uplink" x1={x} y1={layout.host.y + layout.host.h} x2={x} y2={b.y} />;
          })}
          {layout.bridges.map((b) => (
            <g key={b.network.id} className="net-bridge" data-network={b.network.name}>
              <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={6} />
              <text x={b.x + 10} y={b.y + 20} className="net-bridge__label mono">
                {`${b.network.bridge} · ${b.network.name} · ${b.network.subnet} · gw ${b.network.gateway}${b.network.embeddedDns ? ` · DNS ${DNS_ADDR}` : ''}`}
              </text>
              {b.network.endpoints.length === 0 ? <text x={b.x + 14} y={b.y + b.h + 18} className="net-empty">{t('net.noEndpoints')}</text> : null}
            </g>
          ))}
          {layout.endpoints.map((e) => {
            const bar = layout.bridges.find((b) => b.network.id === e.networkId)!;
            const x = e.x + e.w / 2;
            const ep = e.endpoint;
            return (
              <g key={e.key} className="net-ep" data-container={nameOf(ep.containerId) ?? ''}>
                <line className="net-veth" x1={x} y1={bar.y + bar.h} x2={x} y2={e.y} />
                <rect x={e.x} y={e.y} width={e.w} height={e.h} rx={6} />
                <text x={e.x + 8} y={e.y + 17} className="net-ep__name">{nameOf(ep.containerId)}</text>
                <text x={e.x + 8} y={e.y + 33} className="net-ep__ip mono">{ep.ip || '—'}</text>
                <text x={e.x + 8} y={e.y + 49} className="net-ep__veth mono">{`${ep.ifName} ⇄ ${ep.veth}`}</text>
                {ep.dnsNames.length ? <text x={e.x + 8} y={e.y + 62} className="net-ep__dns mono">{ep.dnsNames.join(' ')}</text> : null}
              </g>
            );
          })}
          {fresh.packets.map((p) => <Packet key={p.seq} layout={layout} packet={p} delay={fresh.delays.get(p.seq) ?? 0} onDone={fresh.done} />)}
        </svg>
      </div>
      {/* The drawing in words (issue 6): an image's content is not read, so each bridge and its containers are said here. */}
      <p id="net-description" hidden>
        {[
          ...layout.bridges.map((b) => t('a11y.netBridge', {
            name: b.network.name, subnet: b.network.subnet, bridge: b.network.bridge,
            list: b.network.endpoints.length
              ? b.network.endpoints.map((ep) => `${nameOf(ep.containerId) ?? ''} ${ep.ip || '—'}`).join(', ')
              : t('net.noEndpoints'),
          })),
          portText,
        ].join('. ')}
      </p>
      <section className="net-log" aria-labelledby="net-log-title">
        <h3 id="net-log-title" className="net-log__title">{t('net.traffic')}</h3>
        {packets.length === 0 ? (
          <p className="net-log__empty">{t('net.trafficEmpty')}</p>
        ) : (
          <ol className="net-log__list">
            {packets.slice(-LOG_SHOWN).reverse().map((p) => (
              <li key={p.seq} className={`net-pkt net-pkt--${p.kind}${p.ok ? '' : ' net-pkt--failed'}`}>
                <span className="net-pkt__kind mono">{p.kind}</span>
                <span className="net-pkt__ends mono">{`${nameOf(p.fromContainer) ?? p.from} → ${nameOf(p.toContainer) ?? p.to}`}</span>
                <span className="net-pkt__detail mono">{p.detail}{p.ok ? '' : ` (${t('net.failed')})`}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

/** Packets logged since the panel opened, each animated once (none under reduced motion). */
function useFreshPackets(all: readonly TrafficView[], reduced: boolean) {
  const [packets, setPackets] = useState<readonly TrafficView[]>([]);
  const seen = useRef<number | null>(null);
  const delays = useRef(new Map<number, number>());
  useEffect(() => {
    const last = all.length ? all[all.length - 1].seq : 0;
    if (seen.current === null || reduced) {
      seen.current = last;
      return;
    }
    const since = seen.current;
    const fresh = all.filter((p) => p.seq > since);
    seen.current = last;
    if (!fresh.length) return;
    fresh.forEach((p, i) => delays.current.set(p.seq, i * 0.4));
    setPackets((prev) => [...prev, ...fresh].slice(-10));
  }, [all, reduced]);
  const done = (seq: number) => {
    delays.current.delete(seq);
    setPackets((prev) => prev.filter((p) => p.seq !== seq));
  };
  return { packets, delays: delays.current, done };
}

function Packet({ layout, packet, delay, onDone }: { layout: NetLayout; packet: TrafficView; delay: number; onDone: (seq: number) => void }) {
  const pts = packetRoute(layout, packet);
  return (
    <motion.circle
      aria-hidden="true"
      className={`net-packet net-packet--${packet.kind}${packet.ok ? '' : ' net-packet--failed'}`}
      r={7}
      initial={{ cx: pts[0].x, cy: pts[0].y, opacity: 0 }}
      animate={{ cx: pts.map((p) => p.x), cy: pts.map((p) => p.y), opacity: pts.map(() => 1) }}
      transition={{ duration: 0.3 * pts.length, delay, ease: 'easeInOut' }}
      onAnimationComplete={() => onDone(packet.seq)}
    />
  );
}
