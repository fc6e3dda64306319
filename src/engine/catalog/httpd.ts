/**
 * httpd:2.4 (= latest) on debian:bookworm-slim: Apache built from source into
 * /usr/local/apache2 (`WORKDIR`), `STOPSIGNAL SIGWINCH` (graceful stop), `CMD
 * ["httpd-foreground"]`, the famous "It works!" page.
 */
import { byteLength } from '../fs/tree.ts';
import { Build, runBy } from './build.ts';
import { debianBookwormSlim } from './debian.ts';
import { layer } from './layer.ts';

const CREATED = '2025-02-25T02:22:41Z';
const PREFIX = '/usr/local/apache2';

const BUILD_RUN = `set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibapr1-dev \t\tlibaprutil1-dev \t\tlibbrotli-dev \t\tlibcurl4-openssl-dev \t\tlibjansson-dev \t\tliblua5.2-dev \t\tlibnghttp2-dev \t\tlibpcre2-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tmake \t\twget \t\tzlib1g-dev \t; \trm -r /var/lib/apt/lists/*; \t\tddist() { \t\tlocal f="$1"; shift; \t\tlocal distFile="$1"; shift; \t\tlocal success=; \t\tlocal distUrl=; \t\tfor distUrl in \t\t\t'https://www.apache.org/dyn/closer.cgi?action=download&filename=' \t\t\thttps://downloads.apache.org/ \t\t\thttps://www-us.apache.org/dist/ \t\t\thttps://www.apache.org/dist/ \t\t\thttps://archive.apache.org/dist/ \t\t; do \t\t\tif wget -O "$f" "$distUrl$distFile" && [ -s "$f" ]; then \t\t\t\tsuccess=1; \t\t\t\tbreak; \t\t\tfi; \t\tdone; \t\t[ -n "$success" ]; \t}; \t\tddist 'httpd.tar.bz2' "httpd/httpd-$HTTPD_VERSION.tar.bz2"; \techo "$HTTPD_SHA256 *httpd.tar.bz2" | sha256sum -c -; \t\tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t\tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \tCFLAGS="$(dpkg-buildflags --get CFLAGS)"; \tCPPFLAGS="$(dpkg-buildflags --get CPPFLAGS)"; \tLDFLAGS="$(dpkg-buildflags --get LDFLAGS)"; \t./configure \t\t--build="$gnuArch" \t\t--prefix="$HTTPD_PREFIX" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t\t--enable-pie \t\tCFLAGS="-pipe $CFLAGS" \t\tCPPFLAGS="$CPPFLAGS" \t\tLDFLAGS="-Wl,--as-needed $LDFLAGS" \t; \tmake -j "$(nproc)"; \tmake install; \t\tcd ..; \trm -r src man manual; \t\tsed -ri \t\t-e 's!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g' \t\t-e 's!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g' \t\t-e 's!^(\\s*TransferLog)\\s+\\S+!\\1 /proc/self/fd/1!g' \t\t-e 's!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g' \t\t-e 's!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g' \t\t"$HTTPD_PREFIX/conf/httpd.conf" \t\t"$HTTPD_PREFIX/conf/extra/httpd-ssl.conf" \t; \tgrep -E '^\\s*User www-data$' "$HTTPD_PREFIX/conf/httpd.conf"; \tgrep -E '^\\s*Group www-data$' "$HTTPD_PREFIX/conf/httpd.conf"; \t\tapt-mark auto '.*' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\thttpd -v`;

const FOREGROUND = `#!/bin/sh
set -e

# Apache gets grumpy about PID files pre-existing
rm -f /usr/local/apache2/logs/httpd.pid

exec httpd -DFOREGROUND "$@"
`;

const IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

export const HTTPD_PREFIX_DIR = layer({
  key: 'httpd:2.4/prefix', createdBy: runBy('mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX"'), created: CREATED,
  size: 0, compressedSize: 176, spec: `d 755 ${PREFIX}\no 33:33 ${PREFIX}`,
});

export const HTTPD_WORKDIR = layer({ key: 'httpd:2.4/workdir', createdBy: `WORKDIR ${PREFIX}`, created: CREATED, size: 0, compressedSize: 32 });

export const HTTPD_DEPS = layer({
  key: 'httpd:2.4/deps',
  createdBy: runBy('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \trm -rf /var/lib/apt/lists/*'),
  created: CREATED, size: 9_526_713, compressedSize: 3_246_152,
  spec: 'x /usr/lib/x86_64-linux-gnu libapr-1.so.0.7.2=239024 libaprutil-1.so.0.6.3=186960 libldap-2.5.so.0.1.8=351216\nf 644 /etc/ssl/certs ca-certificates.crt=219342',
});

export const HTTPD_BUILD = layer({
  key: 'httpd:2.4/build', createdBy: runBy(BUILD_RUN), created: CREATED, size: 63_708_102, compressedSize: 24_913_561,
  spec: `d 755 ${PREFIX}/bin ${PREFIX}/build ${PREFIX}/cgi-bin ${PREFIX}/conf ${PREFIX}/conf/extra ${PREFIX}/error ${PREFIX}/htdocs ${PREFIX}/icons ${PREFIX}/include ${PREFIX}/logs ${PREFIX}/modules
x ${PREFIX}/bin httpd=2431160 apachectl=3443 htpasswd=64312 ab=107032 rotatelogs=39336 apxs=23678
f 644 ${PREFIX}/modules mod_alias.so=31264 mod_rewrite.so=109032 mod_ssl.so=389344 mod_proxy.so=180760 mod_mpm_event.so=149032
f 644 ${PREFIX}/conf httpd.conf=20981 magic=13077 mime.types=60847
f 644 ${PREFIX}/conf/extra httpd-ssl.conf=13471 httpd-vhosts.conf=1499
t 644 ${PREFIX}/htdocs/index.html`,
  texts: { [`${PREFIX}/htdocs/index.html`]: IT_WORKS },
});

export const HTTPD_FOREGROUND = layer({
  key: 'httpd:2.4/foreground', createdBy: 'COPY httpd-foreground /usr/local/bin/ # buildkit', created: CREATED,
  size: byteLength(FOREGROUND), compressedSize: 294,
  spec: 't 775 /usr/local/bin/httpd-foreground', texts: { '/usr/local/bin/httpd-foreground': FOREGROUND },
});

export const httpd24 = new Build(CREATED, debianBookwormSlim)
  .env('HTTPD_PREFIX', PREFIX)
  .env('PATH', `${PREFIX}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`)
  .layer(HTTPD_PREFIX_DIR)
  .workdir(PREFIX, HTTPD_WORKDIR)
  .layer(HTTPD_DEPS)
  .env('HTTPD_VERSION', '2.4.63')
  .env('HTTPD_SHA256', '88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab')
  .env('HTTPD_PATCHES', '')
  .layer(HTTPD_BUILD)
  .stopSignal('SIGWINCH')
  .layer(HTTPD_FOREGROUND)
  .expose('80/tcp')
  .cmd(['httpd-foreground'])
  .done('httpd', ['2.4', '2.4.63', '2', 'latest']);
