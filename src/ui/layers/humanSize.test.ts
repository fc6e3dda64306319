import { describe, expect, it } from 'vitest';
import { dockerSize, percent, shortCreatedBy, shortDigest } from './humanSize.ts';

describe('sizes as docker prints them', () => {
  it('uses decimal units and 3 significant digits', () => {
    expect(dockerSize(0)).toBe('0B');
    expect(dockerSize(646)).toBe('646B');
    expect(dockerSize(1620)).toBe('1.62kB');
    expect(dockerSize(74_812_036)).toBe('74.8MB');
    expect(dockerSize(192_004_219)).toBe('192MB');
    expect(dockerSize(7_834_918)).toBe('7.83MB');
    expect(dockerSize(1_500_000_000)).toBe('1.5GB');
  });

  it('writes percentages in the UI language', () => {
    expect(percent(0.99154, 'en')).toBe('99.2%');
    expect(percent(0.99154, 'pt-BR')).toBe('99,2%');
    expect(percent(1, 'en')).toBe('100%');
    expect(percent(0, 'en')).toBe('0%');
  });

  it('shortens digests and history lines', () => {
    expect(shortDigest('sha256:8fc2661a6d79aa11bb')).toBe('8fc2661a6d79');
    expect(shortCreatedBy('COPY docker-entrypoint.sh / # buildkit')).toBe('COPY docker-entrypoint.sh /');
    expect(shortCreatedBy('RUN /bin/sh -c set -x     && groupadd --system # buildkit')).toBe('RUN set -x && groupadd --system');
    expect(shortCreatedBy('/bin/sh -c #(nop) ADD file:abc in / ')).toBe('ADD file:abc in /');
    expect(shortCreatedBy('/bin/sh -c apt-get update')).toBe('RUN apt-get update');
  });
});
