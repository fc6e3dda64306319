/**
 * The Architecture and VM-vs-container views against the real engine in the worker, driven from
 * the terminal: `docker run -d` logs create (dockerd only) and start (down to runc and the kernel),
 * `docker pull` reaches the registry, `docker events` prints the same actions; the VM-vs-container
 * tab shows both stacks with sourced figures and the live containers.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, panel, runToPrompt } from './helpers/ui.ts';

async function axeOf(page: Page, view: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include(`[data-panel="${view}"]`).analyze();
  return axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

/** The boxes lit in the diagram, by id. */
async function litBoxes(page: Page): Promise<string[]> {
  return page.locator('[data-panel="architecture"] [data-box][data-lit="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-box') ?? '').sort());
}

test('architecture: API calls and the components they reach; docker events; VM vs container', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await openPlayground(page);
  await page.getByRole('tab', { name: 'Architecture' }).click();
  const arch = panel(page, 'Architecture');
  await expect(arch.getByRole('img', { name: /The Docker stack/ })).toBeVisible();
  await expect(arch.getByText('containerd-shim-runc-v2', { exact: true })).toBeVisible();

  await runToPrompt(page, 'docker run -d --name web nginx');
  const log = arch.getByRole('region', { name: 'Engine API calls' });
  const create = log.getByRole('button', { name: /^POST \/v1\.51\/containers\/create\?name=web, status 201/ });
  const start = log.getByRole('button', { name: /^POST \/v1\.51\/containers\/[0-9a-f]{64}\/start, status 204/ });
  await expect(create).toBeVisible();
  await expect(start).toBeVisible();
  // The pull that `docker run` needed went to the registry.
  await expect(log.getByRole('button', { name: /^POST \/v1\.51\/images\/create\?fromImage=docker\.io%2Flibrary%2Fnginx&tag=latest, status 200/ })).toBeVisible();

  // start: dockerd → containerd → shim → runc → kernel (and the network controller beside dockerd).
  await start.click();
  await expect(start).toHaveAttribute('aria-pressed', 'true');
  expect(await litBoxes(page)).toEqual(['cli', 'containerd', 'dockerd', 'kernel', 'networks', 'runc', 'shim']);
  await expect(arch.getByTestId('arch-reached')).toHaveText('dockerd → containerd → shim → runc → kernel → networks');
  await shot(page, 'architecture-start');

  // create: stops at dockerd (and its image cache).
  await create.click();
  expect(await litBoxes(page)).toEqual(['cli', 'dockerd', 'images']);

  // pull: dockerd → registry, into the image cache.
  await create.click(); // back to following the latest call
  await runToPrompt(page, 'docker pull alpine');
  const pull = log.getByRole('button', { name: /^POST \/v1\.51\/images\/create\?fromImage=docker\.io%2Flibrary%2Falpine&tag=latest/ });
  await pull.click();
  expect(await litBoxes(page)).toEqual(['cli', 'dockerd', 'images', 'registry']);
  await expect(arch.locator('[data-box="images"]')).toContainText('images: 2');
  await shot(page, 'architecture-pull');
  expect(await axeOf(page, 'architecture')).toEqual([]);

  // docker events prints the same actions.
  const events = await runToPrompt(page, 'docker events --since 1h --until 0s --format "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}"', { clear: true });
  expect(events).toContain('image pull nginx');
  expect(events).toContain('container create web');
  expect(events).toContain('container start web');
  expect(events).toContain('image pull alpine');

  // VM vs container: both stacks, the sourced figures, the live container.
  await page.getByRole('tab', { name: 'VM vs container' }).click();
  const vmc = panel(page, 'VM vs container');
  await expect(vmc.getByRole('region', { name: 'Three virtual machines' })).toBeVisible();
  await expect(vmc.getByRole('region', { name: 'Three containers' })).toBeVisible();
  await expect(vmc.getByText('Hypervisor (KVM + QEMU)')).toBeVisible();
  await expect(vmc.getByText('One Linux kernel (host): namespaces + cgroups')).toBeVisible();
  await expect(vmc.getByText(/docker run` end to end ≈ 0\.57 s/)).toBeVisible();
  await expect(vmc.getByText('Khan, arXiv:2602.15214 (2026)')).toBeVisible();
  await expect(vmc.getByText(/Firecracker SPECIFICATION\.md/)).toBeVisible();
  await expect(vmc.getByText('no matching manifest for linux/amd64 in the manifest list entries')).toBeVisible();
  await expect(vmc.getByTestId('vmc-live')).toContainText('Live: 1 running in this playground');
  await expect(vmc.getByTestId('vmc-live')).toContainText('web');
  await vmc.getByRole('button', { name: 'Start all three' }).click();
  // Containers are ready long before the VMs (0.57 s vs ~20 s, time-lapsed ×5).
  await expect(vmc.getByRole('region', { name: 'Three containers' })).toHaveAttribute('data-phase', 'ready');
  await expect(vmc.getByRole('region', { name: 'Three virtual machines' })).toHaveAttribute('data-phase', 'booting');
  await shot(page, 'vmcompare-booting');
  await expect(vmc.getByRole('region', { name: 'Three virtual machines' })).toHaveAttribute('data-phase', 'ready', { timeout: 10_000 });
  expect(await axeOf(page, 'vmcompare')).toEqual([]);

  // Network: a user-defined bridge, two containers on it, a ping by name.
  await runToPrompt(page, 'docker network create app', { clear: true });
  await runToPrompt(page, 'docker run -d --name api --network app -p 8080:80 nginx');
  await runToPrompt(page, 'docker run -d --name client --network app alpine sleep 300');
  await page.getByRole('tab', { name: 'Network' }).click();
  const network = panel(page, 'Network');
  await expect(network.getByRole('img', { name: /Networks: 2 bridges, 3 container endpoints, 2 published ports/ })).toBeVisible();
  await expect(network.locator('[data-network="app"]')).toContainText(/br-[0-9a-f]{12} · app · 172\.18\.0\.0\/16 · gw 172\.18\.0\.1 · DNS 127\.0\.0\.11/);
  await expect(network.locator('[data-network="bridge"]')).toContainText('docker0 · bridge · 172.17.0.0/16');
  await expect(network.locator('[data-container="api"]')).toContainText('172.18.0.2');
  await expect(network.getByText(/published: 0\.0\.0\.0:8080 → api:80\/tcp +\[::\]:8080 → api:80\/tcp/).filter({ visible: true })).toBeVisible();
  expect(await runToPrompt(page, 'docker exec client ping -c 2 api')).toContain('2 packets transmitted, 2 packets received');
  const traffic = network.getByRole('region', { name: 'Traffic' });
  await expect(traffic.getByRole('listitem').filter({ hasText: 'client → api' }).first()).toBeVisible();
  await shot(page, 'network');
  expect(await axeOf(page, 'network')).toEqual([]);

  // pt-BR.
  await page.getByRole('button', { name: 'Português' }).click();
  await expect(panel(page, 'VM vs contêiner').getByRole('region', { name: 'Três contêineres' })).toBeVisible();
  await shot(page, 'vmcompare-pt-BR');
  await page.getByRole('tab', { name: 'Arquitetura' }).click();
  await expect(panel(page, 'Arquitetura').getByRole('region', { name: 'Chamadas à Engine API' })).toBeVisible();
  await shot(page, 'architecture-pt-BR');
  watch.expectClean();
});

test('architecture: with reduced motion, calls light their path without moving tokens', async ({ page }) => {
  test.setTimeout(60_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const watch = await openPlayground(page);
  await page.getByRole('tab', { name: 'Architecture' }).click();
  await runToPrompt(page, 'docker run -d --name web alpine sleep 100');
  const arch = panel(page, 'Architecture');
  // Read at once (no retry): with motion on, the start call's token is still travelling now.
  expect(await arch.locator('.arch-token').count()).toBe(0);
  await expect(arch.getByTestId('arch-reached')).toHaveText('dockerd → containerd → shim → runc → kernel → networks');
  watch.expectClean();
});
