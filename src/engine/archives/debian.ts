/**
 * The Debian 12.9 "bookworm", Ubuntu 24.04 "noble" and 22.04 "jammy" archives (amd64), as of
 * February 2025: the packages `apt-get install` can install here. One template per package
 * (dependencies named as in bookworm, files, Installed-Size in KiB, .deb size in bytes) with a
 * version per release — `VERSION@suite/component` when it does not come from `<release>/main`;
 * a release without a version does not have the package. Ubuntu 24.04 renamed libraries for
 * the 64-bit time_t transition (libcurl4 → libcurl4t64…): `RENAMES` maps names per release.
 * Dependencies on the real base system (libc6, zlib1g, libgnutls30…) are left out: every base
 * image has them.
 */
import { packageFrom, type CatalogPackage, type PackageIndex, type PackageRow } from '../catalog/packages.ts';

export type DebRelease = 'bookworm' | 'noble' | 'jammy';

type Override = Partial<Pick<PackageRow, 'n' | 'd' | 'rec' | 'f' | 'i' | 's' | 'out'>> & { readonly v: string };

interface Template {
  readonly n: string;
  readonly t: string;
  /** Section. */
  readonly sec: string;
  readonly d?: string;
  readonly rec?: string;
  readonly f: string;
  readonly i: number;
  readonly s: number;
  readonly all?: boolean;
  readonly p?: string;
  readonly out?: string;
  readonly m?: string;
  readonly rel: Partial<Record<DebRelease, string | Override>>;
}

const X = '/usr/lib/x86_64-linux-gnu';
const lib = (so: string, size: number, link?: string, dir = X) => `x ${dir} ${so}=${size}${link ? `\nl ${dir} ${link}>${so}` : ''}`;
/** The same version in every release listed. */
const ALL3 = (b: string, n: string, j: string) => ({ bookworm: b, noble: n, jammy: j });
const KRB = ALL3('1.20.1-2+deb12u2', '1.20.1-6ubuntu2.2@noble-updates/main', '1.19.2-2ubuntu0.4@jammy-updates/main');
const SASL = ALL3('2.1.28+dfsg-10', '2.1.28+dfsg1-5ubuntu3.1@noble-updates/main', '2.1.27+dfsg2-3ubuntu1.2@jammy-updates/main');
const CURL = ALL3('7.88.1-10+deb12u8', '8.5.0-2ubuntu10.6@noble-updates/main', '7.81.0-1ubuntu1.20@jammy-updates/main');
const LDAP_COMMON = { bookworm: '2.5.13+dfsg-5', noble: '2.6.7+dfsg-1~exp1ubuntu8.1@noble-updates/main', jammy: '2.5.18+dfsg-0ubuntu0.22.04.3@jammy-updates/main' };
const OPENSSL = ALL3('3.0.15-1~deb12u1', '3.0.13-0ubuntu3.4@noble-updates/main', '3.0.2-0ubuntu1.18@jammy-updates/main');
const PROCPS = { bookworm: '2:4.0.2-3' };
const PY311 = { bookworm: '3.11.2-6+deb12u5' };
const PY312 = { noble: '3.12.3-1ubuntu0.4@noble-updates/main' };
const PY310 = { jammy: '3.10.12-1~22.04.9@jammy-updates/main' };
const PY3 = { bookworm: '3.11.2-1+b1', noble: '3.12.3-0ubuntu2', jammy: '3.10.6-1~22.04.1@jammy-updates/main' };
const GIT = ALL3('1:2.39.5-0+deb12u2', '1:2.43.0-1ubuntu7.2@noble-updates/main', '1:2.34.1-1ubuntu1.12@jammy-updates/main');
const VIM = ALL3('2:9.0.1378-2', '2:9.1.0016-1ubuntu7.6@noble-updates/main', '2:8.2.3995-1ubuntu2.21@jammy-updates/main');
const NL = ALL3('3.7.0-0.2+b1', '3.7.0-0.3build1.1@noble-updates/main', '3.5.0-0.1');
const JQ = ALL3('1.6-2.1', '1.7.1-3build1', '1.6-2.1ubuntu3');
const FILE = ALL3('1:5.44-3', '1:5.45-3build1', '1:5.41-3ubuntu0.1@jammy-updates/main');
const PERL = { bookworm: '5.36.0-7+deb12u1', noble: '5.38.2-3.2build2.1@noble-updates/main', jammy: '5.34.0-3ubuntu1.3@jammy-updates/main' };

/** Python's packages for one minor version (python3.11 / 3.12 / 3.10), as Debian splits them. */
function python(minor: string, rel: Partial<Record<DebRelease, string>>): Template[] {
  const py = `python${minor}`;
  const lp = `/usr/lib/python${minor}`;
  const abi = `cpython-${minor.replace('.', '')}`;
  return [
    { n: `${py}-minimal`, t: `Minimal subset of the Python language (version ${minor})`, sec: 'python', d: `lib${py}-minimal libexpat1`, i: 6846, s: 2064568, rel, f: `x /usr/bin ${py}=6831736` },
    { n: `lib${py}-minimal`, t: `Minimal subset of the Python language (version ${minor})`, sec: 'python', i: 5031, s: 817680, rel, f: `f 644 ${lp} os.py=39504 re/__init__.py=17327 typing.py=118372 subprocess.py=88416 collections/__init__.py=52378 io.py=3541 site.py=23204 encodings/utf_8.py=1005\nf 644 ${lp}/__pycache__ os.${abi}.pyc=43452` },
    { n: py, t: `Interactive high-level object-oriented language (version ${minor})`, sec: 'python', d: `${py}-minimal lib${py}-stdlib media-types`, i: 646, s: 573504, rel, f: `x /usr/bin pydoc${minor}=80 pygettext${minor}=24175` },
    { n: `lib${py}-stdlib`, t: `Interactive high-level object-oriented language (standard library, version ${minor})`, sec: 'python', d: `lib${py}-minimal libncursesw6 libnsl2 libreadline8 libsqlite3-0 media-types`, i: 8829, s: 1798208, rel, f: `f 644 ${lp} argparse.py=98543 json/__init__.py=14020 pathlib.py=49534 asyncio/base_events.py=78012 email/message.py=47060 http/client.py=57765 unittest/case.py=57599\nf 644 ${lp}/pydoc_data topics.py=740420\nx ${lp}/lib-dynload _ssl.${abi}-x86_64-linux-gnu.so=199256 _sqlite3.${abi}-x86_64-linux-gnu.so=136936 _ctypes.${abi}-x86_64-linux-gnu.so=150384 _decimal.${abi}-x86_64-linux-gnu.so=235008` },
  ];
}

const T: readonly Template[] = [
  // curl, libcurl4 and what it links (`apt-get install curl`)
  { n: 'curl', t: 'command line tool for transferring data with URL syntax', sec: 'web', d: 'libcurl4', i: 500, s: 315048, rel: CURL, f: 'x /usr/bin curl=280384' },
  { n: 'libcurl4', t: 'easy-to-use client-side URL transfer library (OpenSSL flavour)', sec: 'libs', d: 'libbrotli1 libgssapi-krb5-2 libldap-2.5-0 libnghttp2-14 libpsl5 librtmp1 libssh2-1 libssl3', rec: 'ca-certificates', i: 1019, s: 390368, rel: CURL, f: lib('libcurl.so.4.8.0', 710896, 'libcurl.so.4') },
  { n: 'libcurl3-gnutls', t: 'easy-to-use client-side URL transfer library (GnuTLS flavour)', sec: 'libs', d: 'libbrotli1 libgssapi-krb5-2 libldap-2.5-0 libnghttp2-14 libpsl5 librtmp1 libssh2-1', rec: 'ca-certificates', i: 969, s: 384932, rel: CURL, f: lib('libcurl-gnutls.so.4.8.0', 690416, 'libcurl-gnutls.so.4') },
  { n: 'libbrotli1', t: 'library implementing brotli encoder and decoder (shared libraries)', sec: 'libs', i: 790, s: 275592, rel: ALL3('1.0.9-2+b6', '1.1.0-2build2', '1.0.9-2build6'), f: `${lib('libbrotlicommon.so.1.0.9', 137312, 'libbrotlicommon.so.1')}\n${lib('libbrotlidec.so.1.0.9', 51888, 'libbrotlidec.so.1')}\n${lib('libbrotlienc.so.1.0.9', 573944, 'libbrotlienc.so.1')}` },
  { n: 'libgssapi-krb5-2', t: 'MIT Kerberos runtime libraries - krb5 GSS-API Mechanism', sec: 'libs', d: 'libk5crypto3 libkrb5-3 libkrb5support0', i: 426, s: 135472, rel: KRB, f: lib('libgssapi_krb5.so.2.2', 339264, 'libgssapi_krb5.so.2') },
  { n: 'libkrb5-3', t: 'MIT Kerberos runtime libraries', sec: 'libs', d: 'libk5crypto3 libkeyutils1 libkrb5support0 libssl3', rec: 'krb5-locales', i: 1083, s: 334232, rel: KRB, f: lib('libkrb5.so.3.3', 882056, 'libkrb5.so.3') },
  { n: 'libk5crypto3', t: 'MIT Kerberos runtime libraries - Crypto Library', sec: 'libs', d: 'libkrb5support0', i: 292, s: 79760, rel: KRB, f: lib('libk5crypto.so.3.1', 203864, 'libk5crypto.so.3') },
  { n: 'libkrb5support0', t: 'MIT Kerberos runtime libraries - Support library', sec: 'libs', i: 133, s: 32984, rel: KRB, f: lib('libkrb5support.so.0.1', 51312, 'libkrb5support.so.0') },
  { n: 'krb5-locales', t: 'internationalization support for MIT Kerberos', sec: 'localization', all: true, p: 'standard', i: 101, s: 63312, rel: KRB, f: 'f 644 /usr/share/locale/de/LC_MESSAGES mit-krb5.mo=53080\nf 644 /usr/share/locale/en_US/LC_MESSAGES mit-krb5.mo=41044' },
  { n: 'libkeyutils1', t: 'Linux Key Management Utilities (library)', sec: 'misc', i: 40, s: 8808, rel: ALL3('1.6.3-2', '1.6.3-3build1', '1.6.1-2ubuntu3'), f: lib('libkeyutils.so.1.10', 22688, 'libkeyutils.so.1') },
  { n: 'libldap-2.5-0', t: 'OpenLDAP libraries', sec: 'libs', d: 'libsasl2-2', rec: 'libldap-common', i: 585, s: 183004, rel: { bookworm: LDAP_COMMON.bookworm, jammy: LDAP_COMMON.jammy }, f: `${lib('liblber-2.5.so.0.1.11', 59352, 'liblber-2.5.so.0')}\n${lib('libldap-2.5.so.0.1.11', 349224, 'libldap-2.5.so.0')}` },
  { n: 'libldap2', t: 'OpenLDAP libraries', sec: 'libs', d: 'libsasl2-2', rec: 'libldap-common', i: 573, s: 195400, rel: { noble: LDAP_COMMON.noble }, f: `${lib('liblber.so.2.0.200', 59320, 'liblber.so.2')}\n${lib('libldap.so.2.0.200', 362024, 'libldap.so.2')}` },
  { n: 'libldap-common', t: 'OpenLDAP common files for libraries', sec: 'libs', all: true, i: 141, s: 29268, rel: LDAP_COMMON, f: 'f 644 /etc/ldap ldap.conf=332\nf 644 /usr/share/man/man5 ldap.conf.5.gz=5280' },
  { n: 'libsasl2-2', t: 'Cyrus SASL - authentication abstraction library', sec: 'libs', d: 'libsasl2-modules-db', rec: 'libsasl2-modules', i: 170, s: 59724, rel: SASL, f: lib('libsasl2.so.2.0.25', 121288, 'libsasl2.so.2') },
  { n: 'libsasl2-modules-db', t: 'Cyrus SASL - pluggable authentication modules (DB)', sec: 'libs', i: 62, s: 20304, rel: SASL, f: lib('libsasldb.so.2.0.25', 26624, 'libsasldb.so.2', `${X}/sasl2`) },
  { n: 'libsasl2-modules', t: 'Cyrus SASL - pluggable authentication modules', sec: 'libs', d: 'libsasl2-modules-db libssl3', i: 346, s: 66600, rel: SASL, f: `x ${X}/sasl2 libanonymous.so.2.0.25=22672 libcrammd5.so.2.0.25=22680 libdigestmd5.so.2.0.25=51400 liblogin.so.2.0.25=22672 libntlm.so.2.0.25=39056 libplain.so.2.0.25=22672` },
  { n: 'libnghttp2-14', t: 'library implementing HTTP/2 protocol (shared library)', sec: 'libs', i: 200, s: 72976, rel: ALL3('1.52.0-1+deb12u2', '1.59.0-1ubuntu0.1@noble-updates/main', '1.43.0-1ubuntu0.2@jammy-updates/main'), f: lib('libnghttp2.so.14.24.1', 186624, 'libnghttp2.so.14') },
  { n: 'libpsl5', t: 'Library for Public Suffix List (shared libraries)', sec: 'libs', rec: 'publicsuffix', i: 93, s: 58712, rel: ALL3('0.21.2-1', '0.21.2-1.1build1', '0.21.0-1.2build2'), f: lib('libpsl.so.5.3.4', 67208, 'libpsl.so.5') },
  { n: 'publicsuffix', t: 'accurate, machine-readable list of domain name suffixes', sec: 'net', all: true, i: 323, s: 125932, rel: ALL3('20230209.2326-1', '20231001.0357-0.1', '20211207.1025-1'), f: 'f 644 /usr/share/publicsuffix public_suffix_list.dat=234740 public_suffix_list.dafsa=75836' },
  { n: 'librtmp1', t: 'toolkit for RTMP streams (shared library)', sec: 'libs', i: 140, s: 60808, rel: ALL3('2.4+20151223.gitfa8646d.1-2+b2', '2.4+20151223.gitfa8646d.1-2build7', '2.4+20151223.gitfa8646d.1-2build4'), f: lib('librtmp.so.1', 125576) },
  { n: 'libssh2-1', t: 'SSH2 client-side library', sec: 'libs', d: 'libssl3', i: 433, s: 179152, rel: { bookworm: '1.10.0-3+b1' }, f: lib('libssh2.so.1.0.1', 305968, 'libssh2.so.1') },
  { n: 'libssh-4', t: 'tiny C SSH library (OpenSSL flavor)', sec: 'libs', d: 'libssl3', i: 566, s: 189532, rel: { noble: '0.10.6-2build2', jammy: '0.9.6-2ubuntu0.22.04.3@jammy-updates/main' }, f: lib('libssh.so.4.9.6', 470848, 'libssh.so.4') },
  // TLS and certificates
  { n: 'libssl3', t: 'Secure Sockets Layer toolkit - shared libraries', sec: 'libs', i: 6332, s: 2025192, rel: { bookworm: OPENSSL.bookworm }, f: `${lib('libssl.so.3', 695584)}\n${lib('libcrypto.so.3', 4709200)}\nx ${X}/engines-3 afalg.so=22744 loader_attic.so=60064 padlock.so=18416\nx ${X}/ossl-modules legacy.so=150024` },
  { n: 'openssl', t: 'Secure Sockets Layer toolkit - cryptographic utility', sec: 'utils', d: 'libssl3', i: 2300, s: 1427144, rel: OPENSSL, f: 'x /usr/bin openssl=1008784 c_rehash=7023\nf 644 /etc/ssl openssl.cnf=12332\nd 700 /etc/ssl/private\nl /usr/lib/ssl openssl.cnf>/etc/ssl/openssl.cnf certs>/etc/ssl/certs private>/etc/ssl/private' },
  {
    n: 'ca-certificates', t: 'Common CA certificates', sec: 'misc', all: true, d: 'openssl', i: 382, s: 153392, p: 'standard',
    out: 'Updating certificates in /etc/ssl/certs...\n140 added, 0 removed; done.\n',
    rel: { bookworm: '20230311', noble: { v: '20240203', out: 'Updating certificates in /etc/ssl/certs...\n146 added, 0 removed; done.\n' }, jammy: { v: '20240203~22.04.1@jammy-updates/main', out: 'Updating certificates in /etc/ssl/certs...\n146 added, 0 removed; done.\n' } },
    f: 'x /usr/sbin update-ca-certificates=6286\nf 644 /usr/share/ca-certificates/mozilla ISRG_Root_X1.crt=1939 ISRG_Root_X2.crt=790 DigiCert_Global_Root_G2.crt=1318 DigiCert_Global_Root_CA.crt=1338 GlobalSign_Root_CA.crt=1261 Amazon_Root_CA_1.crt=1188 USERTrust_RSA_Certification_Authority.crt=2094 GTS_Root_R1.crt=1915\nf 644 /etc ca-certificates.conf=6234\nf 644 /etc/ssl/certs ca-certificates.crt=219342',
  },
  { n: 'wget', t: 'retrieves files from the web', sec: 'web', d: 'libpsl5 libssl3', rec: 'ca-certificates', i: 3619, s: 984296, rel: ALL3('1.21.3-1+b2', '1.21.4-1ubuntu4.1@noble-updates/main', '1.21.2-2ubuntu1.1@jammy-updates/main'), f: 'x /usr/bin wget=541080\nf 644 /etc wgetrc=4942\nf 644 /usr/share/locale/pt_BR/LC_MESSAGES wget.mo=152512\nf 644 /usr/share/locale/de/LC_MESSAGES wget.mo=160350\nf 644 /usr/share/man/man1 wget.1.gz=16380\nf 644 /usr/share/info wget.info.gz=89300' },
  // procps (debian images famously lack `ps`)
  { n: 'procps', t: '/proc file system utilities', sec: 'admin', p: 'important', d: 'libproc2-0 libncursesw6', rec: 'psmisc', i: 2389, s: 709112, rel: PROCPS, f: 'x /usr/bin ps=137688 top=133008 free=27008 kill=30952 pgrep=30992 pmap=35376 pwdx=14728 slabtop=23008 tload=22920 uptime=14720 vmstat=39440 w=23160 watch=27104\nl /usr/bin pkill>pgrep pidwait>pgrep\nx /usr/sbin sysctl=31136\nf 644 /etc sysctl.conf=2355' },
  { n: 'libproc2-0', t: 'library for accessing process information from /proc', sec: 'libs', i: 217, s: 62024, rel: PROCPS, f: lib('libproc2.so.0.0.1', 154560, 'libproc2.so.0') },
  { n: 'libncursesw6', t: 'shared libraries for terminal handling (wide character support)', sec: 'libs', rec: 'libgpm2', i: 412, s: 134432, rel: { bookworm: '6.4-4' }, f: `${lib('libncursesw.so.6.4', 313032, 'libncursesw.so.6')}\n${lib('libpanelw.so.6.4', 14624, 'libpanelw.so.6')}` },
  { n: 'libgpm2', t: 'General Purpose Mouse - shared library', sec: 'libs', i: 65, s: 14384, rel: ALL3('1.20.7-10+b1', '1.20.7-11', '1.20.7-10build1'), f: lib('libgpm.so.2', 27008) },
  { n: 'psmisc', t: 'utilities that use the proc file system', sec: 'admin', i: 823, s: 259028, rel: ALL3('23.6-1', '23.7-1build1', '23.4-2build3'), f: 'x /usr/bin fuser=40872 killall=31560 peekfd=14624 prtstat=18856 pstree=35640\nl /usr/bin pstree.x11>pstree' },
  // python3
  { n: 'python3', t: 'interactive high-level object-oriented language (default python3 version)', sec: 'python', d: 'python3-minimal python3.11 libpython3-stdlib', i: 83, s: 26288, rel: { bookworm: PY3.bookworm, noble: { v: PY3.noble, d: 'python3-minimal python3.12 libpython3-stdlib' }, jammy: { v: PY3.jammy, d: 'python3-minimal python3.10 libpython3-stdlib' } }, f: 'l /usr/bin pydoc3>pydoc3.11 pygettext3>pygettext3.11\nf 644 /usr/share/python3 debian_defaults=241' },
  { n: 'python3-minimal', t: 'minimal subset of the Python language (default python3 version)', sec: 'python', d: 'python3.11-minimal', i: 136, s: 26312, rel: { bookworm: PY3.bookworm, noble: { v: PY3.noble, d: 'python3.12-minimal', f: 'l /usr/bin python3>python3.12' }, jammy: { v: PY3.jammy, d: 'python3.10-minimal', f: 'l /usr/bin python3>python3.10' } }, f: 'l /usr/bin python3>python3.11' },
  { n: 'libpython3-stdlib', t: 'interactive high-level object-oriented language (default python3 version)', sec: 'python', d: 'libpython3.11-stdlib', i: 36, s: 9684, rel: { bookworm: PY3.bookworm, noble: { v: PY3.noble, d: 'libpython3.12-stdlib' }, jammy: { v: PY3.jammy, d: 'libpython3.10-stdlib' } }, f: 'f 644 /usr/share/doc/libpython3-stdlib copyright=869' },
  ...python('3.11', PY311),
  ...python('3.12', PY312),
  ...python('3.10', PY310),
  { n: 'libexpat1', t: 'XML parsing C library - runtime library', sec: 'libs', i: 392, s: 99972, rel: ALL3('2.5.0-1+deb12u1', '2.6.1-2ubuntu0.2@noble-updates/main', '2.4.7-1ubuntu0.5@jammy-updates/main'), f: lib('libexpat.so.1.8.10', 202936, 'libexpat.so.1') },
  { n: 'libreadline8', t: 'GNU readline and history libraries, run-time libraries', sec: 'libs', d: 'readline-common', i: 476, s: 163200, rel: ALL3('8.2-1.3', '8.2-4build1', '8.1.2-1'), f: `${lib('libreadline.so.8.2', 338416, 'libreadline.so.8')}\n${lib('libhistory.so.8.2', 51984, 'libhistory.so.8')}` },
  { n: 'readline-common', t: 'GNU readline and history libraries, common files', sec: 'utils', all: true, i: 90, s: 69328, rel: ALL3('8.2-1.3', '8.2-4build1', '8.1.2-1'), f: 'f 644 /etc inputrc=1733' },
  { n: 'libsqlite3-0', t: 'SQLite 3 shared library', sec: 'libs', i: 1763, s: 835468, rel: ALL3('3.40.1-2+deb12u1', '3.45.1-1ubuntu2.1@noble-updates/main', '3.37.2-2ubuntu0.3@jammy-updates/main'), f: lib('libsqlite3.so.0.8.6', 1550064, 'libsqlite3.so.0') },
  { n: 'libnsl2', t: 'Public client interface for NIS(YP) and NIS+', sec: 'libs', d: 'libtirpc3', i: 127, s: 39216, rel: ALL3('1.3.0-2', '1.3.0-3build3', '1.3.0-2build2'), f: lib('libnsl.so.2.0.1', 84648, 'libnsl.so.2') },
  { n: 'libtirpc3', t: 'transport-independent RPC library', sec: 'libs', d: 'libgssapi-krb5-2 libtirpc-common', i: 218, s: 85252, rel: ALL3('1.3.3+ds-1', '1.3.4+ds-1.1build1', '1.3.2-2ubuntu0.1@jammy-updates/main'), f: lib('libtirpc.so.3.0.0', 174568, 'libtirpc.so.3') },
  { n: 'libtirpc-common', t: 'transport-independent RPC library - common files', sec: 'libs', all: true, i: 35, s: 10976, rel: ALL3('1.3.3+ds-1', '1.3.4+ds-1.1build1', '1.3.2-2ubuntu0.1@jammy-updates/main'), f: 'f 644 /etc netconfig=767' },
  { n: 'media-types', t: 'List of standard media types and their usual file extension', sec: 'net', all: true, i: 96, s: 26504, rel: ALL3('10.0.0', '10.1.0', '7.0.0'), f: 'f 644 /etc mime.types=69302' },
  // git (with perl and its recommends)
  { n: 'git', t: 'fast, scalable, distributed revision control system', sec: 'vcs', d: 'libcurl3-gnutls liberror-perl libexpat1 perl git-man', rec: 'ca-certificates less patch openssh-client', i: 38453, s: 7260244, rel: GIT, f: 'x /usr/bin git=3918728 git-shell=1001352\nl /usr/bin git-receive-pack>git git-upload-archive>git git-upload-pack>git\nx /usr/lib/git-core git-remote-http=1160808 git-sh-setup=8935 git-daemon=1044264 git-http-backend=1010600\nl /usr/lib/git-core git>../../bin/git git-remote-https>git-remote-http\nf 644 /usr/share/git-core/templates description=73\nf 644 /usr/share/git-core/templates/info exclude=240' },
  { n: 'git-man', t: 'fast, scalable, distributed revision control system (manual pages)', sec: 'doc', all: true, i: 2099, s: 2049360, rel: GIT, f: 'f 644 /usr/share/man/man1 git.1.gz=23402 git-commit.1.gz=15080 git-rebase.1.gz=26110 git-log.1.gz=31030\nf 644 /usr/share/man/man7 gitglossary.7.gz=8622' },
  { n: 'liberror-perl', t: 'Perl module for error/exception handling in an OO-ish way', sec: 'perl', all: true, d: 'perl', i: 40, s: 29036, rel: ALL3('0.17029-2', '0.17029-2', '0.17029-1'), f: 'f 644 /usr/share/perl5 Error.pm=24012' },
  { n: 'perl', t: 'Larry Wall\'s Practical Extraction and Report Language', sec: 'perl', p: 'standard', d: 'perl-modules-5.36 libperl5.36', i: 698, s: 239236, rel: { bookworm: PERL.bookworm, noble: { v: PERL.noble, d: 'perl-modules-5.38 libperl5.38t64' }, jammy: { v: PERL.jammy, d: 'perl-modules-5.34 libperl5.34' } }, f: 'x /usr/bin cpan=10246 perldoc=4018 perlivp=10848 prove=13167 h2xs=60934 ptar=3538' },
  ...(['5.36', '5.38', '5.34'] as const).flatMap((v, k): Template[] => {
    const r = (['bookworm', 'noble', 'jammy'] as const)[k];
    const rel: Template['rel'] = { [r]: PERL[r] };
    return [
      { n: `perl-modules-${v}`, t: `Core Perl modules`, sec: 'perl', all: true, i: 17811, s: 2815092, rel, f: `f 644 /usr/share/perl/${v} CPAN.pm=146920 Pod/Man.pm=57940 Term/ReadLine.pm=11660 Test/More.pm=60880 Getopt/Long.pm=53790 File/Temp.pm=53810` },
      { n: v === '5.38' ? `libperl${v}t64` : `libperl${v}`, t: 'shared Perl library', sec: 'libs', d: `perl-modules-${v} libgdbm6 libgdbm-compat4`, i: 28170, s: 4207216, rel, f: lib(`libperl.so.${v}.0`, 3825456, `libperl.so.${v}`) },
    ];
  }),
  { n: 'libgdbm6', t: 'GNU dbm database routines (runtime version)', sec: 'libs', i: 130, s: 72316, rel: ALL3('1.23-3', '1.23-5.1build1', '1.23-1'), f: lib('libgdbm.so.6.0.0', 88248, 'libgdbm.so.6') },
  { n: 'libgdbm-compat4', t: 'GNU dbm database routines (legacy support runtime version)', sec: 'libs', d: 'libgdbm6', i: 46, s: 47512, rel: ALL3('1.23-3', '1.23-5.1build1', '1.23-1'), f: lib('libgdbm_compat.so.4.0.0', 18488, 'libgdbm_compat.so.4') },
  { n: 'less', t: 'pager program similar to more', sec: 'text', p: 'important', i: 617, s: 131936, rel: ALL3('590-2.1~deb12u2', '590-2ubuntu2.1@noble-updates/main', '590-1ubuntu0.22.04.3@jammy-updates/main'), f: 'x /usr/bin less=195632 lessecho=14744 lesskey=23224\nl /usr/bin lessfile>lesspipe pager>/etc/alternatives/pager\nx /usr/bin lesspipe=9017' },
  { n: 'patch', t: 'Apply a diff file to an original', sec: 'vcs', i: 273, s: 128320, rel: ALL3('2.7.6-7', '2.7.6-7build3', '2.7.6-7build2'), f: 'x /usr/bin patch=198680' },
  { n: 'openssh-client', t: 'secure shell (SSH) client, for secure access to remote machines', sec: 'net', p: 'standard', d: 'libcbor0.8 libedit2 libfido2-1 libssl3', i: 4820, s: 991696, rel: { bookworm: '1:9.2p1-2+deb12u4', noble: { v: '1:9.6p1-3ubuntu13.5@noble-updates/main', d: 'libcbor0.10 libedit2 libfido2-1 libssl3' }, jammy: '1:8.9p1-3ubuntu0.10@jammy-updates/main' }, f: 'x /usr/bin ssh=1039448 scp=125416 sftp=145720 ssh-add=150392 ssh-agent=293632 ssh-keygen=498424 ssh-keyscan=183416\nf 644 /etc/ssh ssh_config=1650' },
  { n: 'libcbor0.8', t: 'library for parsing and generating CBOR (RFC 7049)', sec: 'libs', i: 92, s: 27256, rel: { bookworm: '0.8.0-2+b1', jammy: '0.8.0-2ubuntu1' }, f: lib('libcbor.so.0.8.0', 63536, 'libcbor.so.0.8') },
  { n: 'libcbor0.10', t: 'library for parsing and generating CBOR (RFC 7049)', sec: 'libs', i: 96, s: 26748, rel: { noble: '0.10.2-1.2ubuntu2' }, f: lib('libcbor.so.0.10.2', 63584, 'libcbor.so.0.10') },
  { n: 'libedit2', t: 'BSD editline and history libraries', sec: 'libs', d: 'libbsd0', i: 240, s: 88408, rel: ALL3('3.1-20221030-2', '3.1-20230828-1build1', '3.1-20210910-1build1'), f: lib('libedit.so.2.0.70', 239920, 'libedit.so.2') },
  { n: 'libfido2-1', t: 'library for generating and verifying FIDO 2.0 objects', sec: 'libs', d: 'libcbor0.8', i: 233, s: 77064, rel: { bookworm: '1.12.0-2+b1', noble: { v: '1.14.0-1build3', d: 'libcbor0.10' }, jammy: '1.10.0-1' }, f: lib('libfido2.so.1.12.0', 212168, 'libfido2.so.1') },
  { n: 'libbsd0', t: 'utility functions from BSD systems - shared library', sec: 'libs', i: 165, s: 117012, rel: ALL3('0.11.7-2', '0.12.1-1build1', '0.11.5-1'), f: lib('libbsd.so.0.11.7', 84536, 'libbsd.so.0') },
  // editors and console tools
  { n: 'vim', t: 'Vi IMproved - enhanced vi editor', sec: 'editors', d: 'vim-common vim-runtime libgpm2 libsodium23', i: 3970, s: 1567564, rel: VIM, f: 'x /usr/bin vim.basic=3920040\nl /usr/bin vim>/etc/alternatives/vim vi>/etc/alternatives/vi\nl /etc/alternatives vim>/usr/bin/vim.basic vi>/usr/bin/vim.basic' },
  { n: 'vim-common', t: 'Vi IMproved - Common files', sec: 'editors', all: true, d: 'xxd', i: 392, s: 124616, rel: { bookworm: VIM.bookworm, noble: VIM.noble, jammy: { v: VIM.jammy, d: '', f: 'x /usr/bin xxd=18712\nf 644 /etc/vim vimrc=2259' } }, f: 'f 644 /etc/vim vimrc=2259\nf 644 /usr/share/vim vimrc=662' },
  { n: 'vim-runtime', t: 'Vi IMproved - Runtime files', sec: 'editors', all: true, i: 36364, s: 7104944, rel: VIM, f: 'f 644 /usr/share/vim/vim90 defaults.vim=4932 filetype.vim=72410 optwin.vim=61840 menu.vim=42650\nf 644 /usr/share/vim/vim90/doc options.txt=386508 eval.txt=201564 help.txt=9802 tags=303872\nf 644 /usr/share/vim/vim90/syntax vim.vim=227306 c.vim=21460 sh.vim=49880 python.vim=11842' },
  { n: 'xxd', t: 'tool to make (or reverse) a hex dump', sec: 'editors', i: 109, s: 84228, rel: { bookworm: VIM.bookworm, noble: VIM.noble }, f: 'x /usr/bin xxd=18712' },
  { n: 'libsodium23', t: 'Network communication, cryptography and signaturing library', sec: 'libs', i: 363, s: 161280, rel: ALL3('1.0.18-1', '1.0.18-1build3', '1.0.18-1build2'), f: lib('libsodium.so.23.3.0', 355048, 'libsodium.so.23') },
  { n: 'nano', t: 'small, friendly text editor inspired by Pico', sec: 'editors', p: 'important', d: 'libncursesw6', i: 2780, s: 689924, rel: ALL3('7.2-1+deb12u1', '7.2-2ubuntu0.1@noble-updates/main', '6.2-1ubuntu0.1@jammy-updates/main'), f: 'x /usr/bin nano=283144\nl /usr/bin rnano>nano\nf 644 /etc nanorc=10520\nf 644 /usr/share/nano sh.nanorc=1431 python.nanorc=1312 json.nanorc=596\nf 644 /usr/share/locale/pt_BR/LC_MESSAGES nano.mo=84600\nf 644 /usr/share/man/man1 nano.1.gz=6920' },
  { n: 'htop', t: 'interactive processes viewer', sec: 'utils', d: 'libncursesw6 libnl-3-200 libnl-genl-3-200', i: 391, s: 152192, rel: ALL3('3.2.2-2', '3.3.0-4build1', '3.0.5-7build2'), f: 'x /usr/bin htop=330760' },
  { n: 'libnl-3-200', t: 'library for dealing with netlink sockets', sec: 'libs', i: 196, s: 63052, rel: NL, f: lib('libnl-3.so.200.26.0', 131936, 'libnl-3.so.200') },
  { n: 'libnl-genl-3-200', t: 'library for dealing with netlink sockets - generic netlink', sec: 'libs', d: 'libnl-3-200', i: 56, s: 21140, rel: NL, f: lib('libnl-genl-3.so.200.26.0', 22600, 'libnl-genl-3.so.200') },
  { n: 'jq', t: 'lightweight and flexible command-line JSON processor', sec: 'utils', d: 'libjq1', i: 102, s: 64036, rel: JQ, f: 'x /usr/bin jq=31200' },
  { n: 'libjq1', t: 'lightweight and flexible command-line JSON processor - shared library', sec: 'libs', d: 'libonig5', i: 353, s: 135120, rel: JQ, f: lib('libjq.so.1.0.4', 330048, 'libjq.so.1') },
  { n: 'libonig5', t: 'regular expressions library', sec: 'libs', i: 598, s: 188124, rel: ALL3('6.9.8-1', '6.9.9-1build1', '6.9.7.1-2build1'), f: lib('libonig.so.5.3.0', 577408, 'libonig.so.5') },
  { n: 'file', t: 'Recognize the type of data in a file using "magic" numbers', sec: 'utils', p: 'standard', d: 'libmagic1', i: 78, s: 42384, rel: FILE, f: 'x /usr/bin file=27136' },
  { n: 'libmagic1', t: 'Recognize the type of data in a file using "magic" numbers - library', sec: 'libs', d: 'libmagic-mgc', i: 221, s: 104972, rel: FILE, f: lib('libmagic.so.1.0.0', 166848, 'libmagic.so.1') },
  { n: 'libmagic-mgc', t: 'File type determination library using "magic" numbers (compiled magic file)', sec: 'libs', i: 7793, s: 305264, rel: FILE, f: 'f 644 /usr/lib/file magic.mgc=7967928' },
  // stress-ng (a lesson tool for cgroup limits)
  { n: 'stress-ng', t: 'tool to load and stress a computer', sec: 'devel', d: 'libaio1 libapparmor1 libbsd0 libjpeg62-turbo libjudydebian1 libkmod2 libsctp1', i: 6573, s: 2304952, rel: { bookworm: '0.15.06-1', noble: { v: '0.17.06-1build1@noble/universe', d: 'libaio1 libapparmor1 libbsd0 libjpeg8 libjudydebian1 libkmod2 libsctp1' }, jammy: { v: '0.13.12-2ubuntu1@jammy/universe', d: 'libaio1 libapparmor1 libbsd0 libjpeg8 libjudydebian1 libkmod2 libsctp1' } }, f: 'x /usr/bin stress-ng=6591944' },
  { n: 'libaio1', t: 'Linux kernel AIO access library - shared library', sec: 'libs', i: 35, s: 13380, rel: ALL3('0.3.113-4', '0.3.113-6build1', '0.3.112-13build1'), f: lib('libaio.so.1.0.2', 14272, 'libaio.so.1') },
  { n: 'libapparmor1', t: 'changehat AppArmor library', sec: 'libs', i: 154, s: 40576, rel: ALL3('3.0.8-3', '4.0.1really4.0.1-0ubuntu0.24.04.3@noble-updates/main', '3.0.4-2ubuntu2.4@jammy-updates/main'), f: lib('libapparmor.so.1.8.3', 80112, 'libapparmor.so.1') },
  { n: 'libjpeg62-turbo', t: 'libjpeg-turbo JPEG runtime library', sec: 'libs', i: 567, s: 165960, rel: { bookworm: '1:2.1.5-2' }, f: lib('libjpeg.so.62.3.0', 546032, 'libjpeg.so.62') },
  { n: 'libjpeg8', t: 'Independent JPEG Group\'s JPEG runtime library (dependency package)', sec: 'graphics', d: 'libjpeg-turbo8', i: 16, s: 2152, rel: { noble: '8c-2ubuntu11', jammy: '8c-2ubuntu10' }, f: 'f 644 /usr/share/doc/libjpeg8 copyright=1212' },
  { n: 'libjpeg-turbo8', t: 'IJG JPEG compliant runtime library.', sec: 'libs', i: 582, s: 150352, rel: { noble: '2.1.5-2ubuntu2', jammy: '2.1.2-0ubuntu1' }, f: lib('libjpeg.so.8.2.2', 555904, 'libjpeg.so.8') },
  { n: 'libjudydebian1', t: 'C library for creating and accessing dynamic arrays', sec: 'libs', i: 255, s: 105880, rel: ALL3('1.0.5-5+b2', '1.0.5-5.1build1', '1.0.5-5'), f: lib('libJudy.so.1.0.3', 239080, 'libJudy.so.1') },
  { n: 'libkmod2', t: 'libkmod shared library', sec: 'libs', i: 158, s: 57048, rel: ALL3('30+20221128-1', '31+20240202-2ubuntu7', '29-1ubuntu1'), f: lib('libkmod.so.2.4.0', 104008, 'libkmod.so.2') },
  { n: 'libsctp1', t: 'user-space access to Linux kernel SCTP - shared library', sec: 'libs', i: 47, s: 29460, rel: ALL3('1.0.19+dfsg-2', '1.0.19+dfsg-2build1', '1.0.19+dfsg-1build1'), f: lib('libsctp.so.1.0.19', 18424, 'libsctp.so.1') },
  // network tools
  { n: 'iputils-ping', t: 'Tools to test the reachability of network hosts', sec: 'net', p: 'important', rec: 'libcap2-bin', i: 118, s: 47276, rel: ALL3('3:20221126-1', '3:20240117-1build1', '3:20211215-1'), f: 'x /usr/bin ping=90568\nl /usr/bin ping4>ping ping6>ping' },
  { n: 'libcap2-bin', t: 'POSIX 1003.1e capabilities (utilities)', sec: 'utils', i: 121, s: 34780, rel: ALL3('1:2.66-4', '1:2.66-5ubuntu2.1@noble-updates/main', '1:2.44-1ubuntu0.22.04.1@jammy-updates/main'), f: 'x /usr/sbin capsh=30840 getcap=14464 getpcaps=14456 setcap=14464' },
  { n: 'net-tools', t: 'NET-3 networking toolkit', sec: 'net', i: 1014, s: 243592, rel: ALL3('2.10-0.1', '2.10-0.1ubuntu4', '1.60+git20181103.0eebece-1ubuntu5'), f: 'x /usr/bin netstat=151864\nx /usr/sbin ifconfig=72216 route=68744 arp=63640 ipmaddr=14408 iptunnel=22592 mii-tool=22592 nameif=14400 rarp=22512 slattach=35296' },
  // node.js (Debian's own packaging: small binary, big libnode and ICU)
  { n: 'nodejs', t: 'evented I/O for V8 javascript - runtime executable', sec: 'javascript', d: 'libnode108', rec: 'ca-certificates', i: 785, s: 320440, rel: { bookworm: '18.19.0+dfsg-6~deb12u2', noble: { v: '18.19.1+dfsg-6ubuntu5@noble/universe', d: 'libnode109' }, jammy: { v: '12.22.9~dfsg-1ubuntu3.6@jammy-updates/universe', d: 'libnode72' } }, f: 'x /usr/bin node=18552\nl /usr/bin nodejs>node' },
  { n: 'libnode108', t: 'evented I/O for V8 javascript - runtime library', sec: 'libs', d: 'libc-ares2 libuv1 libicu72 libbrotli1 libnghttp2-14 libssl3', i: 58937, s: 11075332, rel: { bookworm: '18.19.0+dfsg-6~deb12u2' }, f: lib('libnode.so.108', 58000000) },
  { n: 'libnode109', t: 'evented I/O for V8 javascript - runtime library', sec: 'libs', d: 'libc-ares2 libuv1 libicu74 libbrotli1 libnghttp2-14 libssl3', i: 59613, s: 11320504, rel: { noble: '18.19.1+dfsg-6ubuntu5@noble/universe' }, f: lib('libnode.so.109', 58700000) },
  { n: 'libnode72', t: 'evented I/O for V8 javascript - runtime library', sec: 'libs', d: 'libc-ares2 libuv1 libicu70 libbrotli1 libnghttp2-14 libssl3', i: 40231, s: 10683412, rel: { jammy: '12.22.9~dfsg-1ubuntu3.6@jammy-updates/universe' }, f: lib('libnode.so.72', 39500000) },
  { n: 'libc-ares2', t: 'asynchronous name resolver', sec: 'libs', i: 167, s: 102252, rel: ALL3('1.18.1-3', '1.27.0-1.0ubuntu1', '1.18.1-1ubuntu0.22.04.3@jammy-updates/main'), f: lib('libcares.so.2.5.1', 104352, 'libcares.so.2') },
  { n: 'libuv1', t: 'asynchronous event notification library - runtime library', sec: 'libs', i: 334, s: 139424, rel: ALL3('1.44.2-1', '1.48.0-1.1build1', '1.43.0-1ubuntu0.1@jammy-updates/main'), f: lib('libuv.so.1.0.0', 165928, 'libuv.so.1') },
  { n: 'libicu72', t: 'International Components for Unicode', sec: 'libs', i: 36795, s: 9376700, rel: { bookworm: '72.1-3' }, f: `${lib('libicudata.so.72.1', 31080608, 'libicudata.so.72')}\n${lib('libicuuc.so.72.1', 2094232, 'libicuuc.so.72')}\n${lib('libicui18n.so.72.1', 3381456, 'libicui18n.so.72')}` },
  { n: 'libicu74', t: 'International Components for Unicode', sec: 'libs', i: 37200, s: 10871640, rel: { noble: '74.2-1ubuntu3.1@noble-updates/main' }, f: `${lib('libicudata.so.74.2', 31510880, 'libicudata.so.74')}\n${lib('libicuuc.so.74.2', 2145432, 'libicuuc.so.74')}\n${lib('libicui18n.so.74.2', 3433024, 'libicui18n.so.74')}` },
  { n: 'libicu70', t: 'International Components for Unicode', sec: 'libs', i: 34845, s: 10637520, rel: { jammy: '70.1-2' }, f: `${lib('libicudata.so.70.1', 30462624, 'libicudata.so.70')}\n${lib('libicuuc.so.70.1', 2013016, 'libicuuc.so.70')}\n${lib('libicui18n.so.70.1', 3179152, 'libicui18n.so.70')}` },
  // time zones (in debian's base image already), make
  { n: 'tzdata', t: 'time zone and daylight-saving time data', sec: 'localization', all: true, i: 2786, s: 256504, rel: { bookworm: '2024b-0+deb12u1', noble: '2024b-0ubuntu0.24.04.1@noble-updates/main', jammy: '2024b-0ubuntu0.22.04.1@jammy-updates/main' }, out: '\nCurrent default time zone: \'Etc/UTC\'\n', f: 'f 644 /usr/share/zoneinfo/Europe London=3664 Paris=2962 Berlin=2298 Lisbon=3527\nf 644 /usr/share/zoneinfo/America New_York=3552 Sao_Paulo=1444 Los_Angeles=2852\nf 644 /usr/share/zoneinfo/Asia Tokyo=309 Kolkata=285\nf 644 /usr/share/zoneinfo tzdata.zi=109390 zone1970.tab=17597 leap-seconds.list=4950' },
  { n: 'make', t: 'utility for directing compilation', sec: 'devel', i: 1592, s: 396808, rel: ALL3('4.3-4.1', '4.3-4.1build2', '4.3-4.1build1'), f: 'x /usr/bin make=239528 make-first-existing-target=4381' },
];

/** Names Ubuntu gives the same packages (64-bit time_t transition, renamed libraries). */
const RENAMES: Record<DebRelease, Readonly<Record<string, string>>> = {
  bookworm: {},
  noble: {
    libcurl4: 'libcurl4t64', 'libcurl3-gnutls': 'libcurl3t64-gnutls', libpsl5: 'libpsl5t64', libssl3: 'libssl3t64', 'libldap-2.5-0': 'libldap2',
    'libssh2-1': 'libssh-4', libreadline8: 'libreadline8t64', libaio1: 'libaio1t64', libmagic1: 'libmagic1t64', libgdbm6: 'libgdbm6t64',
    'libgdbm-compat4': 'libgdbm-compat4t64', libuv1: 'libuv1t64', libtirpc3: 'libtirpc3t64',
  },
  jammy: { 'libssh2-1': 'libssh-4' },
};

/** Real base-image packages the catalog's dependencies name but the catalog does not carry. */
const BASE: Record<DebRelease, string> = {
  bookworm: 'apt base-files base-passwd bash bsdutils coreutils dash debconf debian-archive-keyring debianutils diffutils dpkg e2fsprogs findutils gcc-12-base gpgv grep gzip hostname init-system-helpers libacl1 libapt-pkg6.0 libattr1 libaudit1 libblkid1 libbz2-1.0 libc-bin libc6 libcap-ng0 libcap2 libcom-err2 libcrypt1 libdb5.3 libffi8 libgcc-s1 libgcrypt20 libgmp10 libgnutls30 libgpg-error0 libhogweed6 libidn2-0 liblz4-1 liblzma5 libmd0 libmount1 libnettle8 libp11-kit0 libpam0g libpcre2-8-0 libseccomp2 libselinux1 libsmartcols1 libstdc++6 libsystemd0 libtasn1-6 libtinfo6 libudev1 libunistring2 libuuid1 libxxhash0 libzstd1 login mawk mount ncurses-base ncurses-bin passwd perl-base sed sysvinit-utils tar tzdata usr-is-merged util-linux zlib1g',
  noble: 'apt base-files base-passwd bash bsdutils coreutils dash debconf debianutils diffutils dpkg e2fsprogs findutils gcc-14-base gpgv grep gzip hostname init-system-helpers libacl1 libapt-pkg6.0t64 libattr1 libaudit1 libblkid1 libbz2-1.0 libc-bin libc6 libcap-ng0 libcap2 libcom-err2 libcrypt1 libdb5.3t64 libffi8 libgcc-s1 libgcrypt20 libgmp10 libgnutls30t64 libgpg-error0 libhogweed6t64 libidn2-0 liblz4-1 liblzma5 libmd0 libmount1 libncursesw6 libnettle8t64 libp11-kit0 libpam0g libpcre2-8-0 libproc2-0 libseccomp2 libselinux1 libsmartcols1 libssl3t64 libstdc++6 libsystemd0 libtasn1-6 libtinfo6 libudev1 libunistring5 libuuid1 libxxhash0 libzstd1 login mawk mount ncurses-base ncurses-bin passwd perl-base procps sed sensible-utils sysvinit-utils tar ubuntu-keyring util-linux zlib1g',
  jammy: 'apt base-files base-passwd bash bsdutils coreutils dash debconf debianutils diffutils dpkg e2fsprogs findutils gcc-12-base gpgv grep gzip hostname init-system-helpers libacl1 libapt-pkg6.0 libattr1 libaudit1 libblkid1 libbz2-1.0 libc-bin libc6 libcap-ng0 libcap2 libcom-err2 libcrypt1 libdb5.3 libffi8 libgcc-s1 libgcrypt20 libgmp10 libgnutls30 libgpg-error0 libhogweed6 libidn2-0 liblz4-1 liblzma5 libmd0 libmount1 libncurses6 libncursesw6 libnettle8 libp11-kit0 libpam0g libpcre2-8-0 libprocps8 libseccomp2 libselinux1 libsmartcols1 libssl3 libstdc++6 libsystemd0 libtasn1-6 libtinfo6 libudev1 libunistring2 libuuid1 libxxhash0 libzstd1 login mawk mount ncurses-base ncurses-bin passwd perl-base procps sed sensible-utils sysvinit-utils tar ubuntu-keyring usrmerge util-linux zlib1g',
};

const MAINTAINER: Record<DebRelease, string> = {
  bookworm: 'Debian QA Group <packages@qa.debian.org>',
  noble: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>',
  jammy: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>',
};

/** When the packages were built (their files' mtime), Unix seconds. */
const BUILT: Record<DebRelease, number> = { bookworm: 1736553600, noble: 1737590400, jammy: 1737072000 };

/** Every .deb carries /usr/share/doc/NAME/copyright and changelog.Debian.gz (slim images keep only the copyright). */
function docFiles(name: string): string {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) >>> 0;
  return `f 644 /usr/share/doc/${name} changelog.Debian.gz=${300 + ((h >>> 8) % 3000)} copyright=${1200 + (h % 3600)}`;
}

function build(release: DebRelease): PackageIndex {
  const renames = RENAMES[release];
  const rename = (list?: string) => list?.split(/\s+/).filter(Boolean).map((n) => renames[n] ?? n).join(' ');
  const packages = new Map<string, CatalogPackage>();
  for (const t of T) {
    const r = t.rel[release];
    if (r === undefined) continue;
    const o: Override = typeof r === 'string' ? { v: r } : r;
    const [version, repo] = o.v.split('@');
    const name = o.n ?? renames[t.n] ?? t.n;
    const files = o.f ?? t.f;
    const row: PackageRow = {
      n: name, v: version, i: o.i ?? t.i, s: o.s ?? t.s, d: rename(o.d ?? t.d), rec: rename(o.rec ?? t.rec), t: t.t, l: t.sec,
      r: repo ?? `${release}/main`, arch: t.all ? 'all' : 'amd64', p: t.p, out: o.out ?? t.out, f: files.includes('/usr/share/doc/') ? files : `${files}\n${docFiles(name)}`, ...(t.m ? { m: t.m } : {}),
    };
    packages.set(name, packageFrom(row, 'deb', { repo: `${release}/main`, maintainer: MAINTAINER[release], arch: 'amd64', built: BUILT[release] }));
  }
  return { family: 'deb', release, packages, baseSystem: new Set(BASE[release].split(' ')), built: BUILT[release] };
}

const memo = new Map<DebRelease, PackageIndex>();

/** The archive of a Debian/Ubuntu release. */
export function debIndex(release: DebRelease): PackageIndex {
  let i = memo.get(release);
  if (!i) memo.set(release, (i = build(release)));
  return i;
}

/**
 * The indexes `apt-get update` downloads, per suite and component: the compressed size it
 * reports (`Get:4 … bookworm/main amd64 Packages [8792 kB]`); InRelease sizes per suite.
 */
export const DEB_INDEX_SIZES: Record<DebRelease, { inRelease: Readonly<Record<string, number>>; packages: Readonly<Record<string, number>> }> = {
  bookworm: {
    inRelease: { bookworm: 151_012, 'bookworm-updates': 55_432, 'bookworm-security': 48_048 },
    packages: { 'bookworm/main': 8_792_384, 'bookworm-updates/main': 13_460, 'bookworm-security/main': 245_908 },
  },
  noble: {
    inRelease: { noble: 256_048, 'noble-updates': 126_344, 'noble-backports': 126_028, 'noble-security': 126_236 },
    packages: {
      'noble/main': 1_808_004, 'noble/restricted': 117_256, 'noble/universe': 19_342_060, 'noble/multiverse': 331_304,
      'noble-updates/main': 1_052_416, 'noble-updates/restricted': 861_460, 'noble-updates/universe': 1_214_272, 'noble-updates/multiverse': 17_820,
      'noble-backports/main': 45_936, 'noble-backports/universe': 31_780, 'noble-security/main': 770_512, 'noble-security/restricted': 821_156,
      'noble-security/universe': 941_104, 'noble-security/multiverse': 17_412,
    },
  },
  jammy: {
    inRelease: { jammy: 270_088, 'jammy-updates': 128_364, 'jammy-security': 128_956 },
    packages: {
      'jammy/main': 1_792_264, 'jammy/restricted': 164_340, 'jammy/universe': 17_513_836, 'jammy-updates/main': 2_950_528,
      'jammy-updates/restricted': 3_640_320, 'jammy-updates/universe': 1_530_288, 'jammy-security/main': 2_652_708,
      'jammy-security/restricted': 3_521_860, 'jammy-security/universe': 1_232_196,
    },
  },
};
