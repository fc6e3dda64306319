import { describe, it, expect } from 'vitest';
import { TemplateError, goFunc, goStruct, isTableFormat, preprocessFormat, renderTable, stripTable } from './gotemplate.ts';
import { executeFormat, formatTable } from './index.ts';

const PS_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
const PS_HEADERS = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  RunningFor: 'CREATED',
  Status: 'STATUS',
  Ports: 'PORTS',
  Names: 'NAMES',
  Labels: 'LABELS',
  Size: 'SIZE',
};

function container(id: string, image: string, command: string, created: string, status: string, ports: string, names: string) {
  return goStruct('*formatter.ContainerContext', {
    ID: () => id,
    Image: () => image,
    Command: () => command,
    RunningFor: () => created,
    Status: () => status,
    Ports: () => ports,
    Names: () => names,
    Label: goFunc(['string'], (k: string) => (k === 'tier' ? 'web' : '')),
    MarshalJSON: () => ({ Command: command, ID: id, Image: image, Names: names }),
  });
}

describe('format preprocessing (formatter.Context.preFormat)', () => {
  it('recognises table formats by prefix, as Format.IsTable does', () => {
    expect(isTableFormat('table {{.ID}}')).toBe(true);
    expect(isTableFormat('tablefoo')).toBe(true);
    expect(isTableFormat('{{.ID}}')).toBe(false);
    expect(stripTable('table {{.ID}}')).toEqual({ template: ' {{.ID}}', isTable: true });
    expect(stripTable('{{.ID}}')).toEqual({ template: '{{.ID}}', isTable: false });
  });

  it('expands literal \\t and \\n and trims spaces only', () => {
    expect(preprocessFormat('table {{.ID}}\\t{{.Names}}\\n ')).toEqual({ template: '{{.ID}}\t{{.Names}}\n', isTable: true });
    expect(preprocessFormat('  {{.ID}}\t ')).toEqual({ template: '{{.ID}}\t', isTable: false });
    expect(preprocessFormat('a\\\\tb')).toEqual({ template: 'a\\\tb', isTable: false });
  });

  it('maps the json format key to {{json .}}', () => {
    expect(preprocessFormat('json')).toEqual({ template: '{{json .}}', isTable: false });
    expect(preprocessFormat('json ')).toEqual({ template: 'json', isTable: false });
  });
});

describe('renderTable (formatter.Context.Write)', () => {
  it('prints only the header for an empty table', () => {
    expect(renderTable(PS_TABLE, [], PS_HEADERS)).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });

  it('aligns rows and header like docker ps', () => {
    const rows = [
      container('4c01db0b339c', 'nginx:latest', '"/docker-entrypoint.…"', '2 seconds ago', 'Up 1 second', '80/tcp', 'web'),
      container('0d5e3b9ab4a1', 'redis:7', '"docker-entrypoint.s…"', '3 minutes ago', 'Exited (0) 2 minutes ago', '', 'cache'),
    ];
    expect(renderTable(PS_TABLE, rows, PS_HEADERS)).toBe(
      'CONTAINER ID   IMAGE          COMMAND                  CREATED         STATUS                     PORTS     NAMES\n' +
        '4c01db0b339c   nginx:latest   "/docker-entrypoint.…"   2 seconds ago   Up 1 second                80/tcp    web\n' +
        '0d5e3b9ab4a1   redis:7        "docker-entrypoint.s…"   3 minutes ago   Exited (0) 2 minutes ago             cache\n',
    );
  });

  it('handles a --format with literal \\t as typed in a shell', () => {
    const rows = [container('4c01db0b339c', 'nginx', '', '', '', '', 'web')];
    expect(renderTable('table {{.Names}}\\t{{.ID}}', rows, PS_HEADERS)).toBe('NAMES     CONTAINER ID\nweb       4c01db0b339c\n');
  });

  it('prints one line per row without tabwriter for non-table formats', () => {
    const rows = [container('a', 'i', '', '', '', '', 'one'), container('b', 'i', '', '', '', '', 'two')];
    expect(renderTable('{{.Names}}\t{{.ID}}', rows, PS_HEADERS)).toBe('one\ta\ntwo\tb\n');
    expect(renderTable('{{.Names}}', [], PS_HEADERS)).toBe('');
  });

  it('renders --format json with {{json .}} per row', () => {
    const rows = [container('a', 'i', 'c', '', '', '', 'one')];
    expect(renderTable('json', rows, PS_HEADERS)).toBe('{"Command":"c","ID":"a","Image":"i","Names":"one"}\n');
  });

  it('renders headers through HeaderFunctions, rows through the real functions', () => {
    const rows = [container('a', 'i', 'c', '', '', '', 'web')];
    expect(renderTable('table {{upper .Names}}\t{{json .ID}}\t{{truncate .Image 1}}', rows, PS_HEADERS)).toBe(
      'NAMES     CONTAINER ID   IMAGE\nWEB       "a"            i\n',
    );
  });

  it('ignores header execution errors and keeps what was written', () => {
    const rows = [container('a', 'i', 'c', '', '', '', 'web')];
    expect(renderTable('table {{.Names}}\t{{.Label "tier"}}', rows, PS_HEADERS)).toBe('NAMES     \nweb       web\n');
  });

  it('prints <no value> for header keys the header map lacks', () => {
    expect(renderTable('table {{.Names}}\t{{.Networks}}', [], PS_HEADERS)).toBe('NAMES     <no value>\n');
  });

  it('throws parse errors with Go messages (docker prefixes "template parsing error: ")', () => {
    expect(() => renderTable('table {{.Names', [], PS_HEADERS)).toThrow(new TemplateError('template: :1: unclosed action', 'parse'));
  });

  it('throws the first row error', () => {
    const rows = [container('a', 'i', 'c', '', '', '', 'web')];
    expect(() => renderTable('table {{.Nope}}', rows, PS_HEADERS)).toThrow(
      'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext',
    );
  });

  it('is also available as formatTable, with executeFormat for single objects', () => {
    expect(formatTable('{{.Names}}', [container('a', 'i', 'c', '', '', '', 'web')], PS_HEADERS)).toBe('web\n');
    expect(executeFormat('{{.State.Status}}\\t{{json .Config.Labels}}', { State: { Status: 'running' }, Config: { Labels: { a: 'b' } } })).toBe(
      'running\\t{"a":"b"}',
    );
    expect(() => executeFormat('{{.Server.Version}}', { Server: {} }, { name: 'version', missingKey: 'error' })).toThrow(
      'template: version:1:9: executing "version" at <.Server.Version>: map has no entry for key "Version"',
    );
  });
});
