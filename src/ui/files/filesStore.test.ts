/**
 * The Files store against a real engine host (in-process endpoints): buffers survive switching
 * files, saves reach the shell, shell edits reach clean buffers, the tree follows renames and
 * deletes, and the Build button's sequence (save → Layers → docker build) runs in order.
 */
import { describe, expect, it } from 'vitest';
import { connect, createEndpointPair } from '../../worker/client.ts';
import { EngineHost } from '../../worker/host.ts';
import type { ClientMessage, HostMessage } from '../../worker/protocol.ts';
import { createFilesStore, dirtyPaths, isDirty } from './filesStore.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(run?: (line: string) => Promise<number>) {
  const [clientSide, hostSide] = createEndpointPair<ClientMessage, HostMessage>();
  const host = new EngineHost(hostSide, { now: () => 0, every: () => () => {} }, { headless: true });
  const client = connect(clientSide);
  const calls: string[] = [];
  const files = createFilesStore({
    files: client.files,
    run: run ?? (async (line) => (calls.push(`run ${line}`), 0)),
    showLayers: () => calls.push('show layers'),
  });
  const shell = (line: string) => {
    host.engine.takeOutput();
    host.engine.submitLine(line);
    host.engine.runUntilInput(10_000);
    return host.engine.takeOutput();
  };
  return { host, client, files, calls, shell };
}

const names = (listing: unknown) => (listing && typeof listing === 'object' && 'entries' in listing ? (listing as { entries: { name: string }[] }).entries.map((e) => e.name) : listing);

describe('files store', () => {
  it('lists the root and the expanded sample project', async () => {
    const { files } = setup();
    await files.getState().refresh();
    const { listings } = files.getState();
    expect(names(listings['/root'])).toEqual(['.bashrc', '.profile', 'README.txt', 'app']);
    expect(names(listings['/root/app'])).toEqual(['.dockerignore', 'Dockerfile', 'README.md', 'index.html']);
    await files.getState().setRoot('/srv');
    expect(Object.keys(files.getState().listings)).toEqual(['/srv']);
    await files.getState().setRoot('/');
    expect(names(files.getState().listings['/'])).toContain('root');
  });

  it('keeps unsaved edits while another file is open, and saves each where the shell sees it', async () => {
    const { files, shell } = setup();
    const s = () => files.getState();
    await s().openFile('/root/app/Dockerfile');
    s().edit('/root/app/Dockerfile', 'FROM alpine:3.21\nCMD ["echo", "v2"]\n');
    await s().openFile('/root/app/index.html');
    expect(s().open).toBe('/root/app/index.html');
    expect(isDirty(s().buffers['/root/app/Dockerfile'])).toBe(true);
    expect(dirtyPaths(s())).toEqual(['/root/app/Dockerfile']);
    // The file on disk is unchanged until saved.
    expect(shell('cat /root/app/Dockerfile')).toContain('WORKDIR /app');
    await s().openFile('/root/app/Dockerfile');
    expect(s().buffers['/root/app/Dockerfile'].text).toBe('FROM alpine:3.21\nCMD ["echo", "v2"]\n');
    expect(await s().save('/root/app/Dockerfile')).toBe(true);
    expect(isDirty(s().buffers['/root/app/Dockerfile'])).toBe(false);
    expect(shell('cat /root/app/Dockerfile')).toBe('FROM alpine:3.21\nCMD ["echo", "v2"]\n');
  });

  it('follows shell edits in clean buffers and keeps the learner\'s text in dirty ones', async () => {
    const { files, shell } = setup();
    const s = () => files.getState();
    await s().openFile('/root/app/index.html');
    await s().openFile('/root/app/README.md');
    s().edit('/root/app/README.md', 'mine\n');
    shell('echo changed > /root/app/index.html; echo theirs > /root/app/README.md; echo new > /root/app/extra.txt');
    await s().refresh();
    expect(s().buffers['/root/app/index.html']).toMatchObject({ text: 'changed\n', saved: 'changed\n', loadSeq: 1 });
    expect(s().buffers['/root/app/README.md']).toMatchObject({ text: 'mine\n', saved: 'theirs\n', loadSeq: 0 });
    expect(names(s().listings['/root/app'])).toContain('extra.txt');
    shell('rm /root/app/index.html');
    await s().refresh();
    expect(s().buffers['/root/app/index.html'].deleted).toBe(true);
    expect(isDirty(s().buffers['/root/app/index.html'])).toBe(true);
    expect(await s().save('/root/app/index.html')).toBe(true);
    expect(shell('cat /root/app/index.html')).toBe('changed\n');
  });

  it('creates, renames and deletes through the engine, moving buffers along', async () => {
    const { files, shell } = setup();
    const s = () => files.getState();
    await s().refresh();
    expect(await s().create('folder', '/root', 'site')).toBe(true);
    expect(s().focused).toBe('/root/site');
    expect(await s().create('file', '/root/site', 'index.html')).toBe(true);
    expect(s().open).toBe('/root/site/index.html');
    expect(s().expanded['/root/site']).toBe(true);
    s().edit('/root/site/index.html', '<p>hi</p>\n');
    expect(await s().rename('/root/site', 'web')).toBe(true);
    expect(s().open).toBe('/root/web/index.html');
    expect(s().buffers['/root/web/index.html']).toMatchObject({ path: '/root/web/index.html', text: '<p>hi</p>\n' });
    expect(s().expanded['/root/web']).toBe(true);
    expect(names(s().listings['/root/web'])).toEqual(['index.html']);
    await s().save('/root/web/index.html');
    expect(shell('cat /root/web/index.html')).toBe('<p>hi</p>\n');
    // The engine's refusal is shown in its words.
    expect(await s().create('file', '/root/web', 'index.html')).toBe(false);
    expect(s().problem).toBe('/root/web/index.html: File exists');
    expect(await s().remove('/root/web')).toBe(true);
    expect(s().open).toBeNull();
    expect(s().buffers['/root/web/index.html']).toBeUndefined();
    expect(names(s().listings['/root'])).not.toContain('web');
  });

  it('Build saves first, shows the Layers view, then types docker build; one at a time', async () => {
    let finish: (code: number) => void = () => {};
    const { files, calls, shell } = setup((line) => {
      calls.push(`run ${line}`);
      return new Promise((resolve) => (finish = resolve));
    });
    const s = () => files.getState();
    await s().openFile('/root/app/Dockerfile');
    s().edit('/root/app/Dockerfile', 'FROM alpine:3.21\n');
    expect(s().tagFor('/root/app/Dockerfile')).toBe('app');
    s().setTag('/root/app/Dockerfile', 'web:v1');
    const running = s().build('/root/app/Dockerfile');
    await tick();
    await tick();
    expect(s().building).toBe(true);
    expect(await s().build('/root/app/Dockerfile')).toBeNull(); // ignored while running
    expect(calls).toEqual(['show layers', 'run docker build -t web:v1 /root/app']);
    expect(shell('cat /root/app/Dockerfile')).toBe('FROM alpine:3.21\n');
    finish(0);
    expect(await running).toBe(0);
    expect(s().building).toBe(false);
  });
});
