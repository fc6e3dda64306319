import { describe, it, expect } from 'vitest';
import { DOCKER_TABWRITER, TabWriter, TabwriterFlag, tabwrite, type TabwriterOptions } from './tabwriter.ts';
import { runeWidth, stringWidth } from './runewidth.ts';

const { AlignRight, DiscardEmptyColumns, Debug, FilterHTML } = TabwriterFlag;

/** Cases from go/src/text/tabwriter/tabwriter_test.go (the Escape-character cases are not ported). */
const GO_CASES: [string, number, number, number, string, number, string, string][] = [
  ['1a', 8, 0, 1, '.', 0, '', ''],
  ['1a debug', 8, 0, 1, '.', Debug, '', ''],
  ['2', 8, 0, 1, '.', 0, '\n\n\n', '\n\n\n'],
  ['3', 8, 0, 1, '.', 0, 'a\nb\nc', 'a\nb\nc'],
  ['4a', 8, 0, 1, '.', 0, '\t', ''],
  ['4b', 8, 0, 1, '.', AlignRight, '\t', ''],
  ['5', 8, 0, 1, '.', 0, '*\t*', '*.......*'],
  ['5b', 8, 0, 1, '.', 0, '*\t*\n', '*.......*\n'],
  ['5c', 8, 0, 1, '.', 0, '*\t*\t', '*.......*'],
  ['5c debug', 8, 0, 1, '.', Debug, '*\t*\t', '*.......|*'],
  ['5d', 8, 0, 1, '.', AlignRight, '*\t*\t', '.......**'],
  ['6', 8, 0, 1, '.', 0, '\t\n', '........\n'],
  ['7a', 8, 0, 1, '.', 0, 'a) foo', 'a) foo'],
  ['7b', 8, 0, 1, ' ', 0, 'b) foo\tbar', 'b) foo  bar'],
  ['7c', 8, 0, 1, '.', 0, 'c) foo\tbar\t', 'c) foo..bar'],
  ['7d', 8, 0, 1, '.', 0, 'd) foo\tbar\n', 'd) foo..bar\n'],
  ['7e', 8, 0, 1, '.', 0, 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
  ['7f', 8, 0, 1, '.', FilterHTML, 'f) f&lt;o\t<b>bar</b>\t\n', 'f) f&lt;o..<b>bar</b>.....\n'],
  ['7g', 8, 0, 1, '.', FilterHTML, 'g) f&lt;o\t<b>bar</b>\t non-terminated entity &amp', 'g) f&lt;o..<b>bar</b>..... non-terminated entity &amp'],
  ['7g debug', 8, 0, 1, '.', FilterHTML | Debug, 'g) f&lt;o\t<b>bar</b>\t non-terminated entity &amp', 'g) f&lt;o..|<b>bar</b>.....| non-terminated entity &amp'],
  ['8', 8, 0, 1, '*', 0, 'Hello, world!\n', 'Hello, world!\n'],
  ['9a', 1, 0, 0, '.', 0, '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
  ['9b', 1, 0, 0, '.', FilterHTML, '1\t2<!---\f--->\t3\t4\n11\t222\t3333\t44444\n', '1.2<!---\f--->..3...4\n11222333344444\n'],
  ['9c', 1, 0, 0, '.', 0, '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1234\n11222333344444\n'],
  ['9c debug', 1, 0, 0, '.', Debug, '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1|2|3|4\n---\n11|222|3333|44444\n'],
  ['10a', 5, 0, 0, '.', 0, '1\t2\t3\t4\n', '1....2....3....4\n'],
  ['10b', 5, 0, 0, '.', 0, '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
  ['12a', 8, 0, 1, ' ', AlignRight, 'a\tè\tc\t\naa\tèèè\tcccc\tddddd\t\naaa\tèèèè\t\n',
    '       a       è       c\n      aa     èèè    cccc   ddddd\n     aaa    èèèè\n'],
  ['12b', 2, 0, 0, ' ', 0, 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
  ['12c', 8, 0, 1, '_', 0, 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n'],
  ['13a', 4, 0, 1, '-', 0,
    '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n'],
  ['13b', 4, 0, 3, '.', 0,
    '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n'],
  ['13c', 8, 8, 1, '\t', FilterHTML,
    '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t<font color=red attr=日本語>999999999</font>\t0000000000\n',
    '4444\t\t333\t22\t1\t333\n999999999\t22\n7\t\t22\n\t\t\t\t88888888\n\n666666\t666666\t666666\t\t4444\n1\t1\t<font color=red attr=日本語>999999999</font>\t0000000000\n'],
  ['14', 1, 0, 2, ' ', AlignRight,
    '.0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t',
    '    .0          .3    2.4    -5.1\n  23.0  12345678.9    2.4  -989.4\n   5.1        12.0    2.4    -7.0\n    .0         0.0  332.0  8908.0\n    .0         -.3  456.4    22.1\n    .0         1.2   44.4   -13.3'],
  ['14 debug', 1, 0, 2, ' ', AlignRight | Debug,
    '.0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t',
    '    .0|          .3|    2.4|    -5.1|\n  23.0|  12345678.9|    2.4|  -989.4|\n   5.1|        12.0|    2.4|    -7.0|\n    .0|         0.0|  332.0|  8908.0|\n    .0|         -.3|  456.4|    22.1|\n    .0|         1.2|   44.4|   -13.3|'],
  ['15a', 4, 0, 0, '.', 0, 'a\t\tb', 'a.......b'],
  ['15b', 4, 0, 0, '.', DiscardEmptyColumns, 'a\t\tb', 'a.......b'],
  ['15c', 4, 0, 0, '.', DiscardEmptyColumns, 'a\v\vb', 'a...b'],
  ['15d', 4, 0, 0, '.', AlignRight | DiscardEmptyColumns, 'a\v\vb', '...ab'],
  ['16a', 100, 100, 0, '\t', 0, 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n', 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n'],
  ['16b', 100, 100, 0, '\t', DiscardEmptyColumns, 'a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n', 'a\tb\td\na\tb\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n'],
  ['16b debug', 100, 100, 0, '\t', DiscardEmptyColumns | Debug, 'a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n',
    'a\t|b\t||d\na\t|b\t||d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n'],
  ['16c', 100, 100, 0, '\t', DiscardEmptyColumns, 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n', 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n'],
  ['16c debug', 100, 100, 0, '\t', DiscardEmptyColumns | Debug, 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
    'a\t|b\t|\t|d\na\t|b\t|\t|d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n'],
];

describe('tabwriter: Go text/tabwriter test table', () => {
  for (const [name, minwidth, tabwidth, padding, padchar, flags, src, expected] of GO_CASES) {
    const opts: TabwriterOptions = { minwidth, tabwidth, padding, padchar, flags };
    it(`${name} (written all at once)`, () => {
      expect(tabwrite(src, opts)).toBe(expected);
    });
    it(`${name} (written char by char)`, () => {
      const w = new TabWriter(opts);
      for (const ch of src) w.write(ch);
      w.flush();
      expect(w.output).toBe(expected);
    });
  }
});

describe('tabwriter: docker fork measures cells with go-runewidth', () => {
  it('counts East Asian wide characters as two cells (Go case 11, docker widths)', () => {
    const src = '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n';
    expect(tabwrite(src, { minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0 })).toBe(
      '本......b.......c\naa......本本本..cccc....ddddd\naaa.....bbbb\n',
    );
  });

  it('measures widths the way runewidth.StringWidth does', () => {
    expect(stringWidth('abc')).toBe(3);
    expect(stringWidth('日本語')).toBe(6);
    expect(stringWidth('é')).toBe(1);
    expect(stringWidth('e\u0301')).toBe(1); // combining accent joins its base
    expect(stringWidth('…')).toBe(1);
    expect(stringWidth('🐳')).toBe(2);
    expect(stringWidth('\x1b')).toBe(0);
    expect(runeWidth(0x200b)).toBe(0);
    expect(runeWidth(0xff21)).toBe(2);
  });
});

describe('tabwriter: docker table layouts', () => {
  it('uses docker settings by default (10, 1, 3, " ", 0)', () => {
    expect(DOCKER_TABWRITER).toEqual({ minwidth: 10, tabwidth: 1, padding: 3, padchar: ' ', flags: 0 });
  });

  it('prints the empty docker ps header exactly as docker 28 does', () => {
    const header = 'CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n';
    expect(tabwrite(header)).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });

  it('prints the empty docker images header', () => {
    expect(tabwrite('REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\n')).toBe('REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
  });

  it('widens columns to the longest cell plus three spaces', () => {
    const text =
      'CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n' +
      '4c01db0b339c\tnginx:latest\t"/docker-entrypoint.…"\t2 seconds ago\tUp 1 second\t80/tcp\tweb\n';
    expect(tabwrite(text)).toBe(
      'CONTAINER ID   IMAGE          COMMAND                  CREATED         STATUS        PORTS     NAMES\n' +
        '4c01db0b339c   nginx:latest   "/docker-entrypoint.…"   2 seconds ago   Up 1 second   80/tcp    web\n',
    );
  });

  it('pads empty cells and leaves the last cell of a line out of the columns', () => {
    const text = 'NAME\tDRIVER\tSCOPE\nbridge\tbridge\tlocal\nhost\t\tlocal\n';
    expect(tabwrite(text)).toBe('NAME      DRIVER    SCOPE\nbridge    bridge    local\nhost                local\n');
  });

  it('keeps trailing padding when a line ends in a tab', () => {
    expect(tabwrite('a\tb\t\n')).toBe('a         b         \n');
  });

  it('ends a column block at a line without that column', () => {
    const text = 'aaaaaaaaaaaa\tb\nc\nd\te\n';
    expect(tabwrite(text)).toBe('aaaaaaaaaaaa   b\nc\nd         e\n');
  });

  it('writes the last line without a newline when the input has none', () => {
    expect(tabwrite('x\ty')).toBe('x         y');
  });

  it('rejects negative settings as Go panics', () => {
    expect(() => new TabWriter({ ...DOCKER_TABWRITER, padding: -1 })).toThrow('negative minwidth, tabwidth, or padding');
  });
});
