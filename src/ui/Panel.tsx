import { Component, Suspense, type ReactNode } from 'react';
import { useT } from './context.ts';

/** A landmark region named by its visible title (design.md §4: every panel is a named region). */
export function Panel({ id, title, className, extra, children }: { id: string; title: string; className?: string; extra?: ReactNode; children: ReactNode }) {
  const headingId = `${id}-title`;
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={headingId} data-panel={id}>
      <div className="panel__bar">
        <h2 id={headingId} className="panel__title">{title}</h2>
        {extra}
      </div>
      <div className="panel__body">
        <PanelBoundary>
          <Suspense fallback={<Loading />}>{children}</Suspense>
        </PanelBoundary>
      </div>
    </section>
  );
}

export function Loading() {
  const t = useT();
  return <p className="empty">{t('panel.loading')}</p>;
}

/** A panel that fails (a chunk that will not load, a render bug) shows why, and the others carry on. */
export class PanelBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p className="empty empty--error" role="alert">{this.state.error.message}</p> : this.props.children;
  }
}
