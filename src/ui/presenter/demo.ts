/**
 * The built-in presentation, used until a scenario hands presenter mode its own steps: the
 * issue-2 demo (a web server, its processes, a memory limit, the OOM kill), captions in the UI
 * language. Commands are exactly what a person would type.
 */
import type { Translate } from '../../i18n/index.ts';
import type { PresenterStep } from '../../store/index.ts';

export function demoSteps(t: Translate): readonly PresenterStep[] {
  return [
    { run: 'docker run -d --name web nginx', say: t('presenter.demo.run') },
    { run: 'docker top web', say: t('presenter.demo.top') },
    { run: 'docker run -d --name hog --memory 64m progrium/stress --vm 1 --vm-bytes 128M', say: t('presenter.demo.limit') },
    { run: 'docker wait hog', say: t('presenter.demo.wait') },
    { run: 'docker inspect -f "{{.State.OOMKilled}} {{.State.ExitCode}}" hog', say: t('presenter.demo.oom') },
  ];
}
