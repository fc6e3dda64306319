import { describe, expect, it } from 'vitest';
import { FIXTURE_PROCESSES, HOG_ID, WEB_ID } from '../../store/fixtures.ts';
import { NODE_HEIGHT, NODE_WIDTH, PRESENTER_SIZES, layoutProcesses, structureKey, topLevelRects } from './layout.ts';

describe('layoutProcesses', () => {
  const result = layoutProcesses(FIXTURE_PROCESSES);

  it('puts host processes on the host and container processes in their namespace box', () => {
    expect(result.processes.p1!.box).toBeNull();
    expect(result.processes.p2301!.box).toBeNull(); // the shim lives on the host
    expect(result.processes.p2324!.box).toBe(WEB_ID);
    expect(result.processes.p2437!.box).toBe(HOG_ID);
    expect(Object.keys(result.boxes).sort()).toEqual([HOG_ID, WEB_ID].sort());
  });

  it('draws the tree top-down: systemd above containerd above the shim above the box', () => {
    const y = (id: string) => result.processes[id]!.y;
    expect(y('p1')).toBeLessThan(y('p790'));
    expect(y('p790')).toBeLessThan(y('p2301'));
    expect(result.boxes[WEB_ID]!.y).toBeGreaterThan(y('p2301'));
    // inside the box, the master is above its workers
    expect(y('p2324')).toBeLessThan(y('p2351'));
  });

  it('keeps every child inside its box, without overlaps', () => {
    for (const [id, p] of Object.entries(result.processes)) {
      if (!p.box) continue;
      const box = result.boxes[p.box]!;
      expect(p.x, id).toBeGreaterThanOrEqual(0);
      expect(p.y, id).toBeGreaterThan(0);
      expect(p.x + NODE_WIDTH, id).toBeLessThanOrEqual(box.width);
      expect(p.y + NODE_HEIGHT, id).toBeLessThanOrEqual(box.height);
    }
    const workers = ['p2351', 'p2352', 'p2353', 'p2354'].map((id) => result.processes[id]!.x).sort((a, b) => a - b);
    for (let i = 1; i < workers.length; i++) expect(workers[i]! - workers[i - 1]!).toBeGreaterThanOrEqual(NODE_WIDTH);
  });

  it('links every process to its parent, across the box edge too', () => {
    const ids = result.links.filter((l) => l.kind === 'parent').map((l) => `${l.source}>${l.target}`);
    expect(ids).toContain('p1>p2301'); // the shim daemonised: systemd is its parent
    expect(ids).toContain('p2301>p2324');
    expect(ids).toContain('p2324>p2351');
    expect(ids).toHaveLength(FIXTURE_PROCESSES.length - 1); // all but systemd
    const launched = result.links.filter((l) => l.kind === 'launcher').map((l) => `${l.source}>${l.target}`);
    expect(launched.sort()).toEqual(['p790>p2301', 'p790>p2410']);
  });

  it('is deterministic and independent of input order', () => {
    const shuffled = [...FIXTURE_PROCESSES].reverse();
    expect(layoutProcesses(shuffled)).toEqual(result);
    expect(structureKey(shuffled)).toBe(structureKey(FIXTURE_PROCESSES));
  });

  it('changes the key when structure changes, not when state does', () => {
    const base = structureKey(FIXTURE_PROCESSES);
    expect(structureKey(FIXTURE_PROCESSES.map((p) => ({ ...p, state: 'R' as const, rev: 9 })))).toBe(base);
    expect(structureKey(FIXTURE_PROCESSES.filter((p) => p.id !== 'p2437'))).not.toBe(base);
  });

  it('lays out 50 containers quickly', () => {
    const many = [...FIXTURE_PROCESSES.slice(0, 3)];
    for (let c = 0; c < 50; c++) {
      const shim = 3000 + c * 10;
      many.push({ ...FIXTURE_PROCESSES[3]!, id: `p${shim}`, hostPid: shim, ppid: 1, launcherPid: 790 });
      for (let k = 1; k <= 4; k++) many.push({ ...FIXTURE_PROCESSES[4]!, id: `p${shim + k}`, hostPid: shim + k, ppid: k === 1 ? shim : shim + 1, containerId: `c${c}` });
    }
    const started = performance.now();
    const big = layoutProcesses(many);
    const ms = performance.now() - started;
    expect(Object.keys(big.boxes)).toHaveLength(50);
    expect(ms).toBeLessThan(1000); // reported, generous: CI machines vary
  });
});

describe('many containers', () => {
  const many = [...FIXTURE_PROCESSES.filter((p) => p.containerId === null && !p.launcherPid)];
  for (let c = 0; c < 12; c++) {
    const shim = 3000 + c * 10;
    many.push({ ...FIXTURE_PROCESSES[3]!, id: `p${shim}`, hostPid: shim, ppid: 1, launcherPid: 790 });
    for (let k = 1; k <= 3; k++) many.push({ ...FIXTURE_PROCESSES[4]!, id: `p${shim + k}`, hostPid: shim + k, ppid: k === 1 ? shim : shim + 1, containerId: `c${c}` });
  }
  const result = layoutProcesses(many);

  it('wraps shims and boxes into a grid, wider than tall', () => {
    const boxes = Object.values(result.boxes);
    const rows = new Set(boxes.map((b) => b.y)).size;
    expect(rows).toBeGreaterThan(1);
    const right = Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x));
    const bottom = Math.max(...boxes.map((b) => b.y + b.height)) - result.processes.p1!.y;
    expect(right / bottom).toBeGreaterThan(1);
  });

  it('keeps each shim right above its own box, and boxes apart', () => {
    for (let c = 0; c < 12; c++) {
      const shim = result.processes[`p${3000 + c * 10}`]!;
      const box = result.boxes[`c${c}`]!;
      expect(shim.y).toBeLessThan(box.y);
      expect(shim.x + NODE_WIDTH / 2).toBeCloseTo(box.x + box.width / 2, -1);
    }
    const list = Object.values(result.boxes);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!, b = list[j]!;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap).toBe(false);
      }
  });

  it('puts the grid below the host tree', () => {
    const lowestHost = Math.max(result.processes.p1!.y, result.processes.p790!.y, result.processes.p812!.y) + NODE_HEIGHT;
    for (let c = 0; c < 12; c++) expect(result.processes[`p${3000 + c * 10}`]!.y).toBeGreaterThan(lowestHost);
  });
});

describe('presenter sizes', () => {
  const desk = layoutProcesses(FIXTURE_PROCESSES);
  const big = layoutProcesses(FIXTURE_PROCESSES, PRESENTER_SIZES);

  it('keep every child inside its box, boxes at least their minimum width', () => {
    for (const [id, p] of Object.entries(big.processes)) {
      if (!p.box) continue;
      const box = big.boxes[p.box]!;
      expect(p.x, id).toBeGreaterThanOrEqual(PRESENTER_SIZES.boxPadX);
      expect(p.y, id).toBeGreaterThanOrEqual(PRESENTER_SIZES.boxPadTop);
      expect(p.x + PRESENTER_SIZES.nodeWidth, id).toBeLessThanOrEqual(box.width - PRESENTER_SIZES.boxPadX);
      expect(p.y + PRESENTER_SIZES.nodeHeight, id).toBeLessThanOrEqual(box.height - PRESENTER_SIZES.boxPadBottom);
    }
    for (const box of Object.values(big.boxes)) expect(box.width).toBeGreaterThanOrEqual(PRESENTER_SIZES.boxMinWidth);
    // hog's one process sits in the middle of its (minimum-width) box
    const hog = big.processes.p2437!;
    expect(hog.x + PRESENTER_SIZES.nodeWidth / 2).toBeCloseTo(big.boxes[HOG_ID]!.width / 2, 0);
  });

  it('do not leak into the desk layout (the box cache is per size)', () => {
    expect(layoutProcesses(FIXTURE_PROCESSES)).toEqual(desk);
    expect(big.boxes[WEB_ID]!.height).toBeGreaterThan(desk.boxes[WEB_ID]!.height);
  });

  it('bound the top-level nodes: host processes and boxes, by React Flow id', () => {
    const rects = topLevelRects(big, PRESENTER_SIZES);
    expect(rects.get('p1')).toEqual({ x: big.processes.p1!.x, y: big.processes.p1!.y, width: PRESENTER_SIZES.nodeWidth, height: PRESENTER_SIZES.nodeHeight });
    expect(rects.get(`ns:${WEB_ID}`)).toEqual(big.boxes[WEB_ID]);
    expect(rects.has('p2324')).toBe(false); // inside web's box
  });
});
