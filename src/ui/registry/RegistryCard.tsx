/**
 * One registry: its repositories, each with its tags and the blobs its tags name (layers bottom
 * → top, then the config). A blob linked into several repositories of the same registry is marked
 * shared with the count; blobs of the latest transfer are lit.
 */
import type { RegistryView } from '../../engine/snapshot.ts';
import { useT } from '../context.ts';
import { dockerSize } from '../layers/humanSize.ts';

export function RegistryCard({ registry, highlight }: { registry: RegistryView; highlight: ReadonlySet<string> | null }) {
  const t = useT();
  const uses = new Map<string, number>();
  for (const r of registry.repositories) for (const b of r.blobs) uses.set(b.digest, (uses.get(b.digest) ?? 0) + 1);
  const title = registry.kind === 'hub' ? t('registry.hub') : registry.id;
  return (
    <section className={`reg-card reg-card--${registry.kind}`} aria-labelledby={`reg-card-${registry.id}`} data-testid="registry-card" data-registry={registry.id}>
      <h2 id={`reg-card-${registry.id}`} className="reg-card__title">
        {title}
        <span className="reg-card__sub">{registry.kind === 'hub' ? 'docker.io' : t('registry.localSub')}</span>
        <span className="reg-card__user">{registry.user ? t('registry.loggedIn', { user: registry.user }) : t('registry.anonymous')}</span>
      </h2>
      {registry.repositories.length === 0 && <p className="reg__hint">{t('registry.emptyRegistry')}</p>}
      <ul className="reg-repos">
        {registry.repositories.map((repo) => (
          <li key={repo.name} className="reg-repo" data-testid="registry-repo" data-name={repo.name}>
            <div className="reg-repo__head">
              <span className="reg-repo__name mono">{repo.name}</span>
              {repo.readOnly && <span className="reg-repo__badge">{t('registry.official')}</span>}
              <span className="reg-repo__tags">
                {repo.tags.map((tag) => <span key={tag.tag} className="reg-tag mono" title={tag.digest}>{tag.tag}</span>)}
              </span>
            </div>
            <ul className="reg-blobs" aria-label={t('registry.blobsAria', { repo: repo.name })}>
              {repo.blobs.map((b) => {
                const shared = (uses.get(b.digest) ?? 0) > 1;
                const lit = highlight?.has(b.digest) ?? false;
                return (
                  <li
                    key={b.digest}
                    className={`reg-blob reg-blob--${b.kind}${shared ? ' reg-blob--shared' : ''}${lit ? ' reg-blob--lit' : ''}`}
                    data-testid="registry-blob"
                    data-digest={b.digest}
                    title={`${b.digest} · ${dockerSize(b.size)}`}
                  >
                    <span className="mono">{b.digest.slice(7, 19)}</span>
                    <span className="reg-blob__size">{b.kind === 'config' ? t('registry.config') : dockerSize(b.size)}</span>
                    {shared && <span className="reg-blob__shared">{t('registry.shared', { count: uses.get(b.digest) ?? 0 })}</span>}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
