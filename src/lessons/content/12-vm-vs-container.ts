import { all, createdFrom, exitedFrom, imagePresent, not, ranToExit, runningAtLeast, startedWithin } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/**
 * Lesson 12: VM vs container: one shared host kernel, so containers start fast and cost little,
 * and a container can run only what that kernel runs (an image brings a userland, never a kernel).
 */
export const vmVsContainer: Lesson = {
  id: 'vm-vs-container',
  order: 12,
  title: { en: 'VM vs container', 'pt-BR': 'VM x contêiner' },
  intro: {
    en: 'A virtual machine emulates hardware and boots a whole guest operating system with its own kernel; a container is a process of the host kernel, the one kernel every container shares. That makes containers start in milliseconds and cost only what their processes use. It also sets their limit: a container runs only what the host’s kernel can run, and VMs isolate more strongly. Open the VM vs container view for the sourced figures.',
    'pt-BR': 'Uma máquina virtual emula hardware e dá boot num sistema operacional convidado inteiro, com kernel próprio; um contêiner é um processo do kernel do host, o único kernel que todos os contêineres dividem. Por isso contêineres sobem em milissegundos e custam só o que os processos deles usam. Isso também dá o limite deles: um contêiner só roda o que o kernel do host consegue rodar, e VMs isolam mais. Abra a aba VM x contêiner para ver os números, com as fontes.',
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
    {
      run: 'docker run --name jammy ubuntu:22.04 uname -r',
      say: {
        en: 'Ubuntu 22.04 ships with a 5.15 kernel, yet this container prints the host’s kernel too: an image brings files (a userland), never a kernel. So a container can only run programs for the host’s kernel, Linux on x86-64 here: no Windows program, no kernel of its own, no other kernel version. That takes a VM (Docker Desktop on macOS and Windows runs Linux containers inside a hidden Linux VM).',
        'pt-BR': 'O Ubuntu 22.04 vem com um kernel 5.15, mas este contêiner também mostra o kernel do host: uma imagem traz arquivos (um userland), nunca um kernel. Então um contêiner só roda programas para o kernel do host, Linux em x86-64 aqui: nada de programa de Windows, nem kernel próprio, nem outra versão de kernel. Para isso é preciso uma VM (o Docker Desktop no macOS e no Windows roda os contêineres Linux dentro de uma VM Linux escondida).',
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
    {
      id: 'one-kernel',
      text: { en: 'A container of another distribution (Ubuntu 22.04) ran uname -r on the same, shared kernel', 'pt-BR': 'Um contêiner de outra distribuição (Ubuntu 22.04) rodou uname -r no mesmo kernel, compartilhado' },
      met: ranToExit('ubuntu:22.04', /\buname\b/),
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
    {
      id: 'ubuntu-gone',
      when: all(imagePresent('ubuntu:22.04'), not(createdFrom('ubuntu:22.04'))),
      text: {
        en: 'No Ubuntu 22.04 container is left to check (with --rm it is removed as it exits). Run one without --rm: docker run --name jammy ubuntu:22.04 uname -r',
        'pt-BR': 'Não sobrou nenhum contêiner Ubuntu 22.04 para conferir (com --rm ele é removido ao sair). Rode um sem --rm: docker run --name jammy ubuntu:22.04 uname -r',
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
    {
      id: 'cannot-run',
      question: { en: 'This host runs Linux on x86-64. What can a container here not run?', 'pt-BR': 'Este host roda Linux em x86-64. O que um contêiner aqui não consegue rodar?' },
      choices: [
        { en: 'An Ubuntu 22.04 userland, though the host is another distribution', 'pt-BR': 'Um userland do Ubuntu 22.04, mesmo o host sendo outra distribuição' },
        { en: 'A Windows program, or a kernel of its own', 'pt-BR': 'Um programa de Windows, ou um kernel próprio' },
        { en: 'Ten containers of the same image at once', 'pt-BR': 'Dez contêineres da mesma imagem ao mesmo tempo' },
      ],
      answer: 1,
      explain: {
        en: 'A container is a process of the host kernel: its image brings files, not a kernel, so another OS or kernel needs a VM.',
        'pt-BR': 'Um contêiner é um processo do kernel do host: a imagem traz arquivos, não um kernel, então outro sistema operacional ou kernel precisa de uma VM.',
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
    'docker run --name jammy ubuntu:22.04 uname -r',
  ],
};
