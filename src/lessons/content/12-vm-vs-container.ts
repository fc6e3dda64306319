import { all, exitedFrom, not, runningAtLeast, startedWithin } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/** Lesson 12: VM vs container: no guest kernel to boot, so containers start fast and cost little. */
export const vmVsContainer: Lesson = {
  id: 'vm-vs-container',
  order: 12,
  title: { en: 'VM vs container', 'pt-BR': 'VM x contêiner' },
  intro: {
    en: 'A virtual machine emulates hardware and boots a whole guest operating system with its own kernel; a container is a process of the host kernel. That makes containers start in milliseconds and cost only what their processes use, and VMs isolate more strongly. Open the VM vs container view for the sourced figures.',
    'pt-BR': 'Uma máquina virtual emula hardware e dá boot num sistema operacional convidado inteiro, com kernel próprio; um contêiner é um processo do kernel do host. Por isso contêineres sobem em milissegundos e custam só o que os processos deles usam, e VMs isolam mais. Abra a aba VM x contêiner para ver os números, com as fontes.',
  },
  steps: [
    {
      run: 'docker run -d --name c1 alpine sleep 1000',
      say: {
        en: 'Started almost at once (after the first pull): nothing boots, runc just starts a process in new namespaces.',
        'pt-BR': 'Subiu quase na hora (depois do primeiro pull): nada dá boot, o runc só inicia um processo em namespaces novos.',
      },
    },
    {
      run: 'for i in 2 3 4 5 6 7 8 9 10; do docker run -d --name c$i alpine sleep 1000 > /dev/null; done',
      say: { en: 'Nine more. Ten VMs would mean ten kernels booting.', 'pt-BR': 'Mais nove. Dez VMs seriam dez kernels dando boot.' },
    },
    {
      run: 'docker stats --no-stream',
      say: {
        en: 'Each container uses well under a megabyte: the memory of one sleep process. A VM reserves its guest’s RAM up front.',
        'pt-BR': 'Cada contêiner usa bem menos de um megabyte: a memória de um processo sleep. Uma VM reserva de cara a RAM do convidado.',
      },
    },
    {
      run: 'free -m',
      say: { en: 'The host barely noticed.', 'pt-BR': 'O host mal percebeu.' },
    },
    {
      run: 'docker exec c1 uname -r',
      say: {
        en: 'One kernel for all: the host’s (compare uname -r). That is also the price: a kernel bug reaches every container, where a VM has a hypervisor in between.',
        'pt-BR': 'Um kernel para todos: o do host (compare com uname -r). Esse é também o preço: uma falha no kernel atinge todos os contêineres, enquanto a VM tem um hipervisor no meio.',
      },
    },
  ],
  goals: [
    {
      id: 'fast',
      text: { en: 'A container went from created to running in under a second', 'pt-BR': 'Um contêiner levou menos de um segundo entre ser criado e começar a rodar' },
      met: startedWithin(1000),
    },
    {
      id: 'ten',
      text: { en: 'Ten containers run at once', 'pt-BR': 'Dez contêineres rodam ao mesmo tempo' },
      met: runningAtLeast(10),
    },
  ],
  hints: [
    {
      id: 'exited-at-once',
      when: all(exitedFrom('alpine', 0), not(runningAtLeast(10))),
      text: {
        en: 'Some alpine containers exited at once: without a command alpine runs sh, which quits with no terminal. Give each one sleep 1000.',
        'pt-BR': 'Alguns contêineres alpine saíram na hora: sem comando, o alpine roda o sh, que termina sem terminal. Dê a cada um um sleep 1000.',
      },
    },
  ],
  quiz: [
    {
      id: 'why-fast',
      question: { en: 'Why does a container start so much faster than a VM?', 'pt-BR': 'Por que um contêiner sobe tão mais rápido que uma VM?' },
      choices: [
        { en: 'Docker keeps a VM booted in the background', 'pt-BR': 'O Docker mantém uma VM ligada em segundo plano' },
        { en: 'There is no kernel to boot: it is a process started in new namespaces and a cgroup', 'pt-BR': 'Não há kernel para dar boot: é um processo iniciado em namespaces e cgroup novos' },
        { en: 'Images are compressed', 'pt-BR': 'As imagens são comprimidas' },
      ],
      answer: 1,
      explain: { en: 'The host kernel is already running; runc only sets up the process’s view of it.', 'pt-BR': 'O kernel do host já está rodando; o runc só prepara a visão que o processo tem dele.' },
    },
    {
      id: 'isolation',
      question: { en: 'Which isolates more strongly by default?', 'pt-BR': 'Qual isola mais, por padrão?' },
      choices: [
        { en: 'A VM: each guest has its own kernel behind a hypervisor', 'pt-BR': 'A VM: cada convidado tem kernel próprio, atrás de um hipervisor' },
        { en: 'A container: namespaces hide everything', 'pt-BR': 'O contêiner: os namespaces escondem tudo' },
        { en: 'They are the same', 'pt-BR': 'Dá no mesmo' },
      ],
      answer: 0,
      explain: {
        en: 'Containers share the host kernel, so the kernel is their common attack surface.',
        'pt-BR': 'Contêineres dividem o kernel do host, então o kernel é a superfície de ataque em comum.',
      },
    },
  ],
  solution: [
    'docker run -d --name c1 alpine sleep 1000',
    'for i in 2 3 4 5 6 7 8 9 10; do docker run -d --name c$i alpine sleep 1000 > /dev/null; done',
    'docker stats --no-stream',
    'free -m',
    'docker exec c1 uname -r',
    'uname -r',
  ],
};
