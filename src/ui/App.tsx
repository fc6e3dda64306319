import { lazy, useEffect } from 'react';
import { PlaygroundContext, useStoreValue, useT, type Playground } from './context.ts';
import { Header } from './Header.tsx';
import { LiveNarration } from './LiveNarration.tsx';
import { Panel } from './Panel.tsx';
import { ProblemBanner } from './ProblemBanner.tsx';

// Heavy panels load lazily (design.md §5: initial JS ≤ 250 KB gzip).
const TerminalPanel = lazy(() => import('./terminal/TerminalPanel.tsx'));
const ProcessesPanel = lazy(() => import('./processes/ProcessesPanel.tsx'));
const CgroupsPanel = lazy(() => import('./cgroups/CgroupsPanel.tsx'));

export function App({ playground, fixture = false }: { playground: Playground; fixture?: boolean }) {
  return (
    <PlaygroundContext value={playground}>
      <Shell fixture={fixture} />
    </PlaygroundContext>
  );
}

function Shell({ fixture }: { fixture: boolean }) {
  const t = useT();
  const lang = useStoreValue((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <div className="app">
      <Header fixture={fixture} />
      <ProblemBanner />
      <main className="workspace">
        <Panel id="processes" title={t('panel.processes')} className="area-processes" extra={<Legend />}>
          <ProcessesPanel />
        </Panel>
        <Panel id="cgroups" title={t('panel.cgroups')} className="area-cgroups">
          <CgroupsPanel />
        </Panel>
        <Panel id="terminal" title={t('panel.terminal')} className="area-terminal" extra={<p className="panel__hint">{t('terminal.hint')}</p>}>
          <TerminalPanel />
        </Panel>
      </main>
      <footer className="app-footer">
        <LiveNarration />
      </footer>
    </div>
  );
}

function Legend() {
  const t = useT();
  return (
    <ul className="legend">
      <li><span className="legend__swatch legend__swatch--host" aria-hidden="true" />{t('proc.legendHost')}</li>
      <li><span className="legend__swatch legend__swatch--box" aria-hidden="true" />{t('proc.legendBox')}</li>
    </ul>
  );
}
