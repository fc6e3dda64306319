/**
 * The small and the old: hello-world (one 13 kB binary), registry:2 (the Distribution
 * registry on alpine), and progrium/stress — pushed in 2014 from Docker 1.1 on ubuntu:14.04,
 * served today as a single Docker schema 2 manifest, with a classic config
 * (`ENTRYPOINT ["/usr/bin/stress", "--verbose"]`, `CMD []`) and an `rm -rf
 * /var/lib/apt/lists/*` layer made of whiteouts.
 */
import { byteLength } from '../fs/tree.ts';
import { sha256Hex } from '../image/digest.ts';
import { alpine321 } from './alpine.ts';
import { Build, DEFAULT_PATH, runBy, type CatalogImage } from './build.ts';
import { DEB_GROUP, DEB_PASSWD } from './deb.ts';
import { layer } from './layer.ts';

// ── hello-world ──────────────────────────────────────────────────────────────────────────────

const HELLO_CREATED = '2023-05-02T16:49:27Z';

export const HELLO_LAYER = layer({
  key: 'hello-world:latest', createdBy: 'COPY hello / # buildkit', created: HELLO_CREATED,
  size: 13_256, compressedSize: 2_459, spec: 'x / hello=13256',
});

export const helloWorld = new Build(HELLO_CREATED).layer(HELLO_LAYER).cmd(['/hello']).done('hello-world', ['latest', 'linux']);

// ── registry:2 ───────────────────────────────────────────────────────────────────────────────

const REGISTRY_CREATED = '2025-02-14T19:02:45Z';

const REGISTRY_CONFIG = `version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
`;

const REGISTRY_ENTRYPOINT = `#!/bin/sh

set -e

case "$1" in
    *.yaml|*.yml) set -- registry serve "$@" ;;
    serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac

exec "$@"
`;

const REGISTRY_RUN = `set -eux; \tversion='2.8.3'; \tapkArch="$(apk --print-arch)"; \tcase "$apkArch" in \t\tx86_64) arch='amd64'; sha256='b1f750ecbe09f38e2143e22c61a25e3da2afe1510d9522859230b480e642ceff' ;; \t\t*) echo >&2 "error: unsupported architecture: $apkArch"; exit 1 ;; \tesac; \twget -O registry.tar.gz "https://github.com/distribution/distribution/releases/download/v\${version}/registry_\${version}_linux_\${arch}.tar.gz"; \techo "$sha256 *registry.tar.gz" | sha256sum -c -; \ttar --extract --verbose --file registry.tar.gz --directory /bin/ registry; \trm registry.tar.gz; \tregistry --version`;

export const registry2 = new Build(REGISTRY_CREATED, alpine321)
  .layer(layer({
    key: 'registry:2/ca', createdBy: runBy('set -eux; \tapk add --no-cache ca-certificates'), created: REGISTRY_CREATED,
    size: 684_317, compressedSize: 295_187,
    spec: 'f 644 /etc/ssl/certs ca-certificates.crt=222300\nx /usr/sbin update-ca-certificates=10048\nd 755 /usr/share/ca-certificates /usr/share/ca-certificates/mozilla',
  }))
  .layer(layer({
    key: 'registry:2/binary', createdBy: runBy(REGISTRY_RUN), created: REGISTRY_CREATED,
    size: 16_863_489, compressedSize: 6_412_773, spec: 'x /bin registry=16863489',
  }))
  .layer(layer({
    key: 'registry:2/config', createdBy: 'COPY ./config-example.yml /etc/docker/registry/config.yml # buildkit', created: REGISTRY_CREATED,
    size: byteLength(REGISTRY_CONFIG), compressedSize: 392,
    spec: 'd 755 /etc/docker /etc/docker/registry\nt 644 /etc/docker/registry/config.yml', texts: { '/etc/docker/registry/config.yml': REGISTRY_CONFIG },
  }))
  .volume('/var/lib/registry')
  .expose('5000/tcp')
  .layer(layer({
    key: 'registry:2/entrypoint', createdBy: 'COPY docker-entrypoint.sh /entrypoint.sh # buildkit', created: REGISTRY_CREATED,
    size: byteLength(REGISTRY_ENTRYPOINT), compressedSize: 281,
    spec: 't 755 /entrypoint.sh', texts: { '/entrypoint.sh': REGISTRY_ENTRYPOINT },
  }))
  .entrypoint(['/entrypoint.sh'])
  .cmd(['/etc/docker/registry/config.yml'])
  .done('registry', ['2', '2.8', '2.8.3', 'latest']);

// ── progrium/stress (2014) ───────────────────────────────────────────────────────────────────

const TRUSTY_CREATED = '2014-07-19T07:01:49.384532497Z';
const STRESS_CREATED = '2014-07-20T04:26:06.186785582Z';

const TRUSTY_POLICY = `echo '#!/bin/sh' > /usr/sbin/policy-rc.d && echo 'exit 101' >> /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && dpkg-divert --local --rename --add /sbin/initctl && ln -sf /bin/true /sbin/initctl && echo 'force-unsafe-io' > /etc/dpkg/dpkg.cfg.d/02apt-speedup && echo 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };' > /etc/apt/apt.conf.d/no-cache && echo 'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };' >> /etc/apt/apt.conf.d/no-cache && echo 'Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";' >> /etc/apt/apt.conf.d/no-cache && echo 'Acquire::Languages "none";' > /etc/apt/apt.conf.d/no-languages && echo 'Acquire::GzipIndexes "true"; Acquire::CompressionTypes::Order:: "gz";' > /etc/apt/apt.conf.d/no-gzip`;

const TRUSTY_LISTS = '/var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_trusty_Release /var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_trusty_main_binary-amd64_Packages.gz';

const TRUSTY_BASE = layer({
  key: 'ubuntu:trusty-20140718',
  createdBy: `/bin/sh -c #(nop) ADD file:${sha256Hex('ubuntu-trusty-20140718-rootfs')} in /`,
  created: TRUSTY_CREATED,
  size: 188_133_437,
  compressedSize: 65_669_113,
  spec: `
d 755 /bin /boot /dev /etc /etc/apt /etc/apt/apt.conf.d /etc/dpkg /etc/dpkg/dpkg.cfg.d /home /lib /lib64 /media /mnt /opt /proc /run /sbin /srv /sys
d 755 /usr /usr/bin /usr/games /usr/include /usr/lib /usr/local /usr/local/bin /usr/sbin /usr/share /usr/src /var /var/cache /var/lib
d 755 /var/lib/apt /var/lib/apt/lists /var/lib/dpkg /var/local /var/log /var/mail /var/opt /var/spool
d 700 /root
d 1777 /tmp /var/tmp
x /bin bash=1021112 dash=121272 cat=47904 chmod=56032 chown=60160 cp=130304 date=60160 dd=56136 df=97912 echo=31776 false=27712
x /bin grep=191952 gzip=94048 hostname=14752 kill=18904 ln=56064 ls=110080 mkdir=51936 mount=94792 mv=122088 ps=93232 pwd=31840
x /bin rm=60160 rmdir=39904 sed=73352 sleep=31840 tar=353840 touch=56176 true=27712 umount=69784 uname=31840
l /bin sh>dash
x /usr/bin apt-get=183000 apt-cache=71392 dpkg=243576 env=27856 head=35936 id=35936 tail=56544 top=98184 free=14648 wc=39904
x /usr/bin which=946 uptime=10672 watch=27456
x /lib/x86_64-linux-gnu libc-2.19.so=1840928 ld-2.19.so=149120
l /lib64 ld-linux-x86-64.so.2>/lib/x86_64-linux-gnu/ld-2.19.so
f 644 /var/lib/apt/lists archive.ubuntu.com_ubuntu_dists_trusty_Release=58512 archive.ubuntu.com_ubuntu_dists_trusty_main_binary-amd64_Packages.gz=1175740
t 644 /etc/os-release /etc/lsb-release /etc/issue /etc/debian_version /etc/passwd /etc/group /etc/apt/sources.list`,
  texts: {
    '/etc/os-release': `NAME="Ubuntu"
VERSION="14.04.1 LTS, Trusty Tahr"
ID=ubuntu
ID_LIKE=debian
PRETTY_NAME="Ubuntu 14.04.1 LTS"
VERSION_ID="14.04"
HOME_URL="http://www.ubuntu.com/"
SUPPORT_URL="http://help.ubuntu.com/"
BUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"
`,
    '/etc/lsb-release': 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=14.04\nDISTRIB_CODENAME=trusty\nDISTRIB_DESCRIPTION="Ubuntu 14.04.1 LTS"\n',
    '/etc/issue': 'Ubuntu 14.04.1 LTS \\n \\l\n\n',
    '/etc/debian_version': 'jessie/sid\n',
    '/etc/passwd': DEB_PASSWD.replace('_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\n', 'libuuid:x:100:101::/var/lib/libuuid:\nsyslog:x:101:104::/home/syslog:/bin/false\n'),
    '/etc/group': DEB_GROUP,
    '/etc/apt/sources.list': 'deb http://archive.ubuntu.com/ubuntu/ trusty main restricted\ndeb-src http://archive.ubuntu.com/ubuntu/ trusty main restricted\n\ndeb http://archive.ubuntu.com/ubuntu/ trusty-updates main restricted\ndeb-src http://archive.ubuntu.com/ubuntu/ trusty-updates main restricted\n\n# deb http://archive.ubuntu.com/ubuntu/ trusty universe\n',
  },
});

const TRUSTY_POLICY_LAYER = layer({
  key: 'ubuntu:trusty-20140718/policy', createdBy: `/bin/sh -c ${TRUSTY_POLICY}`, created: TRUSTY_CREATED,
  size: 194_533, compressedSize: 497,
  spec: `x /usr/sbin policy-rc.d=23
l /sbin initctl>/bin/true
x /sbin initctl.distrib=194416
t 644 /etc/dpkg/dpkg.cfg.d/02apt-speedup /etc/apt/apt.conf.d/no-cache /etc/apt/apt.conf.d/no-languages /etc/apt/apt.conf.d/no-gzip`,
  texts: {
    '/etc/dpkg/dpkg.cfg.d/02apt-speedup': 'force-unsafe-io\n',
    '/etc/apt/apt.conf.d/no-cache': 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\nAPT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\nDir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";\n',
    '/etc/apt/apt.conf.d/no-languages': 'Acquire::Languages "none";\n',
    '/etc/apt/apt.conf.d/no-gzip': 'Acquire::GzipIndexes "true"; Acquire::CompressionTypes::Order:: "gz";\n',
  },
});

/** `rm -rf /var/lib/apt/lists/*`: nothing but whiteouts. */
const TRUSTY_RM_LISTS = layer({
  key: 'ubuntu:trusty-20140718/rm-lists', createdBy: '/bin/sh -c rm -rf /var/lib/apt/lists/*', created: TRUSTY_CREATED,
  size: 0, compressedSize: 186, spec: `w ${TRUSTY_LISTS}`,
});

const TRUSTY_SED = layer({
  key: 'ubuntu:trusty-20140718/universe', createdBy: "/bin/sh -c sed -i 's/^#\\s*\\(deb.*universe\\)$/\\1/g' /etc/apt/sources.list",
  created: TRUSTY_CREATED, size: 1_895, compressedSize: 677,
  spec: 't 644 /etc/apt/sources.list',
  texts: { '/etc/apt/sources.list': 'deb http://archive.ubuntu.com/ubuntu/ trusty main restricted\ndeb-src http://archive.ubuntu.com/ubuntu/ trusty main restricted\n\ndeb http://archive.ubuntu.com/ubuntu/ trusty-updates main restricted\ndeb-src http://archive.ubuntu.com/ubuntu/ trusty-updates main restricted\n\ndeb http://archive.ubuntu.com/ubuntu/ trusty universe\n' },
});

const STRESS_INSTALL = layer({
  key: 'progrium/stress/install', createdBy: '/bin/sh -c apt-get update && apt-get install -y stress', created: STRESS_CREATED,
  size: 93_712_345, compressedSize: 29_286_210,
  spec: `x /usr/bin stress=27320
d 755 /usr/share/doc/stress
f 644 /var/lib/apt/lists archive.ubuntu.com_ubuntu_dists_trusty_Release=58512 archive.ubuntu.com_ubuntu_dists_trusty_main_binary-amd64_Packages.gz=1175740 archive.ubuntu.com_ubuntu_dists_trusty_universe_binary-amd64_Packages.gz=6212428`,
});

const nop = (s: string) => `/bin/sh -c #(nop) ${s}`;

export const progriumStress: CatalogImage = {
  repository: 'progrium/stress',
  tags: ['latest'],
  created: STRESS_CREATED,
  architecture: 'amd64',
  os: 'linux',
  config: {
    Hostname: '8d9d6b8a1b8c', Env: ['HOME=/', DEFAULT_PATH], Cmd: [], Image: 'sha256:' + sha256Hex('progrium-stress-parent'),
    Entrypoint: ['/usr/bin/stress', '--verbose'], OnBuild: [],
  },
  history: [
    { created: TRUSTY_CREATED, createdBy: TRUSTY_BASE.createdBy },
    { created: TRUSTY_CREATED, createdBy: TRUSTY_POLICY_LAYER.createdBy },
    { created: TRUSTY_CREATED, createdBy: TRUSTY_RM_LISTS.createdBy },
    { created: TRUSTY_CREATED, createdBy: TRUSTY_SED.createdBy },
    { created: TRUSTY_CREATED, createdBy: nop('CMD [/bin/bash]'), emptyLayer: true },
    { created: STRESS_CREATED, createdBy: nop('MAINTAINER Jeff Lindsay <progrium@gmail.com>'), author: 'Jeff Lindsay <progrium@gmail.com>', emptyLayer: true },
    { created: STRESS_CREATED, createdBy: STRESS_INSTALL.createdBy, author: 'Jeff Lindsay <progrium@gmail.com>' },
    { created: STRESS_CREATED, createdBy: nop('ENTRYPOINT [/usr/bin/stress --verbose]'), author: 'Jeff Lindsay <progrium@gmail.com>', emptyLayer: true },
    { created: STRESS_CREATED, createdBy: nop('CMD []'), author: 'Jeff Lindsay <progrium@gmail.com>', emptyLayer: true },
  ],
  layers: [TRUSTY_BASE, TRUSTY_POLICY_LAYER, TRUSTY_RM_LISTS, TRUSTY_SED, STRESS_INSTALL],
  style: 'classic',
  distribution: 'docker-v2',
  author: 'Jeff Lindsay <progrium@gmail.com>',
  dockerVersion: '1.1.1',
  container: sha256Hex('progrium-stress-container'),
  containerConfig: { Hostname: '8d9d6b8a1b8c', Env: ['HOME=/', DEFAULT_PATH], Cmd: ['/bin/sh', '-c', '#(nop) CMD []'], Image: 'sha256:' + sha256Hex('progrium-stress-parent'), Entrypoint: ['/usr/bin/stress', '--verbose'] },
};

