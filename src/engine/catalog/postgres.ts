/**
 * postgres:17 (= latest) and postgres:16 on debian:bookworm-slim. Both come out of the same
 * Dockerfile, reproducibly built: every layer up to the PGDG signing key is shared, so pulling
 * one after the other shows a run of "Already exists".
 */
import { byteLength } from '../fs/tree.ts';
import { Build, runBy, type CatalogImage } from './build.ts';
import { DEB_GROUP, DEB_PASSWD, gshadowFor, shadowFor } from './deb.ts';
import { debianBookwormSlim } from './debian.ts';
import { layer, type CatalogLayer } from './layer.ts';

const SHARED_CREATED = '2025-02-25T02:41:09Z';

const PASSWD = `${DEB_PASSWD}postgres:x:999:999::/var/lib/postgresql:/bin/bash\n`;
const GROUP = `${DEB_GROUP}postgres:x:999:\n`;

const GOSU_RUN = `set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch="$(dpkg --print-architecture | awk -F- '{ print $NF }')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tapt-mark auto '.*' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true`;

const LOCALES_RUN = `set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; \t\t! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \techo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \tlocale-gen; \tlocale -a | grep 'en_US.utf8'`;

const KEY_RUN = `set -ex; \tkey='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8'; \texport GNUPGHOME="$(mktemp -d)"; \tmkdir -p /usr/local/share/keyrings/; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tgpg --batch --export --armor "$key" > /usr/local/share/keyrings/postgres.gpg.asc; \tgpgconf --kill all; \trm -rf "$GNUPGHOME"`;

const INSTALL_RUN = `set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch="$(dpkg --print-architecture)"; \taptRepo="[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt bookworm-pgdg main $PG_MAJOR"; \tcase "$dpkgArch" in \t\tamd64 | arm64 | ppc64el | s390x) \t\t\techo "deb $aptRepo" > /etc/apt/sources.list.d/pgdg.list; \t\t\tapt-get update; \t\t\t;; \t\t*) \t\t\techo "deb-src $aptRepo" > /etc/apt/sources.list.d/pgdg.list; \t\t\t\t\t\tsavedAptMark="$(apt-mark showmanual)"; \t\t\t\t\t\ttempDir="$(mktemp -d)"; \t\t\tcd "$tempDir"; \t\t\t\t\t\tapt-get update; \t\t\tapt-get install -y --no-install-recommends dpkg-dev; \t\t\techo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list; \t\t\t_update_repo() { \t\t\t\tdpkg-scanpackages . > Packages; \t\t\t\tapt-get -o Acquire::GzipIndexes=false update; \t\t\t}; \t\t\t_update_repo; \t\t\t\t\t\tnproc="$(nproc)"; \t\t\texport DEB_BUILD_OPTIONS="nocheck parallel=$nproc"; \t\t\tapt-get build-dep -y postgresql-common pgdg-keyring; \t\t\tapt-get source --compile postgresql-common pgdg-keyring; \t\t\t_update_repo; \t\t\tapt-get build-dep -y "postgresql-$PG_MAJOR=$PG_VERSION"; \t\t\tapt-get source --compile "postgresql-$PG_MAJOR=$PG_VERSION"; \t\t\t\t\t\t\t\t\tapt-mark showmanual | xargs apt-mark auto > /dev/null; \t\t\tapt-mark manual $savedAptMark; \t\t\t\t\t\tls -lAFh; \t\t\t_update_repo; \t\t\tgrep '^Package: ' Packages; \t\t\tcd /; \t\t\t;; \tesac; \t\tapt-get install -y --no-install-recommends postgresql-common; \tsed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf; \tapt-get install -y --no-install-recommends \t\t"postgresql-$PG_MAJOR=$PG_VERSION" \t; \t\trm -rf /var/lib/apt/lists/*; \t\tif [ -n "$tempDir" ]; then \t\tapt-get purge -y --auto-remove; \t\trm -rf "$tempDir" /etc/apt/sources.list.d/temp.list; \tfi; \t\tfind /usr -name '*.pyc' -type f -exec bash -c 'for pyc; do dpkg -S "$pyc" &> /dev/null || rm -vf "$pyc"; done' -- '{}' +; \t\tpostgres --version`;

const DIVERT_RUN = `set -eux; \tdpkg-divert --add --rename --divert "/usr/share/postgresql/postgresql.conf.sample.dpkg" "/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \tln -sv ../postgresql.conf.sample "/usr/share/postgresql/$PG_MAJOR/"; \tsed -ri "s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!" /usr/share/postgresql/postgresql.conf.sample; \tgrep -F "listen_addresses = '*'" /usr/share/postgresql/postgresql.conf.sample`;

const run = (key: string, script: string, size: number, compressedSize: number, spec: string, texts?: Record<string, string>, created = SHARED_CREATED) =>
  layer({ key, createdBy: runBy(script), created, size, compressedSize, spec, texts });

// Shared by 16 and 17.
export const PG_USER = run(
  'postgres/user',
  'set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tmkdir -p /var/lib/postgresql; \tchown -R postgres:postgres /var/lib/postgresql',
  4_521, 1_167,
  't 644 /etc/passwd /etc/group\nt 640 /etc/shadow /etc/gshadow\no 0:42 /etc/shadow /etc/gshadow\nd 755 /var/lib/postgresql\no 999:999 /var/lib/postgresql',
  { '/etc/passwd': PASSWD, '/etc/group': GROUP, '/etc/shadow': shadowFor(PASSWD, 20144), '/etc/gshadow': gshadowFor(GROUP) },
);
export const PG_GNUPG = run('postgres/gnupg', 'set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/*', 19_612_930, 6_437_903,
  'x /usr/bin gpg=1201016 gpg-agent=338976 gpgconf=157248 dirmngr=493520 less=199976 lesspipe=9047');
export const PG_GOSU = run('postgres/gosu', GOSU_RUN, 2_421_302, 1_256_702, 'x /usr/local/bin gosu=2363544');
export const PG_LOCALES = run('postgres/locales', LOCALES_RUN, 24_111_516, 8_203_770,
  'x /usr/sbin locale-gen=4163 update-locale=3236 validlocale=1771\nd 755 /usr/lib/locale/C.utf8\nf 644 /usr/lib/locale locale-archive=3048976\nf 644 /etc locale.gen=10\nt 644 /etc/dpkg/dpkg.cfg.d/docker',
  { '/etc/dpkg/dpkg.cfg.d/docker': '# This is the "slim" variant of the Debian base image.\n# Many files which are normally unnecessary in containers are excluded,\n# and this configuration file keeps them that way.\npath-exclude /usr/share/doc/*\npath-include /usr/share/doc/*/copyright\npath-exclude /usr/share/groff/*\npath-exclude /usr/share/info/*\npath-exclude /usr/share/linda/*\npath-exclude /usr/share/lintian/overrides/*\npath-exclude /usr/share/man/*\n' });
export const PG_NSS = run('postgres/nss-wrapper', 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/*', 4_148_804, 1_311_616,
  'x /usr/bin xz=85336 zstd=1251536\nx /usr/lib/x86_64-linux-gnu libnss_wrapper.so=68832');
export const PG_INITDB_DIR = run('postgres/initdb-dir', 'mkdir /docker-entrypoint-initdb.d', 0, 116, 'd 755 /docker-entrypoint-initdb.d');
export const PG_KEY = run('postgres/key', KEY_RUN, 4_720, 3_144, 'd 755 /usr/local/share/keyrings\nf 644 /usr/local/share/keyrings postgres.gpg.asc=4720');

const ENTRYPOINT_SIZE = 12_447;
const ENSURE_INITDB = `#!/usr/bin/env bash
set -Eeuo pipefail

#
# This script is intended for three main use cases:
#
#  1. (most importantly) as an example of how to use "docker-entrypoint.sh" to extend/reuse the initialization behavior
#
#  2. ("docker-ensure-initdb.sh") as a Kubernetes "init container" to ensure the provided database directory is initialized; see also "startup probes" for an alternative solution
#       (no-op if database is already initialized)
#
#  3. ("docker-enforce-initdb.sh") as part of CI to ensure the database is fully initialized before use
#       (error if database is already initialized)
#

source /usr/local/bin/docker-entrypoint.sh

# arguments to this script are assumed to be arguments to the "postgres" server (same as "docker-entrypoint.sh"), and most "docker-entrypoint.sh" functions assume "postgres" is the first argument (see "_main" over there)
if [ "$#" -eq 0 ] || [ "$1" != 'postgres' ]; then
	set -- postgres "$@"
fi

# see also "_main" in "docker-entrypoint.sh"

docker_setup_env
# setup data directories and permissions (when run as root)
docker_create_db_directories
if [ "$(id -u)" = '0' ]; then
	# then restart script as postgres user
	exec gosu postgres "$BASH_SOURCE" "$@"
fi

# only run initialization on an empty data directory
if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
	docker_verify_minimum_env
	docker_error_old_databases

	# check dir permissions to reduce likelihood of half-initialized database
	ls /docker-entrypoint-initdb.d/ > /dev/null

	docker_init_database_dir
	pg_setup_hba_conf "$@"

	# PGPASSWORD is required for psql when authentication is required for 'local' connections via pg_hba.conf and is otherwise harmless
	# e.g. when '--auth=md5' or '--auth-local=md5' is used in POSTGRES_INITDB_ARGS
	export PGPASSWORD="\${PGPASSWORD:-$POSTGRES_PASSWORD}"
	docker_temp_server_start "$@"

	docker_setup_db
	docker_process_init_files /docker-entrypoint-initdb.d/*

	docker_temp_server_stop
	unset PGPASSWORD
else
	self="$(basename "$0")"
	case "$self" in
		docker-ensure-initdb.sh)
			echo >&2 "$self: note: database already initialized in '$PGDATA'!"
			exit 0
			;;

		docker-enforce-initdb.sh)
			echo >&2 "$self: error: (unexpected) database found in '$PGDATA'!"
			exit 1
			;;

		*)
			echo >&2 "$self: error: unexpected file name: $self (expected 'docker-ensure-initdb.sh' or 'docker-enforce-initdb.sh')"
			exit 1
			;;
	esac
fi
`;

interface PgRelease {
  readonly major: string;
  readonly version: string;
  readonly created: string;
  readonly installSize: number;
  readonly installCompressed: number;
  readonly tags: readonly string[];
}

function postgresImage(r: PgRelease): CatalogImage {
  const c = r.created;
  const bin = `/usr/lib/postgresql/${r.major}/bin`;
  const install = run(`postgres:${r.major}/install`, INSTALL_RUN, r.installSize, r.installCompressed, `
d 755 /usr/lib/postgresql /usr/lib/postgresql/${r.major} ${bin} /usr/share/postgresql /usr/share/postgresql/${r.major} /etc/postgresql-common /usr/share/postgresql-common
x ${bin} postgres=9781376 initdb=155584 pg_ctl=72144 psql=749872 pg_dump=478032 pg_dumpall=141528 pg_restore=223048 createdb=84664 dropdb=84152 createuser=88760 pg_isready=80152 pg_basebackup=183048 vacuumdb=97112 reindexdb=92216
x /usr/share/postgresql-common pg_wrapper=9213
l /usr/bin psql>../share/postgresql-common/pg_wrapper pg_dump>../share/postgresql-common/pg_wrapper createdb>../share/postgresql-common/pg_wrapper pg_isready>../share/postgresql-common/pg_wrapper
f 644 /usr/share/postgresql/${r.major} postgresql.conf.sample=31525 pg_hba.conf.sample=5711
f 644 /etc/postgresql-common createcluster.conf=1658
d 755 /var/log/postgresql
x /usr/lib/x86_64-linux-gnu libpq.so.5.${r.major}=352592 libicuuc.so.72.1=2052480 libicudata.so.72.1=31168952 libxml2.so.2.9.14=1970008 libllvm14.so.1=94584432`, undefined, c);
  const divert = run(`postgres:${r.major}/divert`, DIVERT_RUN, 30_113, 10_335,
    `f 644 /usr/share/postgresql postgresql.conf.sample=30065 postgresql.conf.sample.dpkg=30065\nl /usr/share/postgresql/${r.major} postgresql.conf.sample>../postgresql.conf.sample`, undefined, c);
  const runDir = run(`postgres:${r.major}/run-dir`, 'mkdir -p /var/run/postgresql && chown -R postgres:postgres /var/run/postgresql && chmod 3777 /var/run/postgresql', 0, 128,
    'd 3777 /run/postgresql\no 999:999 /run/postgresql', undefined, c);
  const pgdata = run(`postgres:${r.major}/pgdata`, 'mkdir -p "$PGDATA" && chown -R postgres:postgres "$PGDATA" && chmod 1777 "$PGDATA"', 0, 166,
    'd 1777 /var/lib/postgresql/data\no 999:999 /var/lib/postgresql/data', undefined, c);
  const copy: CatalogLayer = layer({
    key: `postgres:${r.major}/entrypoint`, createdBy: 'COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit', created: c,
    size: ENTRYPOINT_SIZE + byteLength(ENSURE_INITDB), compressedSize: 5_837,
    spec: `f 775 /usr/local/bin docker-entrypoint.sh=${ENTRYPOINT_SIZE}\nt 775 /usr/local/bin/docker-ensure-initdb.sh`,
    texts: { '/usr/local/bin/docker-ensure-initdb.sh': ENSURE_INITDB },
  });
  const link = run(`postgres:${r.major}/enforce-link`, 'ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh', 23, 184,
    'l /usr/local/bin docker-enforce-initdb.sh>docker-ensure-initdb.sh', undefined, c);
  return new Build(c, debianBookwormSlim)
    .layer(PG_USER)
    .layer(PG_GNUPG)
    .env('GOSU_VERSION', '1.17')
    .layer(PG_GOSU)
    .layer(PG_LOCALES)
    .env('LANG', 'en_US.utf8')
    .layer(PG_NSS)
    .layer(PG_INITDB_DIR)
    .layer(PG_KEY)
    .env('PG_MAJOR', r.major)
    .env('PATH', `/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:${bin}`)
    .env('PG_VERSION', r.version)
    .layer(install)
    .layer(divert)
    .layer(runDir)
    .env('PGDATA', '/var/lib/postgresql/data')
    .layer(pgdata)
    .volume('/var/lib/postgresql/data')
    .layer(copy)
    .layer(link)
    .entrypoint(['docker-entrypoint.sh'])
    .stopSignal('SIGINT')
    .expose('5432/tcp')
    .cmd(['postgres'])
    .done('postgres', r.tags);
}

export const postgres17 = postgresImage({
  major: '17', version: '17.4-1.pgdg120+2', created: '2025-02-25T02:44:51Z',
  installSize: 312_577_060, installCompressed: 114_102_896, tags: ['17', '17.4', 'latest'],
});
export const postgres16 = postgresImage({
  major: '16', version: '16.8-1.pgdg120+1', created: '2025-02-25T02:47:36Z',
  installSize: 303_913_312, installCompressed: 111_620_043, tags: ['16', '16.8'],
});
