/**
 * Alpine Linux 3.21's package archive (main + community, x86_64), as of February 2025: the
 * packages `apk add` can install here, with `APKINDEX` fields (version, installed size `I:`,
 * package size `S:`, dependencies in the order apk visits them) and the files each installs.
 * Used for every alpine tag (3.19 and 3.20 images install these same versions).
 */
import { packageFrom, type PackageIndex, type PackageRow } from '../catalog/packages.ts';

const M = 'Natanael Copa <ncopa@alpinelinux.org>';
const LIB = '/usr/lib';

const ROWS: readonly PackageRow[] = [
  // curl and libcurl's dependencies (`(1/9) Installing brotli-libs (1.1.0-r2)` … `(9/9) Installing curl`)
  { n: 'curl', v: '8.12.1-r1', i: 258048, s: 159220, d: 'libcurl', t: 'URL retrival utility and library', u: 'https://curl.se/', l: 'curl', f: 'x /usr/bin curl=249576' },
  { n: 'libcurl', v: '8.12.1-r1', i: 647168, s: 367528, o: 'curl', d: 'brotli-libs c-ares libidn2 nghttp2-libs libpsl zstd-libs', t: 'The multiprotocol file transfer library', u: 'https://curl.se/', l: 'curl', f: `x ${LIB} libcurl.so.4.8.0=638792\nl ${LIB} libcurl.so.4>libcurl.so.4.8.0` },
  { n: 'brotli-libs', v: '1.1.0-r2', i: 749568, s: 339016, o: 'brotli', t: 'Generic lossless compressor (libraries)', u: 'https://github.com/google/brotli', l: 'MIT', f: `x ${LIB} libbrotlicommon.so.1.1.0=137480 libbrotlidec.so.1.1.0=54360 libbrotlienc.so.1.1.0=549528\nl ${LIB} libbrotlicommon.so.1>libbrotlicommon.so.1.1.0 libbrotlidec.so.1>libbrotlidec.so.1.1.0 libbrotlienc.so.1>libbrotlienc.so.1.1.0` },
  { n: 'c-ares', v: '1.34.3-r0', i: 212992, s: 91772, t: 'Asynchronous DNS/names resolver library', u: 'https://c-ares.org/', l: 'MIT', f: `x ${LIB} libcares.so.2.19.3=203944\nl ${LIB} libcares.so.2>libcares.so.2.19.3` },
  { n: 'libunistring', v: '1.2-r0', i: 1839104, s: 577808, t: 'Library for manipulating Unicode strings and C strings', u: 'https://www.gnu.org/software/libunistring/', l: 'GPL-2.0-or-later OR LGPL-3.0-or-later', f: `x ${LIB} libunistring.so.5.1.0=1829616\nl ${LIB} libunistring.so.5>libunistring.so.5.1.0` },
  { n: 'libidn2', v: '2.3.7-r0', i: 143360, s: 65592, d: 'libunistring', t: 'Encode/Decode library for internationalized domain names', u: 'https://www.gnu.org/software/libidn#libidn2', l: 'GPL-2.0-or-later OR LGPL-3.0-or-later', f: `x ${LIB} libidn2.so.0.4.0=133376\nl ${LIB} libidn2.so.0>libidn2.so.0.4.0` },
  { n: 'nghttp2-libs', v: '1.64.0-r0', i: 167936, s: 73552, o: 'nghttp2', t: 'Experimental HTTP/2 client, server and proxy (libraries)', u: 'https://nghttp2.org', l: 'MIT', f: `x ${LIB} libnghttp2.so.14.28.3=158744\nl ${LIB} libnghttp2.so.14>libnghttp2.so.14.28.3` },
  { n: 'libpsl', v: '0.21.5-r3', i: 73728, s: 23376, d: 'libidn2 libunistring', t: 'C library for the Publix Suffix List', u: 'https://rockdaboot.github.io/libpsl', l: 'MIT', f: `x ${LIB} libpsl.so.5.3.5=71536\nl ${LIB} libpsl.so.5>libpsl.so.5.3.5` },
  { n: 'zstd-libs', v: '1.5.6-r2', i: 720896, s: 288324, o: 'zstd', t: 'Zstandard - Fast real-time compression algorithm (libraries)', u: 'https://www.zstd.net', l: 'BSD-3-Clause OR GPL-2.0-or-later', f: `x ${LIB} libzstd.so.1.5.6=714176\nl ${LIB} libzstd.so.1>libzstd.so.1.5.6` },
  // bash and ncurses
  { n: 'bash', v: '5.2.37-r0', i: 1323008, s: 462368, d: 'readline', sc: 'post-install pre-deinstall', t: 'The GNU Bourne Again shell', u: 'https://www.gnu.org/software/bash/bash.html', l: 'GPL-3.0-or-later', f: 'x /bin bash=1150824\nf 644 /etc/bash bashrc=317\nx /usr/lib/bash sleep=14088 fdflags=14120 rm=14048' },
  { n: 'readline', v: '8.2.13-r0', i: 290816, s: 122984, d: 'libncursesw', t: 'GNU readline library', u: 'https://tiswww.cwru.edu/php/chet/readline/rltop.html', l: 'GPL-3.0-or-later', f: `x ${LIB} libreadline.so.8.2=272200\nl ${LIB} libreadline.so.8>libreadline.so.8.2\nf 644 /etc inputrc=1742` },
  { n: 'libncursesw', v: '6.5_p20241006-r3', i: 421888, s: 153688, o: 'ncurses', d: 'ncurses-terminfo-base', t: 'Console display library (libncursesw)', u: 'https://invisible-island.net/ncurses/', l: 'X11', f: `x ${LIB} libncursesw.so.6.5=408920\nl ${LIB} libncursesw.so.6>libncursesw.so.6.5` },
  { n: 'ncurses-terminfo-base', v: '6.5_p20241006-r3', i: 69632, s: 22164, o: 'ncurses', t: 'Descriptions of common terminals', u: 'https://invisible-island.net/ncurses/', l: 'X11', f: 'f 644 /etc/terminfo/a ansi=1481\nf 644 /etc/terminfo/l linux=1788\nf 644 /etc/terminfo/v vt100=1194 vt102=1184 vt220=1649\nf 644 /etc/terminfo/x xterm=3849 xterm-256color=3907 xterm-color=1551\nf 644 /etc/terminfo/s screen=1653 screen-256color=1741 sun=1004\nf 644 /etc/terminfo/t tmux=2043 tmux-256color=2395\nf 644 /etc/terminfo/d dumb=308' },
  { n: 'libpanelw', v: '6.5_p20241006-r3', i: 20480, s: 7156, o: 'ncurses', d: 'libncursesw', t: 'Ncurses panel library', u: 'https://invisible-island.net/ncurses/', l: 'X11', f: `x ${LIB} libpanelw.so.6.5=14128\nl ${LIB} libpanelw.so.6>libpanelw.so.6.5` },
  // git
  { n: 'git', v: '2.47.2-r0', i: 5160960, s: 2203584, d: 'libcurl libexpat pcre2', after: 'git-init-template', t: 'Distributed version control system', u: 'https://www.git-scm.com/', l: 'GPL-2.0-or-later', f: 'x /usr/bin git=3810504\nl /usr/bin git-receive-pack>git git-upload-archive>git git-upload-pack>git\nx /usr/libexec/git-core git-remote-http=1054808 git-sh-setup=8935 git-sh-i18n=2670\nl /usr/libexec/git-core git>../../bin/git git-remote-https>git-remote-http' },
  { n: 'git-init-template', v: '2.47.2-r0', i: 20480, s: 4880, o: 'git', t: 'Git init template', u: 'https://www.git-scm.com/', l: 'GPL-2.0-or-later', f: 'f 644 /usr/share/git-core/templates description=73\nf 644 /usr/share/git-core/templates/info exclude=240' },
  { n: 'libexpat', v: '2.6.4-r0', i: 200704, s: 93164, o: 'expat', t: 'XML Parser library written in C', u: 'https://libexpat.github.io/', l: 'MIT', f: `x ${LIB} libexpat.so.1.9.3=190720\nl ${LIB} libexpat.so.1>libexpat.so.1.9.3` },
  { n: 'pcre2', v: '10.43-r0', i: 716800, s: 266724, t: 'Perl-compatible regular expression library', u: 'https://pcre.org/', l: 'BSD-3-Clause', f: `x ${LIB} libpcre2-8.so.0.13.0=690872 libpcre2-posix.so.3.0.5=14088\nl ${LIB} libpcre2-8.so.0>libpcre2-8.so.0.13.0 libpcre2-posix.so.3>libpcre2-posix.so.3.0.5` },
  // python3 (`(14/17) Installing python3 (3.12.x)`, then its pyc companions)
  { n: 'python3', v: '3.12.9-r0', i: 25690112, s: 6995492, d: 'libbz2 libexpat libffi gdbm xz-libs mpdecimal libpanelw readline sqlite-libs', after: 'python3-pycache-pyc0 pyc python3-pyc', t: 'A high-level scripting language', u: 'https://www.python.org/', l: 'PSF-2.0', f: `x /usr/bin python3.12=14104 pydoc3.12=84\nl /usr/bin python3>python3.12 python>python3 pydoc3>pydoc3.12\nx ${LIB} libpython3.12.so.1.0=5962968\nl ${LIB} libpython3.so>libpython3.12.so.1.0\nf 644 ${LIB}/python3.12 typing.py=129745 argparse.py=101649 subprocess.py=89006 os.py=39786 json/__init__.py=14020\nx ${LIB}/python3.12/lib-dynload _ssl.cpython-312-x86_64-linux-musl.so=185504 _sqlite3.cpython-312-x86_64-linux-musl.so=119872 _decimal.cpython-312-x86_64-linux-musl.so=95632 _ctypes.cpython-312-x86_64-linux-musl.so=141504\nf 644 ${LIB}/python3.12/pydoc_data topics.py=810336\nf 644 ${LIB}/python3.12/ensurepip/_bundled pip-24.3.1-py3-none-any.whl=1822100` },
  { n: 'python3-pycache-pyc0', v: '3.12.9-r0', i: 12058624, s: 3452388, o: 'python3', t: 'Precompiled Python bytecode for python3', u: 'https://www.python.org/', l: 'PSF-2.0', f: `f 644 ${LIB}/python3.12/__pycache__ typing.cpython-312.pyc=150372 argparse.cpython-312.pyc=108372 subprocess.cpython-312.pyc=80340 os.cpython-312.pyc=43440\nf 644 ${LIB}/python3.12/pydoc_data/__pycache__ topics.cpython-312.pyc=498212` },
  { n: 'pyc', v: '3.12.9-r0', i: 0, s: 1383, o: 'python3', t: 'Meta package for pulling in all -pyc packages', u: 'https://www.python.org/', l: 'PSF-2.0', f: '' },
  { n: 'python3-pyc', v: '3.12.9-r0', i: 0, s: 1396, o: 'python3', t: 'Meta package for pulling in all python3 -pyc packages', u: 'https://www.python.org/', l: 'PSF-2.0', f: '' },
  { n: 'libbz2', v: '1.0.8-r6', i: 73728, s: 31112, o: 'bzip2', t: 'Shared library for bz2', u: 'https://sourceware.org/bzip2/', l: 'bzip2-1.0.6', f: `x ${LIB} libbz2.so.1.0.8=71168\nl ${LIB} libbz2.so.1>libbz2.so.1.0.8` },
  { n: 'libffi', v: '3.4.6-r0', i: 45056, s: 14028, t: 'portable, high level programming interface to various calling conventions.', u: 'https://sourceware.org/libffi/', l: 'MIT', f: `x ${LIB} libffi.so.8.1.4=38728\nl ${LIB} libffi.so.8>libffi.so.8.1.4` },
  { n: 'gdbm', v: '1.24-r0', i: 155648, s: 45340, t: 'GNU dbm is a set of database routines that use extensible hashing', u: 'https://www.gnu.org/software/gdbm/', l: 'GPL-3.0-or-later', f: `x ${LIB} libgdbm.so.6.0.0=91408 libgdbm_compat.so.4.0.0=14136\nl ${LIB} libgdbm.so.6>libgdbm.so.6.0.0 libgdbm_compat.so.4>libgdbm_compat.so.4.0.0` },
  { n: 'xz-libs', v: '5.6.3-r0', i: 204800, s: 90804, o: 'xz', t: 'Library and CLI tools for XZ and LZMA compressed files (libraries)', u: 'https://tukaani.org/xz', l: '0BSD AND GPL-2.0-or-later AND LGPL-2.1-or-later', f: `x ${LIB} liblzma.so.5.6.3=194808\nl ${LIB} liblzma.so.5>liblzma.so.5.6.3` },
  { n: 'mpdecimal', v: '4.0.0-r0', i: 258048, s: 97860, d: 'libstdc++', t: 'complete implementation of the General Decimal Arithmetic Specification', u: 'https://www.bytereef.org/mpdecimal/index.html', l: 'BSD-2-Clause', f: `x ${LIB} libmpdec.so.4.0.0=239064 libmpdec++.so.4.0.0=14672\nl ${LIB} libmpdec.so.4>libmpdec.so.4.0.0 libmpdec++.so.4>libmpdec++.so.4.0.0` },
  { n: 'libstdc++', v: '14.2.0-r4', i: 2600960, s: 801016, o: 'gcc', d: 'libgcc', t: 'GNU C++ standard runtime library', u: 'https://gcc.gnu.org', l: 'GPL-2.0-or-later AND LGPL-2.1-or-later', f: `x ${LIB} libstdc++.so.6.0.33=2588536\nl ${LIB} libstdc++.so.6>libstdc++.so.6.0.33` },
  { n: 'libgcc', v: '14.2.0-r4', i: 172032, s: 53224, o: 'gcc', t: 'GNU C compiler runtime libraries', u: 'https://gcc.gnu.org', l: 'GPL-2.0-or-later AND LGPL-2.1-or-later', f: `x ${LIB} libgcc_s.so.1=162792` },
  { n: 'sqlite-libs', v: '3.48.0-r0', i: 1552384, s: 684512, o: 'sqlite', t: 'Sqlite3 library', u: 'https://www.sqlite.org/', l: 'blessing', f: `x ${LIB} libsqlite3.so.3.48.0=1543632\nl ${LIB} libsqlite3.so.0>libsqlite3.so.3.48.0` },
  // editors and console tools
  { n: 'vim', v: '9.1.1105-r0', i: 3108864, s: 1473500, d: 'libncursesw vim-common xxd', t: 'Improved vi-style text editor', u: 'https://www.vim.org/', l: 'Vim', f: 'x /usr/bin vim=3043992\nl /usr/bin rview>vim rvim>vim view>vim vimdiff>vim' },
  { n: 'vim-common', v: '9.1.1105-r0', i: 31670272, s: 7893140, o: 'vim', t: 'Vim editor common files', u: 'https://www.vim.org/', l: 'Vim', f: 'f 644 /etc vimrc=1426\nf 644 /usr/share/vim/vim91 defaults.vim=5160 filetype.vim=103980 optwin.vim=61840 menu.vim=42650\nf 644 /usr/share/vim/vim91/doc options.txt=386508 eval.txt=201564 help.txt=9802 tags=303872 builtin.txt=426310\nf 644 /usr/share/vim/vim91/syntax vim.vim=227306 c.vim=21460 sh.vim=49880 python.vim=11842\nf 644 /usr/share/vim/vim91/spell en.utf-8.spl=7162540' },
  { n: 'xxd', v: '9.1.1105-r0', i: 32768, s: 15180, o: 'vim', t: 'Hexdump utility from vim', u: 'https://www.vim.org/', l: 'Vim', f: 'x /usr/bin xxd=26120' },
  { n: 'nano', v: '8.2-r0', i: 319488, s: 147876, d: 'libmagic libncursesw', t: 'Enhanced clone of the Pico text editor', u: 'https://www.nano-editor.org/', l: 'GPL-3.0-or-later', f: 'x /usr/bin nano=276984\nl /usr/bin rnano>nano\nf 644 /etc nanorc=11270' },
  { n: 'file', v: '5.46-r2', i: 28672, s: 21908, d: 'libmagic', t: 'File type identification utility', u: 'https://www.darwinsys.com/file', l: 'BSD-2-Clause', f: 'x /usr/bin file=22776' },
  { n: 'libmagic', v: '5.46-r2', i: 9064448, s: 849232, o: 'file', t: 'File type identification library', u: 'https://www.darwinsys.com/file', l: 'BSD-2-Clause', f: `x ${LIB} libmagic.so.1.0.0=166848\nl ${LIB} libmagic.so.1>libmagic.so.1.0.0\nf 644 /usr/share/misc magic.mgc=8881616` },
  { n: 'htop', v: '3.3.0-r0', i: 290816, s: 128052, d: 'libncursesw', t: 'Interactive process viewer', u: 'https://htop.dev/', l: 'GPL-2.0-or-later', f: 'x /usr/bin htop=275856' },
  { n: 'jq', v: '1.7.1-r0', i: 331776, s: 159700, d: 'oniguruma', t: 'A lightweight and flexible command-line JSON processor', u: 'https://jqlang.github.io/jq/', l: 'MIT', f: 'x /usr/bin jq=319656' },
  { n: 'oniguruma', v: '6.9.9-r0', i: 552960, s: 184484, t: 'a regular expressions library', u: 'https://github.com/kkos/oniguruma', l: 'BSD-2-Clause', f: `x ${LIB} libonig.so.5.4.0=543520\nl ${LIB} libonig.so.5>libonig.so.5.4.0` },
  { n: 'stress-ng', v: '0.18.06-r0', i: 6438912, s: 2302652, r: 'community', d: 'libaio libbsd', t: 'Stress test a computer system in various ways', u: 'https://github.com/ColinIanKing/stress-ng', l: 'GPL-2.0-or-later', m: 'Leonardo Arena <rnalrd@alpinelinux.org>', f: 'x /usr/bin stress-ng=6412568' },
  { n: 'libaio', v: '0.3.113-r2', i: 24576, s: 6900, t: 'Asynchronous input/output library', u: 'https://pagure.io/libaio', l: 'LGPL-2.1-or-later', f: `x ${LIB} libaio.so.1.0.2=14120\nl ${LIB} libaio.so.1>libaio.so.1.0.2` },
  { n: 'libbsd', v: '0.12.2-r0', i: 90112, s: 38244, d: 'libmd', t: 'commonly-used BSD functions not implemented by all libcs', u: 'https://libbsd.freedesktop.org/', l: 'BSD-3-Clause', f: `x ${LIB} libbsd.so.0.12.2=79432\nl ${LIB} libbsd.so.0>libbsd.so.0.12.2` },
  { n: 'libmd', v: '1.1.0-r0', i: 61440, s: 18304, t: 'Message Digest functions from BSD systems', u: 'https://www.hadrons.org/software/libmd/', l: 'Public Domain', f: `x ${LIB} libmd.so.0.1.0=55104\nl ${LIB} libmd.so.0>libmd.so.0.1.0` },
  // TLS, certificates, time zones
  { n: 'openssl', v: '3.3.3-r0', i: 827392, s: 352904, t: 'Toolkit for Transport Layer Security (TLS)', u: 'https://www.openssl.org/', l: 'Apache-2.0', f: 'x /usr/bin openssl=790392 c_rehash=7003\nf 644 /etc/ssl openssl.cnf.dist=12411 ct_log_list.cnf=412' },
  { n: 'ca-certificates', v: '20241121-r1', i: 700416, s: 161976, t: 'Common CA certificates PEM files from Mozilla', u: 'https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/', l: 'MPL-2.0 AND MIT', f: 'x /usr/sbin update-ca-certificates=35640\nf 644 /etc ca-certificates.conf=6234\nf 644 /usr/share/ca-certificates/mozilla ISRG_Root_X1.crt=1939 ISRG_Root_X2.crt=790 DigiCert_Global_Root_G2.crt=1318 DigiCert_Global_Root_CA.crt=1338 GlobalSign_Root_CA.crt=1261 Amazon_Root_CA_1.crt=1188 USERTrust_RSA_Certification_Authority.crt=2094 GTS_Root_R1.crt=1915 Baltimore_CyberTrust_Root.crt=1261 Starfield_Services_Root_Certificate_Authority_-_G2.crt=1424\nf 644 /etc/ssl/certs ca-certificates.crt=219342' },
  { n: 'tzdata', v: '2025a-r0', i: 1511424, s: 443352, t: 'Timezone data', u: 'https://www.iana.org/time-zones', l: 'Public-Domain', f: 'x /usr/bin zdump=17936 zic=47248\nf 644 /usr/share/zoneinfo/Europe London=1599 Paris=1105 Berlin=705 Lisbon=1463\nf 644 /usr/share/zoneinfo/America New_York=1744 Sao_Paulo=484 Los_Angeles=1294\nf 644 /usr/share/zoneinfo/Asia Tokyo=213 Kolkata=220\nf 644 /usr/share/zoneinfo/Etc UTC=111\nf 644 /usr/share/zoneinfo tzdata.zi=109390 zone1970.tab=17597 leap-seconds.list=4950' },
  // node.js
  { n: 'nodejs', v: '22.13.1-r0', i: 47583232, s: 12871388, d: 'ca-certificates ada-libs brotli-libs c-ares icu-libs libgcc libstdc++ nghttp2-libs simdjson simdutf', t: 'JavaScript runtime built on V8 engine - LTS version', u: 'https://nodejs.org/', l: 'MIT', m: 'Jakub Jirutka <jakub@jirutka.cz>', f: 'x /usr/bin node=46823336\nf 644 /usr/share/doc/nodejs README.md=40352' },
  { n: 'npm', v: '10.9.1-r0', i: 9736192, s: 2123568, r: 'community', d: 'nodejs', t: 'The package manager for JavaScript', u: 'https://npmjs.com', l: 'Artistic-2.0', m: 'Jakub Jirutka <jakub@jirutka.cz>', f: 'l /usr/bin npm>../lib/node_modules/npm/bin/npm-cli.js npx>../lib/node_modules/npm/bin/npx-cli.js\nx /usr/lib/node_modules/npm/bin npm-cli.js=54 npx-cli.js=2922\nf 644 /usr/lib/node_modules/npm package.json=7386 README.md=4810\nf 644 /usr/lib/node_modules/npm/lib npm.js=13875 cli.js=407\nf 644 /usr/lib/node_modules/npm/node_modules/@npmcli/arborist/lib shrinkwrap.js=37488 node.js=42510' },
  { n: 'ada-libs', v: '2.9.2-r1', i: 356352, s: 128104, o: 'ada', d: 'libstdc++', t: 'WHATWG-compliant and fast URL parser written in modern C++ (libraries)', u: 'https://github.com/ada-url/ada', l: 'Apache-2.0 OR MIT', f: `x ${LIB} libada.so.2.9.2=346640\nl ${LIB} libada.so.2>libada.so.2.9.2` },
  { n: 'icu-data-en', v: '74.2-r0', i: 2785280, s: 739584, o: 'icu', sc: 'post-install', out: '*\n* If you need ICU with non-English locales and legacy charset support, install\n* package icu-data-full.\n*\n', t: 'Stripped down ICU data with only en_US/GB locale and no legacy charsets.', u: 'https://icu.unicode.org/', l: 'MIT AND ICU AND Unicode-TOU', f: 'f 644 /usr/share/icu/74.2 icudt74l.dat=2776384' },
  { n: 'icu-libs', v: '74.2-r0', i: 5799936, s: 741956, o: 'icu', d: 'icu-data-en libstdc++', t: 'International Components for Unicode library (libraries)', u: 'https://icu.unicode.org/', l: 'MIT AND ICU AND Unicode-TOU', f: `x ${LIB} libicuuc.so.74.2=2027472 libicui18n.so.74.2=3400000 libicudata.so.74.2=14048\nl ${LIB} libicuuc.so.74>libicuuc.so.74.2 libicui18n.so.74>libicui18n.so.74.2` },
  { n: 'simdjson', v: '3.10.1-r0', i: 225280, s: 88832, d: 'libstdc++', t: 'Parsing gigabytes of JSON per second', u: 'https://simdjson.org', l: 'Apache-2.0', f: `x ${LIB} libsimdjson.so.24.0.0=216072\nl ${LIB} libsimdjson.so.24>libsimdjson.so.24.0.0` },
  { n: 'simdutf', v: '5.6.3-r0', i: 413696, s: 128476, d: 'libstdc++', t: 'Unicode validation and transcoding at billions of characters per second', u: 'https://simdutf.github.io/simdutf/', l: 'Apache-2.0 OR MIT', f: `x ${LIB} libsimdutf.so.19.0.0=403208\nl ${LIB} libsimdutf.so.19>libsimdutf.so.19.0.0` },
  // GNU wget (busybox has a wget applet), make
  { n: 'wget', v: '1.25.0-r0', i: 487424, s: 173740, d: 'libidn2 libunistring pcre2', t: 'Network utility to retrieve files from the Web', u: 'https://www.gnu.org/software/wget/wget.html', l: 'GPL-3.0-or-later WITH OpenSSL-Exception', f: 'x /usr/bin wget=477256\nf 644 /etc wgetrc=4942' },
  { n: 'make', v: '4.4.1-r2', i: 270336, s: 165576, t: 'GNU make utility to maintain groups of programs', u: 'https://www.gnu.org/software/make', l: 'GPL-3.0-or-later', f: 'x /usr/bin make=262552' },
];

/** A (made-up but stable) index description per repository: `apk update` prints it. */
export const APK_REPOSITORIES = {
  main: { description: 'v3.21.3-72-g6f9e3f4e4a3', packages: 5532, indexSize: 1_456_102 },
  community: { description: 'v3.21.3-71-g0bc8ec2a5e1', packages: 19863, indexSize: 2_153_474 },
} as const;

/** Built 2025-02-13 (the files' mtime). */
const BUILT = 1739404800;

let memo: PackageIndex | null = null;

/** Alpine 3.21's archive (also what the 3.19/3.20 images install from here). */
export function alpineIndex(): PackageIndex {
  if (memo) return memo;
  const packages = new Map(ROWS.map((r) => [r.n, packageFrom(r, 'apk', { repo: 'main', maintainer: M, arch: 'x86_64', built: BUILT })] as const));
  memo = {
    family: 'apk',
    release: '3.21',
    packages,
    // What the minirootfs installs (its /lib/apk/db/installed).
    baseSystem: new Set(['alpine-baselayout', 'alpine-baselayout-data', 'alpine-keys', 'alpine-release', 'apk-tools', 'busybox', 'busybox-binsh', 'ca-certificates-bundle', 'libcrypto3', 'libssl3', 'musl', 'musl-utils', 'scanelf', 'ssl_client', 'zlib']),
    built: BUILT,
  };
  return memo;
}
