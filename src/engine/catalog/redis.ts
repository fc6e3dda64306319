/**
 * redis:7.4 (= 7 = latest) on debian:bookworm-slim: a `redis` user (999), gosu, redis built
 * from source into /usr/local/bin, `/data` owned by redis, `VOLUME /data`, `WORKDIR /data`
 * (BuildKit commits the well-known 32-byte empty layer for it), `ENTRYPOINT
 * ["docker-entrypoint.sh"]`, `CMD ["redis-server"]`, `EXPOSE 6379`.
 */
import { byteLength } from '../fs/tree.ts';
import { Build, runBy } from './build.ts';
import { DEB_GROUP, DEB_PASSWD, gshadowFor, shadowFor } from './deb.ts';
import { debianBookwormSlim } from './debian.ts';
import { layer } from './layer.ts';

const CREATED = '2025-02-25T02:01:17Z';

export const GOSU_RUN = `set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; \trm -rf /var/lib/apt/lists/*; \tarch="$(dpkg --print-architecture | awk -F- '{ print $NF }')"; \tcase "$arch" in \t\t'amd64') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64'; sha256='bbc4136d03ab138b1ad66fa4fc051bafc6cc7ffae632b069a53657279a450de3' ;; \t\t'arm64') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-arm64'; sha256='c3805a85d17f4454c23d7059bcb97e1ec1af272b90126e79ed002342de08389b' ;; \t\t*) echo >&2 "error: unsupported gosu architecture: '$arch'"; exit 1 ;; \tesac; \twget -O /usr/local/bin/gosu.asc "$url.asc"; \twget -O /usr/local/bin/gosu "$url"; \techo "$sha256 */usr/local/bin/gosu" | sha256sum -c -; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tapt-mark auto '.*' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true`;

const BUILD_RUN = `set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\t\t\tdpkg-dev \t\tgcc \t\tlibc6-dev \t\tlibssl-dev \t\tmake \t; \trm -rf /var/lib/apt/lists/*; \t\twget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; \techo "$REDIS_DOWNLOAD_SHA *redis.tar.gz" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \t\tgrep -E '^ *createBoolConfig[(]"protected-mode",.*, *1 *,.*[)],$' /usr/src/redis/src/config.c; \tsed -ri 's!^( *createBoolConfig[(]"protected-mode",.*, *)1( *,.*[)],)$!\\10\\2!' /usr/src/redis/src/config.c; \tgrep -E '^ *createBoolConfig[(]"protected-mode",.*, *0 *,.*[)],$' /usr/src/redis/src/config.c; \t\tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \textraJemallocConfigureFlags="--build=$gnuArch"; \tdpkgArch="$(dpkg --print-architecture)"; \tcase "\${dpkgArch##*-}" in \t\tamd64 | i386 | x32) extraJemallocConfigureFlags="$extraJemallocConfigureFlags --with-lg-page=12" ;; \t\t*) extraJemallocConfigureFlags="$extraJemallocConfigureFlags --with-lg-page=16" ;; \tesac; \textraJemallocConfigureFlags="$extraJemallocConfigureFlags --with-lg-hugepage=21"; \tgrep -F 'cd jemalloc && ./configure ' /usr/src/redis/deps/Makefile; \tsed -ri 's!cd jemalloc && ./configure !&'"$extraJemallocConfigureFlags"' !' /usr/src/redis/deps/Makefile; \tgrep -F "cd jemalloc && ./configure $extraJemallocConfigureFlags " /usr/src/redis/deps/Makefile; \t\texport BUILD_TLS=yes; \tmake -C /usr/src/redis -j "$(nproc)" all; \tmake -C /usr/src/redis install; \t\tserverMd5="$(md5sum /usr/local/bin/redis-server | cut -d' ' -f1)"; export serverMd5; \tfind /usr/local/bin/redis* -maxdepth 0 \t\t-type f -not -name redis-server \t\t-exec sh -eux -c ' \t\t\tmd5="$(md5sum "$1" | cut -d" " -f1)"; \t\t\ttest "$md5" = "$serverMd5"; \t\t' -- '{}' ';' \t\t-exec ln -svfT 'redis-server' '{}' ';' \t; \t\trm -r /usr/src/redis; \t\tapt-mark auto '.*' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \tfind /usr/local -type f -executable -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\tredis-cli --version; \tredis-server --version`;

const ENTRYPOINT = `#!/bin/sh
set -e

# first arg is \`-f\` or \`--some-option\`
# or first arg is \`something.conf\`
if [ "\${1#-}" != "$1" ] || [ "\${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

# allow the container to be started with \`--user\`
if [ "$1" = 'redis-server' -a "$(id -u)" = '0' ]; then
	find . \\! -user redis -exec chown redis '{}' +
	exec gosu redis "$0" "$@"
fi

# set an appropriate umask (if one isn't set already)
# - https://github.com/docker-library/redis/issues/305
# - https://github.com/redis/redis/blob/bb875603fb7ff3f9d19aad906bd45d7db98d9a39/utils/systemd-redis_server.service#L37
um="$(umask)"
if [ "$um" = '0022' ]; then
	umask 0077
fi

exec "$@"
`;

const PASSWD = `${DEB_PASSWD}redis:x:999:999::/home/redis:/bin/sh\n`;
const GROUP = `${DEB_GROUP}redis:x:999:\n`;

export const REDIS_USER = layer({
  key: 'redis:7.4/user', createdBy: runBy('set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis'), created: CREATED,
  size: 4_114, compressedSize: 1_099,
  spec: 't 644 /etc/passwd /etc/group\nt 640 /etc/shadow /etc/gshadow\no 0:42 /etc/shadow /etc/gshadow',
  texts: { '/etc/passwd': PASSWD, '/etc/group': GROUP, '/etc/shadow': shadowFor(PASSWD, 20144), '/etc/gshadow': gshadowFor(GROUP) },
});

export const REDIS_TZDATA = layer({
  key: 'redis:7.4/tzdata', createdBy: runBy('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*'), created: CREATED,
  size: 3_412, compressedSize: 873,
  spec: 'd 755 /var/log/apt\nf 644 /var/log/apt history.log=1304 term.log=2108',
});

export const REDIS_GOSU = layer({
  key: 'redis:7.4/gosu', createdBy: runBy(GOSU_RUN), created: CREATED, size: 2_416_014, compressedSize: 1_438_017,
  spec: 'x /usr/local/bin gosu=2363544',
});

export const REDIS_BUILD = layer({
  key: 'redis:7.4/build', createdBy: runBy(BUILD_RUN), created: CREATED, size: 39_763_763, compressedSize: 15_346_701,
  spec: `x /usr/local/bin redis-server=14217864 redis-cli=7343328 redis-benchmark=7541280
l /usr/local/bin redis-check-aof>redis-server redis-check-rdb>redis-server redis-sentinel>redis-server
x /usr/lib/x86_64-linux-gnu libssl.so.3=695736 libcrypto.so.3=4709488`,
});

export const REDIS_DATA = layer({
  key: 'redis:7.4/data', createdBy: runBy('mkdir /data && chown redis:redis /data'), created: CREATED, size: 0, compressedSize: 97,
  spec: 'd 755 /data\no 999:999 /data',
});

/** WORKDIR /data on an existing /data: the empty tar. */
export const REDIS_WORKDIR = layer({ key: 'redis:7.4/workdir', createdBy: 'WORKDIR /data', created: CREATED, size: 0, compressedSize: 32 });

export const REDIS_ENTRYPOINT = layer({
  key: 'redis:7.4/entrypoint', createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', created: CREATED,
  size: byteLength(ENTRYPOINT), compressedSize: 573,
  spec: 't 775 /usr/local/bin/docker-entrypoint.sh', texts: { '/usr/local/bin/docker-entrypoint.sh': ENTRYPOINT },
});

export const redis74 = new Build(CREATED, debianBookwormSlim)
  .layer(REDIS_USER)
  .layer(REDIS_TZDATA)
  .env('GOSU_VERSION', '1.17')
  .layer(REDIS_GOSU)
  .env('REDIS_VERSION', '7.4.2')
  .env('REDIS_DOWNLOAD_URL', 'http://download.redis.io/releases/redis-7.4.2.tar.gz')
  .env('REDIS_DOWNLOAD_SHA', '4ddebbf09061cbb589011786febdb34f29767dd7f89dbe712d2b68e808af6a1f')
  .layer(REDIS_BUILD)
  .layer(REDIS_DATA)
  .volume('/data')
  .workdir('/data', REDIS_WORKDIR)
  .layer(REDIS_ENTRYPOINT)
  .entrypoint(['docker-entrypoint.sh'])
  .expose('6379/tcp')
  .cmd(['redis-server'])
  .done('redis', ['7', '7.4', '7.4.2', 'latest']);
