import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from './index.ts';
import type { HostFileChange, HostFileResult } from './hostfiles.ts';
import { SAMPLE_APP } from './hostfs.ts';

const headless = () => createEngine({ headless: true });

/** Runs a command line in the host shell and returns what it printed. */
function sh(engine: Engine, line: string): string {
  engine.takeOutput();
  engine.submitLine(line);
  expect(engine.runUntilInput(60_000)).toBe(true);
  return engine.takeOutput();
}

/** Every path under `dir` with its type, mode, size, mtime and content: the state to compare. */
function dump(engine: Engine, dir = '/'): string {
  const out: string[] = [];
  for (const [path, n] of engine.machine.hostFs.walk(dir)) out.push(`${path} ${n.type} ${n.mode.toString(8)} ${n.size} ${n.mtime} ${n.target} ${JSON.stringify(n.content)}`);
  return out.join('\n');
}

const ok = (r: HostFileResult) => {
  if (!r.ok) throw new Error(`${r.op} ${r.path}: ${r.message}`);
  return r;
};

describe('host files: queries', () => {
  it('lists the sample project with names, types, sizes and modes, sorted by name', () => {
    const engine = headless();
    const r = ok(engine.files({ op: 'list', path: '/root/app' }));
    if (r.op !== 'list') throw new Error('not a listing');
    expect(r.entries.map((e) => [e.name, e.path, e.type, e.size, e.mode.toString(8)])).toEqual([
      ['.dockerignore', '/root/app/.dockerignore', 'file', SAMPLE_APP['/root/app/.dockerignore'].length, '644'],
      ['Dockerfile', '/root/app/Dockerfile', 'file', SAMPLE_APP['/root/app/Dockerfile'].length, '644'],
      ['README.md', '/root/app/README.md', 'file', SAMPLE_APP['/root/app/README.md'].length, '644'],
      ['index.html', '/root/app/index.html', 'file', SAMPLE_APP['/root/app/index.html'].length, '644'],
    ]);
  });

  it('reports symlinks with their target and whether it is a directory', () => {
    const r = ok(headless().files({ op: 'list', path: '/' }));
    if (r.op !== 'list') throw new Error('not a listing');
    expect(r.entries.find((e) => e.name === 'bin')).toMatchObject({ type: 'symlink', target: 'usr/bin', targetIsDir: true, path: '/bin' });
    expect(r.entries.find((e) => e.name === 'root')).toMatchObject({ type: 'dir', mode: 0o700 });
  });

  it('reads text files; refuses directories and missing paths with the errno and its text', () => {
    const engine = headless();
    expect(engine.files({ op: 'read', path: '/root/app/Dockerfile' })).toMatchObject({ ok: true, content: SAMPLE_APP['/root/app/Dockerfile'], binary: false });
    expect(engine.files({ op: 'read', path: '/root/app' })).toEqual({ ok: false, op: 'read', path: '/root/app', error: 'EISDIR', message: 'Is a directory' });
    expect(engine.files({ op: 'list', path: '/root/nope' })).toEqual({ ok: false, op: 'list', path: '/root/nope', error: 'ENOENT', message: 'No such file or directory' });
    expect(engine.files({ op: 'list', path: '/root/app/Dockerfile' })).toMatchObject({ ok: false, error: 'ENOTDIR' });
  });

  it('marks executables whose bytes are not simulated as binary, with their size', () => {
    expect(headless().files({ op: 'read', path: '/usr/bin/ls' })).toMatchObject({ ok: true, binary: true, content: '', size: 142312, mode: 0o755 });
  });

  it('journals nothing for queries', () => {
    const engine = headless();
    engine.files({ op: 'list', path: '/root' });
    engine.files({ op: 'read', path: '/root/README.txt' });
    expect(engine.fileInputs).toEqual([]);
  });
});

describe('host files: changes', () => {
  it('a save is what the shell sees at once, and moves the filesystem rev', () => {
    const engine = headless();
    const rev = engine.filesRev;
    ok(engine.files({ op: 'write', path: '/root/app/index.html', content: '<h1>edited</h1>\n' }));
    expect(engine.filesRev).toBeGreaterThan(rev);
    expect(sh(engine, 'cat /root/app/index.html')).toBe('<h1>edited</h1>\n');
    expect(sh(engine, 'wc -c /root/app/index.html')).toBe('16 /root/app/index.html\n');
  });

  it('a save needs an existing directory and cannot replace a directory', () => {
    const engine = headless();
    expect(engine.files({ op: 'write', path: '/root/new/dir/x', content: 'x' })).toMatchObject({ ok: false, error: 'ENOENT' });
    expect(engine.files({ op: 'write', path: '/root/app', content: 'x' })).toMatchObject({ ok: false, error: 'EISDIR' });
    expect(engine.files({ op: 'write', path: '/root/app/Dockerfile/x', content: 'x' })).toMatchObject({ ok: false, error: 'ENOTDIR' });
    expect(engine.machine.hostFs.exists('/root/new')).toBe(false);
  });

  it('keeps the mode of a file it saves (an executable stays executable)', () => {
    const engine = headless();
    sh(engine, 'echo "echo hi" > /root/run.sh');
    (engine.machine.hostFs.lookup('/root/run.sh') as { mode: number }).mode = 0o755;
    ok(engine.files({ op: 'write', path: '/root/run.sh', content: 'echo bye\n' }));
    expect(engine.files({ op: 'read', path: '/root/run.sh' })).toMatchObject({ mode: 0o755, content: 'echo bye\n' });
  });

  it('creates files and folders only under free names', () => {
    const engine = headless();
    ok(engine.files({ op: 'mkdir', path: '/root/app/static' }));
    ok(engine.files({ op: 'createFile', path: '/root/app/static/style.css' }));
    expect(engine.files({ op: 'read', path: '/root/app/static/style.css' })).toMatchObject({ ok: true, content: '', size: 0 });
    expect(engine.files({ op: 'createFile', path: '/root/app/Dockerfile' })).toMatchObject({ ok: false, error: 'EEXIST', message: 'File exists' });
    expect(engine.files({ op: 'mkdir', path: '/root/app/static' })).toMatchObject({ ok: false, error: 'EEXIST' });
    expect(engine.files({ op: 'mkdir', path: '/root/a/b' })).toMatchObject({ ok: false, error: 'ENOENT' });
    expect(engine.files({ op: 'createFile', path: '/' })).toMatchObject({ ok: false, error: 'EEXIST' });
    expect(sh(engine, 'ls /root/app/static')).toBe('style.css\n');
    // The existing file is untouched by the refused create.
    expect(engine.files({ op: 'read', path: '/root/app/Dockerfile' })).toMatchObject({ content: SAMPLE_APP['/root/app/Dockerfile'] });
  });

  it('renames without ever moving into a directory by accident', () => {
    const engine = headless();
    ok(engine.files({ op: 'rename', from: '/root/app/index.html', to: '/root/app/home.html' }));
    expect(sh(engine, 'ls /root/app | cat')).toBe('Dockerfile\nREADME.md\nhome.html\n');
    // The new name is taken (a directory): refused, not moved inside it.
    ok(engine.files({ op: 'mkdir', path: '/root/app/site' }));
    expect(engine.files({ op: 'rename', from: '/root/app/home.html', to: '/root/app/site' })).toMatchObject({ ok: false, error: 'EEXIST' });
    expect(engine.files({ op: 'rename', from: '/root/app', to: '/root/app/site/app' })).toMatchObject({ ok: false, error: 'EINVAL' });
    expect(engine.files({ op: 'rename', from: '/root/nope', to: '/root/x' })).toMatchObject({ ok: false, error: 'ENOENT' });
    expect(engine.files({ op: 'rename', from: '/root/app/home.html', to: '/root/missing/home.html' })).toMatchObject({ ok: false, error: 'ENOENT' });
    // A folder takes its contents along.
    ok(engine.files({ op: 'rename', from: '/root/app', to: '/root/web' }));
    expect(sh(engine, 'cat /root/web/Dockerfile')).toBe(SAMPLE_APP['/root/app/Dockerfile']);
    expect(engine.machine.hostFs.exists('/root/app')).toBe(false);
  });

  it('deletes a file, a symlink (not its target) and a folder with its contents', () => {
    const engine = headless();
    ok(engine.files({ op: 'delete', path: '/root/app/README.md' }));
    sh(engine, 'mkdir -p /root/app/a/b && echo x > /root/app/a/b/c');
    ok(engine.files({ op: 'delete', path: '/root/app/a' }));
    expect(sh(engine, 'ls -A /root/app | cat')).toBe('.dockerignore\nDockerfile\nindex.html\n');
    engine.machine.hostFs.symlink('/root/app', '/root/link', 0);
    ok(engine.files({ op: 'delete', path: '/root/link' }));
    expect(engine.machine.hostFs.exists('/root/app/Dockerfile')).toBe(true);
    expect(engine.files({ op: 'delete', path: '/' })).toMatchObject({ ok: false, error: 'EINVAL' });
    expect(engine.files({ op: 'delete', path: '/root/app/README.md' })).toMatchObject({ ok: false, error: 'ENOENT' });
  });
});

describe('host files: determinism', () => {
  const script: (HostFileChange | { wait: number } | { sh: string })[] = [
    { op: 'write', path: '/root/app/index.html', content: '<p>v2</p>\n' },
    { wait: 1500 },
    { op: 'mkdir', path: '/root/app/static' },
    { sh: 'echo "body {}" > /root/app/static/style.css' },
    { wait: 250 },
    { op: 'createFile', path: '/root/app/static/app.js' },
    { op: 'rename', from: '/root/app/README.md', to: '/root/app/NOTES.md' },
    { wait: 4000 },
    { op: 'delete', path: '/root/app/.dockerignore' },
    { op: 'write', path: '/root/app/missing/x', content: 'refused' },
  ];

  const play = () => {
    const engine = headless();
    for (const step of script) {
      if ('wait' in step) engine.advance(step.wait);
      else if ('sh' in step) sh(engine, step.sh);
      else engine.files(step);
    }
    return engine;
  };

  it('the same inputs give the same host filesystem, byte for byte (mtimes included)', () => {
    const a = play();
    const b = play();
    expect(dump(a)).toBe(dump(b));
    expect(a.fileInputs).toEqual(b.fileInputs);
    expect(dump(a, '/root/app')).toContain('/root/app/index.html file 644 10 0 ');
  });

  it('journals each change at its virtual time, failures included', () => {
    const engine = play();
    expect(engine.fileInputs.map((i) => [i.at, i.change.op])).toEqual([
      [0, 'write'], [1500, 'mkdir'], [1750, 'createFile'], [1750, 'rename'], [5750, 'delete'], [5750, 'write'],
    ]);
  });

  it('replaying the journal on a fresh engine reproduces the editor\'s changes', () => {
    const original = headless();
    original.files({ op: 'mkdir', path: '/root/site' });
    original.advance(2000);
    original.files({ op: 'write', path: '/root/site/index.html', content: 'hello\n' });
    original.advance(300);
    original.files({ op: 'rename', from: '/root/site/index.html', to: '/root/site/home.html' });
    original.files({ op: 'delete', path: '/root/app' });

    const replay = headless();
    for (const input of original.fileInputs) {
      replay.advance(input.at - replay.now);
      replay.files(input.change);
    }
    expect(dump(replay)).toBe(dump(original));
    expect(dump(replay, '/root/site')).toContain('/root/site/home.html file 644 6 2300');
  });
});
