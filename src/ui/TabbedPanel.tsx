import { Suspense, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { Area, AreaView } from '../store/index.ts';
import { usePlayground, useStoreValue } from './context.ts';
import { Loading, PanelBoundary } from './Panel.tsx';

export interface TabSpec<A extends Area> {
  readonly view: AreaView<A>;
  readonly title: string;
  /** Shown in the bar, right of the tabs, while this tab is active (a legend, a hint). */
  readonly extra?: ReactNode;
  readonly render: () => ReactNode;
}

/**
 * A workspace area with one panel per tab (WAI-ARIA tabs pattern: arrow keys move between tabs,
 * Home/End jump). The area is a landmark region named by the active tab's title, so a panel keeps
 * its name ("Processes", "Layers") whichever area shows it. Only the active tab is mounted: hidden
 * diagrams cost nothing.
 */
export function TabbedPanel<A extends Area>({ area, label, tabs, className }: { area: A; label: string; tabs: readonly TabSpec<A>[]; className?: string }) {
  const { store } = usePlayground();
  const active = useStoreValue((s) => s.views[area]) as AreaView<A>;
  const current = tabs.find((tab) => tab.view === active) ?? tabs[0];
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const show = (view: AreaView<A>) => store.getState().showView(area, view);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.findIndex((tab) => tab.view === current.view);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    show(tab.view);
    refs.current.get(tab.view)?.focus();
  };

  const tabId = (view: string) => `tab-${view}`;
  const panelId = `tabpanel-${area}`;
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={tabId(current.view)} data-panel={current.view}>
      <div className="panel__bar">
        {/* The active panel's heading, for the outline (the tabs show it visibly). */}
        <h2 className="visually-hidden">{current.title}</h2>
        <div role="tablist" aria-label={label} className="tabs">
          {tabs.map((tab) => {
            const selected = tab.view === current.view;
            return (
              <button
                key={tab.view}
                ref={(el) => {
                  if (el) refs.current.set(tab.view, el);
                  else refs.current.delete(tab.view);
                }}
                type="button"
                role="tab"
                id={tabId(tab.view)}
                className="tab"
                aria-selected={selected}
                aria-controls={panelId}
                tabIndex={selected ? 0 : -1}
                onClick={() => show(tab.view)}
                onKeyDown={onKeyDown}
              >
                {tab.title}
              </button>
            );
          })}
        </div>
        {current.extra}
      </div>
      <div className="panel__body" role="tabpanel" id={panelId} aria-labelledby={tabId(current.view)}>
        <PanelBoundary key={current.view}>
          <Suspense fallback={<Loading />}>{current.render()}</Suspense>
        </PanelBoundary>
      </div>
    </section>
  );
}
