import { describe, expect, it } from 'vitest';
import { displayJSONMessage, encodeJSONMessage, goDurationSeconds, JSONMessageRenderer, pullMessages, renderProgress, type JSONProgress } from './progress.ts';

describe('JSONProgress.String (moby jsonmessage_test.go vectors)', () => {
  const start = Date.UTC(2017, 11, 3, 15, 10, 1) / 1000;
  it.each<[string, JSONProgress, number, string, string]>([
    ['no progress', {}, 0, '', ''],
    ['progress 1', { current: 1 }, 0, '      1B', '      1B'],
    ['some progress with a start time', { current: 20, total: 100, start }, start + 1, '     20B/100B 4s', '[==========>                                        ]      20B/100B 4s'],
    ['some progress without a start time', { current: 50, total: 100 }, 0, '     50B/100B', '[=========================>                         ]      50B/100B'],
    ['current more than total', { current: 50, total: 40 }, 0, '     50B', '[==================================================>]      50B'],
    ['with units', { current: 50, total: 100, units: 'units' }, 0, '50/100 units', '[=========================>                         ] 50/100 units'],
    ['current more than total with units', { current: 50, total: 40, units: 'units' }, 0, '50 units', '[==================================================>] 50 units'],
    ['hide counts', { current: 50, total: 100, hidecounts: true }, 0, '', '[=========================>                         ] '],
  ])('%s', (_name, p, now, short, long) => {
    expect(renderProgress(p, 100, now)).toBe(short);
    expect(renderProgress(p, 200, now)).toBe(long);
  });

  it('draws the bar only on terminals wider than 110 columns', () => {
    expect(renderProgress({ current: 1_234_000, total: 3_624_000 }, 120)).toBe('[=================>                                 ]  1.234MB/3.624MB');
    expect(renderProgress({ current: 1_234_000, total: 3_624_000 }, 110)).toBe(' 1.234MB/3.624MB');
    expect(renderProgress({ current: -100, total: 100 }, 200)).not.toContain('=');
  });

  it('Go duration strings', () => {
    expect([0, 4, 90, 3605].map(goDurationSeconds)).toEqual(['0s', '4s', '1m30s', '1h0m5s']);
  });
});

describe('JSONMessage.Display', () => {
  it.each<[object, string, string]>([
    [{}, '\n', '\n'],
    [{ status: 'status' }, 'status\n', 'status\n'],
    [{ id: 'ID', status: 'status' }, 'ID: status\n', 'ID: status\n'],
    [{ status: 'status', stream: 'stream' }, 'stream', 'stream'],
    [{ status: 'status', progressDetail: { current: 1 } }, '', '\x1b[2K\rstatus       1B\r'],
  ])('%j', (m, plain, tty) => {
    expect(displayJSONMessage(m, false, 200).text).toBe(plain);
    expect(displayJSONMessage(m, true, 200).text).toBe(tty);
  });

  it('returns the error of an error message', () => {
    expect(displayJSONMessage({ errorDetail: { code: 404, message: "Can't find it" } }, true, 80)).toEqual({ text: '', error: "Can't find it" });
  });
});

describe('DisplayJSONMessagesStream', () => {
  it('redraws a layer line in place on a terminal', () => {
    const r = new JSONMessageRenderer({ isTerminal: true, width: 200 });
    expect(r.write({ id: 'ID', status: 'status', progressDetail: { current: 1 } }).text).toBe('\n\x1b[1A\x1b[2K\rID: status       1B\r\x1b[1B');
  });

  it('draws a pull on a terminal: one line per layer, cursor moves to update older lines', () => {
    const r = new JSONMessageRenderer({ isTerminal: true, width: 80 });
    const out = [
      pullMessages.pullingFrom('latest', 'library/nginx'),
      pullMessages.pullingFsLayer('aaaaaaaaaaaa'),
      pullMessages.pullingFsLayer('bbbbbbbbbbbb'),
      pullMessages.downloading('aaaaaaaaaaaa', 32_768, 3_642_164),
    ].map((m) => r.write(m).text);
    expect(out).toEqual([
      'latest: Pulling from library/nginx\n',
      '\n\x1b[1A\x1b[2K\raaaaaaaaaaaa: Pulling fs layer \r\x1b[1B',
      '\n\x1b[1A\x1b[2K\rbbbbbbbbbbbb: Pulling fs layer \r\x1b[1B',
      '\x1b[2A\x1b[2K\raaaaaaaaaaaa: Downloading  32.77kB/3.642MB\r\x1b[2B',
    ]);
  });

  it('without a terminal prints each status once and drops progress bars', () => {
    const r = new JSONMessageRenderer({ isTerminal: false, width: 200 });
    const msgs = [
      pullMessages.pullingFrom('latest', 'library/alpine'),
      pullMessages.pullingFsLayer('f18232174bc9'),
      pullMessages.downloading('f18232174bc9', 32_768, 3_642_164),
      pullMessages.verifyingChecksum('f18232174bc9'),
      pullMessages.downloadComplete('f18232174bc9'),
      pullMessages.extracting('f18232174bc9', 65_536, 3_642_164),
      pullMessages.pullComplete('f18232174bc9'),
      pullMessages.digest('sha256:abc'),
      pullMessages.status('alpine:latest', true),
    ];
    expect(msgs.map((m) => r.write(m).text).join('')).toBe(
      'latest: Pulling from library/alpine\nf18232174bc9: Pulling fs layer\nf18232174bc9: Verifying Checksum\nf18232174bc9: Download complete\nf18232174bc9: Pull complete\nDigest: sha256:abc\nStatus: Downloaded newer image for alpine:latest\n',
    );
    expect(r.write(pullMessages.status('alpine:latest', false)).text).toBe('Status: Image is up to date for alpine:latest\n');
    expect(r.write(pullMessages.alreadyExists('f18232174bc9')).text).toBe('f18232174bc9: Already exists\n');
  });
});

describe('the daemon wire format', () => {
  it('encodes like streamformatter (field order, progress at width 200, HTML escaping, CRLF)', () => {
    expect(encodeJSONMessage(pullMessages.downloading('f18232174bc9', 32_768, 3_642_164))).toBe(
      '{"status":"Downloading","progressDetail":{"current":32768,"total":3642164},"progress":"[\\u003e                                                  ]  32.77kB/3.642MB","id":"f18232174bc9"}\r\n',
    );
    expect(encodeJSONMessage(pullMessages.pullingFsLayer('f18232174bc9'))).toBe('{"status":"Pulling fs layer","progressDetail":{},"id":"f18232174bc9"}\r\n');
    expect(encodeJSONMessage(pullMessages.pullingFrom('latest', 'library/alpine'))).toBe('{"status":"Pulling from library/alpine","id":"latest"}\r\n');
    expect(encodeJSONMessage(pullMessages.error('manifest unknown'))).toBe('{"errorDetail":{"message":"manifest unknown"},"error":"manifest unknown"}\r\n');
  });
});
