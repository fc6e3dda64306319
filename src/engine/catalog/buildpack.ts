/**
 * node (20, 22 = latest) and python (3.12, 3.13 = latest) on buildpack-deps:bookworm
 * (debian:bookworm + curl, + scm tools incl. procps, + compilers and -dev libraries): the big
 * base layers are shared by all four images, which is why they are ~1 GB each yet a second
 * one downloads only a few layers.
 */
import { byteLength } from '../fs/tree.ts';
import { Build, runBy, type CatalogImage } from './build.ts';
import { DEB_GROUP, DEB_PASSWD, gshadowFor, shadowFor } from './deb.ts';
import { debianBookworm } from './debian.ts';
import { layer, type CatalogLayer } from './layer.ts';

const BP_CREATED = '2025-02-25T00:41:33Z';

export const BP_CURL = layer({
  key: 'buildpack-deps:bookworm-curl',
  createdBy: runBy('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/*'),
  created: BP_CREATED, size: 48_479_813, compressedSize: 24_015_456,
  spec: 'x /usr/bin curl=285848 wget=541080 gpg=1201016 sq=19036280\nf 644 /etc/ssl/certs ca-certificates.crt=219342\nf 644 /etc protocols=2932 services=12813',
});

export const BP_SCM = layer({
  key: 'buildpack-deps:bookworm-scm',
  createdBy: runBy('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/*'),
  created: BP_CREATED, size: 182_961_240, compressedSize: 64_394_627,
  spec: 'x /usr/bin git=4136984 hg=9345 svn=307776 ssh=1039448 scp=125416 ps=137688 top=133008 free=27008 kill=30952 pgrep=30992 pkill=30992 uptime=14720 watch=27104 vmstat=39440 pmap=35376 w=23160',
});

export const BP_DEPS = layer({
  key: 'buildpack-deps:bookworm',
  createdBy: runBy('set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibdb-dev \t\tlibevent-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tlibglib2.0-dev \t\tlibgmp-dev \t\tlibjpeg-dev \t\tlibkrb5-dev \t\tliblzma-dev \t\tlibmagickcore-dev \t\tlibmagickwand-dev \t\tlibmaxminddb-dev \t\tlibncurses5-dev \t\tlibncursesw5-dev \t\tlibpng-dev \t\tlibpq-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibtool \t\tlibwebp-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlibyaml-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/*'),
  created: BP_CREATED, size: 564_975_118, compressedSize: 211_312_430,
  spec: 'x /usr/bin gcc-12=1002856 g++-12=1002856 make=252184 file=27136 patch=198680 unzip=186928 xz=85336 autoconf=22898 automake=268226 convert=14568\nl /usr/bin gcc>gcc-12 g++>g++-12 cc>/etc/alternatives/cc',
});

function buildpack(created: string): Build {
  return new Build(created, debianBookworm).layer(BP_CURL).layer(BP_SCM).layer(BP_DEPS);
}

// ── node ─────────────────────────────────────────────────────────────────────────────────────

const NODE_ENTRYPOINT = `#!/bin/sh
set -e

# Run command with node if the first argument contains a "-" or is not a system command. The last
# part inside the "{}" is a workaround for the following bug in ash/dash:
# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264
if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
`;

const NODE_INSTALL = `ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "\${dpkgArch##*-}" in     amd64) ARCH='x64';;     ppc64el) ARCH='ppc64le';;     s390x) ARCH='s390x';;     arm64) ARCH='arm64';;     armhf) ARCH='armv7l';;     i386) ARCH='x86';;     *) echo "unsupported architecture"; exit 1 ;;   esac   && export GNUPGHOME="$(mktemp -d)"   && set -ex   && for key in       C0D6248439F1D5604AAFFB4021D900FFDB233756       DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7       CC68F5A3106FF448322E48ED27F5E38D5B0A215F       8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600       890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4       C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C       108F52B48DB57BB0CC439B2997B01419BD92F80A       A363A499291CBBC940DD62E41F10027AF002F8B0     ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ;     done   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz"   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc"   && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc   && gpgconf --kill all   && rm -rf "$GNUPGHOME"   && grep " node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$" SHASUMS256.txt | sha256sum -c -   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz" SHASUMS256.txt.asc SHASUMS256.txt   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version   && rm -rf /tmp/*`;

const YARN_INSTALL = `set -ex   && export GNUPGHOME="$(mktemp -d)"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ;   done   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf "$GNUPGHOME"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && yarn --version   && rm -rf /tmp/*`;

const NODE_PASSWD = `${DEB_PASSWD}node:x:1000:1000::/home/node:/bin/bash\n`;
const NODE_GROUP = `${DEB_GROUP}node:x:1000:\n`;

/** groupadd/useradd node: identical in both node images (reproducible), so shared. */
export const NODE_USER = layer({
  key: 'node/user', createdBy: runBy('groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'),
  created: BP_CREATED, size: 8_941, compressedSize: 3_316,
  spec: `d 755 /home/node
o 1000:1000 /home/node
f 644 /home/node .bashrc=3526 .profile=807 .bash_logout=220
o 1000:1000 /home/node/.bashrc /home/node/.profile /home/node/.bash_logout
t 644 /etc/passwd /etc/group /etc/subuid /etc/subgid
t 640 /etc/shadow /etc/gshadow
o 0:42 /etc/shadow /etc/gshadow`,
  texts: {
    '/etc/passwd': NODE_PASSWD,
    '/etc/group': NODE_GROUP,
    '/etc/shadow': shadowFor(NODE_PASSWD, 20144),
    '/etc/gshadow': gshadowFor(NODE_GROUP),
    '/etc/subuid': 'node:100000:65536\n',
    '/etc/subgid': 'node:100000:65536\n',
  },
});

function nodeImage(version: string, created: string, nodeSize: number, nodeCompressed: number, tags: string[]): CatalogImage {
  const major = version.split('.')[0];
  const install: CatalogLayer = layer({
    key: `node:${major}/install`, createdBy: runBy(NODE_INSTALL), created, size: nodeSize, compressedSize: nodeCompressed,
    spec: `x /usr/local/bin node=${Math.round(nodeSize * 0.62)}
l /usr/local/bin nodejs>/usr/local/bin/node npm>../lib/node_modules/npm/bin/npm-cli.js npx>../lib/node_modules/npm/bin/npx-cli.js corepack>../lib/node_modules/corepack/dist/corepack.js
d 755 /usr/local/lib/node_modules /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm/bin /usr/local/include/node
f 755 /usr/local/lib/node_modules/npm/bin npm-cli.js=54 npx-cli.js=2922`,
  });
  const yarn: CatalogLayer = layer({
    key: `node:${major}/yarn`, createdBy: runBy(YARN_INSTALL), created, size: 5_344_046, compressedSize: 1_250_386,
    spec: 'd 755 /opt /opt/yarn-v1.22.22 /opt/yarn-v1.22.22/bin\nx /opt/yarn-v1.22.22/bin yarn=1015 yarnpkg=42\nl /usr/local/bin yarn>/opt/yarn-v1.22.22/bin/yarn yarnpkg>/opt/yarn-v1.22.22/bin/yarnpkg',
  });
  const entry: CatalogLayer = layer({
    key: `node:${major}/entrypoint`, createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', created,
    size: byteLength(NODE_ENTRYPOINT), compressedSize: 451,
    spec: 't 755 /usr/local/bin/docker-entrypoint.sh', texts: { '/usr/local/bin/docker-entrypoint.sh': NODE_ENTRYPOINT },
  });
  return buildpack(created)
    .layer(NODE_USER)
    .env('NODE_VERSION', version)
    .layer(install)
    .env('YARN_VERSION', '1.22.22')
    .layer(yarn)
    .layer(entry)
    .entrypoint(['docker-entrypoint.sh'])
    .cmd(['node'])
    .done('node', tags);
}

export const node22 = nodeImage('22.14.0', '2025-02-25T04:02:18Z', 191_964_517, 48_205_634, ['22', '22.14', '22.14.0', 'jod', 'lts', 'latest']);
export const node20 = nodeImage('20.18.3', '2025-02-25T04:05:41Z', 178_412_903, 45_101_224, ['20', '20.18', '20.18.3', 'iron']);

// ── python ───────────────────────────────────────────────────────────────────────────────────

export const PY_APT = layer({
  key: 'python/apt', createdBy: runBy('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/*'),
  created: BP_CREATED, size: 23_613_330, compressedSize: 6_161_322,
  spec: 'x /usr/lib/x86_64-linux-gnu libtk8.6.so=1675536 libtcl8.6.so=1808800\nd 755 /usr/include/bluetooth',
});

const PY_BUILD = `set -eux; \t\twget -O python.tar.xz "https://www.python.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \techo "$PYTHON_SHA256 *python.tar.xz" | sha256sum -c -; \twget -O python.tar.xz.asc "https://www.python.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz.asc"; \tGNUPGHOME="$(mktemp -d)"; export GNUPGHOME; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$GPG_KEY"; \tgpg --batch --verify python.tar.xz.asc python.tar.xz; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" python.tar.xz.asc; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \t./configure \t\t--build="$gnuArch" \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t--with-ensurepip \t; \tnproc="$(nproc)"; \tEXTRA_CFLAGS="$(dpkg-buildflags --get CFLAGS)"; \tLDFLAGS="$(dpkg-buildflags --get LDFLAGS)"; \t\tmake -j "$nproc" \t\t"EXTRA_CFLAGS=\${EXTRA_CFLAGS:-}" \t\t"LDFLAGS=\${LDFLAGS:-}" \t; \trm python; \tmake -j "$nproc" \t\t"EXTRA_CFLAGS=\${EXTRA_CFLAGS:-}" \t\t"LDFLAGS=\${LDFLAGS:--Wl},-rpath='\\$\\$ORIGIN/../lib'" \t\tpython \t; \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \t\t\t-o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \\) \\) \t\t\\) -exec rm -rf '{}' + \t; \t\tldconfig; \t\texport PYTHONDONTWRITEBYTECODE=1; \tpython3 --version; \tpip3 --version`;

const PY_LINKS = 'set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]; \t\t[ ! -e "/usr/local/bin/$dst" ]; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone';

function pythonImage(version: string, sha: string, created: string, buildSize: number, buildCompressed: number, tags: string[]): CatalogImage {
  const mm = version.split('.').slice(0, 2).join('.');
  const build: CatalogLayer = layer({
    key: `python:${mm}/build`, createdBy: runBy(PY_BUILD), created, size: buildSize, compressedSize: buildCompressed,
    spec: `x /usr/local/bin python${mm}=17176 python${mm}-config=3159 pip${mm}=237 pydoc${mm}=84 idle${mm}=82
l /usr/local/bin python3>python${mm} python3-config>python${mm}-config pip3>pip${mm} pydoc3>pydoc${mm} idle3>idle${mm}
x /usr/local/lib libpython${mm}.so.1.0=29816968
l /usr/local/lib libpython3.so>libpython${mm}.so.1.0 libpython${mm}.so>libpython${mm}.so.1.0
d 755 /usr/local/lib/python${mm} /usr/local/lib/python${mm}/site-packages /usr/local/include/python${mm}`,
  });
  const links: CatalogLayer = layer({
    key: `python:${mm}/links`, createdBy: runBy(PY_LINKS), created, size: 36, compressedSize: 250,
    spec: 'l /usr/local/bin idle>idle3 pip>pip3 pydoc>pydoc3 python>python3 python-config>python3-config',
  });
  return buildpack(created)
    .env('PATH', '/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
    .env('LANG', 'C.UTF-8')
    .layer(PY_APT)
    .env('GPG_KEY', '7169605F62C751356D054A26A821E680E5FA6305')
    .env('PYTHON_VERSION', version)
    .env('PYTHON_SHA256', sha)
    .layer(build)
    .layer(links)
    .cmd(['python3'])
    .done('python', tags);
}

export const python313 = pythonImage('3.13.2', 'd984bcc57cd67caab26f7def42e523b1c015bbc5dc07836cf4f0b63fa159eb56', '2025-02-25T03:12:06Z', 95_063_470, 25_418_337, ['3.13', '3.13.2', '3', 'latest']);
export const python312 = pythonImage('3.12.9', '7220835d9f90b37c006e9842a8dff4580aaca4318674f947302b8d28f3f81112', '2025-02-25T03:16:52Z', 85_301_226, 23_874_510, ['3.12', '3.12.9']);
