import { lazy, useEffect } from 'react';
import { PlaygroundContext, useStoreValue, useT, type Playground } from './context.ts';
import { Header } from './Header.tsx';
import { LiveNarration } from './LiveNarration.tsx';
import { Panel } from './Panel.tsx';
import { ProblemBanner } from './ProblemBanner.tsx';
import { SessionNotice } from './share/SessionNotice.tsx';
import { ScenarioGoalsSlot } from './share/ScenarioGoalsSlot.tsx';
import { TabbedPanel } from './TabbedPanel.tsx';
import { TerminalBarHint } from './timeline/TravelBanner.tsx';
import { PresenterBar } from './presenter/PresenterBar.tsx';
import { useTerminalFontSize } from './presenter/terminalFont.ts';
import { PaletteButton } from './palette/PaletteButton.tsx';

// Heavy panels load lazily (design.md §5: initial JS ≤ 250 KB gzip).
const TerminalPanel = lazy(() => import('./terminal/TerminalPanel.tsx'));
const ProcessesPanel = lazy(() => import('./processes/ProcessesPanel.tsx'));
const CgroupsPanel = lazy(() => import('./cgroups/CgroupsPanel.tsx'));
const LayersPanel = lazy(() => import('./layers/LayersPanel.tsx'));
const OverlayPanel = lazy(() => import('./overlay/OverlayPanel.tsx'));
const FilesPanel = lazy(() => import('./files/FilesPanel.tsx'));
const ArchitecturePanel = lazy(() => import('./architecture/ArchitecturePanel.tsx'));
const VmComparePanel = lazy(() => import('./vmcompare/VmComparePanel.tsx'));
const NetworkPanel = lazy(() => import('./network/NetworkPanel.tsx'));
const LessonsPanel = lazy(() => import('./lessons/LessonsPanel.tsx'));
const VolumesPanel = lazy(() => import('./volumes/VolumesPanel.tsx'));
const RegistryPanel = lazy(() => import('./registry/RegistryPanel.tsx'));
const TimelinePanel = lazy(() => import('./timeline/TimelinePanel.tsx'));

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
  // Presenter mode: projector theme, the main area's diagram beside the terminal, captions.
  const presenter = useStoreValue((s) => s.presenter);
  const terminalFont = useTerminalFontSize();

  return (
    <div className="app" data-presenter={presenter ? '' : undefined}>
      <Header fixture={fixture} />
      <ProblemBanner />
      <SessionNotice />
      <ScenarioGoalsSlot />
      <main className="workspace">
        <TabbedPanel
          area="main"
          label={t('area.main')}
          className="area-main"
          tabs={[
            { view: 'processes', title: t('panel.processes'), extra: <Legend />, render: () => <ProcessesPanel /> },
            { view: 'layers', title: t('panel.layers'), render: () => <LayersPanel /> },
            { view: 'overlay', title: t('panel.overlay'), render: () => <OverlayPanel /> },
            { view: 'volumes', title: t('panel.volumes'), render: () => <VolumesPanel /> },
            { view: 'architecture', title: t('panel.architecture'), render: () => <ArchitecturePanel /> },
            { view: 'vmcompare', title: t('panel.vmcompare'), render: () => <VmComparePanel /> },
            { view: 'registry', title: t('panel.registry'), render: () => <RegistryPanel /> },
          ]}
        />
        {/* Presenter mode shows one focused diagram: the side area steps aside. */}
        {!presenter && <TabbedPanel
          area="side"
          label={t('area.side')}
          className="area-side"
          tabs={[
            { view: 'cgroups', title: t('panel.cgroups'), render: () => <CgroupsPanel /> },
            { view: 'files', title: t('panel.files'), render: () => <FilesPanel /> },
            { view: 'network', title: t('panel.network'), render: () => <NetworkPanel /> },
            { view: 'lessons', title: t('panel.lessons'), render: () => <LessonsPanel /> },
            { view: 'timeline', title: t('panel.timeline'), render: () => <TimelinePanel /> },
          ]}
        />}
        <Panel id="terminal" title={t('panel.terminal')} className="area-terminal" extra={<><TerminalBarHint /><PaletteButton /></>}>
          <TerminalPanel fontSize={terminalFont} autoFocus={!presenter} />
        </Panel>
      </main>
      {presenter && <PresenterBar />}
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
