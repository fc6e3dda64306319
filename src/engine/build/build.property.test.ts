/**
 * Hostile Dockerfiles (issue 6): generated and mutated Dockerfiles — FROM of pulled, missing and
 * invalid images and scratch, RUN that succeeds or fails, COPY of present and missing files,
 * ENV/ARG/WORKDIR/USER/EXPOSE/CMD/ENTRYPOINT and the rest, bogus instructions, broken heredocs,
 * parser directives — never crash the builder or the editor's diagnostics, and the build ends.
 *
 * - A failed build (exit ≠ 0) leaves the engine's state as it was: no image, no layer in the layer
 *   store (`docker images`, the snapshot), no container, no leftover process or cgroup, no file.
 *   BuildKit's build cache may keep the steps that completed, as real BuildKit does
 *   (`docker system df` counts them, `docker builder prune` drops them): it is not part of the
 *   state compared here.
 * - A successful build changes images and layers only: no container, process, volume, network or
 *   file is left behind (RUN steps run in BuildKit's own runc containers, never in `docker ps`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseDockerfile } from '../editorDiagnostics.ts';
import type { Engine } from '../index.ts';
import { bootEngine, propertyParams, runLine, runsScale, settle } from '../testing/drive.ts';
import { engineState } from '../testing/stateHash.ts';

const SCALE = runsScale();
const SETUP = ['docker pull -q alpine', 'docker pull -q busybox', 'mkdir -p /root/ctx/sub'];

/** FROM lines that parse (the image may still be missing). */
const FROM = ['FROM alpine', 'FROM busybox AS b', 'FROM scratch', 'FROM alpine AS builder', 'FROM nosuch/image', 'FROM alpine:nope', 'FROM ${BASE}', 'FROM ${BASE:-alpine}', 'FROM builder', 'FROM b', 'FROM --platform=linux/amd64 busybox'];
/** FROM lines the parser refuses. */
const BAD_FROM = ['FROM ALPINE', 'FROM alpine foo', 'FROM --bogus alpine', 'FROM', 'FROM alpine AS', 'FROM alpine@sha256:0000'];
/** Instructions that parse; many fail when they run (a missing file, a failing command, a missing user). */
const BODY = [
  'RUN echo hi > /f', 'RUN false', 'RUN exit 3', 'RUN ls /nope', 'RUN echo $A $X', 'RUN ["echo", "json"]', 'RUN ["echo", "json"', 'RUN [',
  'RUN --mount=type=cache,target=/c true', 'RUN --network=none true', 'RUN mkdir -p /w && touch /w/x', 'RUN rm -rf /etc/hostname', 'RUN cat /a.txt',
  'RUN <<EOF\necho heredoc\nEOF', 'RUN <<EOF\necho never closed', 'RUN <<-EOT\n\techo tab\n\tEOT', 'RUN <<EOF cat\nx\nEOF', 'RUN echo a \\\n  b', 'RUN echo trailing \\',
  'COPY index.html /', 'COPY missing.txt /', 'COPY . /ctx', 'COPY a.txt sub/ /dst/', 'COPY --from=0 /etc/hostname /h', 'COPY --from=builder /f /f2', 'COPY --from=nosuch / /', 'COPY --chown=1:1 a.txt /',
  'COPY --chmod=755 a.txt /x', 'ADD a.txt /', 'ADD http://example.com/x /', 'COPY ["a.txt", "/x"]', 'COPY <<EOF /inline\nhello\nEOF', 'COPY ../outside /',
  'ENV A=1', 'ENV A 1 2', 'ARG X', 'ARG X=2', 'ARG BASE=busybox',
  'WORKDIR /w', 'WORKDIR rel', 'WORKDIR $A', 'USER 1000', 'USER nobody', 'USER nosuchuser', 'USER 1000:1000',
  'EXPOSE 80', 'EXPOSE 80/tcp 443/udp', 'EXPOSE abc', 'EXPOSE 99999', 'EXPOSE 80/sctp',
  'CMD ["a"]', 'CMD echo', 'CMD [', 'ENTRYPOINT ["sh"]', 'ENTRYPOINT [',
  'LABEL a=b', 'LABEL "x', 'HEALTHCHECK NONE', 'HEALTHCHECK --interval=abc CMD true', 'SHELL ["/bin/sh", "-c"]',
  'STOPSIGNAL SIGKILL', 'STOPSIGNAL bogus', 'VOLUME /data', 'VOLUME ["/a", "/b"]', 'ONBUILD RUN x', 'MAINTAINER me', '', '# comment', '   ',
];
/** Lines the parser refuses. */
const BAD_BODY = [
  'RUN', 'RUN --bogus=1 true', 'COPY --bogus a.txt /', 'COPY a.txt', 'COPY', 'ENV A', 'ENV "A B"=1', 'ENV =1', 'ARG', 'WORKDIR', 'USER', 'EXPOSE', 'CMD', 'ENTRYPOINT',
  'LABEL', 'HEALTHCHECK CMD', 'SHELL sh', 'VOLUME', 'ONBUILD ONBUILD RUN x', 'ONBUILD FROM x', 'FROMM alpine', 'BOGUS x', 'RUNN echo', '\t', '\\', '"', "'", '{{', '${', 'é',
];
const DIRECTIVES = ['# syntax=docker/dockerfile:1', '# escape=`', '# escape=x', '# check=skip=all', '# syntax=', '#escape=\\', '# directive=unknown'];
const FLAGS = [[], ['-q'], ['--no-cache'], ['--target', 'builder'], ['--target', 'nope'], ['--build-arg', 'X=3'], ['--build-arg', 'BASE=busybox'], ['--progress=plain'], ['-f', 'sub/Other'], ['--platform', 'linux/arm64']] as const;

/** A Dockerfile: maybe parser directives, then stages of FROM + instructions, then line-level mutations. */
const dockerfile = fc
  .tuple(
    fc.array(fc.constantFrom(...DIRECTIVES), { maxLength: 1 }),
    fc.array(
      fc.tuple(
        fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...FROM) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_FROM) }),
        fc.array(fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...BODY) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_BODY) }), { maxLength: 6 }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    fc.array(fc.tuple(fc.constantFrom('drop', 'dup', 'swap', 'char'), fc.nat(), fc.nat(), fc.constantFrom(...'\\`"\'[]{}$#=<>\n \t')), { maxLength: 2 }),
  )
  .map(([directives, stages, edits]) => {
    const lines = [...directives, ...stages.flatMap(([from, body]) => [from, ...body])];
    for (const [kind, a, b, ch] of edits) {
      if (lines.length === 0) break;
      const i = a % lines.length;
      const j = b % lines.length;
      if (kind === 'drop') lines.splice(i, 1);
      else if (kind === 'dup') lines.splice(i, 0, lines[i] as string);
      else if (kind === 'swap') [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
      else {
        const l = lines[i] as string;
        const at = b % (l.length + 1);
        lines[i] = l.slice(0, at) + ch + l.slice(at);
      }
    }
    return `${lines.join('\n')}\n`;
  });

/** The build context: files the Dockerfiles name (some of them), and a .dockerignore. */
const context = fc.record({
  index: fc.boolean(),
  a: fc.boolean(),
  dockerignore: fc.option(fc.constantFrom('*', '!a.txt', '**/*.txt', 'a.txt\n!a.txt', '#only a comment', '['), { nil: undefined }),
  other: fc.boolean(),
});

function write(engine: Engine, path: string, content: string): void {
  const r = engine.files({ op: 'write', path, content });
  if (!r.ok) throw new Error(`cannot write ${path}: ${r.message}`);
}

describe('docker build with hostile Dockerfiles (property)', () => {
  it('never crashes, always ends; a failed build changes nothing, a good one only adds an image', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dockerfile, context, fc.constantFrom(...FLAGS)), { minLength: 1, maxLength: 2 }), (builds) => {
        const engine = bootEngine(SETUP);
        for (const [text, ctx, flags] of builds) {
          expect(() => diagnoseDockerfile(text)).not.toThrow();
          write(engine, '/root/ctx/Dockerfile', text);
          if (ctx.index) write(engine, '/root/ctx/index.html', '<h1>hi</h1>\n');
          if (ctx.a) write(engine, '/root/ctx/a.txt', 'a\n');
          if (ctx.dockerignore !== undefined) write(engine, '/root/ctx/.dockerignore', ctx.dockerignore);
          if (ctx.other) write(engine, '/root/ctx/sub/Other', text);
          settle(engine);
          const before = engineState(engine);
          const line = ['docker build', ...flags, '-t', 't:1', '/root/ctx'].join(' ');
          const r = runLine(engine, line);
          settle(engine);
          const label = `${line}\n--- Dockerfile ---\n${text}--- output ---\n${r.out}`;
          expect(engine.bugs, label).toEqual([]);
          expect(r.interrupts, `${label}\nthe build never ended`).toBe(0);
          expect(Number.isInteger(r.rc), label).toBe(true);
          const after = engineState(engine);
          if (r.rc !== 0) {
            expect(r.out.trim(), `${label}\nfailed without a message`).not.toBe('');
            expect(after, `${label}\na failed build changed the state`).toEqual(before);
          } else {
            const { images: _i, layers: _l, ...rest } = after;
            const { images: _bi, layers: _bl, ...restBefore } = before;
            expect(rest, `${label}\na build left something besides an image`).toEqual(restBefore);
            expect(Object.values(after.images as Record<string, { repoTags: readonly string[] }>).some((i) => i.repoTags.includes('t:1')), label).toBe(true);
          }
        }
      }),
      propertyParams(200),
    );
  }, 60_000 * SCALE);

  it('a failed build after good steps keeps only build cache (docker system df), no image', () => {
    const engine = bootEngine(SETUP);
    write(engine, '/root/ctx/Dockerfile', 'FROM alpine\nRUN echo hi > /f\nRUN false\n');
    settle(engine);
    const before = engineState(engine);
    const r = runLine(engine, 'docker build -t t:1 /root/ctx');
    settle(engine);
    expect(r.rc).toBe(1);
    expect(r.out).toContain('ERROR: failed to build: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1');
    expect(engineState(engine)).toEqual(before);
    expect(runLine(engine, 'docker system df --format "{{.Type}} {{.TotalCount}}"').out).toContain('Build Cache 1');
  });
});
