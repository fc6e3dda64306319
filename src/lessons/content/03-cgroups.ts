import { all, cpuSharesContend, cpuSharesPair, forkFailedAtPidsLimit, memoryLimited, not, oomKilled, pidsLimited, someContainer } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/** A container that runs stress's memory hog (`--vm`), as its command line says. */
const hogsMemory = (command: string): boolean => /(^|\s)(--vm|-m)\s/.test(command);

/** Lesson 3: cgroups limit what a process may use: memory (and the OOM kill), CPU weight, PIDs. */
export const cgroups: Lesson = {
  id: 'cgroups',
  order: 3,
  title: { en: 'Cgroups: limits', 'pt-BR': 'Cgroups: limites' },
  intro: {
    en: 'Namespaces decide what a process can see; control groups (cgroups) decide how much it can use. Every container gets a cgroup, and the kernel enforces its limits: memory, CPU, number of processes. Watch the Cgroups view while you go.',
    'pt-BR': 'Os namespaces decidem o que um processo enxerga; os grupos de controle (cgroups) decidem quanto ele pode usar. Cada contêiner ganha um cgroup, e o kernel aplica os limites dele: memória, CPU, número de processos. Acompanhe pela aba Cgroups.',
  },
  steps: [
    {
      run: 'docker run -d --name hog --memory 64m progrium/stress --vm 1 --vm-bytes 128M',
      say: {
        en: 'Give a container 64 MiB of memory and make it allocate 128 MiB. When its cgroup hits memory.max, the kernel’s OOM killer kills the process.',
        'pt-BR': 'Dê 64 MiB de memória a um contêiner e faça ele alocar 128 MiB. Quando o cgroup bate no memory.max, o OOM killer do kernel mata o processo.',
      },
    },
    {
      run: "docker inspect -f '{{.State.OOMKilled}}' hog",
      say: {
        en: 'After a few seconds, ask Docker: OOMKilled is true (docker logs hog shows the worker getting signal 9).',
        'pt-BR': 'Depois de alguns segundos, pergunte ao Docker: OOMKilled é true (o docker logs hog mostra o worker recebendo o sinal 9).',
      },
    },
    {
      run: 'docker run -d --name lo --cpuset-cpus 0 --cpu-shares 512 progrium/stress --cpu 1',
      say: {
        en: 'CPU shares are a weight, not a cap: they only matter under contention. Pin this CPU burner to CPU 0 with weight 512…',
        'pt-BR': 'CPU shares são um peso, não um teto: só contam quando há disputa. Prenda este consumidor de CPU na CPU 0 com peso 512…',
      },
    },
    {
      run: 'docker run -d --name hi --cpuset-cpus 0 --cpu-shares 1024 progrium/stress --cpu 1',
      say: {
        en: '…and a second one on the same CPU with weight 1024.',
        'pt-BR': '…e um segundo na mesma CPU com peso 1024.',
      },
    },
    {
      run: 'docker stats --no-stream',
      say: {
        en: 'hi gets more of CPU 0 than lo, but not exactly twice as much: on cgroup v2, runc converts the shares 512 and 1024 to cpu.weight 59 and 100, so the split is about 37 % to 63 %.',
        'pt-BR': 'O hi leva mais da CPU 0 que o lo, mas não exatamente o dobro: no cgroup v2, o runc converte os shares 512 e 1024 em cpu.weight 59 e 100, então a divisão fica em uns 37 % contra 63 %.',
      },
    },
    {
      run: 'docker run -d --name lim --pids-limit 5 alpine sleep 1000',
      say: {
        en: 'A PID limit caps how many processes the cgroup may hold, the classic defence against a fork bomb.',
        'pt-BR': 'O limite de PIDs define quantos processos o cgroup pode ter: a defesa clássica contra fork bomb.',
      },
    },
    {
      run: 'docker exec lim sh -c "for i in 1 2 3 4 5 6; do sleep 100 & done"',
      say: {
        en: 'Try to start six more processes: once pids.max is reached, fork fails with “Resource temporarily unavailable”.',
        'pt-BR': 'Tente iniciar mais seis processos: quando o pids.max é atingido, o fork falha com “Resource temporarily unavailable”.',
      },
    },
  ],
  goals: [
    {
      id: 'memory-limit',
      text: { en: 'A container has a memory limit', 'pt-BR': 'Um contêiner tem limite de memória' },
      met: memoryLimited,
    },
    {
      id: 'oom-kill',
      text: { en: 'A container was OOM-killed', 'pt-BR': 'Um contêiner foi morto por falta de memória (OOM)' },
      met: oomKilled,
    },
    {
      id: 'cpu-shares',
      text: { en: 'Containers with --cpu-shares 512 and 1024 compete for the same CPU', 'pt-BR': 'Contêineres com --cpu-shares 512 e 1024 disputam a mesma CPU' },
      met: cpuSharesContend(512, 1024),
    },
    {
      id: 'pids-limit',
      text: { en: 'A fork failed at a container’s PID limit', 'pt-BR': 'Um fork falhou no limite de PIDs de um contêiner' },
      met: forkFailedAtPidsLimit,
    },
  ],
  hints: [
    {
      id: 'hog-unlimited',
      when: all(not(oomKilled), someContainer((c) => c.status === 'running' && hogsMemory(c.command) && c.limits.memory === 0)),
      text: {
        en: 'Your stress container allocates memory but has no limit, so it may take all of the host’s RAM. Remove it (docker rm -f hog) and run it again with --memory 64m.',
        'pt-BR': 'Seu contêiner stress está alocando memória sem limite nenhum, então pode ocupar toda a RAM do host. Remova (docker rm -f hog) e rode de novo com --memory 64m.',
      },
    },
    {
      id: 'limited-wrong-container',
      when: all(not(oomKilled), someContainer((c) => c.limits.memory > 0 && !hogsMemory(c.command)), not(someContainer((c) => c.limits.memory > 0 && hogsMemory(c.command)))),
      text: {
        en: 'You put the memory limit on a container that does not allocate much, so nothing will happen. The limit belongs on the one running stress --vm.',
        'pt-BR': 'Você colocou o limite de memória num contêiner que quase não aloca memória, então nada vai acontecer. O limite tem que ir no que roda o stress --vm.',
      },
    },
    {
      id: 'no-contention',
      when: all(cpuSharesPair(512, 1024), not(cpuSharesContend(512, 1024))),
      text: {
        en: 'Both containers run, but with 4 CPUs each gets a whole CPU and the weights never matter. Pin both to the same CPU with --cpuset-cpus 0.',
        'pt-BR': 'Os dois estão rodando, mas com 4 CPUs cada um fica com uma CPU inteira e os pesos nem entram em jogo. Prenda os dois na mesma CPU com --cpuset-cpus 0.',
      },
    },
    {
      id: 'pids-not-reached',
      when: all(pidsLimited, not(forkFailedAtPidsLimit)),
      text: {
        en: 'The PID limit is set; now start more processes than it allows inside that container (docker exec … sh -c "for i in 1 2 3 4 5 6; do sleep 100 & done").',
        'pt-BR': 'O limite de PIDs está definido; agora inicie mais processos do que ele permite dentro desse contêiner (docker exec … sh -c "for i in 1 2 3 4 5 6; do sleep 100 & done").',
      },
    },
  ],
  quiz: [
    {
      id: 'oom',
      question: { en: 'A container goes past its --memory limit. What happens?', 'pt-BR': 'Um contêiner passa do limite de --memory. O que acontece?' },
      choices: [
        { en: 'It gets slower but keeps all its memory', 'pt-BR': 'Ele fica mais lento, mas mantém toda a memória' },
        { en: 'The kernel’s OOM killer kills a process in its cgroup', 'pt-BR': 'O OOM killer do kernel mata um processo do cgroup dele' },
        { en: 'Docker raises the limit automatically', 'pt-BR': 'O Docker aumenta o limite sozinho' },
      ],
      answer: 1,
      explain: {
        en: 'memory.max is a hard limit: past it, the kernel kills, and docker inspect reports OOMKilled.',
        'pt-BR': 'O memory.max é um limite rígido: passou dele, o kernel mata, e o docker inspect mostra OOMKilled.',
      },
    },
    {
      id: 'shares',
      question: { en: 'A container has --cpu-shares 512 and nothing else on the host wants CPU. How much can it use?', 'pt-BR': 'Um contêiner tem --cpu-shares 512 e mais nada no host quer CPU. Quanto ele pode usar?' },
      choices: [
        { en: 'At most half a CPU, always', 'pt-BR': 'No máximo meia CPU, sempre' },
        { en: 'All the CPU it wants: shares only matter when containers compete', 'pt-BR': 'Toda a CPU que quiser: shares só contam quando há disputa' },
        { en: 'Half of what it would get with 1024', 'pt-BR': 'Metade do que teria com 1024' },
      ],
      answer: 1,
      explain: {
        en: 'Shares are relative weights used only under contention; a hard cap is --cpus.',
        'pt-BR': 'Shares são pesos relativos, usados só quando há disputa; teto fixo é o --cpus.',
      },
    },
    {
      id: 'pids',
      question: { en: 'What stops a fork bomb inside a container?', 'pt-BR': 'O que segura uma fork bomb dentro de um contêiner?' },
      choices: [
        { en: '--pids-limit (the pids.max of its cgroup)', 'pt-BR': 'O --pids-limit (o pids.max do cgroup dele)' },
        { en: '--memory', 'pt-BR': 'O --memory' },
        { en: 'The PID namespace', 'pt-BR': 'O namespace de PID' },
      ],
      answer: 0,
      explain: {
        en: 'The PID namespace only renumbers processes; the pids controller counts them and makes fork fail past the limit.',
        'pt-BR': 'O namespace de PID só renumera os processos; quem conta e faz o fork falhar depois do limite é o controlador pids.',
      },
    },
  ],
  solution: [
    'docker run -d --name hog --memory 64m progrium/stress --vm 1 --vm-bytes 128M',
    'sleep 3',
    "docker inspect -f '{{.State.OOMKilled}}' hog",
    'docker run -d --name lo --cpuset-cpus 0 --cpu-shares 512 progrium/stress --cpu 1',
    'docker run -d --name hi --cpuset-cpus 0 --cpu-shares 1024 progrium/stress --cpu 1',
    'docker stats --no-stream',
    'docker run -d --name lim --pids-limit 5 alpine sleep 1000',
    'docker exec lim sh -c "for i in 1 2 3 4 5 6; do sleep 100 & done"',
  ],
};
