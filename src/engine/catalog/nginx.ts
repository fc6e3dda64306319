/**
 * nginx:1.27 (= latest, on debian:bookworm-slim) and nginx:alpine (on alpine:3.21), as
 * docker-library/nginx builds them: an install RUN, five COPY layers for the entrypoint and
 * its /docker-entrypoint.d scripts, `ENTRYPOINT ["/docker-entrypoint.sh"]`, `EXPOSE 80`,
 * `STOPSIGNAL SIGQUIT`, `CMD ["nginx" "-g" "daemon off;"]`.
 */
import { byteLength } from '../fs/tree.ts';
import { ALPINE_GROUP, ALPINE_PASSWD, alpine321 } from './alpine.ts';
import { Build, runBy } from './build.ts';
import { DEB_GROUP, DEB_PASSWD } from './deb.ts';
import { debianBookwormSlim } from './debian.ts';
import { layer, type CatalogLayer } from './layer.ts';
import { NGINX_COMMON_SPEC, NGINX_ENTRYPOINT, NGINX_LOCAL_RESOLVERS, NGINX_TEXTS } from './nginx-files.ts';

const MAINTAINER = 'NGINX Docker Maintainers <docker-maint@nginx.com>';
const VERSION = '1.27.4';
const NJS = '0.8.9';

const DEBIAN_RUN = `set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS="573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME="$(mktemp -d)";     found='';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do     for server in         hkp://keyserver.ubuntu.com:80         pgp.mit.edu     ; do         echo "Fetching GPG key $NGINX_GPGKEY from $server";         gpg1 --keyserver "$server" --keyserver-options timeout=10 --recv-keys "$NGINX_GPGKEY" && found=yes && break;     done;     test -z "$found" && echo >&2 "error: failed to fetch GPG key $NGINX_GPGKEY" && exit 1;     done;     gpg1 --export "$NGINX_GPGKEYS" > "$NGINX_GPGKEY_PATH" ;     rm -rf "$GNUPGHOME";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch="$(dpkg --print-architecture)"     && nginxPackages="         nginx=\${NGINX_VERSION}-\${PKG_RELEASE}         nginx-module-xslt=\${NGINX_VERSION}-\${DYNPKG_RELEASE}         nginx-module-geoip=\${NGINX_VERSION}-\${DYNPKG_RELEASE}         nginx-module-image-filter=\${NGINX_VERSION}-\${DYNPKG_RELEASE}         nginx-module-njs=\${NGINX_VERSION}+\${NJS_VERSION}-\${NJS_RELEASE}     "     && case "$dpkgArch" in         amd64|arm64)             echo "deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/mainline/debian/ bookworm nginx" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;         *)             tempDir="$(mktemp -d)"             && chmod 777 "$tempDir"             && savedAptMark="$(apt-mark showmanual)"             && apt-get update             && apt-get install --no-install-recommends --no-install-suggests -y                 curl                 devscripts                 equivs                 git                 libxml2-utils                 lsb-release                 xsltproc             && (                 cd "$tempDir"                 && REVISION="\${NGINX_VERSION}-\${PKG_RELEASE}"                 && REVISION=\${REVISION%~*}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/\${REVISION}.tar.gz                 && tar xzvf \${REVISION}.tar.gz                 && cd pkg-oss-\${REVISION}                 && cd debian                 && for target in base module-geoip module-image-filter module-njs module-xslt; do                     make rules-$target;                     mk-build-deps --install --tool="apt-get -o Debug::pkgProblemResolver=yes --no-install-recommends --yes"                         debuild-$target/nginx-$NGINX_VERSION/debian/control;                 done                 && make base module-geoip module-image-filter module-njs module-xslt             )             && apt-mark showmanual | xargs apt-mark auto > /dev/null             && { [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; }             && ls -lAFh "$tempDir"             && ( cd "$tempDir" && dpkg-scanpackages . > Packages )             && grep '^Package: ' "$tempDir/Packages"             && echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list             && apt-get -o Acquire::GzipIndexes=false update             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && if [ -n "$tempDir" ]; then         apt-get purge -y --auto-remove         && rm -rf "$tempDir" /etc/apt/sources.list.d/temp.list;     fi     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d`;

const ALPINE_RUN_SLIM = `set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=\${NGINX_VERSION}-r\${PKG_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && case "$apkArch" in         x86_64|aarch64)             set -x             && KEY_SHA512="e09fa32f0a0eab2b879ccbbc4d0e4fb9751486eedda75e35fac65802cc9faa266425edf83e261137a2f4d16281ce2c1a5f4502930fe75154723da014214f0655"             && wget -O /tmp/nginx_signing.rsa.pub https://nginx.org/keys/nginx_signing.rsa.pub             && if echo "$KEY_SHA512 */tmp/nginx_signing.rsa.pub" | sha512sum -c -; then                 echo "key verification succeeded!";                 mv /tmp/nginx_signing.rsa.pub /etc/apk/keys/;             else                 echo "key verification failed!";                 exit 1;             fi             && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main" --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -n "$tempDir" ]; then rm -rf "$tempDir"; fi     && if [ -f "/etc/apk/keys/abuild-key.rsa.pub" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache --virtual .gettext gettext     && mv /usr/bin/envsubst /tmp/     && runDeps="$(         scanelf --needed --nobanner /tmp/envsubst             | awk '{ gsub(/,/, "\\nso:", $2); print "so:" $2 }'             | sort -u             | xargs -r apk info --installed             | sort -u     )"     && apk add --no-cache $runDeps     && apk del --no-network .gettext     && mv /tmp/envsubst /usr/local/bin/     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d`;

const ALPINE_RUN_MODULES = `set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=\${NGINX_VERSION}-r\${PKG_RELEASE}         nginx-module-xslt=\${NGINX_VERSION}-r\${DYNPKG_RELEASE}         nginx-module-geoip=\${NGINX_VERSION}-r\${DYNPKG_RELEASE}         nginx-module-image-filter=\${NGINX_VERSION}-r\${DYNPKG_RELEASE}         nginx-module-njs=\${NGINX_VERSION}.\${NJS_VERSION}-r\${NJS_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && case "$apkArch" in         x86_64|aarch64)             set -x             && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main" --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -n "$tempDir" ]; then rm -rf "$tempDir"; fi     && if [ -f "/etc/apk/keys/abuild-key.rsa.pub" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache curl ca-certificates`;

const SCRIPTS: readonly [string, number][] = [
  ['10-listen-on-ipv6-by-default.sh', 2125],
  ['15-local-resolvers.envsh', byteLength(NGINX_LOCAL_RESOLVERS)],
  ['20-envsubst-on-templates.sh', 3018],
  ['30-tune-worker-processes.sh', 4799],
];

const COMPRESSED = { entrypoint: 628, '10': 957, '15': 405, '20': 1210, '30': 1400 } as const;

/** The five COPY layers (entrypoint + scripts), dated `created`. */
function copyLayers(variant: string, created: string): CatalogLayer[] {
  const out = [
    layer({
      key: `nginx:${variant}/entrypoint`, createdBy: 'COPY docker-entrypoint.sh / # buildkit', created,
      size: byteLength(NGINX_ENTRYPOINT), compressedSize: COMPRESSED.entrypoint,
      spec: 't 775 /docker-entrypoint.sh', texts: NGINX_TEXTS,
    }),
  ];
  for (const [name, size] of SCRIPTS) {
    const path = `/docker-entrypoint.d/${name}`;
    out.push(
      layer({
        key: `nginx:${variant}/${name}`, createdBy: `COPY ${name} /docker-entrypoint.d # buildkit`, created,
        size, compressedSize: COMPRESSED[name.slice(0, 2) as '10' | '15' | '20' | '30'],
        spec: name.endsWith('.envsh') ? `t 775 ${path}` : `f 775 /docker-entrypoint.d ${name}=${size}`,
        texts: NGINX_TEXTS,
      }),
    );
  }
  return out;
}

function withNginxTail(b: Build, copies: CatalogLayer[]): Build {
  for (const l of copies) b.layer(l);
  return b.entrypoint(['/docker-entrypoint.sh']).expose('80/tcp').stopSignal('SIGQUIT').cmd(['nginx', '-g', 'daemon off;']);
}

// ── nginx:1.27 (debian) ──────────────────────────────────────────────────────────────────────

const DEBIAN_CREATED = '2025-02-25T01:09:52Z';

export const NGINX_DEBIAN_RUN = layer({
  key: 'nginx:1.27/run',
  createdBy: runBy(DEBIAN_RUN),
  created: DEBIAN_CREATED,
  size: 117_180_230,
  compressedSize: 43_846_128,
  spec: `${NGINX_COMMON_SPEC}
x /usr/sbin nginx=1423176 nginx-debug=1517400
x /usr/bin curl=285848 envsubst=35336 gpgv=305240
d 755 /usr/lib/nginx /usr/lib/nginx/modules /usr/share/doc/nginx /etc/apt/keyrings
f 755 /usr/lib/nginx/modules ngx_http_js_module.so=1322432 ngx_stream_js_module.so=1277376 ngx_http_xslt_filter_module.so=35464 ngx_http_geoip_module.so=27176 ngx_http_image_filter_module.so=31360
l /etc/nginx modules>../../usr/lib/nginx/modules
x /usr/lib/x86_64-linux-gnu libcurl.so.4.8.0=706744 libnghttp2.so.14.24.1=182432 libssl.so.3=695736 libcrypto.so.3=4709488
f 644 /etc/apt/keyrings nginx-archive-keyring.gpg=4739
t 644 /etc/passwd /etc/group`,
  texts: {
    ...NGINX_TEXTS,
    '/etc/passwd': `${DEB_PASSWD}nginx:x:101:101:nginx user:/nonexistent:/bin/false\n`,
    '/etc/group': `${DEB_GROUP}nginx:x:101:\n`,
  },
});

const NGINX_DEBIAN_COPIES = copyLayers('1.27', DEBIAN_CREATED);

export const nginx127 = withNginxTail(
  new Build(DEBIAN_CREATED, debianBookwormSlim)
    .label('maintainer', MAINTAINER)
    .env('NGINX_VERSION', VERSION)
    .env('NJS_VERSION', NJS)
    .env('NJS_RELEASE', '1~bookworm')
    .env('PKG_RELEASE', '1~bookworm')
    .env('DYNPKG_RELEASE', '1~bookworm')
    .layer(NGINX_DEBIAN_RUN),
  NGINX_DEBIAN_COPIES,
).done('nginx', ['1.27', '1.27.4', 'mainline', 'latest']);

// ── nginx:alpine ─────────────────────────────────────────────────────────────────────────────

const ALPINE_CREATED = '2025-02-14T18:31:24Z';

export const NGINX_ALPINE_RUN_SLIM = layer({
  key: 'nginx:alpine/run-slim',
  createdBy: runBy(ALPINE_RUN_SLIM),
  created: ALPINE_CREATED,
  size: 5_071_324,
  compressedSize: 1_795_560,
  spec: `${NGINX_COMMON_SPEC}
x /usr/sbin nginx=1301432 nginx-debug=1391544
x /usr/local/bin envsubst=47384
d 755 /usr/lib/nginx /usr/lib/nginx/modules /usr/share/zoneinfo
l /etc/nginx modules>/usr/lib/nginx/modules
f 644 /etc/apk/keys nginx_signing.rsa.pub=451
t 644 /etc/passwd /etc/group`,
  texts: {
    ...NGINX_TEXTS,
    '/etc/passwd': `${ALPINE_PASSWD}nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n`,
    '/etc/group': ALPINE_GROUP.replace('nogroup:x:65533:\n', 'nginx:x:101:nginx\nnogroup:x:65533:\n'),
  },
});

export const NGINX_ALPINE_RUN_MODULES = layer({
  key: 'nginx:alpine/run-modules',
  createdBy: runBy(ALPINE_RUN_MODULES),
  created: ALPINE_CREATED,
  size: 34_983_214,
  compressedSize: 14_922_460,
  spec: `
f 755 /usr/lib/nginx/modules ngx_http_js_module.so=1408112 ngx_stream_js_module.so=1360368 ngx_http_xslt_filter_module.so=30024 ngx_http_geoip_module.so=22352 ngx_http_image_filter_module.so=26608
x /usr/bin curl=259688
x /usr/lib libcurl.so.4.8.0=628472 libxml2.so.2.13.4=1202960 libxslt.so.1.1.39=243960 libgd.so.3.0.11=410472`,
});

export const nginxAlpine = withNginxTail(
  new Build(ALPINE_CREATED, alpine321)
    .label('maintainer', MAINTAINER)
    .env('NGINX_VERSION', VERSION)
    .env('PKG_RELEASE', '1')
    .env('DYNPKG_RELEASE', '1')
    .layer(NGINX_ALPINE_RUN_SLIM),
  copyLayers('alpine', ALPINE_CREATED),
)
  .env('NJS_VERSION', NJS)
  .env('NJS_RELEASE', '1')
  .layer(NGINX_ALPINE_RUN_MODULES)
  .done('nginx', ['alpine', '1.27-alpine', '1.27.4-alpine', 'mainline-alpine']);

