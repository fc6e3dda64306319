/**
 * The four learner scenarios, typed into the real terminal against the real engine in
 * the worker, asserting what the diagrams show. Each test starts a fresh playground (a new page).
 */
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, panel, runToPrompt, typeCommand, waitForOutput } from './helpers/ui.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

test('1 · docker run -d nginx: its processes appear in a PID-namespace box under the shim, with host and namespace PIDs', async ({ page }) => {
  const watch = await openPlayground(page);
  const processes = panel(page, 'Processes');
  await expect(processes.getByRole('group', { name: /\/sbin\/init, host PID 1$/ })).toBeVisible();
  const id = await runToPrompt(page, 'docker run -d --name web nginx');
  expect(id).toMatch(/^[0-9a-f]{64}\s*$/m);
  const box = processes.getByRole('group', { name: /^Container web, PID namespace/ });
  await expect(box).toBeVisible();
  // The master is PID 1 in its namespace, with its host PID beside it; one worker per CPU.
  await expect(processes.getByRole('group', { name: /^nginx: master process.*host PID \d+, PID 1 in its namespace$/ })).toBeVisible();
  await expect(processes.getByRole('group', { name: /^nginx: worker process, host PID \d+, PID \d+ in its namespace$/ })).toHaveCount(4);
  await expect(processes.getByRole('group', { name: /^\/usr\/bin\/containerd-shim-runc-v2 -namespace moby -id [0-9a-f]{64}/ })).toBeVisible();
  await expect(processes.getByRole('group', { name: /^\/usr\/bin\/containerd, host PID/ })).toBeVisible();
  await expect(processes.getByRole('group', { name: /^\/usr\/bin\/dockerd/ })).toBeVisible();
  await expect(panel(page, 'Cgroups').getByRole('heading', { name: 'web' })).toBeVisible();
  // Container processes are host processes.
  const ps = await runToPrompt(page, 'ps -ef | grep "nginx: master"');
  expect(ps).toMatch(/root\s+\d+\s+\d+\s+0 \d\d:\d\d \?\s+00:00:00 nginx: master process nginx -g daemon off;/);
  // Selecting a process shows its cgroup and namespaces.
  await processes.getByRole('group', { name: /^nginx: master process/ }).click();
  await expect(page.getByText(/\/system\.slice\/docker-[0-9a-f]{64}\.scope/).first()).toBeVisible();
  await shot(page, 'scenario-1-nginx');
  watch.expectClean();
});

test('2 · exec, top, hostname; killing PID 1 from the host takes the whole container down (exit 137)', async ({ page }) => {
  const watch = await openPlayground(page);
  const id = (await runToPrompt(page, 'docker run -d --name web nginx')).match(/^([0-9a-f]{64})\s*$/m)![1];
  expect(await runToPrompt(page, 'docker exec web hostname')).toContain(id.slice(0, 12));
  const top = await runToPrompt(page, 'docker top web');
  expect(top).toMatch(/UID\s+PID\s+PPID\s+C\s+STIME\s+TTY\s+TIME\s+CMD/);
  expect(top).toContain('nginx: worker process');
  const processes = panel(page, 'Processes');
  await expect(processes.getByRole('group', { name: /^Container web, PID namespace/ })).toBeVisible();
  await shot(page, 'scenario-2-before-kill');
  await runToPrompt(page, "kill -9 $(docker inspect -f '{{.State.Pid}}' web)");
  await expect(processes.getByRole('group', { name: /^Container web, PID namespace/ })).toHaveCount(0, { timeout: 10_000 });
  await expect(processes.getByRole('group', { name: /^nginx/ })).toHaveCount(0);
  expect(await runToPrompt(page, "docker ps -a --format '{{.Names}} {{.Status}}'")).toMatch(/web Exited \(137\)/);
  await shot(page, 'scenario-2-after-kill');
  watch.expectClean();
});

test('3 · a 64m memory limit: the gauge climbs, the OOM killer fires, inspect says OOMKilled', async ({ page }) => {
  const watch = await openPlayground(page);
  await runToPrompt(page, 'docker pull -q progrium/stress');
  await page.getByRole('button', { name: /^1×/ }).click();
  await typeCommand(page, 'docker run -d --name hog --memory 64m progrium/stress --vm 1 --vm-bytes 128M');
  const cgroups = panel(page, 'Cgroups');
  await expect(cgroups.getByRole('heading', { name: 'hog' })).toBeVisible();
  // Watch the memory gauge climb toward the limit before the kill.
  await expect(cgroups.getByText(/ of 64 MiB/).first()).toBeVisible();
  await expect(cgroups.getByText(/1 OOM kill/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/hog was OOM-killed/)).toBeVisible();
  await shot(page, 'scenario-3-oom');
  await waitForOutput(page, /root@playground:~# $/m);
  expect(await runToPrompt(page, "docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' hog")).toContain('true 1');
  watch.expectClean();
});

test('4 · cpu shares split one CPU 37:63, --cpus caps at 50 %, update changes limits live, pids-limit stops forks', async ({ page }) => {
  const watch = await openPlayground(page);
  await runToPrompt(page, 'docker pull -q progrium/stress');
  await runToPrompt(page, 'docker run -d --name lo --cpuset-cpus 0 --cpu-shares 512 progrium/stress --cpu 1');
  await runToPrompt(page, 'docker run -d --name hi --cpuset-cpus 0 --cpu-shares 1024 progrium/stress --cpu 1');
  await runToPrompt(page, 'docker run -d --name half --cpus 0.5 progrium/stress --cpu 2');
  await runToPrompt(page, 'sleep 3');
  const stats = await runToPrompt(page, 'docker stats --no-stream');
  expect(stats).toMatch(/CONTAINER ID\s+NAME\s+CPU %\s+MEM USAGE \/ LIMIT\s+MEM %\s+NET I\/O\s+BLOCK I\/O\s+PIDS/);
  expect(stats).toMatch(/lo\s+37\.\d\d%/);
  expect(stats).toMatch(/hi\s+62\.\d\d%/);
  expect(stats).toMatch(/half\s+50\.00%/);
  const cgroups = panel(page, 'Cgroups');
  await expect(cgroups.getByText('cpu.weight 59')).toBeVisible();
  await expect(cgroups.getByText(/cpu\.max 50000 100000/)).toBeVisible();
  await shot(page, 'scenario-4-cpu');
  await runToPrompt(page, 'docker update --cpus 1.5 --pids-limit 4 half');
  await expect(cgroups.getByText(/cpu\.max 150000 100000/)).toBeVisible();
  await runToPrompt(page, 'docker run -d --name lim --pids-limit 5 alpine sleep 1000');
  const forks = await runToPrompt(page, 'docker exec lim sh -c "for i in 1 2 3 4 5 6; do sleep 100 & done"');
  expect(forks).toContain("sh: can't fork: Resource temporarily unavailable");
  await shot(page, 'scenario-4-pids');
  watch.expectClean();
});

test('docker run -it opens a shell inside the container; exit returns to the host', async ({ page }) => {
  const watch = await openPlayground(page);
  await runToPrompt(page, 'docker pull -q alpine');
  await typeCommand(page, 'docker run -it --name box alpine sh');
  await waitForOutput(page, /\/ # $/m, 10_000);
  await typeCommand(page, 'ps');
  await waitForOutput(page, /PID\s+USER\s+TIME\s+COMMAND\n\s+1 root\s+0:00 sh/);
  await expect(panel(page, 'Processes').getByRole('group', { name: /^Container box, PID namespace/ })).toBeVisible();
  await shot(page, 'interactive-shell');
  await typeCommand(page, 'exit');
  await waitForOutput(page, /\/ # exit\nroot@playground:~# $/m);
  expect(await runToPrompt(page, "docker ps -a --format '{{.Names}} {{.Status}}'")).toMatch(/box Exited \(0\)/);
  watch.expectClean();
});
