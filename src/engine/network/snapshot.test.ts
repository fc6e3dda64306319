import { describe, expect, it } from 'vitest';
import { runLines } from '../sim.ts';

describe('networks in the snapshot', () => {
  const t = runLines([
    'docker network create appnet',
    'docker run -d --name web --network appnet -p 8080:80 nginx',
    'docker run --rm --network appnet alpine ping -c 1 web',
    'curl -s localhost:8080 > /dev/null',
  ]);
  const s = t.engine.snapshot();
  const web = Object.values(s.containers).find((c) => c.name === 'web')!;

  it('has the networks with their endpoints', () => {
    const nets = Object.values(s.networks);
    expect(nets.map((n) => n.name).sort()).toEqual(['appnet', 'bridge', 'host', 'none']);
    const appnet = nets.find((n) => n.name === 'appnet')!;
    expect(appnet).toMatchObject({ driver: 'bridge', subnet: '172.18.0.0/16', gateway: '172.18.0.1', embeddedDns: true, builtin: false });
    expect(appnet.bridge).toBe(`br-${appnet.id.slice(0, 12)}`);
    expect(appnet.endpoints).toEqual([expect.objectContaining({ containerId: web.id, ip: '172.18.0.2', ifName: 'eth0', dnsNames: ['web', web.id.slice(0, 12)] })]);
  });

  it('has the published ports with their docker-proxy', () => {
    const ports = Object.values(s.ports);
    expect(ports.map((p) => [p.hostIp, p.hostPort, p.containerPort, p.proto, p.containerIp])).toEqual([['0.0.0.0', 8080, 80, 'tcp', '172.18.0.2'], ['::', 8080, 80, 'tcp', '172.18.0.2']]);
    for (const p of ports) expect(s.processes[`p${p.proxyPid}`]?.args).toBe(`/usr/bin/docker-proxy -proto tcp -host-ip ${p.hostIp} -host-port 8080 -container-ip 172.18.0.2 -container-port 80 -use-listen-fd`);
  });

  it('logs the traffic: the DNS query, the ping and the request through the proxy', () => {
    const traffic = Object.values(s.traffic).sort((a, b) => a.seq - b.seq);
    expect(traffic.map((e) => [e.kind, e.from, e.to, e.detail, e.ok])).toEqual([
      ['dns', '172.18.0.3', '127.0.0.11', 'A web → 172.18.0.2', true],
      ['icmp', '172.18.0.3', '172.18.0.2', 'echo request seq=0', true],
      ['http', '172.18.0.1', '172.18.0.2:80', 'GET / → 200 (via docker-proxy 127.0.0.1:8080)', true],
    ]);
    expect(traffic[2].toContainer).toBe(web.id);
  });
});
